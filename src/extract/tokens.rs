//! A sentence as tokens: words and punctuation, with every entity and date
//! mention collapsed into one slot token, and a rough part of speech from
//! the lexicon and the neighbours (enough to find noun phrases and verbs).

use super::lexicon::{Lexicon, f};
use crate::model::{Mention, MentionKind, Span, TaggedDoc};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word.
    Word,
    /// A punctuation mark (or a possessive `'s`).
    Punct,
    /// An entity mention: index into `TaggedDoc::mentions`.
    Entity(usize),
    /// A date mention: index into `TaggedDoc::mentions`.
    Date(usize),
}

/// A rough part of speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pos {
    Ent,
    Date,
    Det,
    Num,
    Adj,
    Noun,
    Verb,
    Aux,
    Adv,
    Prep,
    Conj,
    Sub,
    Rel,
    Pron,
    PossPron,
    Poss,
    Neg,
    To,
    Comma,
    Colon,
    Semi,
    Open,
    Close,
    Quote,
    Dash,
    Hyph,
    Stop,
    Other,
}

impl Pos {
    /// True for parts of speech that can sit inside a noun phrase.
    pub fn in_np(self) -> bool {
        matches!(
            self,
            Pos::Det
                | Pos::Num
                | Pos::Adj
                | Pos::Noun
                | Pos::Ent
                | Pos::Date
                | Pos::Poss
                | Pos::PossPron
                | Pos::Hyph
        )
    }
}

/// One token of a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    /// Byte span in the document's extracted text.
    pub span: Span,
    pub kind: Kind,
    pub pos: Pos,
    /// Lexicon flags of the lowercase word.
    pub flags: u64,
    /// Phrase tables with a phrase starting with this word (bits).
    pub starts: u32,
    /// Starts with an upper-case letter.
    pub cap: bool,
    lo: u32,
    hi: u32,
}

/// A tokenised sentence of a tagged document.
pub(crate) struct Sent<'d> {
    /// Index of the sentence in `TaggedDoc::sentences`.
    pub index: usize,
    pub toks: Vec<Token>,
    lower: String,
    pub doc: &'d TaggedDoc,
}

impl<'d> Sent<'d> {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Lowercase form of token `i` (empty for mentions).
    pub fn low(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| &self.lower[t.lo as usize..t.hi as usize]).unwrap_or("")
    }

    /// Lowercase word at `i`, `None` for punctuation, mentions and out of range.
    pub fn word(&self, i: usize) -> Option<&str> {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => Some(&self.lower[t.lo as usize..t.hi as usize]),
            _ => None,
        }
    }

    /// True if token `i` is the word `w`.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    /// The part of speech of token `i` (`Stop` out of range).
    pub fn pos(&self, i: usize) -> Pos {
        self.toks.get(i).map(|t| t.pos).unwrap_or(Pos::Stop)
    }

    /// True if token `i` carries flag `bits`.
    pub fn has(&self, i: usize, bits: u64) -> bool {
        self.toks.get(i).is_some_and(|t| t.flags & bits != 0)
    }

    /// The surface text of token `i`.
    pub fn text(&self, i: usize) -> &'d str {
        self.toks.get(i).map(|t| t.span.slice(&self.doc.doc.text)).unwrap_or("")
    }

    /// The surface text from token `a` to token `b` (inclusive).
    pub fn text_range(&self, a: usize, b: usize) -> &'d str {
        if a > b || b >= self.toks.len() {
            return "";
        }
        &self.doc.doc.text[self.toks[a].span.start..self.toks[b].span.end]
    }

    /// The mention of an entity token.
    pub fn entity(&self, i: usize) -> Option<&'d Mention> {
        match self.toks.get(i)?.kind {
            Kind::Entity(m) => Some(&self.doc.mentions[m]),
            _ => None,
        }
    }

    /// The mention index of an entity token.
    pub fn mention_index(&self, i: usize) -> Option<usize> {
        match self.toks.get(i)?.kind {
            Kind::Entity(m) => Some(m),
            _ => None,
        }
    }

    /// The entity type of an entity token.
    pub fn etype(&self, i: usize) -> Option<&'d str> {
        self.entity(i).and_then(|m| m.entity()).map(|e| e.etype.as_str())
    }

    /// True when token `i` directly touches token `i - 1` (no space).
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].span.end == self.toks[i].span.start
    }

    /// True if tokens `i-1`, `i`, `i+1` form `X-Y` with `i` a hyphen.
    pub fn hyphen_between(&self, i: usize) -> bool {
        self.pos(i) == Pos::Hyph && self.glued(i) && self.glued(i + 1)
    }
}

/// Punctuation that may open a word.
fn is_lead(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '(' | '[' | '{' | '«' | '—' | '–' | '/' | '…' | '*' | '_')
}

/// Punctuation that may close a word.
fn is_trail(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '"'
            | '”'
            | '’'
            | '»'
            | '…'
            | '—'
            | '–'
            | '*'
            | '_'
    )
}

/// Words whose final period belongs to them.
const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "col", "lt", "capt", "sgt", "st", "jr", "sr",
    "no", "vol", "pp", "vs", "etc", "al", "gov", "sen", "rep", "amb", "adm", "brig", "cf",
];

struct Builder<'d, 'l> {
    doc: &'d TaggedDoc,
    lex: &'l Lexicon,
    end: usize,
    toks: Vec<Token>,
    lower: String,
}

impl Builder<'_, '_> {
    fn push(&mut self, start: usize, end: usize, kind: Kind) {
        if start >= end {
            return;
        }
        let text = &self.doc.doc.text[start..end];
        let lo = self.lower.len() as u32;
        if matches!(kind, Kind::Word | Kind::Punct) {
            if text.is_ascii() {
                let from = self.lower.len();
                self.lower.push_str(text);
                // ASCII: lowercase in place
                self.lower[from..].make_ascii_lowercase();
                if text.contains('`') {
                    let fixed = self.lower[from..].replace('`', "'");
                    self.lower.truncate(from);
                    self.lower.push_str(&fixed);
                }
            } else {
                for c in text.chars() {
                    match c {
                        '’' | '‘' | '`' => self.lower.push('\''),
                        _ => self.lower.extend(c.to_lowercase()),
                    }
                }
            }
        }
        let hi = self.lower.len() as u32;
        let (flags, starts) = match kind {
            Kind::Word | Kind::Punct => {
                let w = &self.lower[lo as usize..hi as usize];
                (self.lex.flags(w), if kind == Kind::Word { self.lex.starts(w) } else { 0 })
            }
            _ => (0, 0),
        };
        let cap = text.chars().next().is_some_and(char::is_uppercase);
        self.toks.push(Token {
            span: Span::new(start, end),
            kind,
            pos: Pos::Other,
            flags,
            starts,
            cap,
            lo,
            hi,
        });
    }

    /// Splits `[a, b)` (text between mentions) into words and punctuation.
    fn gap(&mut self, a: usize, b: usize) {
        let text = &self.doc.doc.text[a..b];
        let mut start = None;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    self.chunk(a + s, a + i);
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            self.chunk(a + s, b);
        }
    }

    /// One whitespace-free chunk: leading and trailing punctuation, a
    /// possessive, inner dashes and slashes.
    fn chunk(&mut self, mut a: usize, mut b: usize) {
        let text = &self.doc.doc.text;
        // a possessive right after a mention: "Taliban" + "'s"
        let glued = self.toks.last().is_some_and(|t| t.span.end == a);
        for p in ["'s", "’s"] {
            if glued && text[a..b].starts_with(p) {
                let after = text[a + p.len()..b].chars().next();
                if after.is_none_or(|c| !c.is_alphanumeric()) {
                    self.push(a, a + p.len(), Kind::Punct);
                    a += p.len();
                }
            }
        }
        // leading punctuation
        while a < b {
            let rest = &text[a..b];
            if rest.starts_with("''") {
                self.push(a, a + 2, Kind::Punct);
                a += 2;
                continue;
            }
            let c = rest.chars().next().unwrap();
            if is_lead(c) || (c == '\'' && rest.len() > 1) || c == '-' {
                self.push(a, a + c.len_utf8(), Kind::Punct);
                a += c.len_utf8();
            } else {
                break;
            }
        }
        // trailing punctuation, kept aside to push after the core
        let mut trail: Vec<(usize, usize)> = Vec::new();
        while a < b {
            let rest = &text[a..b];
            if rest.ends_with("''") && rest.len() > 2 {
                trail.push((b - 2, b));
                b -= 2;
                continue;
            }
            let c = rest.chars().next_back().unwrap();
            let cl = c.len_utf8();
            if c == '.' && b - cl > a {
                let core = &text[a..b - cl];
                let lower = core.to_lowercase();
                let keep = core.contains('.')
                    || (core.chars().count() == 1 && core.chars().all(char::is_alphabetic))
                    || ABBREV.contains(&lower.as_str());
                // the sentence's last period always splits
                if keep && b != self.end {
                    break;
                }
            }
            if is_trail(c) || c == '-' || (c == '\'' && rest.len() > 1) {
                trail.push((b - cl, b));
                b -= cl;
            } else {
                break;
            }
        }
        // possessive 's / ’s
        if b > a + 2 {
            let core = &text[a..b];
            for suffix in ["'s", "’s"] {
                if core.ends_with(suffix) && core.len() > suffix.len() {
                    trail.push((b - suffix.len(), b));
                    b -= suffix.len();
                    break;
                }
            }
        }
        // inner dashes, slashes and brackets split the core; so does a
        // period or comma before a footnote mark ("others.[1][2]")
        let mut s = a;
        let core = &text[a..b];
        let bytes = core.as_bytes();
        for (i, c) in core.char_indices() {
            let before_note = matches!(c, '.' | ',' | ';' | ':') && bytes.get(i + 1) == Some(&b'[');
            if matches!(c, '—' | '–' | '/' | '[' | ']') || before_note {
                if s < a + i {
                    self.chunk(s, a + i);
                }
                self.push(a + i, a + i + c.len_utf8(), Kind::Punct);
                s = a + i + c.len_utf8();
            }
        }
        if s == a {
            self.push(s, b, Kind::Word);
        } else if s < b {
            self.chunk(s, b);
        }
        for (x, y) in trail.into_iter().rev() {
            self.push(x, y, Kind::Punct);
        }
    }
}

/// Tokenises sentence `index` of `doc`.
pub(crate) fn tokenize<'d>(doc: &'d TaggedDoc, index: usize, lex: &Lexicon) -> Sent<'d> {
    let span = doc.sentences[index].span;
    let mut b =
        Builder { doc, lex, end: span.end, toks: Vec::with_capacity(64), lower: String::new() };
    let lo = doc.mentions.partition_point(|m| m.span.start < span.start);
    let mut pos = span.start;
    for (k, m) in doc.mentions[lo..].iter().enumerate() {
        if m.span.start >= span.end {
            break;
        }
        if m.span.end > span.end || m.span.start < pos {
            continue;
        }
        b.gap(pos, m.span.start);
        let kind = match m.kind {
            MentionKind::Entity(_) => Kind::Entity(lo + k),
            MentionKind::Date(_) => Kind::Date(lo + k),
        };
        // a possessive inside the mention ("TTP's") becomes its own token
        let text = m.span.slice(&doc.doc.text);
        let poss = ["'s", "’s"].iter().find(|s| text.ends_with(*s) && text.len() > s.len());
        match poss {
            Some(p) => {
                b.push(m.span.start, m.span.end - p.len(), kind);
                b.push(m.span.end - p.len(), m.span.end, Kind::Punct);
            }
            None => b.push(m.span.start, m.span.end, kind),
        }
        pos = m.span.end;
    }
    b.gap(pos, span.end);
    let mut s = Sent { index, toks: b.toks, lower: b.lower, doc };
    tag(&mut s, lex);
    s
}

/// Longest piece analysed as one sentence: anything longer is a table or a
/// list the segmenter could not split, cut at punctuation so that the work
/// per sentence stays bounded.
const MAX_TOKENS: usize = 160;

/// Splits a sentence where the segmenter left two together ("… others.[1][2]
/// The Islamic State …"): after a full stop and any footnote marks, before
/// a capitalised word or a name. Over-long pieces are cut at the last
/// semicolon, colon or comma (else anywhere) before [`MAX_TOKENS`].
pub(crate) fn split(s: Sent<'_>) -> Vec<Sent<'_>> {
    let n = s.len();
    let mut cuts = Vec::new();
    for k in 0..n.saturating_sub(1) {
        if s.pos(k) != Pos::Stop {
            continue;
        }
        let mut j = k + 1;
        while j < n && matches!(s.pos(j), Pos::Open | Pos::Close | Pos::Num | Pos::Quote) {
            j += 1;
        }
        if j < n && j > k && (s.toks[j].cap || s.pos(j) == Pos::Ent) && s.pos(j) != Pos::Stop {
            let cut = if s.pos(j - 1) == Pos::Quote && j - 1 > k { j - 1 } else { j };
            cuts.push(cut);
        }
    }
    // bound every piece's length
    let mut bounded = Vec::with_capacity(cuts.len());
    let mut from = 0;
    for cut in cuts.iter().copied().chain([n]) {
        while cut - from > MAX_TOKENS {
            let hi = from + MAX_TOKENS;
            let at = (from + MAX_TOKENS / 2..hi)
                .rev()
                .find(|&k| matches!(s.pos(k), Pos::Semi | Pos::Colon | Pos::Comma | Pos::Stop))
                .map_or(hi, |k| k + 1);
            bounded.push(at);
            from = at;
        }
        if cut < n {
            bounded.push(cut);
        }
        from = cut;
    }
    let cuts = bounded;
    if cuts.is_empty() {
        return vec![s];
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts.into_iter().chain([n]) {
        if cut > from {
            out.push(Sent {
                index: s.index,
                toks: s.toks[from..cut].to_vec(),
                lower: s.lower.clone(),
                doc: s.doc,
            });
        }
        from = cut;
    }
    out
}

/// Assigns a part of speech to every token, left to right.
fn tag(s: &mut Sent<'_>, lex: &Lexicon) {
    for i in 0..s.toks.len() {
        let pos = match s.toks[i].kind {
            Kind::Entity(_) => Pos::Ent,
            Kind::Date(_) => Pos::Date,
            Kind::Punct => punct_pos(s.low(i)),
            Kind::Word => word_pos(s, i),
        };
        s.toks[i].pos = pos;
    }
    // "operate training camps": a cue noun of several words stays a noun
    for i in 0..s.toks.len() {
        if s.toks[i].pos != Pos::Verb || s.toks[i].kind != Kind::Word {
            continue;
        }
        if let Some(m) = lex.nouns.longest(s, i)
            && m.end > i + 1
        {
            for k in i..m.end {
                s.toks[k].pos = Pos::Noun;
            }
        }
    }
    // "received training, …", "provided training to": a verb-or-noun
    // right after a verb and before a list or a preposition is a noun
    for i in 1..s.toks.len() {
        let t = s.toks[i];
        if t.pos == Pos::Verb
            && t.flags & f::NOUN != 0
            && s.toks[i - 1].pos == Pos::Verb
            && matches!(s.pos(i + 1), Pos::Comma | Pos::Conj | Pos::Prep | Pos::Stop)
        {
            s.toks[i].pos = Pos::Noun;
        }
    }
    // "as the TTP considers itself …", "since the Taliban took Kabul": a
    // preposition before a noun phrase and a verb opens a clause
    for i in 0..s.toks.len() {
        if s.toks[i].pos != Pos::Prep
            || !matches!(s.low(i), "as" | "since" | "after" | "before" | "until" | "once")
        {
            continue;
        }
        let mut j = i + 1;
        while j < s.toks.len() && (s.toks[j].pos.in_np() || s.toks[j].pos == Pos::Pron) {
            j += 1;
        }
        while j < s.toks.len() && matches!(s.toks[j].pos, Pos::Adv | Pos::Neg) {
            j += 1;
        }
        if j > i + 1 && j < s.toks.len() && matches!(s.toks[j].pos, Pos::Verb | Pos::Aux) {
            s.toks[i].pos = Pos::Sub;
        }
    }
    // "as well as" is a conjunction
    for i in 0..s.toks.len().saturating_sub(2) {
        if s.is(i, "as") && s.is(i + 1, "well") && s.is(i + 2, "as") {
            for k in i..i + 3 {
                s.toks[k].pos = Pos::Conj;
            }
        }
    }
}

fn punct_pos(p: &str) -> Pos {
    match p {
        "," => Pos::Comma,
        ":" => Pos::Colon,
        ";" => Pos::Semi,
        "(" | "[" | "{" => Pos::Open,
        ")" | "]" | "}" => Pos::Close,
        "\"" | "“" | "”" | "''" | "«" | "»" => Pos::Quote,
        "'" => Pos::Quote,
        "—" | "–" => Pos::Dash,
        "-" => Pos::Hyph,
        "." | "!" | "?" | "…" => Pos::Stop,
        "'s" => Pos::Poss,
        _ => Pos::Other,
    }
}

fn word_pos(s: &Sent<'_>, i: usize) -> Pos {
    let w = s.low(i);
    let fl = s.toks[i].flags;
    let prev = if i > 0 { s.toks[i - 1].pos } else { Pos::Stop };
    let next_fl = s.toks.get(i + 1).map(|t| t.flags).unwrap_or(0);
    let next_kind = s.toks.get(i + 1).map(|t| t.kind);
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        return Pos::Num;
    }
    // a word glued to an entity by a hyphen is a modifier: "Al-Qaeda-run", "pro-Taliban"
    if (i >= 2 && s.toks[i - 1].pos == Pos::Hyph && s.glued(i) && s.glued(i - 1))
        || (s.low(i + 1) == "-"
            && s.glued(i + 1)
            && s.glued(i + 2)
            && matches!(s.toks.get(i + 2).map(|t| t.kind), Some(Kind::Entity(_))))
    {
        return Pos::Adj;
    }
    match w {
        "to" => {
            // "to formally recognize": look past adverbs
            let mut n = i + 1;
            while n < s.toks.len()
                && s.toks[n].kind == Kind::Word
                && (s.toks[n].flags & f::ADV != 0
                    || (s.low(n).ends_with("ly") && s.low(n).len() > 4))
                && s.toks[n].flags & (f::VERB | f::NOUN) == 0
            {
                n += 1;
            }
            let next_fl = s.toks.get(n).map(|t| t.flags).unwrap_or(0);
            let next_verb = next_fl & f::VERB_BASE != 0;
            let next_noun = next_fl & f::NOUN != 0;
            let prev_fl = if i > 0 { s.toks[i - 1].flags } else { 0 };
            let governs_inf = matches!(prev, Pos::Verb | Pos::Aux | Pos::Adv | Pos::Adj)
                || prev_fl & (f::NEG_NOUN | f::IRR_NOUN | f::NEG_ADJ) != 0
                || matches!(s.low(i.wrapping_sub(1)), "ready" | "willing" | "able" | "open");
            return if next_verb && (!next_noun || governs_inf) { Pos::To } else { Pos::Prep };
        }
        "that" => {
            return match prev {
                Pos::Verb | Pos::Comma | Pos::Adv => Pos::Sub,
                Pos::Noun | Pos::Ent | Pos::Close | Pos::Num | Pos::Adj => Pos::Rel,
                _ => {
                    if next_fl & f::NOUN != 0 {
                        Pos::Det
                    } else {
                        Pos::Rel
                    }
                }
            };
        }
        "her" => {
            return if matches!(next_kind, Some(Kind::Word) | Some(Kind::Entity(_)))
                && next_fl & (f::VERB | f::PREP | f::CONJ) == 0
            {
                Pos::PossPron
            } else {
                Pos::Pron
            };
        }
        "no" => return Pos::Det,
        "us" if s.text(i) == "US" => return Pos::Noun,
        _ => {}
    }
    if w == "nor" {
        return Pos::Conj;
    }
    if fl & f::REL != 0 {
        return Pos::Rel;
    }
    if fl & f::NEG != 0 {
        return Pos::Neg;
    }
    if fl & f::POSSPRON != 0 {
        return Pos::PossPron;
    }
    if fl & f::PRON != 0 {
        return Pos::Pron;
    }
    if fl & f::AUX != 0 {
        return Pos::Aux;
    }
    if fl & f::CONJ != 0 {
        return Pos::Conj;
    }
    if fl & f::SUB != 0 && fl & f::PREP == 0 {
        return Pos::Sub;
    }
    if fl & f::DET != 0 {
        return Pos::Det;
    }
    if fl & f::PREP != 0 {
        // gerund-taking prepositions stay prepositions; "since", "after" too
        return Pos::Prep;
    }
    let verb = fl & f::VERB != 0;
    let noun = fl & f::NOUN != 0;
    if fl & f::ADV != 0 && !verb && !noun {
        return Pos::Adv;
    }
    if !verb && !noun && w.len() > 4 && w.ends_with("ly") {
        return Pos::Adv;
    }
    let next = s.toks.get(i + 1).map(|t| {
        if t.kind == Kind::Word {
            let nf = t.flags;
            if nf & (f::DET | f::POSSPRON) != 0 {
                Pos::Det
            } else if nf & f::PREP != 0 {
                Pos::Prep
            } else if nf & f::PRON != 0 {
                Pos::Pron
            } else {
                Pos::Other
            }
        } else {
            match t.kind {
                Kind::Entity(_) => Pos::Ent,
                Kind::Date(_) => Pos::Date,
                _ => Pos::Other,
            }
        }
    });
    let ing = w.ends_with("ing");
    // a capitalised word inside a sentence is a name's part ("Member States")
    let inside =
        i > 0 && !matches!(prev, Pos::Quote | Pos::Open | Pos::Stop | Pos::Colon | Pos::Dash);
    if verb && s.toks[i].cap && inside {
        return Pos::Noun;
    }
    if verb && noun {
        return match prev {
            Pos::Det | Pos::PossPron | Pos::Poss | Pos::Adj | Pos::Num => Pos::Noun,
            Pos::Aux | Pos::To | Pos::Pron | Pos::Rel | Pos::Neg => Pos::Verb,
            Pos::Adv => {
                let before = (0..i).rev().find(|&k| s.toks[k].pos != Pos::Adv);
                match before.map(|k| s.toks[k].pos) {
                    Some(Pos::Det | Pos::PossPron | Pos::Poss | Pos::Adj | Pos::Prep) => Pos::Noun,
                    _ => Pos::Verb,
                }
            }
            Pos::Ent | Pos::Noun if s.low(i + 1) == "that" => Pos::Verb,
            Pos::Ent | Pos::Noun => match next {
                Some(Pos::Prep) => Pos::Noun,
                Some(Pos::Det | Pos::Ent | Pos::Pron) => Pos::Verb,
                _ => Pos::Noun,
            },
            Pos::Prep => {
                if ing {
                    Pos::Verb
                } else {
                    Pos::Noun
                }
            }
            _ => {
                if ing || matches!(next, Some(Pos::Det | Pos::Ent | Pos::Pron)) {
                    Pos::Verb
                } else {
                    Pos::Noun
                }
            }
        };
    }
    if verb {
        let ed = fl & f::VERB_ED != 0 && fl & f::VERB_BASE == 0;
        if matches!(prev, Pos::Det | Pos::PossPron | Pos::Poss) {
            // "this stage", "the released prisoners", "its training"
            return if ed || ing { Pos::Adj } else { Pos::Noun };
        }
        return Pos::Verb;
    }
    if noun {
        return Pos::Noun;
    }
    // unknown words
    if w.len() > 4 && w.ends_with("ed") {
        return if matches!(prev, Pos::Det | Pos::PossPron | Pos::Poss | Pos::Adv)
            && !matches!(next, Some(Pos::Det | Pos::Ent | Pos::Pron | Pos::Prep))
        {
            Pos::Adj
        } else {
            Pos::Verb
        };
    }
    if w.len() > 5 && ing {
        return if matches!(prev, Pos::Det | Pos::PossPron | Pos::Poss | Pos::Adj) {
            Pos::Noun
        } else {
            Pos::Verb
        };
    }
    Pos::Noun
}

#[cfg(test)]
pub(crate) mod testdoc {
    //! Building tagged documents by hand for the extractor's tests: names
    //! are tagged by string search, dates are given explicitly.

    use chrono::NaiveDate;

    use crate::model::{
        Block, BlockKind, DateValue, DocId, Document, EntityRef, Granularity, Mention, MentionKind,
        Metadata, Section, Sentence, SourceFormat, Span, TaggedDoc,
    };

    /// An entity for the test gazetteer: id, type, names (longest first).
    pub struct Ent<'a> {
        pub id: &'a str,
        pub etype: &'a str,
        pub names: &'a [&'a str],
    }

    /// The entities most tests use.
    pub const ENTS: &[Ent<'static>] = &[
        Ent {
            id: "afghan_taliban",
            etype: "actor",
            names: &[
                "Afghan Taliban authorities",
                "Afghan Taliban",
                "Taliban government",
                "Taliban regime",
                "Taliban",
            ],
        },
        Ent {
            id: "ttp",
            etype: "actor",
            names: &["Tehreek-e-Taliban Pakistan", "Pakistani Taliban", "TTP"],
        },
        Ent { id: "al_qaeda", etype: "actor", names: &["Al-Qaeda", "al Qaeda", "al-Qaida"] },
        Ent {
            id: "pakistan",
            etype: "actor",
            names: &[
                "Pakistani authorities",
                "Pakistani forces",
                "Pakistani state",
                "Pakistan",
                "Pakistani",
            ],
        },
        Ent { id: "usa", etype: "actor", names: &["United States", "U.S.", "Washington"] },
        Ent { id: "nato", etype: "actor", names: &["NATO"] },
        Ent { id: "india", etype: "actor", names: &["India"] },
        Ent {
            id: "saudi_arabia",
            etype: "actor",
            names: &["Saudi Arabia", "Saudi government", "Saudi"],
        },
        Ent { id: "uae", etype: "actor", names: &["United Arab Emirates", "UAE"] },
        Ent { id: "isi", etype: "actor", names: &["Inter-Services Intelligence", "ISI"] },
        Ent { id: "lej", etype: "actor", names: &["Lashkar-e-Jhangvi"] },
        Ent { id: "let", etype: "actor", names: &["Lashkar-e-Taiba"] },
        Ent { id: "jem", etype: "actor", names: &["Jaish-e-Muhammad"] },
        Ent { id: "isil_kp", etype: "actor", names: &["Islamic State Khorasan Province", "ISKP"] },
        Ent { id: "frontier_corps", etype: "actor", names: &["Frontier Corps"] },
        Ent { id: "mullah_omar", etype: "person", names: &["Mullah Mohammad Omar", "Mullah Omar"] },
        Ent { id: "noor_wali", etype: "person", names: &["Noor Wali Mehsud"] },
        Ent { id: "baitullah", etype: "person", names: &["Baitullah Mehsud"] },
        Ent { id: "sher_afgan", etype: "person", names: &["Sher Afgan"] },
        Ent { id: "musharraf", etype: "person", names: &["Pervez Musharraf", "Musharraf"] },
        Ent {
            id: "bin_laden",
            etype: "person",
            names: &["Osama bin Laden", "Bin Ladin", "bin Laden"],
        },
        Ent { id: "kabul", etype: "place", names: &["Kabul"] },
        Ent { id: "islamabad", etype: "place", names: &["Islamabad"] },
        Ent { id: "afghanistan", etype: "place", names: &["Afghanistan"] },
        Ent { id: "quetta", etype: "place", names: &["Quetta"] },
        Ent { id: "kunar", etype: "place", names: &["Kunar"] },
        Ent { id: "nangarhar", etype: "place", names: &["Nangarhar"] },
        Ent { id: "khost", etype: "place", names: &["Khost"] },
        Ent { id: "peshawar", etype: "place", names: &["Peshawar"] },
        Ent { id: "north_waziristan", etype: "place", names: &["North Waziristan"] },
        Ent { id: "fata", etype: "place", names: &["tribal areas"] },
        Ent { id: "kashmir", etype: "place", names: &["Kashmir"] },
        Ent { id: "durand_line", etype: "place", names: &["Durand Line"] },
        Ent { id: "aps", etype: "facility", names: &["Army Public School"] },
        Ent { id: "ghq", etype: "facility", names: &["General Headquarters"] },
        Ent { id: "zarb_e_azb", etype: "operation", names: &["Operation Zarb-e-Azb"] },
    ];

    /// Dates the tests use: (surface, start, end).
    pub const DATES: &[(&str, &str, &str)] = &[
        ("September 1996", "1996-09-01", "1996-09-30"),
        ("August 2021", "2021-08-01", "2021-08-31"),
        ("December 2007", "2007-12-01", "2007-12-31"),
        ("late 2021", "2021-09-01", "2021-12-31"),
        ("2022", "2022-01-01", "2022-12-31"),
        ("2009", "2009-01-01", "2009-12-31"),
        ("2014", "2014-01-01", "2014-12-31"),
        ("2010", "2010-01-01", "2010-12-31"),
        ("1996–2001", "1996-01-01", "2001-12-31"),
        ("2010–2020", "2010-01-01", "2020-12-31"),
        ("2021–Present", "2021-01-01", ""),
        ("June 2014", "2014-06-01", "2014-06-30"),
        ("July 2022", "2022-07-01", "2022-07-31"),
    ];

    fn is_word_char(c: char) -> bool {
        c.is_alphanumeric()
    }

    /// Tags every name of `ents` and every date of `DATES` in `text`
    /// (case-sensitive, on word boundaries, longest first, possessive
    /// `'s` outside the mention).
    pub fn tag(text: &str, ents: &[Ent<'_>]) -> Vec<Mention> {
        let mut found: Vec<Mention> = Vec::new();
        let mut taken = vec![false; text.len()];
        type Name<'a, 'b> = (&'a str, Option<&'a Ent<'b>>, Option<(&'a str, &'a str)>);
        let mut names: Vec<Name<'_, '_>> = Vec::new();
        for e in ents {
            for n in e.names {
                names.push((n, Some(e), None));
            }
        }
        for (d, s, e) in DATES {
            names.push((d, None, Some((s, e))));
        }
        names.sort_by_key(|(n, _, _)| std::cmp::Reverse(n.len()));
        for (name, ent, date) in names {
            let mut from = 0;
            while let Some(p) = text[from..].find(name) {
                let (s, e) = (from + p, from + p + name.len());
                from = e;
                let before_ok = text[..s].chars().next_back().is_none_or(|c| !is_word_char(c));
                let after_ok = text[e..].chars().next().is_none_or(|c| !is_word_char(c));
                if !before_ok || !after_ok || taken[s..e].iter().any(|t| *t) {
                    continue;
                }
                taken[s..e].iter_mut().for_each(|t| *t = true);
                let kind = match (ent, date) {
                    (Some(en), _) => MentionKind::Entity(EntityRef {
                        id: en.id.into(),
                        etype: en.etype.into(),
                        name: en.names[0].into(),
                    }),
                    (None, Some((a, b))) => MentionKind::Date(DateValue {
                        start: NaiveDate::parse_from_str(a, "%Y-%m-%d").ok(),
                        end: NaiveDate::parse_from_str(b, "%Y-%m-%d").ok(),
                        granularity: Granularity::Interval,
                    }),
                    _ => unreachable!(),
                };
                found.push(Mention { span: Span::new(s, e), text: name.to_string(), kind });
            }
        }
        found.sort_by_key(|m| (m.span.start, m.span.end));
        found
    }

    /// A document from markdown-ish text: lines starting with `#` are
    /// headings (their level is the number of `#`), blank lines separate
    /// paragraphs, and sentences end at ". " followed by a capital letter.
    pub fn doc(text: &str, ents: &[Ent<'_>]) -> TaggedDoc {
        let mut blocks = Vec::new();
        let mut sentences = Vec::new();
        let mut sections: Vec<Section> = Vec::new();
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let start = pos;
            pos += line.len();
            let body = line.trim_end();
            if body.trim().is_empty() {
                continue;
            }
            let end = start + body.len();
            if let Some(h) = body.strip_prefix('#') {
                let level = 1 + h.chars().take_while(|c| *c == '#').count() as u8;
                let title = body.trim_start_matches('#').trim();
                let tstart = end - title.len();
                let parent = sections.iter().rposition(|s| s.level < level);
                sections.push(Section {
                    title: title.into(),
                    level,
                    heading: Span::new(tstart, end),
                    extent: Span::new(start, text.len()),
                    parent,
                });
                blocks.push(Block {
                    kind: BlockKind::Heading { level },
                    span: Span::new(tstart, end),
                });
                sentences.push((Span::new(tstart, end), blocks.len() - 1, true));
                continue;
            }
            blocks.push(Block { kind: BlockKind::Paragraph, span: Span::new(start, end) });
            let mut s = start;
            let bytes = text.as_bytes();
            let mut k = start;
            while k < end {
                if matches!(bytes[k], b'.' | b'?' | b'!')
                    && k + 2 < end
                    && bytes[k + 1] == b' '
                    && bytes[k + 2].is_ascii_uppercase()
                    && !text[s..k].ends_with(" U.S")
                {
                    sentences.push((Span::new(s, k + 1), blocks.len() - 1, false));
                    s = k + 2;
                }
                k += 1;
            }
            sentences.push((Span::new(s, end), blocks.len() - 1, false));
        }
        // close section extents
        for i in 0..sections.len() {
            let lvl = sections[i].level;
            let next = sections[i + 1..].iter().find(|s| s.level <= lvl).map(|s| s.heading.start);
            if let Some(n) = next {
                sections[i].extent.end = n;
            }
        }
        let document = Document {
            id: DocId("test.md".into()),
            format: SourceFormat::Markdown,
            sha256: String::new(),
            bytes: text.len() as u64,
            text: text.into(),
            meta: Metadata::default(),
            blocks,
            sections,
        };
        let sentences = sentences
            .into_iter()
            .map(|(span, block, is_heading)| Sentence {
                span,
                block,
                section: document.section_at(span.start),
                is_heading,
            })
            .collect();
        let mentions = tag(text, ents);
        TaggedDoc { doc: document, sentences, mentions }
    }
}

#[cfg(test)]
mod tests {
    use super::testdoc::{ENTS, doc};
    use super::*;
    use crate::lexicon::RulesDir;

    fn toks(text: &str) -> Vec<(String, Pos)> {
        let lex = Lexicon::load(&RulesDir::embedded()).unwrap();
        let d = doc(text, ENTS);
        let s = tokenize(&d, 0, &lex);
        (0..s.len()).map(|i| (s.text(i).to_string(), s.pos(i))).collect()
    }

    #[test]
    fn mentions_become_slots_and_possessives_split() {
        let t = toks("The Taliban's emirate provided safe havens for Lashkar-e-Taiba.");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            words,
            [
                "The",
                "Taliban",
                "'s",
                "emirate",
                "provided",
                "safe",
                "havens",
                "for",
                "Lashkar-e-Taiba",
                "."
            ]
        );
        assert_eq!(t[1].1, Pos::Ent);
        assert_eq!(t[2].1, Pos::Poss);
        assert_eq!(t[4].1, Pos::Verb);
        assert_eq!(t[8].1, Pos::Ent);
        assert_eq!(t[9].1, Pos::Stop);
    }

    #[test]
    fn hyphenated_compounds_keep_the_name() {
        let t = toks("Many militants trained at Al-Qaeda-run camps in Taliban-ruled Afghanistan.");
        let i = t.iter().position(|(w, _)| w == "Al-Qaeda").unwrap();
        assert_eq!(t[i + 1], ("-".to_string(), Pos::Hyph));
        assert_eq!(t[i + 2], ("run".to_string(), Pos::Adj));
        let j = t.iter().position(|(w, _)| w == "ruled").unwrap();
        assert_eq!(t[j].1, Pos::Adj);
        assert_eq!(t[j + 1].1, Pos::Ent);
    }

    #[test]
    fn over_long_sentences_are_cut() {
        let lex = Lexicon::load(&RulesDir::embedded()).unwrap();
        let text = "The TTP, ".repeat(200) + "attacked Quetta.";
        let d = doc(&text, ENTS);
        let pieces = split(tokenize(&d, 0, &lex));
        assert!(pieces.len() > 2);
        assert!(pieces.iter().all(|p| p.len() <= MAX_TOKENS));
        assert_eq!(pieces.iter().map(|p| p.len()).sum::<usize>(), tokenize(&d, 0, &lex).len());
    }

    #[test]
    fn noun_or_verb_by_context() {
        let t = toks("TTP attacks on security forces rose, and the TTP attacks Pakistan.");
        assert_eq!(t[1], ("attacks".to_string(), Pos::Noun));
        let k = t.iter().rposition(|(w, _)| w == "attacks").unwrap();
        assert_eq!(t[k].1, Pos::Verb);
        let t = toks("Pakistan sought to negotiate with the TTP and gave support to it.");
        assert_eq!(t[2].1, Pos::To);
        let k = t.iter().position(|(w, _)| w == "support").unwrap();
        assert_eq!(t[k].1, Pos::Noun);
        assert_eq!(t[k + 1].1, Pos::Prep);
    }
}
