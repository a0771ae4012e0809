//! The date lexicon (`rules/dates.toml`): loads the word lists and builds the
//! word table the tokenizer classifies words with.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::expr::{Part, Unit};
use super::tokens::{self, Kind, NO_WORD, Tok};
use crate::error::RulesError;

/// One token of a lexicon phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PTok {
    /// A word, by its id in the word table.
    Word(u32),
    /// A number: value and digit count.
    Num(u32, u8),
    /// A punctuation character.
    Punct(char),
}

/// A multi-token phrase ("prior to" → `prior`, `to`).
pub(crate) type Phrase = Vec<PTok>;

/// A list of phrases. One-word entries are a bit in each word's
/// [`WordInfo::lists`], so testing a token is one lookup; longer phrases
/// are compared token by token.
#[derive(Clone, Debug, Default)]
pub(crate) struct PhraseList {
    /// This list's bit in `WordInfo::lists`.
    pub bit: u64,
    /// One-character punctuation entries (`$`, `%`, `-`).
    pub puncts: Vec<char>,
    /// Entries of two or more tokens.
    pub multi: Vec<Phrase>,
}

/// A fast hasher for the short keys of the word table (FxHash).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap = HashMap<Box<str>, u32, std::hash::BuildHasherDefault<FxHasher>>;

/// Flags for word roles that carry no value.
pub(crate) mod flag {
    /// `quarter`.
    pub const QUARTER: u32 = 1;
    /// `half`.
    pub const HALF: u32 = 1 << 1;
    /// `century`.
    pub const CENTURY: u32 = 1 << 2;
    /// `that` (that year).
    pub const DEMONSTRATIVE: u32 = 1 << 3;
    /// `ago`.
    pub const AGO: u32 = 1 << 4;
    /// `later`.
    pub const LATER: u32 = 1 << 5;
    /// `earlier`.
    pub const EARLIER: u32 = 1 << 6;
    /// `earlier` / `later` before `this month`.
    pub const QUALIFIER: u32 = 1 << 7;
    /// `last` / `past` before a number of units.
    pub const SPAN: u32 = 1 << 8;
    /// First word of a phrase that can open an expression (`since`, `the`).
    pub const STARTER: u32 = 1 << 9;
}

/// What the lexicon knows about one lowercase word.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordInfo {
    /// Month number, 0 if not a month name.
    pub month: u8,
    /// An abbreviation: needs a capital and a day or a year.
    pub month_abbrev: bool,
    /// Also a common word (`may`).
    pub month_ambiguous: bool,
    /// ISO weekday 1–7, 0 if none.
    pub weekday: u8,
    /// 1-based index into [`Lexicon::seasons`], 0 if none.
    pub season: u8,
    /// `early`, `mid`, `late`.
    pub part: Option<Part>,
    /// `beginning`, `middle`, `end` (used with `of`).
    pub part_of: Option<Part>,
    /// Ordinal value (`third` = 3), 0 if none.
    pub ordinal: u8,
    /// Cardinal value (`two` = 2), 0 if none.
    pub number: u8,
    /// A calendar unit (`year`, `months`).
    pub unit: Option<Unit>,
    /// The unit word is plural (`months`).
    pub unit_plural: bool,
    /// First year of a spelt-out decade (`nineties` = 1990), 0 if none.
    pub decade: u16,
    /// Day offset of `today`, `yesterday`.
    pub day_offset: Option<i8>,
    /// Offset of a deictic modifier (`last` = -1).
    pub deictic: Option<i8>,
    /// Offset of an anaphoric modifier after `the` (`following` = 1).
    pub anaphoric: Option<i8>,
    /// Bit set of [`flag`]s.
    pub flags: u32,
    /// The phrase lists this word is a one-word entry of (bit set).
    pub lists: u64,
    /// Can an expression start at this word? (Computed after loading.)
    pub starter: bool,
    /// Is the word a date on its own (a month, a season)? Other starters
    /// need a number or a known word after them. (Computed after loading.)
    pub standalone: bool,
}

impl WordInfo {
    fn can_start(&self) -> bool {
        self.flags & (flag::STARTER | flag::QUALIFIER | flag::DEMONSTRATIVE) != 0
            || self.month > 0
            || self.weekday > 0
            || self.season > 0
            || self.part.is_some()
            || self.part_of.is_some()
            || self.ordinal > 0
            || self.number > 0
            || self.decade > 0
            || self.day_offset.is_some()
            || self.deictic.is_some()
    }
}

/// How all-numeric dates are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumericOrder {
    /// 03/04/2005 = 4 March.
    Mdy,
    /// 03/04/2005 = 3 April.
    Dmy,
}

/// A season: first and last month (the last may be in the next year).
#[derive(Clone, Debug)]
pub(crate) struct Season {
    pub first: u32,
    pub last: u32,
}

/// Inclusive bounds of early / mid / late for one kind of period.
pub(crate) type PartTable = [(u32, u32); 3];

/// Phrase lists the patterns check around candidates.
#[derive(Clone, Debug, Default)]
pub(crate) struct Phrases {
    pub range: PhraseList,
    pub from: PhraseList,
    pub between: PhraseList,
    pub and: PhraseList,
    pub present: PhraseList,
    pub onwards: PhraseList,
    pub since: PhraseList,
    pub after: PhraseList,
    pub before: PhraseList,
    pub until: PhraseList,
    pub negations: PhraseList,
    pub prepositions: PhraseList,
    pub weak_prepositions: PhraseList,
    pub articles: PhraseList,
    pub of: PhraseList,
    pub determiners: PhraseList,
    pub event_relations: PhraseList,
    pub document_labels: PhraseList,
    pub guard_before: PhraseList,
    pub count_before: PhraseList,
    pub guard_units: PhraseList,
    pub guard_nouns: PhraseList,
    pub ordinal_suffixes: PhraseList,
    pub decade_suffixes: PhraseList,
    pub citation_suffixes: PhraseList,
    pub citation_words: PhraseList,
    pub quarter_prefixes: PhraseList,
    pub last_words: PhraseList,
    pub half_prefixes: PhraseList,
}

/// The loaded lexicon.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    words: WordMap,
    /// ASCII words of up to 8 letters, packed into a `u64` (see [`pack`]).
    short: HashMap<u64, u32, std::hash::BuildHasherDefault<FxHasher>>,
    infos: Vec<WordInfo>,
    max_word_len: usize,
    pub seasons: Vec<Season>,
    pub part_year: PartTable,
    pub part_month: PartTable,
    pub part_decade: PartTable,
    pub part_century: PartTable,
    pub phrases: Phrases,
    /// Named dates: token texts and the day.
    pub named: Vec<(Phrase, NaiveDate)>,
    pub numeric_order: NumericOrder,
    pub dotted_order: NumericOrder,
    pub bare_year_min: i32,
    pub bare_year_max: i32,
    pub context_year_min: i32,
    pub two_digit_pivot: u32,
    pub negation_window: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    settings: RawSettings,
    months: BTreeMap<String, u8>,
    month_abbreviations: BTreeMap<String, u8>,
    weekdays: BTreeMap<String, u8>,
    seasons: BTreeMap<String, [u32; 2]>,
    parts: BTreeMap<String, Part>,
    parts_of: BTreeMap<String, Part>,
    part_ranges: RawPartRanges,
    ordinals: BTreeMap<String, u8>,
    period_words: RawPeriodWords,
    decade_words: BTreeMap<String, u16>,
    connectors: RawConnectors,
    open: RawOpen,
    relative: RawRelative,
    context: RawContext,
    guards: RawGuards,
    named: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    numeric_order: String,
    dotted_order: String,
    bare_year_min: i32,
    bare_year_max: i32,
    context_year_min: i32,
    two_digit_pivot: u32,
    ambiguous_months: Vec<String>,
    ordinal_suffixes: Vec<String>,
    decade_suffixes: Vec<String>,
    citation_suffixes: Vec<String>,
    citation_words: Vec<String>,
    quarter_prefixes: Vec<String>,
    last_words: Vec<String>,
    half_prefixes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPartRanges {
    year: RawPartTable,
    month: RawPartTable,
    decade: RawPartTable,
    century: RawPartTable,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPartTable {
    early: [u32; 2],
    mid: [u32; 2],
    late: [u32; 2],
}

impl RawPartTable {
    fn table(&self) -> PartTable {
        [(self.early[0], self.early[1]), (self.mid[0], self.mid[1]), (self.late[0], self.late[1])]
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriodWords {
    quarter: Vec<String>,
    half: Vec<String>,
    century: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConnectors {
    range: Vec<String>,
    from: Vec<String>,
    between: Vec<String>,
    and: Vec<String>,
    present: Vec<String>,
    onwards: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOpen {
    since: Vec<String>,
    after: Vec<String>,
    before: Vec<String>,
    until: Vec<String>,
    negations: Vec<String>,
    negation_window: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelative {
    units: BTreeMap<String, Unit>,
    plural_units: BTreeMap<String, Unit>,
    deictic: BTreeMap<String, i8>,
    anaphoric: BTreeMap<String, i8>,
    demonstratives: Vec<String>,
    ago: Vec<String>,
    later: Vec<String>,
    earlier: Vec<String>,
    qualifiers: Vec<String>,
    span: Vec<String>,
    days: BTreeMap<String, i8>,
    numbers: BTreeMap<String, u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContext {
    prepositions: Vec<String>,
    weak_prepositions: Vec<String>,
    articles: Vec<String>,
    of: Vec<String>,
    determiners: Vec<String>,
    event_relations: Vec<String>,
    document_labels: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGuards {
    before: Vec<String>,
    count_before: Vec<String>,
    after_units: Vec<String>,
    after_nouns: Vec<String>,
}

/// Builds the word table while the raw lists are read.
struct Builder<'p> {
    path: &'p Path,
    lists: u32,
    words: WordMap,
    infos: Vec<WordInfo>,
}

impl Builder<'_> {
    fn err(&self, message: String) -> RulesError {
        RulesError { path: self.path.to_path_buf(), message }
    }

    /// The id of one word (lowercased), created on first use.
    fn id(&mut self, w: &str) -> Result<u32, RulesError> {
        let key = w.trim().to_lowercase();
        if key.is_empty() || !key.chars().all(char::is_alphabetic) {
            return Err(self.err(format!("`{w}` must be a single word of letters")));
        }
        let next = self.infos.len() as u32;
        let id = *self.words.entry(key.into_boxed_str()).or_insert(next);
        if id == next {
            self.infos.push(WordInfo::default());
        }
        Ok(id)
    }

    /// The entry for one word, created on first use.
    fn word(&mut self, w: &str) -> Result<&mut WordInfo, RulesError> {
        let id = self.id(w)?;
        Ok(&mut self.infos[id as usize])
    }

    /// One phrase: its words get ids in the word table.
    fn phrase(&mut self, item: &str) -> Result<Phrase, RulesError> {
        let mut out = Vec::new();
        for (kind, text) in tokens::split_plain(item) {
            out.push(match kind {
                Kind::Word => PTok::Word(self.id(text)?),
                Kind::Num => {
                    let v = text
                        .parse()
                        .map_err(|_| self.err(format!("number too long in `{item}`")))?;
                    PTok::Num(v, text.len() as u8)
                }
                Kind::Punct => PTok::Punct(text.chars().next().unwrap_or(' ')),
            });
        }
        if out.is_empty() {
            return Err(self.err(format!("empty phrase `{item}`")));
        }
        Ok(out)
    }

    /// A phrase list; with `starter`, the first word of each phrase may
    /// open an expression.
    fn phrases(&mut self, list: &[String], starter: bool) -> Result<PhraseList, RulesError> {
        if self.lists >= 64 {
            return Err(self.err("too many phrase lists".into()));
        }
        let mut out = PhraseList { bit: 1 << self.lists, ..PhraseList::default() };
        self.lists += 1;
        for item in list {
            let p = self.phrase(item)?;
            if let (true, PTok::Word(id)) = (starter, p[0]) {
                self.infos[id as usize].flags |= flag::STARTER;
            }
            match p.as_slice() {
                [PTok::Word(id)] => self.infos[*id as usize].lists |= out.bit,
                [PTok::Punct(c)] => out.puncts.push(*c),
                _ => out.multi.push(p),
            }
        }
        Ok(out)
    }

    fn flag_words(&mut self, list: &[String], f: u32) -> Result<(), RulesError> {
        for w in list {
            self.word(w)?.flags |= f;
        }
        Ok(())
    }
}

fn check_range(b: &Builder<'_>, what: &str, v: u32, lo: u32, hi: u32) -> Result<(), RulesError> {
    if v < lo || v > hi {
        return Err(b.err(format!("{what}: {v} is not in {lo}..={hi}")));
    }
    Ok(())
}

/// An ASCII word of 1–8 letters packed lowercase into a `u64`.
fn pack(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 8 || !b.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    Some(b.iter().fold(0u64, |k, &c| (k << 8) | u64::from(c.to_ascii_lowercase())))
}

impl Lexicon {
    /// Parses the TOML text of the lexicon; `path` names it in errors.
    pub(crate) fn parse(text: &str, path: &Path) -> Result<Lexicon, RulesError> {
        let raw: Raw = toml::from_str(text)
            .map_err(|e| RulesError { path: path.to_path_buf(), message: e.to_string() })?;
        let mut b = Builder { path, lists: 0, words: WordMap::default(), infos: Vec::new() };
        let s = &raw.settings;
        let order = |name: &str, v: &str| match v {
            "mdy" => Ok(NumericOrder::Mdy),
            "dmy" => Ok(NumericOrder::Dmy),
            other => Err(b.err(format!("{name} must be mdy or dmy, not `{other}`"))),
        };
        let numeric_order = order("numeric_order", &s.numeric_order)?;
        let dotted_order = order("dotted_order", &s.dotted_order)?;
        for (w, &m) in &raw.months {
            check_range(&b, w, m.into(), 1, 12)?;
            b.word(w)?.month = m;
        }
        for (w, &m) in &raw.month_abbreviations {
            check_range(&b, w, m.into(), 1, 12)?;
            let info = b.word(w)?;
            info.month = m;
            info.month_abbrev = true;
        }
        for w in &s.ambiguous_months {
            b.word(w)?.month_ambiguous = true;
        }
        for (w, &d) in &raw.weekdays {
            check_range(&b, w, d.into(), 1, 7)?;
            b.word(w)?.weekday = d;
        }
        let mut seasons = Vec::new();
        for (w, &[first, last]) in &raw.seasons {
            check_range(&b, w, first, 1, 12)?;
            check_range(&b, w, last, 1, 12)?;
            seasons.push(Season { first, last });
            b.word(w)?.season = seasons.len() as u8;
        }
        for (w, &p) in &raw.parts {
            b.word(w)?.part = Some(p);
        }
        for (w, &p) in &raw.parts_of {
            b.word(w)?.part_of = Some(p);
        }
        for (w, &n) in &raw.ordinals {
            b.word(w)?.ordinal = n;
        }
        b.flag_words(&raw.period_words.quarter, flag::QUARTER)?;
        b.flag_words(&raw.period_words.half, flag::HALF)?;
        b.flag_words(&raw.period_words.century, flag::CENTURY)?;
        for (w, &y) in &raw.decade_words {
            if y % 10 != 0 {
                return Err(b.err(format!("decade word `{w}`: {y} does not end in 0")));
            }
            b.word(w)?.decade = y;
        }
        let r = &raw.relative;
        for (w, &u) in &r.units {
            b.word(w)?.unit = Some(u);
        }
        for (w, &u) in &r.plural_units {
            let info = b.word(w)?;
            info.unit = Some(u);
            info.unit_plural = true;
        }
        for (w, &o) in &r.deictic {
            b.word(w)?.deictic = Some(o);
        }
        for (w, &o) in &r.anaphoric {
            b.word(w)?.anaphoric = Some(o);
        }
        for (w, &o) in &r.days {
            b.word(w)?.day_offset = Some(o);
        }
        for (w, &n) in &r.numbers {
            b.word(w)?.number = n;
        }
        b.flag_words(&r.demonstratives, flag::DEMONSTRATIVE)?;
        b.flag_words(&r.ago, flag::AGO)?;
        b.flag_words(&r.later, flag::LATER)?;
        b.flag_words(&r.earlier, flag::EARLIER)?;
        b.flag_words(&r.qualifiers, flag::QUALIFIER)?;
        b.flag_words(&r.span, flag::SPAN)?;
        let c = &raw.connectors;
        let o = &raw.open;
        let phrases = Phrases {
            range: b.phrases(&c.range, false)?,
            from: b.phrases(&c.from, true)?,
            between: b.phrases(&c.between, true)?,
            and: b.phrases(&c.and, false)?,
            present: b.phrases(&c.present, false)?,
            onwards: b.phrases(&c.onwards, false)?,
            since: b.phrases(&o.since, true)?,
            after: b.phrases(&o.after, true)?,
            before: b.phrases(&o.before, true)?,
            until: b.phrases(&o.until, true)?,
            negations: b.phrases(&o.negations, false)?,
            prepositions: b.phrases(&raw.context.prepositions, false)?,
            weak_prepositions: b.phrases(&raw.context.weak_prepositions, false)?,
            articles: b.phrases(&raw.context.articles, true)?,
            of: b.phrases(&raw.context.of, false)?,
            determiners: b.phrases(&raw.context.determiners, false)?,
            event_relations: b.phrases(&raw.context.event_relations, false)?,
            document_labels: b.phrases(&raw.context.document_labels, false)?,
            guard_before: b.phrases(&raw.guards.before, false)?,
            count_before: b.phrases(&raw.guards.count_before, false)?,
            guard_units: b.phrases(&raw.guards.after_units, false)?,
            guard_nouns: b.phrases(&raw.guards.after_nouns, false)?,
            ordinal_suffixes: b.phrases(&s.ordinal_suffixes, false)?,
            decade_suffixes: b.phrases(&s.decade_suffixes, false)?,
            citation_suffixes: b.phrases(&s.citation_suffixes, false)?,
            citation_words: b.phrases(&s.citation_words, false)?,
            quarter_prefixes: b.phrases(&s.quarter_prefixes, true)?,
            last_words: b.phrases(&s.last_words, false)?,
            half_prefixes: b.phrases(&s.half_prefixes, true)?,
        };
        let mut named = Vec::new();
        for (surface, day) in &raw.named {
            let date = NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map_err(|e| b.err(format!("named date `{surface}`: `{day}`: {e}")))?;
            named.push((b.phrase(surface)?, date));
        }
        if s.bare_year_min > s.bare_year_max || s.context_year_min > s.bare_year_min {
            return Err(b.err("need context_year_min <= bare_year_min <= bare_year_max".into()));
        }
        for info in &mut b.infos {
            info.starter = info.can_start();
            info.standalone = info.month > 0
                || info.weekday > 0
                || info.season > 0
                || info.decade > 0
                || info.day_offset.is_some();
        }
        let pr = &raw.part_ranges;
        let max_word_len = b.words.keys().map(|k| k.len()).max().unwrap_or(0);
        let short = b.words.iter().filter_map(|(k, &id)| pack(k).map(|p| (p, id))).collect();
        Ok(Lexicon {
            words: b.words,
            short,
            infos: b.infos,
            max_word_len,
            seasons,
            part_year: pr.year.table(),
            part_month: pr.month.table(),
            part_decade: pr.decade.table(),
            part_century: pr.century.table(),
            phrases,
            named,
            numeric_order,
            dotted_order,
            bare_year_min: s.bare_year_min,
            bare_year_max: s.bare_year_max,
            context_year_min: s.context_year_min,
            two_digit_pivot: s.two_digit_pivot,
            negation_window: o.negation_window,
        })
    }

    /// The id of a lowercase word, if the lexicon knows it.
    pub(crate) fn word_id(&self, lower: &str) -> Option<u32> {
        if lower.len() > self.max_word_len {
            return None;
        }
        self.words.get(lower).copied()
    }

    /// The id of a word in any case: short ASCII words without hashing a
    /// string, others lowercased into `buf`.
    pub(crate) fn lookup(&self, word: &str, buf: &mut String) -> Option<u32> {
        if word.len() > self.max_word_len {
            return None;
        }
        if let Some(key) = pack(word) {
            return self.short.get(&key).copied();
        }
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        self.word_id(buf)
    }

    /// Is token `t` a one-token entry of `list`?
    pub(crate) fn is_one_of(&self, t: &Tok, list: &PhraseList) -> bool {
        match t.kind {
            Kind::Word => t.word != NO_WORD && self.infos[t.word as usize].lists & list.bit != 0,
            Kind::Punct => list.puncts.contains(&t.ch),
            Kind::Num => false,
        }
    }

    /// The entry for a word id.
    pub(crate) fn info(&self, id: u32) -> &WordInfo {
        &self.infos[id as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUILT_IN: &str = include_str!("../../rules/dates.toml");

    #[test]
    fn built_in_lexicon_loads_and_classifies_words() {
        let lex = Lexicon::parse(BUILT_IN, Path::new("dates.toml")).unwrap();
        let sept = lex.info(lex.word_id("sept").unwrap());
        assert_eq!((sept.month, sept.month_abbrev), (9, true));
        assert!(lex.info(lex.word_id("may").unwrap()).month_ambiguous);
        assert_eq!(lex.info(lex.word_id("last").unwrap()).deictic, Some(-1));
        assert_eq!(lex.info(lex.word_id("nineties").unwrap()).decade, 1990);
        assert!(lex.word_id("taliban").is_none());
        let nine_eleven = lex.named.iter().find(|(p, _)| p[0] == PTok::Num(9, 1)).unwrap();
        assert_eq!(nine_eleven.1, NaiveDate::from_ymd_opt(2001, 9, 11).unwrap());
        let prior = PTok::Word(lex.word_id("prior").unwrap());
        assert!(lex.phrases.before.multi.iter().any(|p| p.len() == 2 && p[0] == prior));
        let mut buf = String::new();
        assert_eq!(lex.lookup("SINCE", &mut buf), lex.word_id("since"));
        assert_eq!(lex.lookup("Septembre", &mut buf), None);
        assert_eq!(lex.lookup("September", &mut buf), lex.word_id("september"));
    }

    #[test]
    fn bad_lexicon_names_the_problem() {
        let bad = BUILT_IN.replace("numeric_order = \"mdy\"", "numeric_order = \"ymd\"");
        let err = Lexicon::parse(&bad, Path::new("x.toml")).unwrap_err();
        assert!(err.to_string().contains("numeric_order"), "{err}");
        let bad = BUILT_IN.replace("january = 1", "january = 13");
        assert!(Lexicon::parse(&bad, Path::new("x.toml")).is_err());
        assert!(Lexicon::parse("[settings]\n", Path::new("x.toml")).is_err());
    }
}
