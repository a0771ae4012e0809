//! Whole expressions: ranges (`1996–2001`, `from 2013 to 2018`, `between
//! 2015 and 2019`, `September 1996 to November 2001`, `5–7 May 2011`), open
//! intervals (`since 2022`, `by 2020`, `post-2021`, `2021–present`) and lone
//! points with the context checks that keep false dates out.

use super::expr::{Expr, Point};
use super::normalize::interval;
use super::patterns::{Parser, valid_day};
use super::relative::shift_point;

/// One expression found in a line: its value and its token span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub expr: Expr,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// A citation year (`(Rashid, 2010)`): tagged, but no anchor.
    pub citation: bool,
    /// A named date (`9/11`): tagged, but no anchor.
    pub named: bool,
    /// One of the document's own dates (`Received 1 January 2024`): tagged,
    /// but no anchor.
    pub document_date: bool,
    /// A yearless month or season tied to an event (`the summer before the
    /// bombings`): left unresolved.
    pub event_relative: bool,
}

impl Found {
    fn new(expr: Expr, first: usize, end: usize) -> Found {
        Found {
            expr,
            first,
            end,
            citation: false,
            named: false,
            document_date: false,
            event_relative: false,
        }
    }
}

/// Kinds of open interval, by their prefix word.
#[derive(Clone, Copy)]
enum Open {
    Since,
    After,
    Before,
    Until,
}

impl Parser<'_> {
    /// The longest expression starting at token `i`.
    pub(crate) fn expr(&self, i: usize) -> Option<Found> {
        let candidates = [
            self.open_interval(i),
            self.between(i),
            self.range_from(i),
            self.day_range(i),
            self.range_or_point(i),
        ];
        candidates.into_iter().flatten().max_by_key(|f| (f.end, std::cmp::Reverse(f.first)))
    }

    /// A range connector (a dash, `to`, `until`, `through`) at `i`: the
    /// index after it.
    fn connector(&self, i: usize) -> Option<usize> {
        if self.dash(i) {
            return Some(i + 1);
        }
        self.phrase_at(i, &self.lex.phrases.range)
    }

    /// Do two points make a forward range? Points without a year are fine
    /// (they take the other end's year when resolved).
    fn ordered(&self, a: &Point, b: &Point) -> bool {
        match (interval(a, self.lex), interval(b, self.lex)) {
            (Some(x), Some(y)) => x.start < y.start && x.end <= y.end,
            _ => true,
        }
    }

    /// `since P`, `after P`, `post-P`, `before P`, `prior to P`, `by P`,
    /// `until P` (or `not … until P`, which is P itself).
    fn open_interval(&self, i: usize) -> Option<Found> {
        let ph = &self.lex.phrases;
        let kinds = [
            (Open::Since, &ph.since),
            (Open::After, &ph.after),
            (Open::Before, &ph.before),
            (Open::Until, &ph.until),
        ];
        let (kind, mut j) = kinds
            .iter()
            .filter_map(|(k, list)| self.phrase_at(i, list).map(|e| (*k, e)))
            .max_by_key(|&(_, e)| e)?;
        let prefixed = self.dash(j) && self.glued(j) && self.glued(j + 1);
        if prefixed {
            j += 1;
        }
        let (p, e) = self.point(j)?;
        if self.named(j).is_some_and(|(_, ne)| ne == e) || self.measured_or_counted(j, e) {
            return None;
        }
        // `post-2021` takes a dated period; `post-fall-of-Kabul` is no date.
        if (prefixed && p.year().is_none()) || !self.yearless_ok(p, j, e) {
            return None;
        }
        if matches!(p, Point::Year { .. })
            && self.toks.get(e).is_some_and(|t| t.kind == super::tokens::Kind::Num)
        {
            return None;
        }
        if matches!(kind, Open::After | Open::Before) && i >= 2 {
            // `two years after 2001` is a point, not an open interval
            if let (Some(n), Some((unit, _))) = (self.count(i - 2), self.unit(i - 1)) {
                let n = if matches!(kind, Open::After) { n as i32 } else { -(n as i32) };
                return Some(match shift_point(p, unit, n) {
                    Some(q) => Found::new(Expr::Point(q), i - 2, e),
                    None => Found::new(Expr::Point(p), j, e),
                });
            }
        }
        let expr = match kind {
            Open::Until if self.negated(i) => return Some(Found::new(Expr::Point(p), j, e)),
            Open::Since => Expr::Since(p),
            Open::After => Expr::After(p),
            Open::Before => Expr::Before(p),
            Open::Until => Expr::Until(p),
        };
        Some(Found::new(expr, i, e))
    }

    /// `between P1 and P2`.
    fn between(&self, i: usize) -> Option<Found> {
        let ph = &self.lex.phrases;
        let j = self.phrase_at(i, &ph.between)?;
        let (a, e1) = self.point(j)?;
        let k = self.phrase_at(e1, &ph.and)?;
        let (b, e2) = self.point(k)?;
        self.ordered(&a, &b).then(|| Found::new(Expr::Range(a, b), i, e2))
    }

    /// `from P1 to P2`, `from P1 to the present`, `from P1 onwards`.
    fn range_from(&self, i: usize) -> Option<Found> {
        let ph = &self.lex.phrases;
        let j = self.phrase_at(i, &ph.from)?;
        let (a, e1) = self.point(j)?;
        if let Some(e) = self.phrase_at(e1, &ph.onwards) {
            return Some(Found::new(Expr::Since(a), i, e));
        }
        let k = self.connector(e1)?;
        if let Some(e) = self.phrase_at(k, &ph.present).filter(|_| a.year().is_some()) {
            return Some(Found::new(Expr::Since(a), i, e));
        }
        let (b, e2) = self.point(k)?;
        self.ordered(&a, &b).then(|| Found::new(Expr::Range(a, b), i, e2))
    }

    /// Day ranges inside one month: `5–7 May 2011`, `May 5–7, 2011`,
    /// `from 9 to 11 June 2022`, `between 3 and 5 March`.
    fn day_range(&self, i: usize) -> Option<Found> {
        let ph = &self.lex.phrases;
        let (at, between) = match (self.phrase_at(i, &ph.from), self.phrase_at(i, &ph.between)) {
            (Some(j), _) => (j, false),
            (None, Some(j)) => (j, true),
            _ => (i, false),
        };
        // "9 and 10 May 2023": two days given together span both
        let link = |k: usize| {
            if between {
                self.phrase_at(k, &ph.and).map(|j| (j, false))
            } else {
                self.connector(k)
                    .map(|j| (j, false))
                    .or_else(|| self.phrase_at(k, &ph.and).map(|j| (j, true)))
            }
        };
        let year_after = |k: usize| {
            let e = if self.punct(k, ',') { k + 1 } else { k };
            self.year(e).map(|y| (Some(y), e + 1)).unwrap_or((None, k))
        };
        let (y, m, d1, d2, end) = if let Some((d1, j)) = self.day(at) {
            let (d2, k) = self.day(link(j)?.0)?;
            let (m, e, _) = self.month(k)?;
            let (y, end) = year_after(e);
            (y, m, d1, d2, end)
        } else {
            let (m, j, _) = self.month(at)?;
            let (d1, k) = self.day(j)?;
            let (after, and) = link(k)?;
            let (d2, e) = self.day(after)?;
            let (y, end) = year_after(e);
            // "in May 9 and 10 …" may be counts: "and" needs the year
            if and && y.is_none() {
                return None;
            }
            (y, m, d1, d2, end)
        };
        (d1 < d2 && valid_day(y, m, d2)).then(|| {
            Found::new(Expr::Range(Point::Day { y, m, d: d1 }, Point::Day { y, m, d: d2 }), i, end)
        })
    }

    /// A point, maybe followed by a range connector and a second point
    /// (`1996–2001`, `1979-89`, `September 1996 to November 2001`,
    /// `2021–present`, `2014 onwards`).
    fn range_or_point(&self, i: usize) -> Option<Found> {
        let ph = &self.lex.phrases;
        let (a, e1) = self.point(i)?;
        if let Point::Year { y } = a {
            let joined =
                (self.dash(e1) || self.punct(e1, '/')) && self.glued(e1) && self.glued(e1 + 1);
            if let Some(y2) = self.short_year_after(e1 + 1, y).filter(|_| joined) {
                return self
                    .numeric_ok(i, e1 + 2)
                    .then(|| Found::new(Expr::Range(a, Point::Year { y: y2 }), i, e1 + 2));
            }
        }
        if let Some(k) = self.connector(e1) {
            if let Some(e) = self.phrase_at(k, &ph.present).filter(|_| a.year().is_some()) {
                return Some(Found::new(Expr::Since(a), i, e));
            }
            if let Some((b, e2)) = self.point(k) {
                let plain_years = matches!((a, b), (Point::Year { .. }, Point::Year { .. }));
                if self.ordered(&a, &b) && (!plain_years || self.numeric_ok(i, e2)) {
                    return Some(Found::new(Expr::Range(a, b), i, e2));
                }
            }
        }
        if let Some(e) = self.phrase_at(e1, &ph.onwards).filter(|_| a.year().is_some()) {
            return Some(Found::new(Expr::Since(a), i, e));
        }
        self.lone(a, i, e1)
    }

    /// Guards for expressions made only of numbers (`1996–2001`).
    fn numeric_ok(&self, i: usize, end: usize) -> bool {
        self.lenient
            || (!self.guarded_before(i)
                && !self.measured_or_counted(i, end)
                && !self.toks.get(end).is_some_and(|t| t.kind == super::tokens::Kind::Num))
    }

    /// A yearless season inside a larger expression still must look like
    /// one: no `of` or dash after it (`the fall of Kabul`), no capital in
    /// mid-sentence (`the Arab Spring`).
    fn yearless_ok(&self, p: Point, i: usize, end: usize) -> bool {
        if !matches!(p, Point::Season { y: None, .. }) || self.lenient {
            return true;
        }
        let s = if self.article(i) { i + 1 } else { i };
        let capital_ok = !self.toks[s].cap || s == 0;
        capital_ok && !self.of(end) && !(self.dash(end) && self.glued(end))
    }

    /// A point standing alone, if its context says it is a date.
    fn lone(&self, p: Point, i: usize, end: usize) -> Option<Found> {
        let ok = match p {
            Point::Year { y } => !self.guarded_before(i) && self.lone_year_ok(i, end, y),
            Point::Month { y: None, .. } => self.lone_month_ok(i),
            Point::Season { y: None, .. } => self.lone_season_ok(i, end),
            Point::Decade { .. } => !self.guarded_before(i),
            _ => !(self.toks[i].kind == super::tokens::Kind::Num && self.guarded_before(i)),
        };
        if !ok {
            return None;
        }
        let mut f = Found::new(Expr::Point(p), i, end);
        f.citation = matches!(p, Point::Year { .. }) && self.citation(i, end)
            || (matches!(p, Point::Day { .. } | Point::Month { .. })
                && i > 0
                && self.punct(i - 1, '(')
                && self.year(i).is_some());
        f.named = self.named(i).is_some_and(|(_, e)| e == end);
        let label_end = if i > 0 && self.punct(i - 1, ':') { i - 1 } else { i };
        f.document_date =
            self.phrase_before(label_end, &self.lex.phrases.document_labels).is_some();
        f.event_relative =
            p.is_yearless() && self.phrase_at(end, &self.lex.phrases.event_relations).is_some();
        Some(f)
    }
}
