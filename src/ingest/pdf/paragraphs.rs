//! Lines to blocks: headings from size and weight, paragraphs rebuilt from
//! lines (a new paragraph at blank space, a first-line indent, a short line
//! of justified text, a change of size or a bullet), paragraphs carried over
//! column and page breaks, and footnotes moved to the end of the document.

use std::collections::HashSet;

use super::hyphen::{Vocabulary, join_lines};
use super::lines::{Line, dominant};
use crate::ingest::RawBlock;
use crate::model::BlockKind;

/// Bullets that open a list item.
const BULLETS: &[char] = &['•', '◦', '▪', '■', '●', '○', '►', '‣', '∙', '·'];

/// The lines of one page, grouped in regions in reading order.
pub(super) type PageRegions = Vec<Vec<Line>>;

/// A block being built: its kind and its lines' texts.
#[derive(Debug)]
struct Para {
    kind: BlockKind,
    lines: Vec<String>,
    /// Size and weight of the last line (for continuation and headings).
    size: f32,
    bold: bool,
    base: f32,
    page: usize,
}

/// Document-wide measures.
#[derive(Debug)]
struct Style {
    /// The body text size.
    body: f32,
    /// Baseline-to-baseline distance of body text, per point of size.
    pitch: f32,
    /// Sizes of heading lines larger than body text, largest first.
    heading_sizes: Vec<f32>,
}

/// Builds the document's blocks from every page's regions.
pub(super) fn blocks(
    pages: &[PageRegions],
    heights: &[f32],
    known: &HashSet<String>,
) -> Vec<RawBlock> {
    let style = measure(pages);
    let mut paras: Vec<Para> = Vec::new();
    let mut notes: Vec<Para> = Vec::new();
    for (page, height) in pages.iter().zip(heights) {
        let footnotes = footnote_count(page, &style, *height);
        let total: usize = page.iter().map(Vec::len).sum();
        let mut seen = 0;
        for region in page {
            let geometry = Region::of(region, &style);
            for (i, line) in region.iter().enumerate() {
                seen += 1;
                if seen > total - footnotes {
                    push_note(&mut notes, line, &style);
                    continue;
                }
                let prev = i.checked_sub(1).map(|p| &region[p]);
                place(&mut paras, line, prev, region.get(i + 1), &geometry, &style);
            }
        }
    }
    paras.append(&mut notes);
    let vocab = Vocabulary::of(paras.iter().map(|p| p.lines.as_slice()));
    paras
        .into_iter()
        .map(|p| RawBlock::new(p.kind, join_lines(&p.lines, &vocab, known)))
        .filter(|b| !b.text.trim().is_empty())
        .collect()
}

/// Body size, line pitch and heading sizes over the whole document.
fn measure(pages: &[PageRegions]) -> Style {
    let lines = || pages.iter().flatten().flatten();
    let body = dominant(lines().map(|l| (l.size(), l.text().chars().count()))).unwrap_or(10.0);
    let mut pitches: Vec<f32> = pages
        .iter()
        .flatten()
        .flat_map(|r| r.windows(2))
        .filter(|w| near(w[0].size(), body) && near(w[1].size(), body))
        .map(|w| (w[1].base() - w[0].base()) / body)
        .filter(|&p| p > 0.8 && p < 2.5)
        .collect();
    pitches.sort_by(f32::total_cmp);
    let pitch = pitches.get(pitches.len() / 2).copied().unwrap_or(1.2);
    let mut heading_sizes: Vec<f32> = lines()
        .filter(|l| l.size() >= 1.12 * body && l.text().chars().any(char::is_alphabetic))
        .map(|l| (l.size() * 2.0).round() / 2.0)
        .collect();
    heading_sizes.sort_by(|a, b| b.total_cmp(a));
    heading_sizes.dedup();
    Style { body, pitch, heading_sizes }
}

fn near(a: f32, b: f32) -> bool {
    (a - b).abs() <= 0.1 * b
}

/// Left and right edges of a region's body text, and whether it is set
/// justified.
struct Region {
    left: f32,
    right: f32,
    justified: bool,
}

impl Region {
    fn of(lines: &[Line], style: &Style) -> Region {
        let body: Vec<&Line> = lines.iter().filter(|l| near(l.size(), style.body)).collect();
        let pool = if body.is_empty() { lines.iter().collect() } else { body };
        let left = pool.iter().map(|l| l.x0()).fold(f32::INFINITY, f32::min);
        let right = pool.iter().map(|l| l.x1()).fold(f32::NEG_INFINITY, f32::max);
        let inner: Vec<&Line> = lines
            .windows(2)
            .filter(|w| near(w[0].size(), style.body) && !gap_between(&w[0], &w[1], style))
            .map(|w| &w[0])
            .collect();
        let full = inner.iter().filter(|l| l.x1() >= right - 0.6 * style.body).count();
        let justified = inner.len() >= 3 && full * 10 >= inner.len() * 6;
        Region { left, right, justified }
    }
}

/// Blank space between two lines: more than 1.3 times the usual pitch.
fn gap_between(a: &Line, b: &Line, style: &Style) -> bool {
    let size = a.size().max(b.size());
    b.base() - a.base() > 1.3 * style.pitch * size
}

/// The heading level of a line, if it is a heading: larger than body text
/// (levels by size), or bold at body size, short and not ending a sentence.
fn heading_level(line: &Line, style: &Style) -> Option<u8> {
    let text = line.text();
    if !text.chars().any(char::is_alphabetic) || text.split_whitespace().count() > 25 {
        return None;
    }
    let size = (line.size() * 2.0).round() / 2.0;
    if line.size() >= 1.12 * style.body {
        let rank = style.heading_sizes.iter().position(|&s| s <= size).unwrap_or(0);
        return Some((rank + 1).min(6) as u8);
    }
    let starts_upper =
        text.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| !c.is_lowercase());
    let open_end = !text.trim_end().ends_with(['.', ',', ';', ':']);
    if line.bold()
        && line.size() >= 0.95 * style.body
        && text.split_whitespace().count() <= 14
        && starts_upper
        && open_end
    {
        return Some((style.heading_sizes.len() + 1).min(6) as u8);
    }
    None
}

/// Adds one line to the blocks: a heading, a new paragraph or list item, or
/// the continuation of the current one.
fn place(
    paras: &mut Vec<Para>,
    line: &Line,
    prev: Option<&Line>,
    next: Option<&Line>,
    region: &Region,
    style: &Style,
) {
    let text = line.text();
    let (size, bold, base) = (line.size(), line.bold(), line.base());
    let heading_goes_on = |p: &Para| {
        matches!(p.kind, BlockKind::Heading { .. })
            && p.page == line.page
            && near(p.size, size)
            && p.bold == bold
            && base - p.base > 0.0
            && base - p.base <= 1.8 * size
            && p.lines.len() < 3
    };
    if bold && prev.is_some() && paras.last().is_some_and(heading_goes_on) {
        let p = paras.last_mut().expect("checked");
        p.lines.push(text);
        p.base = base;
        return;
    }
    if let Some(level) = heading_level(line, style) {
        let joins = paras
            .last()
            .is_some_and(|p| p.kind == (BlockKind::Heading { level }) && heading_goes_on(p));
        if joins {
            let p = paras.last_mut().expect("checked");
            p.lines.push(text);
            p.base = base;
            p.page = line.page;
        } else {
            let kind = BlockKind::Heading { level };
            paras.push(Para { kind, lines: vec![text], size, bold, base, page: line.page });
        }
        return;
    }
    let (item, text) = match list_item(&text) {
        Some(rest) => (true, rest.to_string()),
        None => (false, text),
    };
    let hanging = |p: &Para| {
        p.kind == BlockKind::ListItem
            && line.x0() > region.left + 0.3 * size
            && prev.is_some_and(|prev| !gap_between(prev, line, style))
    };
    let continues = !item
        && paras.last().is_some_and(|p| {
            hanging(p)
                || (matches!(p.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Other)
                    && near(p.size, size)
                    && match prev {
                        None => carries_over(p, &text),
                        Some(prev) => !breaks_before(prev, line, next, region, style),
                    })
        });
    if continues {
        let p = paras.last_mut().expect("checked");
        p.lines.push(text);
        p.base = base;
        p.page = line.page;
        return;
    }
    let kind = if item {
        BlockKind::ListItem
    } else if size < 0.85 * style.body {
        BlockKind::Other
    } else {
        BlockKind::Paragraph
    };
    paras.push(Para { kind, lines: vec![text], size, bold, base, page: line.page });
}

/// A paragraph cut by a column or page break goes on when its last line
/// does not end a sentence, or the new line starts in lower case.
fn carries_over(p: &Para, next_text: &str) -> bool {
    let last = p.lines.last().map_or("", String::as_str).trim_end();
    let open = !ends_sentence(last) || last.ends_with('-');
    open || next_text.chars().next().is_some_and(char::is_lowercase)
}

fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// A paragraph boundary between two lines of the same region.
fn breaks_before(
    prev: &Line,
    line: &Line,
    next: Option<&Line>,
    region: &Region,
    style: &Style,
) -> bool {
    if gap_between(prev, line, style) || !near(prev.size(), line.size()) {
        return true;
    }
    let em = line.size();
    let indent = |l: &Line| l.x0() - region.left;
    let indented = indent(line) >= 0.8 * em
        && indent(prev) < 0.5 * em
        && next.is_none_or(|n| indent(n) < 0.5 * em || gap_between(line, n, style));
    let short = region.justified
        && prev.x1() < region.right - (0.1 * (region.right - region.left)).max(2.0 * em);
    indented || short
}

/// The text after a bullet that opens a list item.
fn list_item(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(BULLETS)?;
    let rest = rest.trim_start();
    (!rest.is_empty()).then_some(rest)
}

/// How many lines at the end of the page's reading sequence are footnotes:
/// small type in the lower part of a page that also has body text.
fn footnote_count(page: &PageRegions, style: &Style, height: f32) -> usize {
    let lines: Vec<&Line> = page.iter().flatten().collect();
    if !lines.iter().any(|l| near(l.size(), style.body)) {
        return 0;
    }
    lines
        .iter()
        .rev()
        .take_while(|l| l.size() <= 0.85 * style.body && l.base() >= 0.6 * height)
        .count()
}

/// Adds a footnote line: a new note when it starts with a marker or a
/// number, else the continuation of the current note.
fn push_note(notes: &mut Vec<Para>, line: &Line, style: &Style) {
    let text = line.text();
    let numbered = line.words.first().is_some_and(|w| w.sup)
        || text.split_whitespace().next().is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_digit() || "*†‡§".contains(c)) && w.chars().count() <= 3
        });
    let size = line.size();
    match notes.last_mut() {
        Some(n) if !numbered && line.base() - n.base <= 1.6 * style.pitch * size => {
            n.lines.push(text);
            n.base = line.base();
        }
        _ => notes.push(Para {
            kind: BlockKind::Other,
            lines: vec![text],
            size,
            bold: false,
            base: line.base(),
            page: line.page,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::pdf::lines::Word;

    /// A line of `text` at (x, base), 5pt per char at `size`.
    fn line(text: &str, x: f32, base: f32, size: f32, bold: bool) -> Line {
        let mut x = x;
        let words = text
            .split(' ')
            .map(|t| {
                let w = Word {
                    text: t.into(),
                    x0: x,
                    x1: x + size / 2.0 * t.chars().count() as f32,
                    base,
                    size,
                    bold,
                    sup: false,
                    joined: false,
                    row: 0,
                };
                x = w.x1 + size / 4.0;
                w
            })
            .collect();
        Line { words, page: 0 }
    }

    /// A justified paragraph: every line but the last padded to `width`.
    fn para(lines: &[&str], x: f32, base: f32, indent: f32) -> Vec<Line> {
        lines
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut l = line(
                    t,
                    if i == 0 { x + indent } else { x },
                    base + 12.0 * i as f32,
                    10.0,
                    false,
                );
                if i + 1 < lines.len() {
                    let last = l.words.last_mut().unwrap();
                    let shift = x + 300.0 - last.x1;
                    last.x0 += shift;
                    last.x1 += shift;
                }
                l
            })
            .collect()
    }

    fn build(regions: Vec<Vec<Line>>) -> Vec<(BlockKind, String)> {
        blocks(&[regions], &[842.0], &HashSet::new())
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn indents_headings_and_hyphens() {
        let mut r = vec![line("Introduction", 50.0, 88.0, 14.0, true)];
        r.extend(para(
            &["The line has separated Afghanistan from Paki-", "stan since 1893, as all know."],
            50.0,
            100.0,
            0.0,
        ));
        r.extend(para(
            &["Three features matter here, and the first is", "smuggling."],
            50.0,
            124.0,
            18.0,
        ));
        r.extend(para(&["Another one", "ends."], 50.0, 148.0, 18.0));
        let got = build(vec![r]);
        assert_eq!(
            got,
            [
                (BlockKind::Heading { level: 1 }, "Introduction".to_string()),
                (
                    BlockKind::Paragraph,
                    "The line has separated Afghanistan from Pakistan since 1893, as all know."
                        .into()
                ),
                (
                    BlockKind::Paragraph,
                    "Three features matter here, and the first is smuggling.".into()
                ),
                (BlockKind::Paragraph, "Another one ends.".into()),
            ]
        );
    }

    #[test]
    fn gaps_and_short_lines_end_paragraphs() {
        let mut r = para(&["First paragraph runs over two", "lines."], 50.0, 100.0, 0.0);
        r.extend(para(&["Second one after a gap runs over", "two lines."], 50.0, 140.0, 0.0));
        r.extend(para(&["Third follows with no gap and", "no indent."], 50.0, 164.0, 0.0));
        let got = build(vec![r]);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[2].1, "Third follows with no gap and no indent.");
    }

    #[test]
    fn a_paragraph_carries_over_a_column_break_and_footnotes_move_to_the_end() {
        let left = para(
            &["The ceasefire collapsed in November when the", "group announced an end to"],
            50.0,
            100.0,
            0.0,
        );
        let mut right = para(&["talks with the government.", "x"], 320.0, 100.0, 0.0);
        right.truncate(1);
        right.push(line("1 Figures from public reports.", 320.0, 760.0, 7.0, false));
        let got = build(vec![left, right]);
        assert_eq!(
            got,
            [
                (BlockKind::Paragraph, "The ceasefire collapsed in November when the group announced an end to talks with the government.".to_string()),
                (BlockKind::Other, "1 Figures from public reports.".into()),
            ]
        );
    }

    #[test]
    fn bullets_make_list_items() {
        let r = vec![
            line("• Abbas, H. (2008). A profile.", 50.0, 100.0, 10.0, false),
            line("• Brown, V. (2013). Fountainhead of", 50.0, 112.0, 10.0, false),
            line("Jihad.", 60.0, 124.0, 10.0, false),
        ];
        let got = build(vec![r]);
        assert_eq!(
            got,
            [
                (BlockKind::ListItem, "Abbas, H. (2008). A profile.".to_string()),
                (BlockKind::ListItem, "Brown, V. (2013). Fountainhead of Jihad.".into()),
            ]
        );
    }
}
