//! Glyphs to rows and words: glyphs sharing a baseline form a row (raised
//! small glyphs join the row below as superscripts), gaps and space glyphs
//! split a row into words, and a line's text keeps footnote markers apart
//! from the words they follow.

use super::extract::{Glyph, Page};

/// A run of glyphs with no gap wider than a space inside it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Word {
    /// Its text.
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Baseline (of the row it sits on), from the top of the page.
    pub base: f32,
    /// Font size.
    pub size: f32,
    /// Most of its glyphs are bold.
    pub bold: bool,
    /// Raised and smaller than its row, or a small marker glued to the
    /// word before it: a superscript.
    pub sup: bool,
    /// Follows the previous word with no space (a change of size or of
    /// superscript inside one written word).
    pub joined: bool,
    /// Index of its row on the page.
    pub row: usize,
}

/// One text line as laid out: words left to right on one baseline.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Line {
    /// Words in reading order.
    pub words: Vec<Word>,
    /// 0-based page number.
    pub page: usize,
}

impl Line {
    /// Left edge of the first non-superscript word.
    pub fn x0(&self) -> f32 {
        self.words.iter().map(|w| w.x0).fold(f32::INFINITY, f32::min)
    }

    /// Right edge of the last word.
    pub fn x1(&self) -> f32 {
        self.words.iter().map(|w| w.x1).fold(f32::NEG_INFINITY, f32::max)
    }

    /// The baseline.
    pub fn base(&self) -> f32 {
        self.words.iter().find(|w| !w.sup).or(self.words.first()).map_or(0.0, |w| w.base)
    }

    /// The font size of most of its characters (superscripts aside).
    pub fn size(&self) -> f32 {
        dominant(self.words.iter().filter(|w| !w.sup).map(|w| (w.size, w.text.chars().count())))
            .unwrap_or_else(|| self.words.first().map_or(0.0, |w| w.size))
    }

    /// Most of its characters are bold.
    pub fn bold(&self) -> bool {
        let (bold, all) = self.words.iter().filter(|w| !w.sup).fold((0, 0), |(b, a), w| {
            let n = w.text.chars().filter(|c| c.is_alphanumeric()).count();
            (if w.bold { b + n } else { b }, a + n)
        });
        all > 0 && bold * 10 >= all * 8
    }

    /// The line's text: words joined by single spaces; superscript
    /// footnote markers dropped without gluing their neighbours together;
    /// ordinal superscripts (`1st`) kept attached.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut after_marker = false;
        for w in &self.words {
            if w.sup && is_marker(&w.text) {
                after_marker = true;
                continue;
            }
            let attach =
                w.sup && is_ordinal_suffix(&w.text) && out.ends_with(|c: char| c.is_ascii_digit());
            let glue =
                (after_marker || w.joined) && w.text.starts_with(|c: char| ".,;:!?)]".contains(c));
            let tight = w.joined && !after_marker;
            if !out.is_empty() && !attach && !glue && !tight {
                out.push(' ');
            }
            out.push_str(&w.text);
            after_marker = false;
        }
        out
    }
}

/// A footnote or reference marker: `1`, `12`, `*`, `†`, `a`, `1,2`, `3–5`.
fn is_marker(s: &str) -> bool {
    let n = s.chars().count();
    (1..=7).contains(&n)
        && !is_ordinal_suffix(s)
        && s.chars().all(|c| c.is_ascii_digit() || ",-–*†‡§¶".contains(c) || c.is_ascii_lowercase())
        && (s.chars().any(|c| !c.is_ascii_lowercase()) || n == 1)
}

fn is_ordinal_suffix(s: &str) -> bool {
    matches!(s, "st" | "nd" | "rd" | "th" | "er" | "e" | "re")
}

/// The value carrying most weight, sizes rounded to a quarter point.
pub(super) fn dominant(items: impl Iterator<Item = (f32, usize)>) -> Option<f32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for (size, n) in items {
        let key = (size * 4.0).round() as i32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 += n,
            None => counts.push((key, n)),
        }
    }
    counts.into_iter().max_by_key(|&(k, n)| (n, -k)).map(|(k, _)| k as f32 / 4.0)
}

/// The page's rows, top to bottom, each split into words.
pub(super) fn rows(page: &Page) -> Vec<Vec<Word>> {
    let mut clusters = cluster_baselines(&page.glyphs);
    merge_superscripts(&mut clusters);
    clusters.into_iter().enumerate().map(|(i, c)| words(c, i)).filter(|w| !w.is_empty()).collect()
}

struct Cluster<'a> {
    glyphs: Vec<(&'a Glyph, bool)>,
    base: f32,
    size: f32,
}

impl Cluster<'_> {
    fn extent(&self) -> (f32, f32) {
        self.glyphs
            .iter()
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), (g, _)| (a.min(g.x0), b.max(g.x1)))
    }
}

/// Groups glyphs whose baselines lie within a fifth of their size.
fn cluster_baselines(glyphs: &[Glyph]) -> Vec<Cluster<'_>> {
    let mut sorted: Vec<&Glyph> = glyphs.iter().collect();
    sorted.sort_by(|a, b| a.base.total_cmp(&b.base).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<Cluster<'_>> = Vec::new();
    for g in sorted {
        match out.last_mut() {
            Some(c) if g.base - c.base <= 0.2 * g.size.max(c.size) => c.glyphs.push((g, false)),
            _ => out.push(Cluster { glyphs: vec![(g, false)], base: g.base, size: g.size }),
        }
    }
    for c in &mut out {
        let visible = c.glyphs.iter().filter(|(g, _)| !g.space).map(|(g, _)| (g.size, 1));
        c.size = dominant(visible).unwrap_or(c.size);
    }
    out
}

/// A row of small glyphs sitting just above a row of larger ones, within
/// its horizontal extent, is made of superscripts of that row.
fn merge_superscripts(clusters: &mut Vec<Cluster<'_>>) {
    let mut i = 0;
    while i + 1 < clusters.len() {
        let (up, down) = (&clusters[i], &clusters[i + 1]);
        let rise = down.base - up.base;
        let (ux0, ux1) = up.extent();
        let (dx0, dx1) = down.extent();
        let small = up.glyphs.iter().all(|(g, _)| g.space || g.size <= 0.85 * down.size);
        let within = ux0 >= dx0 - down.size && ux1 <= dx1 + down.size;
        if small && within && rise > 0.0 && rise <= 0.75 * down.size {
            let up = clusters.remove(i);
            let down = &mut clusters[i];
            down.glyphs.extend(up.glyphs.into_iter().map(|(g, _)| (g, true)));
        } else {
            i += 1;
        }
    }
}

/// Splits a row into words at space glyphs, at gaps wider than a fifth of
/// the font size, where superscript text starts or ends, and where the size
/// changes (a word split only there is `joined` to the one before). A glyph
/// drawn twice at the same place (simulated bold) is kept once.
fn words(mut cluster: Cluster<'_>, row: usize) -> Vec<Word> {
    cluster.glyphs.sort_by(|a, b| a.0.x0.total_cmp(&b.0.x0));
    let base = cluster.base;
    let mut out: Vec<Word> = Vec::new();
    let mut cur: Vec<(&Glyph, bool)> = Vec::new();
    let mut joined = false;
    for (g, sup) in cluster.glyphs {
        if g.space {
            if !cur.is_empty() {
                out.push(word(&cur, base, row, joined));
                cur.clear();
            }
            joined = false;
            continue;
        }
        if let Some(&(p, psup)) = cur.last() {
            if p.text == g.text && (g.x0 - p.x0).abs() < 0.1 * g.size {
                continue;
            }
            let gap = g.x0 - p.x1 > 0.18 * g.size.max(p.size);
            let resized = (g.size - p.size).abs() > 0.15 * g.size.max(p.size);
            if gap || psup != sup || resized {
                out.push(word(&cur, base, row, joined));
                cur.clear();
                joined = !gap;
            }
        }
        cur.push((g, sup));
    }
    if !cur.is_empty() {
        out.push(word(&cur, base, row, joined));
    }
    mark_inline_markers(&mut out);
    out
}

/// A short marker in smaller type glued to the end of a larger word
/// (`Zahid¹` where the PDF raised it with text rise, which leaves the
/// baseline as is) is a superscript too, and so is one that opens a line
/// just before larger text (a footnote's number). Sizes are compared with
/// the neighbours, since a row may cross columns set in other sizes.
fn mark_inline_markers(words: &mut [Word]) {
    for i in 0..words.len() {
        let w = &words[i];
        let smaller = |n: &Word| w.size <= 0.85 * n.size;
        let prev = i.checked_sub(1).map(|p| &words[p]);
        let glued = w.joined
            && prev.is_some_and(smaller)
            && (is_marker(&w.text) || is_ordinal_suffix(&w.text));
        let starts = prev.is_none_or(|p| w.x0 - p.x1 > w.size);
        let opening = starts
            && words.get(i + 1).is_some_and(|n| smaller(n) && n.x0 - w.x1 <= 0.5 * n.size)
            && is_marker(&w.text);
        if w.text.chars().count() <= 3 && (glued || opening) {
            words[i].sup = true;
        }
    }
}

fn word(glyphs: &[(&Glyph, bool)], base: f32, row: usize, joined: bool) -> Word {
    let text: String = glyphs.iter().map(|(g, _)| g.text.as_str()).collect();
    let bold = glyphs.iter().filter(|(g, _)| g.bold).count() * 2 > glyphs.len();
    Word {
        text,
        x0: glyphs[0].0.x0,
        x1: glyphs.iter().map(|(g, _)| g.x1).fold(f32::NEG_INFINITY, f32::max),
        base,
        size: dominant(glyphs.iter().map(|(g, _)| (g.size, 1))).unwrap_or(glyphs[0].0.size),
        bold,
        sup: glyphs[0].1,
        joined,
        row,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Glyphs for `text` set from `x` on baseline `base`, each char 5pt
    /// wide at size 10, with real space glyphs.
    pub(crate) fn set(text: &str, x: f32, base: f32, size: f32) -> Vec<Glyph> {
        let w = size / 2.0;
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c.to_string(),
                x0: x + i as f32 * w,
                x1: x + (i + 1) as f32 * w,
                base,
                size,
                bold: false,
                space: c == ' ',
            })
            .collect()
    }

    fn page(glyphs: Vec<Glyph>) -> Page {
        Page { height: 842.0, width: 595.0, glyphs }
    }

    fn line_texts(p: &Page) -> Vec<String> {
        rows(p).into_iter().map(|words| Line { words, page: 0 }.text()).collect()
    }

    #[test]
    fn words_from_spaces_and_from_gaps() {
        let mut g = set("The Durand", 10.0, 100.0, 10.0);
        g.extend(set("Line", 70.0, 100.4, 10.0));
        g.extend(set("next row", 10.0, 113.0, 10.0));
        assert_eq!(line_texts(&page(g)), ["The Durand Line", "next row"]);
    }

    #[test]
    fn superscript_markers_are_dropped_without_gluing_words() {
        let mut g = set("hindrance.", 10.0, 100.0, 10.0);
        g.extend(set("1", 60.0, 96.0, 6.0));
        g.extend(set("After", 63.0, 100.0, 10.0));
        g.extend(set("Zahid", 10.0, 130.0, 10.0));
        g.extend(set("12", 35.0, 126.0, 6.0));
        g.extend(set(". On the 1", 41.0, 130.0, 10.0));
        g.extend(set("st", 91.0, 126.0, 6.0));
        assert_eq!(line_texts(&page(g)), ["hindrance. After", "Zahid. On the 1st"]);
    }

    #[test]
    fn small_markers_on_the_baseline_and_size_changes_inside_words() {
        let mut g = set("Zahid", 10.0, 100.0, 10.0);
        g.extend(set("1", 35.0, 100.0, 7.5));
        g.extend(set(". The T", 38.75, 100.0, 10.0));
        g.extend(set("ALIBAN", 73.75, 100.0, 8.0));
        assert_eq!(line_texts(&page(g)), ["Zahid. The TALIBAN"]);
    }

    #[test]
    fn doubled_glyphs_are_kept_once() {
        let mut g = set("Bold", 10.0, 100.0, 10.0);
        g.extend(set("Bold", 10.3, 100.0, 10.0));
        assert_eq!(line_texts(&page(g)), ["Bold"]);
    }
}
