//! Relative expressions: reading them (`last year`, `the following month`,
//! `two years later`, `on Tuesday`) and resolving them against an anchor
//! date.

use chrono::{Datelike, NaiveDate};

use super::expr::{Anchoring, Cyclic, Point, Rel, Unit};
use super::lexicon::{Lexicon, flag};
use super::normalize::{Iv, add_days, add_months, first_day, interval, months, years};
use super::patterns::{Hit, Parser};
use crate::model::Granularity;

/// What a relative expression is resolved against: a year, maybe with its
/// month and day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub y: i32,
    pub m: Option<u32>,
    pub d: Option<u32>,
}

impl Anchor {
    /// A day anchor.
    pub(crate) fn day(d: NaiveDate) -> Anchor {
        Anchor { y: d.year(), m: Some(d.month()), d: Some(d.day()) }
    }

    /// The anchor's day, when it is that precise.
    fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.y, self.m?, self.d?)
    }
}

impl Parser<'_> {
    /// A relative expression starting at `i`.
    pub(crate) fn relative(&self, i: usize) -> Option<Hit> {
        use Anchoring::{Anaphoric, Deictic};
        let rel = |r: Rel, end: usize| Some((Point::Rel(r), end));
        let w = self.info(i);
        if let Some(off) = w.and_then(|w| w.day_offset) {
            return rel(Rel::Shift { unit: Unit::Day, n: off.into(), anchoring: Deictic }, i + 1);
        }
        let qualified = w.is_some_and(|w| w.flags & flag::QUALIFIER != 0)
            && self.info(i + 1).and_then(|w| w.deictic) == Some(0);
        let j = if qualified { i + 1 } else { i };
        let after_article = i > 0 && self.one_of(i - 1, &self.lex.phrases.determiners);
        if let Some(off) = self.info(j).and_then(|w| w.deictic).filter(|_| !after_article) {
            let n = i32::from(off);
            if let Some((unit, false)) = self.unit(j + 1) {
                return rel(Rel::Shift { unit, n, anchoring: Deictic }, j + 2);
            }
            if !qualified && let Some((what, e)) = self.cyclic(j + 1) {
                return rel(Rel::Cyclic { what, n, anchoring: Deictic }, e);
            }
        }
        if self.article(i) {
            if let Some(off) = self.info(i + 1).and_then(|w| w.anaphoric) {
                let n = i32::from(off);
                if let Some((unit, false)) = self.unit(i + 2) {
                    return rel(Rel::Shift { unit, n, anchoring: Anaphoric }, i + 3);
                }
                if let Some((what @ (Cyclic::Season(_) | Cyclic::Month(_)), e)) = self.cyclic(i + 2)
                {
                    return rel(Rel::Cyclic { what, n, anchoring: Anaphoric }, e);
                }
            }
            if self.info(i + 1).is_some_and(|w| w.flags & flag::SPAN != 0)
                && let (Some(n), Some((unit, true))) = (self.count(i + 2), self.unit(i + 3))
            {
                return (n > 1).then_some((Point::Rel(Rel::Back { unit, n: n as i32 }), i + 4));
            }
            // "over the past decade", "in the last year" — but not "the
            // last year of the regime"
            if self.info(i + 1).is_some_and(|w| w.flags & flag::SPAN != 0)
                && let Some((unit, false)) = self.unit(i + 2)
                && !self.of(i + 3)
            {
                return Some((Point::Rel(Rel::Back { unit, n: 1 }), i + 3));
            }
        }
        if w.is_some_and(|w| w.flags & flag::DEMONSTRATIVE != 0) {
            if let Some((unit, false)) = self.unit(i + 1) {
                return rel(Rel::Shift { unit, n: 0, anchoring: Anaphoric }, i + 2);
            }
            if let Some((what @ (Cyclic::Season(_) | Cyclic::Month(_)), e)) = self.cyclic(i + 1) {
                return rel(Rel::Cyclic { what, n: 0, anchoring: Anaphoric }, e);
            }
        }
        if let (Some(n), Some((unit, _))) = (self.count(i), self.unit(i + 1)) {
            let n = n as i32;
            let f = self.info(i + 2).map_or(0, |w| w.flags);
            let shift = |n, anchoring| rel(Rel::Shift { unit, n, anchoring }, i + 3);
            if f & flag::AGO != 0 {
                return shift(-n, Deictic);
            }
            if f & flag::LATER != 0 {
                return shift(n, Anaphoric);
            }
            if f & flag::EARLIER != 0 {
                return shift(-n, Anaphoric);
            }
        }
        if self.phrase_before(i, &self.lex.phrases.prepositions).is_some()
            && let Some((what @ Cyclic::Weekday(_), e)) = self.cyclic(i)
        {
            return rel(Rel::Cyclic { what, n: 0, anchoring: Anaphoric }, e);
        }
        None
    }

    /// A month, season or weekday name standing alone at `i`.
    fn cyclic(&self, i: usize) -> Option<(Cyclic, usize)> {
        let w = self.info(i)?;
        let cap = self.toks[i].cap;
        if w.weekday > 0 && cap {
            return Some((Cyclic::Weekday(w.weekday.into()), i + 1));
        }
        if w.season > 0 {
            return Some((Cyclic::Season(w.season), i + 1));
        }
        let (m, e, w) = self.month(i)?;
        let dated = self.year(e).is_some() || self.day(e).is_some();
        (!w.month_abbrev && !dated).then_some((Cyclic::Month(m), e))
    }
}

/// `n` units after (or, negative, before) a dated point: `two years after
/// 2001` is 2003. `None` when the unit is finer than the point.
pub(crate) fn shift_point(p: Point, unit: Unit, n: i32) -> Option<Point> {
    let years = match unit {
        Unit::Year => Some(n),
        Unit::Decade => Some(10 * n),
        _ => None,
    };
    match (p, years) {
        (Point::Year { y }, Some(k)) => Some(Point::Year { y: y + k }),
        (Point::Month { y: Some(y), m }, Some(k)) => Some(Point::Month { y: Some(y + k), m }),
        (Point::Month { y: Some(y), m }, None) if unit == Unit::Month => {
            let d = add_months(first_day(y, m)?, n)?;
            Some(Point::Month { y: Some(d.year()), m: d.month() })
        }
        (Point::Day { y: Some(y), m, d }, _) => {
            let day = NaiveDate::from_ymd_opt(y, m, d)?;
            let shifted = match unit {
                Unit::Day => add_days(day, n.into())?,
                Unit::Week => add_days(day, 7 * i64::from(n))?,
                Unit::Month => add_months(day, n)?,
                Unit::Year => add_months(day, 12 * n)?,
                Unit::Decade => add_months(day, 120 * n)?,
            };
            Some(Point::Day { y: Some(shifted.year()), m: shifted.month(), d: shifted.day() })
        }
        _ => None,
    }
}

/// Resolves a relative expression against `first`, or against `second`
/// when `first` is missing or not precise enough.
pub(crate) fn resolve(
    rel: Rel,
    first: Option<Anchor>,
    second: Option<Anchor>,
    lex: &Lexicon,
) -> Option<Iv> {
    first
        .and_then(|a| resolve_with(rel, a, lex))
        .or_else(|| second.and_then(|a| resolve_with(rel, a, lex)))
}

fn resolve_with(rel: Rel, a: Anchor, lex: &Lexicon) -> Option<Iv> {
    use Granularity as G;
    match rel {
        Rel::Shift { unit, n, .. } => match unit {
            Unit::Day => {
                let d = add_days(a.date()?, n.into())?;
                Some(Iv { start: d, end: d, gran: G::Day })
            }
            Unit::Week => {
                let d = add_days(a.date()?, 7 * i64::from(n))?;
                let monday = add_days(d, -i64::from(d.weekday().num_days_from_monday()))?;
                Some(Iv { start: monday, end: add_days(monday, 6)?, gran: G::Interval })
            }
            Unit::Month => {
                let first = add_months(first_day(a.y, a.m?)?, n)?;
                months(first.year(), first.month(), first.year(), first.month(), G::Month)
            }
            Unit::Year => years(a.y + n, a.y + n, G::Year),
            Unit::Decade => {
                let start = a.y - a.y.rem_euclid(10) + 10 * n;
                years(start, start + 9, G::Decade)
            }
        },
        Rel::Cyclic { what, n, .. } => cyclic(what, n, a, lex),
        Rel::Back { unit, n } => {
            if let Some(end) = a.date() {
                let start = match unit {
                    Unit::Day => add_days(end, -i64::from(n))?,
                    Unit::Week => add_days(end, -7 * i64::from(n))?,
                    Unit::Month => add_months(end, -n)?,
                    Unit::Year => add_months(end, -12 * n)?,
                    Unit::Decade => add_months(end, -120 * n)?,
                };
                return Some(Iv { start: add_days(start, 1)?, end, gran: G::Interval });
            }
            let span = match unit {
                Unit::Year => n,
                Unit::Decade => 10 * n,
                _ => return None,
            };
            years(a.y - span + 1, a.y, G::Interval)
        }
    }
}

/// The `n`-th previous / current / next occurrence of a named period.
fn cyclic(what: Cyclic, n: i32, a: Anchor, lex: &Lexicon) -> Option<Iv> {
    // Without the anchor's month, "the following spring" is next year's.
    let pick_year = |first_month: u32| -> Option<i32> {
        let Some(m) = a.m else { return Some(a.y + n.signum()) };
        match n.signum() {
            0 => Some(a.y),
            -1 => Some(if first_month < m { a.y } else { a.y - 1 }),
            _ => Some(if first_month > m { a.y } else { a.y + 1 }),
        }
    };
    match what {
        Cyclic::Month(m) => {
            let y = pick_year(m)?;
            months(y, m, y, m, Granularity::Month)
        }
        Cyclic::Season(s) => {
            let first = lex.seasons.get(usize::from(s).checked_sub(1)?)?.first;
            interval(&Point::Season { y: Some(pick_year(first)?), s }, lex)
        }
        Cyclic::Weekday(w) => {
            let base = a.date()?;
            let offsets: &[i64] = match n.signum() {
                0 => &[0, -1, 1, -2, 2, -3, 3],
                -1 => &[-1, -2, -3, -4, -5, -6, -7],
                _ => &[1, 2, 3, 4, 5, 6, 7],
            };
            let day = offsets
                .iter()
                .filter_map(|&o| add_days(base, o))
                .find(|d| d.weekday().number_from_monday() == w)?;
            Some(Iv { start: day, end: day, gran: Granularity::Day })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn resolves_against_the_anchor_or_falls_back() {
        let lex = Lexicon::parse(include_str!("../../rules/dates.toml"), Path::new("d")).unwrap();
        let pub_day = Anchor::day(d("2025-01-31"));
        let year_only = Anchor { y: 1999, m: None, d: None };
        let shift = |unit, n| Rel::Shift { unit, n, anchoring: Anchoring::Deictic };
        let iv = resolve(shift(Unit::Year, -1), Some(pub_day), None, &lex).unwrap();
        assert_eq!((iv.start, iv.end), (d("2024-01-01"), d("2024-12-31")));
        // a month shift needs a month: the year-only anchor gives way
        let iv = resolve(shift(Unit::Month, 0), Some(year_only), Some(pub_day), &lex).unwrap();
        assert_eq!((iv.start, iv.end), (d("2025-01-01"), d("2025-01-31")));
        assert!(resolve(shift(Unit::Week, -1), Some(year_only), None, &lex).is_none());
        let iv = resolve(shift(Unit::Week, -1), Some(pub_day), None, &lex).unwrap();
        assert_eq!((iv.start, iv.end), (d("2025-01-20"), d("2025-01-26")));
        let last_oct =
            Rel::Cyclic { what: Cyclic::Month(10), n: -1, anchoring: Anchoring::Deictic };
        assert_eq!(resolve(last_oct, Some(pub_day), None, &lex).unwrap().start, d("2024-10-01"));
        let tuesday =
            Rel::Cyclic { what: Cyclic::Weekday(2), n: 0, anchoring: Anchoring::Anaphoric };
        assert_eq!(resolve(tuesday, Some(pub_day), None, &lex).unwrap().start, d("2025-01-28"));
        let back = Rel::Back { unit: Unit::Year, n: 3 };
        let iv = resolve(back, Some(Anchor::day(d("2007-01-22"))), None, &lex).unwrap();
        assert_eq!((iv.start, iv.end), (d("2004-01-23"), d("2007-01-22")));
    }
}
