//! Calendar arithmetic: a point with its year known → the inclusive
//! interval of days it covers, following CLAIMS.md §2.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::expr::Point;
use super::lexicon::{Lexicon, PartTable};
use crate::model::Granularity;

/// An inclusive interval of days with its precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Iv {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub gran: Granularity,
}

/// Days in month `m` of year `y`.
pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(y, m, 1);
    let next = first.and_then(|d| d.checked_add_months(Months::new(1)));
    match (first, next) {
        (Some(a), Some(b)) => (b - a).num_days() as u32,
        _ => 31,
    }
}

/// The first day of month `m` of `y`.
pub(crate) fn first_day(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// The last day of month `m` of `y`.
pub(crate) fn last_day(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, days_in_month(y, m))
}

/// Months `m1` of `y1` to `m2` of `y2`.
pub(crate) fn months(y1: i32, m1: u32, y2: i32, m2: u32, gran: Granularity) -> Option<Iv> {
    Some(Iv { start: first_day(y1, m1)?, end: last_day(y2, m2)?, gran })
}

/// Years `y1` to `y2`.
pub(crate) fn years(y1: i32, y2: i32, gran: Granularity) -> Option<Iv> {
    months(y1, 1, y2, 12, gran)
}

/// Shifts a date by whole months (clamping the day).
pub(crate) fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// Shifts a date by whole days.
pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The sub-range `part` of a period of `len` steps in a part table.
fn part_bounds(table: &PartTable, part: super::expr::Part) -> (u32, u32) {
    table[part.index()]
}

/// The interval a point covers, if it has its year (relative points and
/// yearless ones are resolved before they get here).
pub(crate) fn interval(p: &Point, lex: &Lexicon) -> Option<Iv> {
    use Granularity as G;
    match *p {
        Point::Day { y: Some(y), m, d } => {
            let day = NaiveDate::from_ymd_opt(y, m, d)?;
            Some(Iv { start: day, end: day, gran: G::Day })
        }
        Point::Month { y: Some(y), m } => months(y, m, y, m, G::Month),
        Point::MonthPart { y: Some(y), m, part } => {
            let (a, b) = part_bounds(&lex.part_month, part);
            let last = days_in_month(y, m);
            let start = NaiveDate::from_ymd_opt(y, m, a.clamp(1, last))?;
            let end = NaiveDate::from_ymd_opt(y, m, b.clamp(1, last))?;
            Some(Iv { start, end, gran: G::Month })
        }
        Point::Season { y: Some(y), s } => {
            let season = lex.seasons.get(usize::from(s).checked_sub(1)?)?;
            let end_year = if season.last < season.first { y + 1 } else { y };
            months(y, season.first, end_year, season.last, G::Season)
        }
        Point::Quarter { y, q } => months(y, 3 * q - 2, y, 3 * q, G::Quarter),
        Point::Half { y, h } => months(y, 6 * h - 5, y, 6 * h, G::Interval),
        Point::Year { y } => years(y, y, G::Year),
        Point::YearPart { y, part } => {
            let (a, b) = part_bounds(&lex.part_year, part);
            months(y, a, y, b, G::Interval)
        }
        Point::Decade { y } => years(y, y + 9, G::Decade),
        Point::DecadePart { y, part } => {
            let (a, b) = part_bounds(&lex.part_decade, part);
            years(y + a as i32, y + b as i32, G::Decade)
        }
        Point::Century { c } => years((c - 1) * 100, (c - 1) * 100 + 99, G::Century),
        Point::CenturyPart { c, part } => {
            let (a, b) = part_bounds(&lex.part_century, part);
            let base = (c - 1) * 100;
            years(base + a as i32, base + b as i32, G::Century)
        }
        _ => None,
    }
}

/// The part `part` of a resolved year or month interval (`late last year`).
pub(crate) fn part_of(iv: Iv, part: super::expr::Part, lex: &Lexicon) -> Option<Iv> {
    let (y, m) = (iv.start.year(), iv.start.month());
    match iv.gran {
        Granularity::Year => interval(&Point::YearPart { y, part }, lex),
        Granularity::Month => interval(&Point::MonthPart { y: Some(y), m, part }, lex),
        Granularity::Decade => interval(&Point::DecadePart { y, part }, lex),
        _ => Some(iv),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::expr::Part;
    use std::path::Path;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn intervals_follow_the_conventions() {
        let lex = Lexicon::parse(include_str!("../../rules/dates.toml"), Path::new("d")).unwrap();
        let iv = |p: Point| {
            let iv = interval(&p, &lex).unwrap();
            (iv.start, iv.end, iv.gran)
        };
        use Granularity as G;
        assert_eq!(
            iv(Point::Month { y: Some(1996), m: 9 }),
            (d("1996-09-01"), d("1996-09-30"), G::Month)
        );
        assert_eq!(iv(Point::Month { y: Some(2024), m: 2 }).1, d("2024-02-29"));
        assert_eq!(
            iv(Point::YearPart { y: 2021, part: Part::Mid }),
            (d("2021-05-01"), d("2021-08-31"), G::Interval)
        );
        assert_eq!(iv(Point::DecadePart { y: 1990, part: Part::Mid }).0, d("1993-01-01"));
        assert_eq!(iv(Point::DecadePart { y: 1990, part: Part::Late }).0, d("1996-01-01"));
        assert_eq!(iv(Point::DecadePart { y: 2000, part: Part::Early }).1, d("2003-12-31"));
        assert_eq!(
            iv(Point::MonthPart { y: Some(1998), m: 9, part: Part::Late }).1,
            d("1998-09-30")
        );
        assert_eq!(
            iv(Point::MonthPart { y: Some(1998), m: 7, part: Part::Early }).1,
            d("1998-07-10")
        );
        assert_eq!(
            iv(Point::Quarter { y: 2023, q: 3 }),
            (d("2023-07-01"), d("2023-09-30"), G::Quarter)
        );
        assert_eq!(iv(Point::Century { c: 20 }).0, d("1900-01-01"));
        let winter = lex.info(lex.word_id("winter").unwrap()).season;
        assert_eq!(iv(Point::Season { y: Some(2022), s: winter }).1, d("2023-02-28"));
        assert!(interval(&Point::Day { y: Some(2023), m: 2, d: 29 }, &lex).is_none());
        assert_eq!(add_months(d("2024-03-31"), -1), Some(d("2024-02-29")));
    }
}
