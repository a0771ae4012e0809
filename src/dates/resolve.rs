//! Turns found expressions into dates: fills in missing years, resolves
//! relative expressions against the document's anchors, and keeps the
//! narrative anchor (the last absolute date seen) up to date.

use chrono::{Datelike, NaiveDate};

use super::expr::{Anchoring, Expr, Point, Rel};
use super::lexicon::Lexicon;
use super::normalize::{Iv, add_days, interval, part_of};
use super::ranges::Found;
use super::relative::{self, Anchor};
use crate::model::{DateValue, Granularity};

/// Resolves the expressions of one document, in text order.
pub(crate) struct Resolver<'a> {
    lex: &'a Lexicon,
    /// The publication date (deictic anchor).
    published: Option<Anchor>,
    /// The last absolute date seen (anaphoric anchor).
    narrative: Option<Anchor>,
}

/// A date with null bounds: a relative expression that could not be anchored.
pub(crate) const UNRESOLVED: DateValue =
    DateValue { start: None, end: None, granularity: Granularity::Relative };

impl<'a> Resolver<'a> {
    /// A resolver for a document published on `published` (if known).
    pub(crate) fn new(lex: &'a Lexicon, published: Option<NaiveDate>) -> Resolver<'a> {
        Resolver { lex, published: published.map(Anchor::day), narrative: None }
    }

    /// The value of `f`, or `None` when it is not a date after all (a range
    /// that runs backwards). Updates the narrative anchor.
    pub(crate) fn value(&mut self, f: &Found) -> Option<DateValue> {
        let open = |start, end| DateValue { start, end, granularity: Granularity::Interval };
        let Some(p) = f.expr.single() else {
            let Expr::Range(a, b) = f.expr else { unreachable!("single() covers the rest") };
            let (a, b) = self.complete(a, b);
            return match (self.point(a, false), self.point(b, false)) {
                (Some(x), Some(y)) if x.start > y.end => None,
                (Some(x), Some(y)) => Some(open(Some(x.start), Some(y.end))),
                _ => Some(UNRESOLVED),
            };
        };
        let Some(iv) = self.point(p, f.event_relative) else { return Some(UNRESOLVED) };
        if !f.named && !f.citation {
            self.observe(p, iv.start);
        }
        let value = match f.expr {
            Expr::Since(_) => open(Some(iv.start), None),
            Expr::After(_) => open(add_days(iv.end, 1), None),
            Expr::Before(_) => open(None, add_days(iv.start, -1)),
            Expr::Until(_) => open(None, Some(iv.end)),
            _ => DateValue { start: Some(iv.start), end: Some(iv.end), granularity: iv.gran },
        };
        Some(value)
    }

    /// Gives a yearless range end the year of the other end.
    fn complete(&self, a: Point, b: Point) -> (Point, Point) {
        let seasons = &self.lex.seasons;
        match (a.is_yearless(), b.is_yearless(), a.year(), b.year()) {
            (true, false, _, Some(yb)) => {
                let later = a.first_month(seasons) > b.first_month(seasons);
                (a.with_year(if later { yb - 1 } else { yb }), b)
            }
            (false, true, Some(ya), _) => {
                let earlier = b.first_month(seasons) < a.first_month(seasons);
                (a, b.with_year(if earlier { ya + 1 } else { ya }))
            }
            _ => (a, b),
        }
    }

    /// The interval of one point, resolving what it lacks.
    fn point(&self, p: Point, event_relative: bool) -> Option<Iv> {
        let anchors = |anchoring| match anchoring {
            Anchoring::Deictic => (self.published, self.narrative),
            Anchoring::Anaphoric => (self.narrative, self.published),
        };
        match p {
            Point::Rel(rel) => {
                let (a, b) = anchors(rel_anchoring(rel));
                relative::resolve(rel, a, b, self.lex)
            }
            Point::RelPart(rel, part) => {
                let (a, b) = anchors(rel_anchoring(rel));
                part_of(relative::resolve(rel, a, b, self.lex)?, part, self.lex)
            }
            p if p.is_yearless() => {
                if event_relative {
                    return None;
                }
                let a = self.narrative.or(self.published)?;
                interval(&p.with_year(a.y), self.lex)
            }
            p => interval(&p, self.lex),
        }
    }

    /// Makes an absolute point the new narrative anchor.
    fn observe(&mut self, p: Point, start: NaiveDate) {
        let y = start.year();
        self.narrative = match p {
            Point::Day { .. } => Some(Anchor::day(start)),
            Point::Month { .. } | Point::MonthPart { .. } => {
                Some(Anchor { y, m: Some(start.month()), d: None })
            }
            Point::Season { .. }
            | Point::Quarter { .. }
            | Point::Half { .. }
            | Point::Year { .. }
            | Point::YearPart { .. } => Some(Anchor { y, m: None, d: None }),
            _ => return,
        };
    }
}

fn rel_anchoring(rel: Rel) -> Anchoring {
    match rel {
        Rel::Shift { anchoring, .. } | Rel::Cyclic { anchoring, .. } => anchoring,
        Rel::Back { .. } => Anchoring::Deictic,
    }
}
