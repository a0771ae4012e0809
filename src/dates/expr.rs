//! What the patterns find before it is normalised: points in time (possibly
//! without a year), relative expressions, ranges and open intervals.

use serde::Deserialize;

/// A part of a period: `early`, `mid`, `late` (also `the beginning of` …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Part {
    Early,
    Mid,
    Late,
}

impl Part {
    /// Index into a part table (early, mid, late).
    pub(crate) fn index(self) -> usize {
        match self {
            Part::Early => 0,
            Part::Mid => 1,
            Part::Late => 2,
        }
    }
}

/// A calendar unit of relative expressions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// Who a relative expression is anchored on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchoring {
    /// The moment of writing: the publication date (`last year`).
    Deictic,
    /// The narrative's last absolute date (`the following year`).
    Anaphoric,
}

/// A named calendar period that `last` / `next` / `this` can pick
/// (`last October`, `next summer`, `on Tuesday`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cyclic {
    Month(u32),
    Season(u8),
    Weekday(u32),
}

/// A relative expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    /// The unit containing the reference, shifted by `n` (`last year` = -1,
    /// `two years later` = +2, `today` = 0 days).
    Shift { unit: Unit, n: i32, anchoring: Anchoring },
    /// The `n`-th previous (`-1`), current (0) or next (1) occurrence of a
    /// named period.
    Cyclic { what: Cyclic, n: i32, anchoring: Anchoring },
    /// The `n` units up to the reference (`the last 3 years`).
    Back { unit: Unit, n: i32 },
}

/// A point or period of the calendar, maybe still without its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Point {
    Day {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    Month {
        y: Option<i32>,
        m: u32,
    },
    MonthPart {
        y: Option<i32>,
        m: u32,
        part: Part,
    },
    Season {
        y: Option<i32>,
        s: u8,
    },
    Quarter {
        y: i32,
        q: u32,
    },
    Half {
        y: i32,
        h: u32,
    },
    Year {
        y: i32,
    },
    YearPart {
        y: i32,
        part: Part,
    },
    Decade {
        y: i32,
    },
    DecadePart {
        y: i32,
        part: Part,
    },
    /// The `c`-th century (20 = 1900–1999).
    Century {
        c: i32,
    },
    CenturyPart {
        c: i32,
        part: Part,
    },
    Rel(Rel),
    /// A part of a relative year or month (`late last year`).
    RelPart(Rel, Part),
}

impl Point {
    /// The year, when the point has one of its own.
    pub(crate) fn year(&self) -> Option<i32> {
        match *self {
            Point::Day { y, .. }
            | Point::Month { y, .. }
            | Point::MonthPart { y, .. }
            | Point::Season { y, .. } => y,
            Point::Quarter { y, .. }
            | Point::Half { y, .. }
            | Point::Year { y }
            | Point::YearPart { y, .. }
            | Point::Decade { y }
            | Point::DecadePart { y, .. } => Some(y),
            Point::Century { c } | Point::CenturyPart { c, .. } => Some((c - 1) * 100),
            Point::Rel(_) | Point::RelPart(..) => None,
        }
    }

    /// True for a month, day or season written without its year.
    pub(crate) fn is_yearless(&self) -> bool {
        matches!(
            self,
            Point::Day { y: None, .. }
                | Point::Month { y: None, .. }
                | Point::MonthPart { y: None, .. }
                | Point::Season { y: None, .. }
        )
    }

    /// The month a yearless point starts in (to order range ends).
    pub(crate) fn first_month(&self, seasons: &[super::lexicon::Season]) -> Option<u32> {
        match *self {
            Point::Day { m, .. } | Point::Month { m, .. } | Point::MonthPart { m, .. } => Some(m),
            Point::Season { s, .. } => seasons.get(usize::from(s).wrapping_sub(1)).map(|x| x.first),
            _ => None,
        }
    }

    /// The same point in year `y` (only changes yearless kinds).
    pub(crate) fn with_year(self, year: i32) -> Point {
        let y = Some(year);
        match self {
            Point::Day { m, d, .. } => Point::Day { y, m, d },
            Point::Month { m, .. } => Point::Month { y, m },
            Point::MonthPart { m, part, .. } => Point::MonthPart { y, m, part },
            Point::Season { s, .. } => Point::Season { y, s },
            other => other,
        }
    }
}

/// A whole temporal expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expr {
    Point(Point),
    /// From the start of the first to the end of the second.
    Range(Point, Point),
    /// From the start of the point on (`since 2022`, `2021–present`).
    Since(Point),
    /// From the day after the point on (`after 2014`, `post-2021`).
    After(Point),
    /// Up to the day before the point (`before 2001`).
    Before(Point),
    /// Up to the end of the point (`by 2020`, `until 2019`).
    Until(Point),
}

impl Expr {
    /// The point an open interval or a single point is built on.
    pub(crate) fn single(&self) -> Option<Point> {
        match *self {
            Expr::Point(p) | Expr::Since(p) | Expr::After(p) | Expr::Before(p) | Expr::Until(p) => {
                Some(p)
            }
            Expr::Range(..) => None,
        }
    }
}
