//! Event dates for datasets: the precision of an interval's ends, its EDTF
//! form (`1996-09`, `2021-09/2021-12`, `2022/..`), and the precision codes
//! of ACLED and UCDP GED.

use chrono::{Datelike, NaiveDate};

/// The unit an interval's ends are given in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// Days.
    Day,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

impl Unit {
    /// `day`, `month` or `year`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

fn last_of_month(d: NaiveDate) -> bool {
    d.succ_opt().is_none_or(|n| n.month() != d.month())
}

fn starts(d: NaiveDate) -> Unit {
    match (d.month(), d.day()) {
        (1, 1) => Unit::Year,
        (_, 1) => Unit::Month,
        _ => Unit::Day,
    }
}

fn ends(d: NaiveDate) -> Unit {
    match (d.month(), d.day()) {
        (12, 31) => Unit::Year,
        _ if last_of_month(d) => Unit::Month,
        _ => Unit::Day,
    }
}

/// The coarsest unit both ends fall on (a start at the beginning of the
/// unit, an end at its end); an open end does not constrain it. `None`
/// without any date.
pub fn unit(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<Unit> {
    match (start, end) {
        (None, None) => None,
        (Some(s), None) => Some(starts(s)),
        (None, Some(e)) => Some(ends(e)),
        (Some(s), Some(e)) => Some(starts(s).min(ends(e))),
    }
}

fn format(d: NaiveDate, u: Unit) -> String {
    match u {
        Unit::Day => d.format("%Y-%m-%d").to_string(),
        Unit::Month => d.format("%Y-%m").to_string(),
        Unit::Year => d.format("%Y").to_string(),
    }
}

/// The interval in EDTF (ISO 8601-2) at the precision of its ends: one
/// value for a single unit, `start/end` otherwise, `..` for an open end.
pub fn edtf(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<String> {
    let u = unit(start, end)?;
    let side = |d: Option<NaiveDate>| d.map_or_else(|| "..".to_string(), |d| format(d, u));
    let (s, e) = (side(start), side(end));
    Some(if s == e { s } else { format!("{s}/{e}") })
}

/// Days covered by a closed interval (1 for one day); `None` when open.
pub fn length(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<i64> {
    Some((end? - start?).num_days() + 1)
}

/// ACLED `time_precision`: 1 the day is known, 2 a range of up to a week,
/// 3 anything longer or open.
pub fn acled_precision(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<u8> {
    unit(start, end)?;
    Some(match length(start, end) {
        Some(1) => 1,
        Some(2..=7) => 2,
        _ => 3,
    })
}

/// UCDP GED `date_prec`: 1 the exact day, 2 a range of 2–6 days, 3 a week,
/// 4 up to a month, 5 longer than a month (or open).
pub fn ucdp_precision(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<u8> {
    unit(start, end)?;
    Some(match length(start, end) {
        Some(1) => 1,
        Some(2..=6) => 2,
        Some(7) => 3,
        Some(8..=31) => 4,
        _ => 5,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        (!s.is_empty()).then(|| s.parse().unwrap())
    }

    #[test]
    fn edtf_precision_and_codes() {
        // start, end, edtf, unit, acled, ucdp
        let table: &[(&str, &str, &str, &str, u8, u8)] = &[
            ("2001-10-07", "2001-10-07", "2001-10-07", "day", 1, 1),
            ("1996-09-01", "1996-09-30", "1996-09", "month", 3, 4),
            ("2024-02-01", "2024-02-29", "2024-02", "month", 3, 4),
            ("2009-01-01", "2009-12-31", "2009", "year", 3, 5),
            ("1996-01-01", "2001-12-31", "1996/2001", "year", 3, 5),
            ("2021-09-01", "2021-12-31", "2021-09/2021-12", "month", 3, 5),
            ("2014-12-14", "2014-12-16", "2014-12-14/2014-12-16", "day", 2, 2),
            ("2014-12-10", "2014-12-16", "2014-12-10/2014-12-16", "day", 2, 3),
            ("2014-12-01", "2014-12-16", "2014-12-01/2014-12-16", "day", 3, 4),
            ("2022-01-01", "", "2022/..", "year", 3, 5),
            ("2022-03-01", "", "2022-03/..", "month", 3, 5),
            ("", "2000-12-31", "../2000", "year", 3, 5),
            ("", "2019-06-12", "../2019-06-12", "day", 3, 5),
        ];
        for &(s, e, want, u, acled, ucdp) in table {
            let (s, e) = (d(s), d(e));
            assert_eq!(edtf(s, e).as_deref(), Some(want), "{s:?}..{e:?}");
            assert_eq!(unit(s, e).map(|u| u.as_str()), Some(u), "{want}");
            assert_eq!(acled_precision(s, e), Some(acled), "{want}");
            assert_eq!(ucdp_precision(s, e), Some(ucdp), "{want}");
        }
        assert_eq!(edtf(None, None), None);
        assert_eq!(acled_precision(None, None), None);
    }
}
