//! The date lexicon (`rules/dates.toml`): loads the word lists and builds the
//! word table the tokenizer classifies words with.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::expr::{Part, Unit};
use super::tokens;
use crate::error::RulesError;

/// A multi-token phrase: lowercase token texts ("prior to" → `prior`, `to`).
pub(crate) type Phrase = Vec<Box<str>>;

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
    /// An article (`the`): opens an expression only before a known word or
    /// a number.
    pub const ARTICLE: u32 = 1 << 10;
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
    /// Can an expression start at this word? (Computed after loading.)
    pub starter: bool,
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
    pub range: Vec<Phrase>,
    pub from: Vec<Phrase>,
    pub between: Vec<Phrase>,
    pub and: Vec<Phrase>,
    pub present: Vec<Phrase>,
    pub onwards: Vec<Phrase>,
    pub since: Vec<Phrase>,
    pub after: Vec<Phrase>,
    pub before: Vec<Phrase>,
    pub until: Vec<Phrase>,
    pub negations: Vec<Phrase>,
    pub prepositions: Vec<Phrase>,
    pub weak_prepositions: Vec<Phrase>,
    pub articles: Vec<Phrase>,
    pub of: Vec<Phrase>,
    pub determiners: Vec<Phrase>,
    pub event_relations: Vec<Phrase>,
    pub guard_before: Vec<Phrase>,
    pub count_before: Vec<Phrase>,
    pub guard_units: Vec<Phrase>,
    pub guard_nouns: Vec<Phrase>,
    pub ordinal_suffixes: Vec<Phrase>,
    pub decade_suffixes: Vec<Phrase>,
    pub citation_suffixes: Vec<Phrase>,
    pub quarter_prefixes: Vec<Phrase>,
    pub half_prefixes: Vec<Phrase>,
}

/// The loaded lexicon.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    words: HashMap<Box<str>, u32>,
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
    bare_year_min: i32,
    bare_year_max: i32,
    context_year_min: i32,
    two_digit_pivot: u32,
    ambiguous_months: Vec<String>,
    ordinal_suffixes: Vec<String>,
    decade_suffixes: Vec<String>,
    citation_suffixes: Vec<String>,
    quarter_prefixes: Vec<String>,
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
    words: HashMap<Box<str>, u32>,
    infos: Vec<WordInfo>,
}

impl Builder<'_> {
    fn err(&self, message: String) -> RulesError {
        RulesError { path: self.path.to_path_buf(), message }
    }

    /// The entry for one lowercase word, created on first use.
    fn word(&mut self, w: &str) -> Result<&mut WordInfo, RulesError> {
        let key = w.trim().to_lowercase();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Err(self.err(format!("`{w}` must be a single word")));
        }
        let next = self.infos.len() as u32;
        let id = *self.words.entry(key.into_boxed_str()).or_insert(next);
        if id == next {
            self.infos.push(WordInfo::default());
        }
        Ok(&mut self.infos[id as usize])
    }

    /// A phrase list; with `starter`, the first word of each phrase may
    /// open an expression.
    fn phrases(&mut self, list: &[String], starter: bool) -> Result<Vec<Phrase>, RulesError> {
        let mut out = Vec::with_capacity(list.len());
        for item in list {
            let toks = tokens::split_plain(item);
            if toks.is_empty() {
                return Err(self.err(format!("empty phrase `{item}`")));
            }
            if starter && toks[0].chars().all(char::is_alphabetic) {
                self.word(&toks[0])?.flags |= flag::STARTER;
            }
            out.push(toks);
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

impl Lexicon {
    /// Parses the TOML text of the lexicon; `path` names it in errors.
    pub(crate) fn parse(text: &str, path: &Path) -> Result<Lexicon, RulesError> {
        let raw: Raw = toml::from_str(text)
            .map_err(|e| RulesError { path: path.to_path_buf(), message: e.to_string() })?;
        let mut b = Builder { path, words: HashMap::new(), infos: Vec::new() };
        let s = &raw.settings;
        let numeric_order = match s.numeric_order.as_str() {
            "mdy" => NumericOrder::Mdy,
            "dmy" => NumericOrder::Dmy,
            other => return Err(b.err(format!("numeric_order must be mdy or dmy, not `{other}`"))),
        };
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
            guard_before: b.phrases(&raw.guards.before, false)?,
            count_before: b.phrases(&raw.guards.count_before, false)?,
            guard_units: b.phrases(&raw.guards.after_units, false)?,
            guard_nouns: b.phrases(&raw.guards.after_nouns, false)?,
            ordinal_suffixes: b.phrases(&s.ordinal_suffixes, false)?,
            decade_suffixes: b.phrases(&s.decade_suffixes, false)?,
            citation_suffixes: b.phrases(&s.citation_suffixes, false)?,
            quarter_prefixes: b.phrases(&s.quarter_prefixes, true)?,
            half_prefixes: b.phrases(&s.half_prefixes, true)?,
        };
        let mut named = Vec::new();
        for (surface, day) in &raw.named {
            let date = NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map_err(|e| b.err(format!("named date `{surface}`: `{day}`: {e}")))?;
            named.push((tokens::split_plain(surface), date));
        }
        if s.bare_year_min > s.bare_year_max || s.context_year_min > s.bare_year_min {
            return Err(b.err("need context_year_min <= bare_year_min <= bare_year_max".into()));
        }
        for p in &phrases.articles {
            if let [w] = p.as_slice() {
                b.word(w)?.flags |= flag::ARTICLE;
            }
        }
        for info in &mut b.infos {
            info.starter = info.can_start();
        }
        let pr = &raw.part_ranges;
        let max_word_len = b.words.keys().map(|k| k.len()).max().unwrap_or(0);
        Ok(Lexicon {
            words: b.words,
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

    /// Longest word the lexicon knows, in bytes.
    pub(crate) fn max_word_len(&self) -> usize {
        self.max_word_len
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
        let nine_eleven = lex.named.iter().find(|(p, _)| p.join("") == "9/11").unwrap();
        assert_eq!(nine_eleven.1, NaiveDate::from_ymd_opt(2001, 9, 11).unwrap());
        assert!(lex.phrases.before.iter().any(|p| p.len() == 2 && &*p[0] == "prior"));
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
