//! Highlighted snippets: the best window of a stored text around the query
//! terms and the matched entity mentions, with every span a byte offset.
//!
//! tantivy's `SnippetGenerator` is not used because it only knows the
//! query's terms: an entry found through an entity id (the query said
//! `Pakistani Taliban`, the sentence says `TTP`) would get no highlight and
//! no fragment. Tokens are still found with the index's own analyzer, so
//! highlights agree with what matched.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::model::Span;

/// Default snippet length, in characters.
pub const SNIPPET_CHARS: usize = 240;

/// A window of an entry's text with highlighted spans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The window's text, exactly as in the extracted text.
    #[serde(rename = "snippet")]
    pub text: String,
    /// Where the window is in the document's extracted text.
    #[serde(rename = "snippet_offsets")]
    pub offsets: Span,
    /// Highlighted spans, byte offsets into [`Snippet::text`], sorted and
    /// disjoint.
    pub highlights: Vec<Span>,
}

impl Snippet {
    /// The text with every highlight wrapped in `open` … `close`;
    /// highlights separated only by spaces share one pair of markers
    /// (`[[Islamic Emirate]]`).
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut runs: Vec<Span> = Vec::with_capacity(self.highlights.len());
        for h in &self.highlights {
            match runs.last_mut() {
                Some(last) if self.text[last.end..h.start].bytes().all(|b| b == b' ') => {
                    last.end = h.end;
                }
                _ => runs.push(*h),
            }
        }
        let mut out = String::with_capacity(self.text.len() + 8 * runs.len());
        let mut at = 0;
        for h in runs {
            out.push_str(&self.text[at..h.start]);
            out.push_str(open);
            out.push_str(&self.text[h.start..h.end]);
            out.push_str(close);
            at = h.end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

/// A span of the source text worth highlighting.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mark {
    /// Byte span in the source text.
    pub span: Span,
    /// How much it counts when choosing the window.
    pub weight: f32,
    /// What it matched (a term or an entity id): each key counts once.
    pub key: String,
}

/// Marks every token of `text` whose analyzed form is one of `terms`
/// (analyzed term text → weight).
pub(crate) fn term_marks(
    analyzer: &mut TextAnalyzer,
    text: &str,
    terms: &HashMap<String, f32>,
) -> Vec<Mark> {
    let mut marks = Vec::new();
    if terms.is_empty() {
        return marks;
    }
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        if let Some(&weight) = terms.get(&t.text) {
            let span = Span::new(t.offset_from, t.offset_to);
            marks.push(Mark { span, weight, key: t.text.clone() });
        }
    }
    marks
}

/// The best window of at most `max_chars` characters of `source` (which
/// starts at byte `base` of the extracted text), cut at word boundaries,
/// with the marks inside it highlighted.
pub(crate) fn make_snippet(source: &str, base: usize, marks: &[Mark], max_chars: usize) -> Snippet {
    let mut marks: Vec<&Mark> = marks.iter().filter(|m| m.span.end <= source.len()).collect();
    marks.sort_by_key(|m| (m.span.start, m.span.end));
    let (start, end) = if source.chars().count() <= max_chars {
        (0, source.len())
    } else {
        let (a, b) = best_cluster(source, &marks, max_chars);
        widen(source, a, b, max_chars)
    };
    let (start, end) = trim(source, start, end);
    let highlights = merge(
        marks
            .iter()
            .filter(|m| m.span.start >= start && m.span.end <= end)
            .map(|m| Span::new(m.span.start - start, m.span.end - start)),
    );
    Snippet {
        text: source[start..end].to_string(),
        offsets: Span::new(base + start, base + end),
        highlights,
    }
}

/// The byte range spanned by the run of marks that fits in `max_chars` and
/// scores best (distinct keys count once; the earliest run wins ties).
fn best_cluster(source: &str, marks: &[&Mark], max_chars: usize) -> (usize, usize) {
    let mut best: Option<(f32, usize, usize)> = None;
    for i in 0..marks.len() {
        let start = marks[i].span.start;
        let mut end = marks[i].span.end;
        let mut keys: HashMap<&str, f32> = HashMap::new();
        for m in &marks[i..] {
            if m.span.end > end && source[start..m.span.end].chars().count() > max_chars {
                break;
            }
            end = end.max(m.span.end);
            let w = keys.entry(m.key.as_str()).or_insert(0.0);
            *w = w.max(m.weight);
        }
        let count = marks[i..].iter().take_while(|m| m.span.end <= end).count();
        let score = keys.values().sum::<f32>() + 0.01 * count as f32;
        if best.is_none_or(|(s, _, _)| score > s) {
            best = Some((score, start, end));
        }
    }
    best.map_or((0, 0), |(_, a, b)| (a, b))
}

/// Grows `a..b` to about `max_chars` characters (a third of the room
/// before, the rest after) and snaps the edges to word boundaries.
fn widen(source: &str, a: usize, b: usize, max_chars: usize) -> (usize, usize) {
    let room = max_chars.saturating_sub(source[a..b].chars().count());
    let before = source[..a].chars().count().min(room / 3);
    let after_avail = source[b..].chars().count();
    let after = (room - before).min(after_avail);
    let before = (room - after).min(source[..a].chars().count());
    let mut start =
        source[..a].char_indices().rev().nth(before.saturating_sub(1)).map_or(a, |(i, _)| i);
    if before == 0 {
        start = a;
    }
    let mut end = source[b..].char_indices().nth(after).map_or(source.len(), |(i, _)| b + i);
    // Snap to word boundaries without cutting into the marked cluster.
    let mid_word_start = source[..start].chars().last().is_some_and(|c| !c.is_whitespace());
    if mid_word_start && let Some(ws) = source[start..a].find(char::is_whitespace) {
        start += ws;
    }
    let mid_word_end = source[end..].chars().next().is_some_and(|c| !c.is_whitespace());
    if mid_word_end && let Some(ws) = source[b..end].rfind(char::is_whitespace) {
        end = b + ws;
    }
    (start, end)
}

/// Drops surrounding whitespace.
fn trim(source: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &source[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() { (start, start) } else { (start + lead, end - trail) }
}

/// Sorted, disjoint spans (overlapping ones merged).
fn merge(spans: impl Iterator<Item = Span>) -> Vec<Span> {
    let mut v: Vec<Span> = spans.collect();
    v.sort();
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::analyzer;

    fn terms(words: &[&str]) -> HashMap<String, f32> {
        words.iter().map(|w| (w.to_string(), 1.0)).collect()
    }

    #[test]
    fn highlights_are_byte_offsets_on_non_ascii_text() {
        let text = "In “Kābul” – the TTP’s leaders met; Kabul’s talks — failed.";
        let marks = term_marks(&mut analyzer(), text, &terms(&["kabul", "talk"]));
        let snip = make_snippet(text, 100, &marks, SNIPPET_CHARS);
        assert_eq!(snip.text, text);
        assert_eq!(snip.offsets, Span::new(100, 100 + text.len()));
        let words: Vec<&str> = snip.highlights.iter().map(|h| h.slice(&snip.text)).collect();
        assert_eq!(words, ["Kābul", "Kabul", "talks"]);
        assert_eq!(
            snip.marked("[[", "]]"),
            "In “[[Kābul]]” – the TTP’s leaders met; [[Kabul]]’s [[talks]] — failed."
        );
        let marks = term_marks(&mut analyzer(), text, &terms(&["leader", "met", "ttp"]));
        let snip = make_snippet(text, 0, &marks, SNIPPET_CHARS);
        assert_eq!(snip.highlights.len(), 3);
        assert!(snip.marked("<", ">").contains("the <TTP>’s <leaders met>;"));
    }

    #[test]
    fn long_text_gets_a_window_around_the_densest_marks() {
        let filler = "Lorem ipsum dolor sit amet – “quoted” ā words. ".repeat(30);
        let text = format!("{filler}The TTP attacked Quetta in 2023. {filler}TTP again.");
        let marks = term_marks(&mut analyzer(), &text, &terms(&["ttp", "quetta"]));
        let snip = make_snippet(&text, 0, &marks, 80);
        assert!(snip.text.chars().count() <= 80, "{}", snip.text);
        assert!(snip.text.contains("The TTP attacked Quetta"), "{}", snip.text);
        assert_eq!(&text[snip.offsets.start..snip.offsets.end], snip.text);
        let words: Vec<&str> = snip.highlights.iter().map(|h| h.slice(&snip.text)).collect();
        assert_eq!(words, ["TTP", "Quetta"]);
        // Cut at word boundaries: no partial word at either edge.
        let before = text[..snip.offsets.start].chars().last();
        assert!(before.is_none_or(char::is_whitespace), "{:?}", snip.text);
    }

    #[test]
    fn entity_marks_and_no_marks() {
        let text = "Analysts say the TTP regrouped.";
        let mark = Mark { span: Span::new(17, 20), weight: 1.0, key: "ttp".into() };
        let snip = make_snippet(text, 5, &[mark], 10);
        assert_eq!(
            snip.highlights.iter().map(|h| h.slice(&snip.text)).collect::<Vec<_>>(),
            ["TTP"]
        );
        assert_eq!(&text[snip.offsets.start - 5..snip.offsets.end - 5], snip.text);
        let plain = make_snippet(text, 0, &[], 12);
        assert_eq!(plain.text, "Analysts say");
        assert!(plain.highlights.is_empty());
    }
}
