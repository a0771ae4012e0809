//! Temporal expressions: finding them and normalising them to intervals.
//!
//! The words (months, seasons, part-of-period words, range connectors,
//! relative words, guard words) are data in `rules/dates.toml`; the engine
//! knows only the shapes expressions take. A line is split into tokens
//! (`tokens`), tokens that belong to URLs, DOIs, document symbols or grouped
//! numbers are vetoed (`guards`), then at each token that may open an
//! expression the patterns (`patterns`, `ranges`, `relative`) find the
//! longest one, and `resolve` turns it into an inclusive interval
//! (`normalize`), anchoring relative expressions on the publication date or
//! on the last absolute date seen before them.

mod expr;
mod guards;
mod lexicon;
mod normalize;
mod patterns;
mod ranges;
mod relative;
mod resolve;
mod tokens;

use chrono::NaiveDate;

use self::lexicon::Lexicon;
use self::patterns::Parser;
use self::resolve::Resolver;
use self::tokens::{Kind, NO_WORD, Tok};
use crate::error::RulesError;
use crate::lexicon::RulesDir;
use crate::model::{DateValue, Mention, MentionKind, Recognizer, SegmentedDoc, Span};

/// The name of the date lexicon in the rules folder.
pub const LEXICON_FILE: &str = "dates.toml";

/// The date recognizer, built from the date lexicon (`rules/dates.toml`).
#[derive(Debug)]
pub struct DateTagger {
    lex: Lexicon,
}

impl DateTagger {
    /// Loads the date lexicon from `rules` (or the built-in copy).
    pub fn load(rules: &RulesDir) -> Result<DateTagger, RulesError> {
        let (text, path) = rules.read(LEXICON_FILE, include_str!("../../rules/dates.toml"))?;
        Ok(DateTagger { lex: Lexicon::parse(&text, &path)? })
    }

    /// Normalises one date expression on its own (e.g. a `--from` value),
    /// resolving relative expressions against `anchor`. The whole text
    /// (apart from surrounding spaces and punctuation) must be the
    /// expression; a lone number or month needs no context here.
    pub fn parse(&self, text: &str, anchor: Option<NaiveDate>) -> Option<DateValue> {
        let text = text.trim();
        if let Some(v) = iso_month(text) {
            return Some(v);
        }
        let mut toks = Vec::new();
        tokens::tokenize(text, 0, text.len(), &self.lex, &mut toks, &mut String::new());
        guards::mark_vetoes(text, &mut toks, &self.lex);
        let parser = Parser { text, toks: &toks, lex: &self.lex, lenient: true };
        let first =
            toks.iter().position(|t| t.kind != Kind::Punct || tokens::is_apostrophe(t.ch))?;
        let found = parser.expr(first)?;
        let rest_is_punct = toks[found.end..].iter().all(|t| t.kind == Kind::Punct);
        if found.first != first || !rest_is_punct {
            return None;
        }
        Resolver::new(&self.lex, anchor).value(&found)
    }

    /// Every date mention in `text`, relative ones resolved against
    /// `published` or the last absolute date before them.
    pub fn find(&self, text: &str, published: Option<NaiveDate>) -> Vec<Mention> {
        let mut out = Vec::new();
        self.scan(text, published, &mut out);
        out
    }

    fn scan(&self, text: &str, published: Option<NaiveDate>, out: &mut Vec<Mention>) {
        let mut resolver = Resolver::new(&self.lex, published);
        let mut toks: Vec<Tok> = Vec::new();
        let mut buf = String::new();
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            toks.clear();
            tokens::tokenize(text, start, end, &self.lex, &mut toks, &mut buf);
            guards::mark_vetoes(text, &mut toks, &self.lex);
            let parser = Parser { text, toks: &toks, lex: &self.lex, lenient: false };
            let mut i = 0;
            while i < toks.len() {
                if !self.may_start(&toks, i) {
                    i += 1;
                    continue;
                }
                let Some(found) = parser.expr(i) else {
                    i += 1;
                    continue;
                };
                if let Some(value) = resolver.value(&found) {
                    let span = Span::new(toks[found.first].start, toks[found.end - 1].end);
                    out.push(Mention {
                        span,
                        text: span.slice(text).to_string(),
                        kind: MentionKind::Date(value),
                    });
                }
                i = found.end.max(i + 1);
            }
            start = end + 1;
        }
    }

    /// Can an expression start at token `i`? A cheap test that skips most
    /// tokens (and most `the`s) before any pattern runs.
    fn may_start(&self, toks: &[Tok], i: usize) -> bool {
        let t = &toks[i];
        if t.veto {
            return false;
        }
        match t.kind {
            Kind::Num => true,
            Kind::Word if t.word != NO_WORD => {
                let w = self.lex.info(t.word);
                if !w.starter {
                    return false;
                }
                if w.flags & lexicon::flag::ARTICLE == 0 {
                    return true;
                }
                toks.get(i + 1).is_some_and(|n| match n.kind {
                    Kind::Num => true,
                    Kind::Word => n.word != NO_WORD,
                    Kind::Punct => tokens::is_apostrophe(n.ch),
                })
            }
            Kind::Word => false,
            Kind::Punct => tokens::is_apostrophe(t.ch),
        }
    }
}

/// `2021-03`: an ISO month (only for lone values, where it cannot be a
/// range).
fn iso_month(text: &str) -> Option<DateValue> {
    let (y, m) = text.split_once('-')?;
    if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (y, m) = (y.parse().ok()?, m.parse().ok()?);
    let iv = normalize::months(y, m, y, m, crate::model::Granularity::Month)?;
    Some(DateValue { start: Some(iv.start), end: Some(iv.end), granularity: iv.gran })
}

impl Recognizer for DateTagger {
    fn name(&self) -> &str {
        "dates"
    }

    fn recognize(&self, doc: &SegmentedDoc, out: &mut Vec<Mention>) {
        self.scan(&doc.doc.text, doc.doc.meta.published, out);
    }
}
