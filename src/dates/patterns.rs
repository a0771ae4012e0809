//! The shapes of dates, read off the tokens of one line: days, months,
//! seasons, quarters, years, decades, centuries and parts of them. The words
//! come from the lexicon; this file only knows in which order they come.
//! Ranges and open intervals are built on top of these in `ranges.rs`,
//! relative expressions in `relative.rs`.

use super::expr::{Point, Rel, Unit};
use super::lexicon::{Lexicon, NumericOrder, Phrase, WordInfo, flag};
use super::normalize::days_in_month;
use super::tokens::{Kind, NO_WORD, Tok, eq_lower, is_apostrophe, is_dash};

/// A point and the index of the token after it.
pub(crate) type Hit = (Point, usize);

/// Reads date patterns from the tokens of one line.
pub(crate) struct Parser<'a> {
    /// The document text the tokens point into.
    pub text: &'a str,
    /// The tokens of the line.
    pub toks: &'a [Tok],
    /// The lexicon.
    pub lex: &'a Lexicon,
    /// Accept bare years and months without context (a lone `--from` value).
    pub lenient: bool,
}

impl<'a> Parser<'a> {
    // ---- token helpers -------------------------------------------------

    /// The text of token `i`.
    pub(crate) fn txt(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    /// The lexicon entry of word token `i`.
    pub(crate) fn info(&self, i: usize) -> Option<&'a WordInfo> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Word && t.word != NO_WORD && !t.veto).then(|| self.lex.info(t.word))
    }

    /// Token `i` exists and no whitespace stands before it.
    pub(crate) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    /// Token `i` is the punctuation character `c`.
    pub(crate) fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct && t.ch == c)
    }

    /// Token `i` is a dash.
    pub(crate) fn dash(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct && is_dash(t.ch))
    }

    /// Token `i` is an apostrophe.
    pub(crate) fn apostrophe(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct && is_apostrophe(t.ch))
    }

    /// Value and digit count of number token `i` (not vetoed).
    pub(crate) fn num(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num && !t.veto).then_some((t.num, t.digits))
    }

    /// Does phrase `p` stand at token `i`?
    pub(crate) fn matches(&self, i: usize, p: &Phrase) -> bool {
        i + p.len() <= self.toks.len()
            && p.iter().enumerate().all(|(k, w)| eq_lower(self.txt(i + k), w))
    }

    /// The end of the longest phrase of `list` starting at `i`.
    pub(crate) fn phrase_at(&self, i: usize, list: &[Phrase]) -> Option<usize> {
        list.iter().filter(|p| self.matches(i, p)).map(|p| i + p.len()).max()
    }

    /// The start of the longest phrase of `list` ending right before `i`.
    pub(crate) fn phrase_before(&self, i: usize, list: &[Phrase]) -> Option<usize> {
        list.iter()
            .filter(|p| p.len() <= i && self.matches(i - p.len(), p))
            .map(|p| i - p.len())
            .min()
    }

    /// Token `i` is a one-token phrase of `list`.
    pub(crate) fn one_of(&self, i: usize, list: &[Phrase]) -> bool {
        i < self.toks.len() && list.iter().any(|p| p.len() == 1 && eq_lower(self.txt(i), &p[0]))
    }

    /// `the` at `i`.
    pub(crate) fn article(&self, i: usize) -> bool {
        self.one_of(i, &self.lex.phrases.articles)
    }

    /// `of` at `i`.
    pub(crate) fn of(&self, i: usize) -> bool {
        self.one_of(i, &self.lex.phrases.of)
    }

    // ---- atoms -----------------------------------------------------------

    /// A four-digit year at `i`.
    pub(crate) fn year(&self, i: usize) -> Option<i32> {
        let (v, d) = self.num(i)?;
        let v = v as i32;
        let leading_zero = self.text.as_bytes()[self.toks[i].start] == b'0';
        (d == 4
            && !leading_zero
            && (self.lex.context_year_min..=self.lex.bare_year_max).contains(&v))
        .then_some(v)
    }

    /// A day of the month at `i` (`7`, `07`, `7th`) and the index after it.
    pub(crate) fn day(&self, i: usize) -> Option<(u32, usize)> {
        let (v, d) = self.num(i)?;
        if d > 2 || v == 0 || v > 31 {
            return None;
        }
        let mut j = i + 1;
        if self.glued(j) && self.one_of(j, &self.lex.phrases.ordinal_suffixes) {
            j += 1;
        }
        if self.glued(j) && (self.punct(j, ':') || self.num(j).is_some()) {
            return None;
        }
        Some((v, j))
    }

    /// A month name at `i` (`October`, `Oct.`), the index after it and its
    /// lexicon entry. Abbreviations and ambiguous names need a capital.
    pub(crate) fn month(&self, i: usize) -> Option<(u32, usize, &'a WordInfo)> {
        let w = self.info(i)?;
        if w.month == 0 || ((w.month_abbrev || w.month_ambiguous) && !self.toks[i].cap) {
            return None;
        }
        let mut j = i + 1;
        if w.month_abbrev && self.punct(j, '.') && self.glued(j) {
            j += 1;
        }
        Some((w.month.into(), j, w))
    }

    /// A weekday before a date (`Tuesday,`): the index after it.
    fn weekday_prefix(&self, i: usize) -> Option<usize> {
        let w = self.info(i)?;
        if w.weekday == 0 || !self.toks[i].cap {
            return None;
        }
        let mut j = i + 1;
        if self.punct(j, '.') && self.glued(j) {
            j += 1;
        }
        if self.punct(j, ',') {
            j += 1;
        }
        Some(j)
    }

    /// A unit word at `i` (`year`, `months`) and whether it is plural.
    pub(crate) fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        let w = self.info(i)?;
        w.unit.map(|u| (u, w.unit_plural))
    }

    /// A small count at `i` (`two`, `3`, `a`).
    pub(crate) fn count(&self, i: usize) -> Option<u32> {
        if let Some((v, d)) = self.num(i) {
            return (d <= 2 && v > 0).then_some(v);
        }
        self.info(i).map(|w| u32::from(w.number)).filter(|&n| n > 0)
    }

    /// A two-digit year after a four-digit one (`1979-89`): the full year,
    /// which must come after `first`.
    pub(crate) fn short_year_after(&self, i: usize, first: i32) -> Option<i32> {
        let (v, d) = self.num(i)?;
        if d != 2 {
            return None;
        }
        let century = first - first.rem_euclid(100);
        let mut y = century + v as i32;
        if y <= first {
            y += 100;
        }
        (y - first <= 99).then_some(y)
    }

    // ---- points ------------------------------------------------------------

    /// The longest point starting at token `i`.
    pub(crate) fn point(&self, i: usize) -> Option<Hit> {
        let candidates = [
            self.named(i),
            self.numeric(i),
            self.weekday_date(i),
            self.day_first(i),
            self.month_first(i),
            self.year_first(i),
            self.season(i),
            self.part_point(i),
            self.quarter(i),
            self.decade(i),
            self.century(i),
            self.relative(i),
        ];
        candidates.into_iter().flatten().max_by_key(|&(_, end)| end)
    }

    /// A date written as a name (`9/11`), from the lexicon.
    pub(crate) fn named(&self, i: usize) -> Option<Hit> {
        if i > 0 && self.glued(i) && self.toks[i - 1].kind != Kind::Word {
            let prev = &self.toks[i - 1];
            if prev.kind == Kind::Num || matches!(prev.ch, '/' | '.') {
                return None;
            }
        }
        let (p, date) = self.lex.named.iter().find(|(p, _)| self.matches(i, p))?;
        let end = i + p.len();
        if self.glued(end) && (self.punct(end, '/') || self.num(end).is_some()) {
            return None;
        }
        use chrono::Datelike;
        Some((Point::Day { y: Some(date.year()), m: date.month(), d: date.day() }, end))
    }

    /// An all-numeric date: `10/07/2001`, `07.10.2001`, `7-10-2001`.
    fn numeric(&self, i: usize) -> Option<Hit> {
        let (a, da) = self.num(i)?;
        let sep = self.toks.get(i + 1).filter(|t| !t.gap && t.kind == Kind::Punct)?.ch;
        if da > 2 || !matches!(sep, '/' | '.' | '-') {
            return None;
        }
        let (b, db) = self.num(i + 2).filter(|_| self.glued(i + 2))?;
        if db > 2 || !self.punct(i + 3, sep) || !self.glued(i + 3) || !self.glued(i + 4) {
            return None;
        }
        let (c, dc) = self.num(i + 4)?;
        let y = match dc {
            4 => c as i32,
            2 if sep == '/' => {
                if c < self.lex.two_digit_pivot {
                    2000 + c as i32
                } else {
                    1900 + c as i32
                }
            }
            _ => return None,
        };
        let (mut m, mut d) = match self.lex.numeric_order {
            NumericOrder::Mdy => (a, b),
            NumericOrder::Dmy => (b, a),
        };
        if m > 12 && d <= 12 {
            std::mem::swap(&mut m, &mut d);
        }
        if self.glued(i + 5) && self.toks.get(i + 5).is_some_and(|t| t.kind != Kind::Punct) {
            return None;
        }
        valid_day(Some(y), m, d).then_some((Point::Day { y: Some(y), m, d }, i + 5))
    }

    /// A weekday and the day it names: `Tuesday, 16 December 2014`.
    fn weekday_date(&self, i: usize) -> Option<Hit> {
        let j = self.weekday_prefix(i)?;
        let hit =
            [self.day_first(j), self.month_first(j)].into_iter().flatten().max_by_key(|h| h.1)?;
        matches!(hit.0, Point::Day { .. }).then_some(hit)
    }

    /// `7 October 2001`, `7th Oct. 2001`, `the 7th of October`, `24 October`.
    pub(crate) fn day_first(&self, i: usize) -> Option<Hit> {
        let the = self.article(i);
        let at = if the { i + 1 } else { i };
        let (d, mut j) = self.day(at)?;
        let ordinal = j > at + 1;
        if the && !ordinal {
            return None;
        }
        if ordinal && self.of(j) {
            j += 1;
        }
        let (m, j, _) = self.month(j)?;
        let k = if self.punct(j, ',') { j + 1 } else { j };
        if let Some(y) = self.year(k).filter(|&y| valid_day(Some(y), m, d)) {
            return Some((Point::Day { y: Some(y), m, d }, k + 1));
        }
        valid_day(None, m, d).then_some((Point::Day { y: None, m, d }, j))
    }

    /// `October 7, 2001`, `May 2nd`, `September 1996`, `June, 2019`,
    /// `May of 2011`, or a bare month (checked for context by the caller).
    pub(crate) fn month_first(&self, i: usize) -> Option<Hit> {
        let (m, j, _) = self.month(i)?;
        let at = if self.article(j) { j + 1 } else { j };
        if let Some((d, k)) = self.day(at).filter(|&(_, k)| at == j || k > at + 1) {
            let e = if self.punct(k, ',') { k + 1 } else { k };
            if let Some(y) = self.year(e).filter(|&y| valid_day(Some(y), m, d)) {
                return Some((Point::Day { y: Some(y), m, d }, e + 1));
            }
            if valid_day(None, m, d) {
                return Some((Point::Day { y: None, m, d }, k));
            }
        }
        let e = if self.punct(j, ',') || self.of(j) { j + 1 } else { j };
        if let Some(y) = self.year(e) {
            return Some((Point::Month { y: Some(y), m }, e + 1));
        }
        Some((Point::Month { y: None, m }, j))
    }

    /// Dates that start with the year: ISO `2001-10-07`, `1990s`,
    /// reference-list `(2022, June 2)`, or the year alone (checked by the
    /// caller).
    pub(crate) fn year_first(&self, i: usize) -> Option<Hit> {
        let y = self.year(i)?;
        let j = i + 1;
        for sep in ['-', '/'] {
            if self.punct(j, sep) && self.punct(j + 2, sep) && (j..j + 4).all(|k| self.glued(k)) {
                let m = self.num(j + 1).filter(|n| n.1 == 2).map(|n| n.0);
                let d = self.num(j + 3).filter(|n| n.1 == 2).map(|n| n.0);
                if let (Some(m), Some(d)) = (m, d) {
                    return valid_day(Some(y), m, d)
                        .then_some((Point::Day { y: Some(y), m, d }, j + 4));
                }
            }
        }
        if let Some(e) = self.decade_suffix(j).filter(|_| y % 10 == 0) {
            return Some((Point::Decade { y }, e));
        }
        if i > 0 && self.punct(i - 1, '(') && self.punct(j, ',') {
            if let Some((m, k, _)) = self.month(j + 1) {
                if let Some((d, e)) = self.day(k).filter(|&(d, _)| valid_day(Some(y), m, d)) {
                    return Some((Point::Day { y: Some(y), m, d }, e));
                }
                return Some((Point::Month { y: Some(y), m }, k));
            }
        }
        let mut e = j;
        if self.glued(e) && self.one_of(e, &self.lex.phrases.citation_suffixes) {
            e += 1;
        }
        Some((Point::Year { y }, e))
    }

    /// `s` or `'s` glued at `j` after a decade number: the index after it.
    fn decade_suffix(&self, j: usize) -> Option<usize> {
        let sfx = &self.lex.phrases.decade_suffixes;
        if self.glued(j) && self.one_of(j, sfx) {
            return Some(j + 1);
        }
        (self.glued(j) && self.apostrophe(j) && self.glued(j + 1) && self.one_of(j + 1, sfx))
            .then_some(j + 2)
    }

    /// `spring 2022`, `the summer of 2021`, `winter 2001–02`, or a bare
    /// season (`the summer`, checked by the caller).
    pub(crate) fn season(&self, i: usize) -> Option<Hit> {
        let at = if self.article(i) { i + 1 } else { i };
        let s = self.info(at).map(|w| w.season).filter(|&s| s > 0)?;
        let e = if self.of(at + 1) { at + 2 } else { at + 1 };
        if let Some(y) = self.year(e) {
            let mut end = e + 1;
            if self.dash(end) && self.glued(end + 1) {
                let next = self.short_year_after(end + 1, y).or_else(|| self.year(end + 1));
                if next == Some(y + 1) {
                    end += 2;
                }
            }
            return Some((Point::Season { y: Some(y), s }, end));
        }
        Some((Point::Season { y: None, s }, at + 1))
    }

    /// `early 2021`, `mid-July`, `late September 1998`, `the end of 2016`,
    /// `the early 2000s`, `late last year`, `the end of the year`.
    fn part_point(&self, i: usize) -> Option<Hit> {
        let at = if self.article(i) { i + 1 } else { i };
        let w = self.info(at)?;
        let (part, mut k) = match (w.part, w.part_of) {
            (Some(p), _) => (p, at + 1),
            (None, Some(p)) if self.of(at + 1) => (p, at + 2),
            _ => return None,
        };
        if w.part.is_some() && self.dash(k) && self.glued(k) {
            k += 1;
        }
        if let Some((p, e)) = self.decade(k) {
            if let Point::Decade { y } = p {
                return Some((Point::DecadePart { y, part }, e));
            }
        }
        if let Some((Point::Century { c }, e)) = self.century(k) {
            return Some((Point::CenturyPart { c, part }, e));
        }
        if let Some((m, e, w)) = self.month(k) {
            let f = if self.punct(e, ',') || self.of(e) { e + 1 } else { e };
            if let Some(y) = self.year(f) {
                return Some((Point::MonthPart { y: Some(y), m, part }, f + 1));
            }
            if !w.month_abbrev {
                return Some((Point::MonthPart { y: None, m, part }, e));
            }
        }
        if let Some(y) = self.year(k) {
            return Some((Point::YearPart { y, part }, k + 1));
        }
        if let Some((Point::Season { y, s }, e)) = self.season(k) {
            return y.is_some().then_some((Point::Season { y, s }, e));
        }
        if self.article(k) {
            if let Some((u @ (Unit::Year | Unit::Month | Unit::Decade), false)) = self.unit(k + 1) {
                let rel =
                    Rel::Shift { unit: u, n: 0, anchoring: super::expr::Anchoring::Anaphoric };
                return Some((Point::RelPart(rel, part), k + 2));
            }
        }
        if let Some((Point::Rel(rel @ Rel::Shift { unit: Unit::Year | Unit::Month, .. }), e)) =
            self.relative(k)
        {
            return Some((Point::RelPart(rel, part), e));
        }
        None
    }

    /// `Q3 2023`, `H1 2020`, `the third quarter of 2023`, `the first half of 2020`.
    fn quarter(&self, i: usize) -> Option<Hit> {
        let ph = &self.lex.phrases;
        let t = self.toks.get(i)?;
        if t.kind == Kind::Word && t.cap && !t.veto && self.glued(i + 1) {
            let q = self.num(i + 1).filter(|n| n.1 == 1).map(|n| n.0);
            let mut k = i + 2;
            if (self.dash(k) || self.punct(k, '/')) && self.glued(k) {
                k += 1;
            }
            if let (Some(q), Some(y)) = (q, self.year(k)) {
                if self.one_of(i, &ph.quarter_prefixes) && (1..=4).contains(&q) {
                    return Some((Point::Quarter { y, q }, k + 1));
                }
                if self.one_of(i, &ph.half_prefixes) && (1..=2).contains(&q) {
                    return Some((Point::Half { y, h: q }, k + 1));
                }
            }
        }
        let at = if self.article(i) { i + 1 } else { i };
        let (n, k) = self.ordinal(at)?;
        let w = self.info(k)?;
        let e = if self.of(k + 1) { k + 2 } else { k + 1 };
        let y = self.year(e)?;
        if w.flags & flag::QUARTER != 0 && (1..=4).contains(&n) {
            return Some((Point::Quarter { y, q: n }, e + 1));
        }
        if w.flags & flag::HALF != 0 && (1..=2).contains(&n) {
            return Some((Point::Half { y, h: n }, e + 1));
        }
        None
    }

    /// An ordinal at `i` (`third`, `3rd`, `20th`) and the index after it.
    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((v, d)) = self.num(i) {
            let sfx = self.glued(i + 1) && self.one_of(i + 1, &self.lex.phrases.ordinal_suffixes);
            return (d <= 2 && v > 0 && sfx).then_some((v, i + 2));
        }
        self.info(i).map(|w| u32::from(w.ordinal)).filter(|&n| n > 0).map(|n| (n, i + 1))
    }

    /// `1990s`, `the 1990s`, `'90s`, `the nineties`.
    pub(crate) fn decade(&self, i: usize) -> Option<Hit> {
        let at = if self.article(i) { i + 1 } else { i };
        if let Some(y) = self.year(at).filter(|y| y % 10 == 0) {
            return self.decade_suffix(at + 1).map(|e| (Point::Decade { y }, e));
        }
        if self.apostrophe(at) && self.glued(at + 1) {
            let (v, d) = self.num(at + 1)?;
            if d != 2 || v % 10 != 0 {
                return None;
            }
            let y = if v < self.lex.two_digit_pivot { 2000 + v } else { 1900 + v };
            return self.decade_suffix(at + 2).map(|e| (Point::Decade { y: y as i32 }, e));
        }
        let y = self.info(at).map(|w| w.decade).filter(|&y| y > 0)?;
        let after_part = at > 0 && self.info(at - 1).is_some_and(|w| w.part.is_some());
        (at > i || after_part).then_some((Point::Decade { y: y.into() }, at + 1))
    }

    /// `the 20th century`, `the twentieth century`, `21st-century`.
    fn century(&self, i: usize) -> Option<Hit> {
        let at = if self.article(i) { i + 1 } else { i };
        let (c, mut k) = self.ordinal(at)?;
        if self.dash(k) && self.glued(k) {
            k += 1;
        }
        let w = self.info(k)?;
        (w.flags & flag::CENTURY != 0 && (1..=30).contains(&c))
            .then_some((Point::Century { c: c as i32 }, k + 1))
    }
}

/// Is `d` a day of month `m` (of year `y`, or of some year if unknown)?
pub(crate) fn valid_day(y: Option<i32>, m: u32, d: u32) -> bool {
    (1..=12).contains(&m)
        && d >= 1
        && d <= y.map_or(if m == 2 { 29 } else { days_in_month(2001, m) }, |y| days_in_month(y, m))
}
