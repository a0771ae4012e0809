//! The `--from` / `--to` date arguments: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`,
//! read as the first day (for `--from`) or the last day (for `--to`) of the
//! period they name.

use chrono::NaiveDate;

use crate::{Error, Result};

/// Which end of the named period to take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodEnd {
    /// The first day (`2001` → 2001-01-01).
    First,
    /// The last day (`2001-02` → 2001-02-28).
    Last,
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the first or last day of
/// that year, month or day.
pub fn parse_period(s: &str, end: PeriodEnd) -> Result<NaiveDate> {
    let bad = || Error::Invalid(format!("bad date `{s}`: expected YYYY, YYYY-MM or YYYY-MM-DD"));
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str, len: usize| -> Result<u32> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let year = num(parts[0], 4)? as i32;
    let (month, day) = match parts.len() {
        1 => (None, None),
        2 => (Some(num(parts[1], 2)?), None),
        3 => (Some(num(parts[1], 2)?), Some(num(parts[2], 2)?)),
        _ => return Err(bad()),
    };
    let first = end == PeriodEnd::First;
    let month = month.unwrap_or(if first { 1 } else { 12 });
    let date = match day {
        Some(d) => NaiveDate::from_ymd_opt(year, month, d),
        None if first => NaiveDate::from_ymd_opt(year, month, 1),
        None => NaiveDate::from_ymd_opt(year, month, 1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .and_then(|d| d.pred_opt()),
    };
    date.ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let ok = [
            ("2001", PeriodEnd::First, d(2001, 1, 1)),
            ("2001", PeriodEnd::Last, d(2001, 12, 31)),
            ("2024-02", PeriodEnd::Last, d(2024, 2, 29)),
            ("2023-02", PeriodEnd::Last, d(2023, 2, 28)),
            ("1996-09", PeriodEnd::First, d(1996, 9, 1)),
            ("2001-10-07", PeriodEnd::First, d(2001, 10, 7)),
            ("2001-10-07", PeriodEnd::Last, d(2001, 10, 7)),
            (" 2021 ", PeriodEnd::First, d(2021, 1, 1)),
        ];
        for (s, end, want) in ok {
            assert_eq!(parse_period(s, end).unwrap(), want, "{s}");
        }
        for bad in
            ["", "21", "2001-13", "2001-02-30", "2001/02", "2001-1", "x2001", "2001-01-01-01"]
        {
            let err = parse_period(bad, PeriodEnd::First).unwrap_err().to_string();
            assert!(err.contains("expected YYYY"), "{bad}: {err}");
        }
    }
}
