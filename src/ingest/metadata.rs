//! Document metadata found in the text itself: the title line, labelled
//! lines ("DOI: …", "Published online …", "Received …"), author and journal
//! lines near the top. Format readers fill what their format carries first;
//! this only fills what is still missing.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::assemble::Laid;
use crate::model::{BlockKind, Metadata};

/// How many blocks from the top are searched for front matter.
const FRONT_BLOCKS: usize = 25;

static DOI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(10\.\d{4,9}/[^\s<>\x22]+[^\s<>\x22.,;)\]])").unwrap());

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(published online|first published|published|date of publication|received|revised|accepted|date)\s*(?:on|:)?\s*(\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})",
    )
    .unwrap()
});

static JOURNAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][\w&.'’-]*\s+){0,4}(?:Journal|Review|Quarterly|Studies|Affairs)\b[\w\s&,.'’-]{0,80}$").unwrap()
});

/// Fills the fields of `meta` that are still empty from the laid-out text.
pub(crate) fn fill_from_text(laid: &Laid, meta: &mut Metadata) {
    let front: Vec<(BlockKind, &str)> =
        laid.blocks.iter().take(FRONT_BLOCKS).map(|b| (b.kind, b.span.slice(&laid.text))).collect();
    if meta.title.is_none() {
        meta.title = title(&front);
    }
    if meta.doi.is_none() {
        meta.doi = front.iter().find_map(|(_, t)| DOI.captures(t)).map(|c| c[1].to_string());
    }
    for (_, t) in &front {
        for c in LABELLED.captures_iter(t) {
            let Some(date) = parse_date(&c[2]) else { continue };
            let slot = match c[1].to_ascii_lowercase().as_str() {
                "received" => &mut meta.received,
                "revised" => &mut meta.revised,
                "accepted" => &mut meta.accepted,
                _ => &mut meta.published,
            };
            slot.get_or_insert(date);
        }
    }
    if meta.journal.is_none() {
        meta.journal = front
            .iter()
            .filter(|(k, _)| !matches!(k, BlockKind::Heading { .. }))
            .find(|(_, t)| JOURNAL.is_match(t))
            .map(|(_, t)| t.to_string());
    }
    if meta.authors.is_empty() {
        meta.authors = authors(&front);
    }
}

/// The first level-1 heading, else the first heading.
fn title(front: &[(BlockKind, &str)]) -> Option<String> {
    let heading = |want: Option<u8>| {
        front.iter().find_map(|(k, t)| match k {
            BlockKind::Heading { level } if want.is_none_or(|w| w == *level) => Some(t.to_string()),
            _ => None,
        })
    };
    heading(Some(1)).or_else(|| heading(None))
}

/// A byline near the top: "By A and B", or a short line made only of
/// capitalised name words (with `,`, `and`, `&` between names).
fn authors(front: &[(BlockKind, &str)]) -> Vec<String> {
    for (kind, t) in front.iter().take(12) {
        if matches!(kind, BlockKind::Heading { .. }) {
            continue;
        }
        let line = t.trim_matches(|c: char| c == '*' || c == '†' || c.is_whitespace() || c == '.');
        let line = line.strip_prefix("By ").or_else(|| line.strip_prefix("by ")).unwrap_or(line);
        let names: Vec<String> = line
            .split([',', '&', ';'])
            .flat_map(|p| p.split(" and "))
            .map(|p| p.trim().trim_matches('*').trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        if !names.is_empty() && names.len() <= 8 && names.iter().all(|n| is_name(n)) {
            return names;
        }
    }
    Vec::new()
}

fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
        && !words.iter().any(|w| {
            matches!(
                *w,
                "Journal" | "University" | "Press" | "Review" | "Introduction" | "Abstract"
            )
        })
}

/// Parses an absolute calendar date: `31 January 2025`, `January 31, 2025`,
/// `31st Jan. 2025`, `2025-01-31`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let tokens: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_end_matches('.').to_ascii_lowercase())
        .collect();
    if tokens.len() != 3 {
        return None;
    }
    let day = |t: &str| t.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<u32>().ok();
    let year = tokens[2].parse::<i32>().ok()?;
    let (d, m) = match (day(&tokens[0]), month(&tokens[0])) {
        (Some(d), _) => (d, month(&tokens[1])?),
        (None, Some(m)) => (day(&tokens[1])?, m),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, m, d)
}

fn month(t: &str) -> Option<u32> {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if t.len() < 3 {
        return None;
    }
    FULL.iter().position(|name| name.starts_with(t)).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{RawBlock, assemble::assemble};

    #[test]
    fn parses_common_date_forms() {
        let d = NaiveDate::from_ymd_opt(2025, 1, 31);
        for s in
            ["31 January 2025", "January 31, 2025", "31st Jan. 2025", "2025-01-31", "Jan 31 2025"]
        {
            assert_eq!(parse_date(s), d, "{s}");
        }
        assert_eq!(parse_date("03 December 2024"), NaiveDate::from_ymd_opt(2024, 12, 3));
        assert_eq!(parse_date("Sept. 4, 2004"), NaiveDate::from_ymd_opt(2004, 9, 4));
        assert_eq!(parse_date("31 Foo 2025"), None);
        assert_eq!(parse_date("30 February 2025"), None);
    }

    #[test]
    fn front_matter_fields() {
        let laid = assemble(vec![
            RawBlock::new(BlockKind::Heading { level: 1 }, "A Study of Things"),
            RawBlock::new(BlockKind::Paragraph, "Journal of Peace & Stability"),
            RawBlock::new(BlockKind::Paragraph, "DOI: <http://doi.org/10.37540/njips.v9i1.215>"),
            RawBlock::new(BlockKind::Paragraph, "*Jane Roe and John Q. Public."),
            RawBlock::new(
                BlockKind::Paragraph,
                "Received 1 January 2024; Revised 03 December 2024; Published online 31 January 2025",
            ),
        ]);
        let mut meta = Metadata::default();
        fill_from_text(&laid, &mut meta);
        assert_eq!(meta.title.as_deref(), Some("A Study of Things"));
        assert_eq!(meta.doi.as_deref(), Some("10.37540/njips.v9i1.215"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2025, 1, 31));
        assert_eq!(meta.received, NaiveDate::from_ymd_opt(2024, 1, 1));
        assert_eq!(meta.revised, NaiveDate::from_ymd_opt(2024, 12, 3));
        assert_eq!(meta.journal.as_deref(), Some("Journal of Peace & Stability"));
        assert_eq!(meta.authors, ["Jane Roe", "John Q. Public"]);
    }
}
