//! Page furniture: running headers, running footers and page numbers.
//!
//! Only the outermost rows of a page are candidates, and only when they lie
//! in the top or bottom band of the page. A candidate is furniture when the
//! same text (digits ignored) is a candidate in the same band of another
//! page, or when it is a lone page number (`12`, `Page 3 of 9`, `- iv -`).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::lines::Word;

/// Rows from each end of a page that may be furniture.
const CANDIDATES_TOP: usize = 2;
const CANDIDATES_BOTTOM: usize = 3;
/// Share of the page height, from each edge, where furniture lives.
const BAND: f32 = 0.14;

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s\-–—|]*(?:page|p\.|pg\.)?\s*(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/|\|)\s*\d{1,4})?[\s\-–—|]*$")
        .unwrap()
});

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Edge {
    Top,
    Bottom,
}

/// Removes running headers, footers and page numbers from every page's
/// rows (`pages[p]` holds page `p`'s rows top to bottom; `heights[p]` its
/// height).
pub(super) fn remove(pages: &mut [Vec<Vec<Word>>], heights: &[f32]) {
    let candidates: Vec<Vec<(usize, Edge, String)>> =
        pages.iter().zip(heights).map(|(rows, &h)| candidates(rows, h)).collect();
    let mut seen: HashMap<(Edge, &str), usize> = HashMap::new();
    for page in &candidates {
        let mut once: Vec<(Edge, &str)> = page.iter().map(|(_, e, k)| (*e, k.as_str())).collect();
        once.sort_by(|a, b| (a.0 as u8, a.1).cmp(&(b.0 as u8, b.1)));
        once.dedup();
        for key in once {
            *seen.entry(key).or_default() += 1;
        }
    }
    for (rows, cands) in pages.iter_mut().zip(&candidates) {
        let mut drop: Vec<usize> = cands
            .iter()
            .filter(|(i, edge, key)| {
                seen.get(&(*edge, key.as_str())).copied().unwrap_or(0) >= 2
                    || PAGE_NUMBER.is_match(&row_text(&rows[*i]))
            })
            .map(|(i, _, _)| *i)
            .collect();
        drop.sort_unstable();
        for i in drop.into_iter().rev() {
            rows.remove(i);
        }
    }
}

/// (row index, edge, key) of the rows that may be furniture.
fn candidates(rows: &[Vec<Word>], height: f32) -> Vec<(usize, Edge, String)> {
    let mut out = Vec::new();
    let base = |r: &Vec<Word>| r.first().map_or(0.0, |w| w.base);
    for (i, row) in rows.iter().enumerate().take(CANDIDATES_TOP) {
        if base(row) <= height * BAND {
            out.push((i, Edge::Top, key(row)));
        }
    }
    let first_bottom =
        rows.len().saturating_sub(CANDIDATES_BOTTOM).max(CANDIDATES_TOP.min(rows.len()));
    for (i, row) in rows.iter().enumerate().skip(first_bottom) {
        if base(row) >= height * (1.0 - BAND) {
            out.push((i, Edge::Bottom, key(row)));
        }
    }
    out
}

fn row_text(row: &[Word]) -> String {
    row.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")
}

/// The row's text, lowercased, digits and spacing ignored, so that "Page 3
/// of 9" and "Page 4 of 9" compare equal.
fn key(row: &[Word]) -> String {
    row_text(row)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c.to_ascii_lowercase() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str, base: f32) -> Vec<Word> {
        text.split(' ')
            .enumerate()
            .map(|(i, t)| Word {
                text: t.into(),
                x0: 50.0 + 60.0 * i as f32,
                x1: 100.0 + 60.0 * i as f32,
                base,
                size: 10.0,
                bold: false,
                sup: false,
                joined: false,
                row: 0,
            })
            .collect()
    }

    fn texts(rows: &[Vec<Word>]) -> Vec<String> {
        rows.iter().map(|r| row_text(r)).collect()
    }

    #[test]
    fn repeated_headers_footers_and_page_numbers_go() {
        let page = |n: usize, body: &str| {
            vec![
                row("Fixture Review of Security", 40.0),
                row(body, 120.0),
                row("a body line near the bottom", 700.0),
                row(&format!("Page {n} of 2"), 800.0),
            ]
        };
        let mut pages = vec![page(1, "first body line"), page(2, "second body line")];
        remove(&mut pages, &[842.0, 842.0]);
        assert_eq!(texts(&pages[0]), ["first body line", "a body line near the bottom"]);
        assert_eq!(texts(&pages[1]), ["second body line", "a body line near the bottom"]);
    }

    #[test]
    fn a_lone_page_number_goes_even_on_one_page() {
        let mut pages =
            vec![vec![row("Title of it", 60.0), row("Body text.", 300.0), row("7", 810.0)]];
        remove(&mut pages, &[842.0]);
        assert_eq!(texts(&pages[0]), ["Title of it", "Body text."]);
    }

    #[test]
    fn body_text_in_the_middle_is_never_a_candidate() {
        let mut pages =
            vec![vec![row("Same line", 400.0), row("12", 420.0)], vec![row("Same line", 400.0)]];
        remove(&mut pages, &[842.0, 842.0]);
        assert_eq!(texts(&pages[0]), ["Same line", "12"]);
    }
}
