//! Reading order on a page: a recursive cut of the page into regions.
//!
//! A region whose words leave a vertical gutter free from top to bottom,
//! with text on both sides over the same height, is split into columns read
//! left to right. Otherwise it is split into horizontal bands at blank
//! space, and consecutive bands with the same column structure are read as
//! one (so two columns that happen to share a paragraph gap are not read
//! band by band). Each final region becomes lines, top to bottom.

use super::lines::{Line, Word};

/// Gutter intervals `(left, right)` in x.
type Cuts = Vec<(f32, f32)>;

/// The page's lines grouped into regions in reading order.
pub(super) fn regions(words: Vec<Word>, page: usize) -> Vec<Vec<Line>> {
    let mut leaves = Vec::new();
    split(words, 0, &mut leaves);
    leaves.into_iter().map(|w| lines(w, page)).filter(|l| !l.is_empty()).collect()
}

fn split(words: Vec<Word>, depth: usize, out: &mut Vec<Vec<Word>>) {
    if depth > 12 || words.len() < 4 {
        out.push(words);
        return;
    }
    if let Some((cuts, spanning)) = gutters(&words, SPANNING_ROWS) {
        if spanning.is_empty() {
            for column in columns(words, &cuts) {
                split(column, depth + 1, out);
            }
        } else {
            for segment in segments(words, &spanning) {
                split(segment, depth + 1, out);
            }
        }
        return;
    }
    let groups = merge_bands(bands(words));
    if groups.len() == 1 {
        out.extend(groups);
        return;
    }
    for group in groups {
        split(group, depth + 1, out);
    }
}

/// Share of a region's rows that may cross a gutter (a title or a
/// full-width line above or below the columns).
const SPANNING_ROWS: f32 = 0.15;

/// Rows top to bottom, cut where they switch between crossing the gutters
/// and not.
fn segments(mut words: Vec<Word>, spanning: &[usize]) -> Vec<Vec<Word>> {
    words.sort_by(|a, b| a.base.total_cmp(&b.base).then(a.row.cmp(&b.row)));
    let mut out: Vec<(bool, Vec<Word>)> = Vec::new();
    for w in words {
        let crossing = spanning.contains(&w.row);
        match out.last_mut() {
            Some((c, seg)) if *c == crossing => seg.push(w),
            _ => out.push((crossing, vec![w])),
        }
    }
    out.into_iter().map(|(_, seg)| seg).collect()
}

/// Median font size of the words (by count).
fn median_size(words: &[Word]) -> f32 {
    let mut sizes: Vec<f32> = words.iter().filter(|w| !w.sup).map(|w| w.size).collect();
    if sizes.is_empty() {
        return 10.0;
    }
    sizes.sort_by(f32::total_cmp);
    sizes[sizes.len() / 2]
}

/// Vertical gutters: x ranges at least a font size wide that no more than
/// `tolerance` of the rows touch, with words of at least two rows on each
/// side that overlap in height. Returns the gutters and the rows that cross
/// them.
fn gutters(words: &[Word], tolerance: f32) -> Option<(Cuts, Vec<usize>)> {
    let size = median_size(words);
    let left = words.iter().map(|w| w.x0).fold(f32::INFINITY, f32::min).floor();
    let right = words.iter().map(|w| w.x1).fold(f32::NEG_INFINITY, f32::max).ceil();
    let bins = (right - left).max(1.0) as usize + 1;
    let mut by_row: Vec<&Word> = words.iter().collect();
    by_row.sort_by_key(|w| w.row);
    let mut coverage = vec![0u32; bins];
    let mut stamp = vec![usize::MAX; bins];
    let mut rows = 0;
    for (i, w) in by_row.iter().enumerate() {
        if i == 0 || by_row[i - 1].row != w.row {
            rows += 1;
        }
        let (a, b) =
            ((w.x0 - left).max(0.0) as usize, ((w.x1 - left).max(0.0) as usize).min(bins - 1));
        for bin in a..=b {
            if stamp[bin] != w.row {
                stamp[bin] = w.row;
                coverage[bin] += 1;
            }
        }
    }
    let allowed = (tolerance * rows as f32).floor() as u32;
    let min_side = 0.1 * (right - left);
    let mut cuts = Cuts::new();
    for (a, b) in runs(&coverage, |c| c <= allowed) {
        let floor = coverage[a..b].iter().copied().min().unwrap_or(0);
        let Some((a, b)) = runs(&coverage[a..b], |c| c == floor)
            .into_iter()
            .map(|(x, y)| (a + x, a + y))
            .max_by_key(|(x, y)| y - x)
        else {
            continue;
        };
        let (g0, g1) = (left + a as f32, left + b as f32);
        if g1 - g0 >= size.max(6.0) && g0 - left >= min_side && right - g1 >= min_side {
            cuts.push((g0, g1));
        }
    }
    let spanning = crossing_rows(words, &cuts);
    cuts.retain(|&(g0, g1)| {
        let inside = |w: &&Word| !spanning.contains(&w.row);
        let l: Vec<&Word> = words.iter().filter(inside).filter(|w| w.x1 <= g0 + 1.0).collect();
        let r: Vec<&Word> = words.iter().filter(inside).filter(|w| w.x0 >= g1 - 1.0).collect();
        side_by_side(&l, &r)
    });
    if cuts.is_empty() {
        return None;
    }
    let spanning = crossing_rows(words, &cuts);
    Some((cuts, spanning))
}

/// Maximal runs `[start, end)` of bins that pass `keep`.
fn runs(bins: &[u32], keep: impl Fn(u32) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &c) in bins.iter().enumerate() {
        match (keep(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, bins.len()));
    }
    out
}

/// Rows with a word across one of the gutters.
fn crossing_rows(words: &[Word], cuts: &Cuts) -> Vec<usize> {
    let mut rows: Vec<usize> =
        words.iter().filter(|w| straddles(std::slice::from_ref(*w), cuts)).map(|w| w.row).collect();
    rows.sort_unstable();
    rows.dedup();
    rows
}

fn vertical_cuts(words: &[Word]) -> Option<Cuts> {
    gutters(words, 0.0).map(|(cuts, _)| cuts)
}

/// Both sides hold two rows or more, and their heights overlap by at least
/// half of the shorter one.
fn side_by_side(l: &[&Word], r: &[&Word]) -> bool {
    let rows = |s: &[&Word]| {
        let mut v: Vec<usize> = s.iter().map(|w| w.row).collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    let extent = |s: &[&Word]| {
        s.iter().fold((f32::MAX, f32::MIN), |(a, b), w| (a.min(w.base - w.size), b.max(w.base)))
    };
    if rows(l) < 2 || rows(r) < 2 {
        return false;
    }
    let ((l0, l1), (r0, r1)) = (extent(l), extent(r));
    let overlap = l1.min(r1) - l0.max(r0);
    overlap >= 0.5 * (l1 - l0).min(r1 - r0)
}

/// Words split at the gutters, left to right.
fn columns(words: Vec<Word>, cuts: &Cuts) -> Vec<Vec<Word>> {
    let mut out: Vec<Vec<Word>> = vec![Vec::new(); cuts.len() + 1];
    for w in words {
        let mid = (w.x0 + w.x1) / 2.0;
        let i = cuts.iter().take_while(|(g0, _)| mid > *g0).count();
        out[i].push(w);
    }
    out.retain(|c| !c.is_empty());
    out
}

/// Horizontal bands separated by blank space of half a font size or more.
fn bands(mut words: Vec<Word>) -> Vec<Vec<Word>> {
    let size = median_size(&words);
    let top = |w: &Word| w.base - 0.8 * w.size;
    words.sort_by(|a, b| top(a).total_cmp(&top(b)));
    let mut out: Vec<Vec<Word>> = Vec::new();
    let mut reach = f32::MIN;
    for w in words {
        let bottom = w.base + 0.25 * w.size;
        if out.is_empty() || top(&w) - reach >= 0.5 * size {
            out.push(Vec::new());
        }
        reach = reach.max(bottom);
        out.last_mut().expect("pushed").push(w);
    }
    out
}

/// Consecutive bands read as one while the column structure stays the same.
fn merge_bands(bands: Vec<Vec<Word>>) -> Vec<Vec<Word>> {
    let mut groups: Vec<Vec<Word>> = Vec::new();
    for band in bands {
        let Some(group) = groups.last_mut() else {
            groups.push(band);
            continue;
        };
        let mut union = group.clone();
        union.extend(band.iter().cloned());
        let merge = match (vertical_cuts(group), vertical_cuts(&band), vertical_cuts(&union)) {
            (Some(a), _, Some(u)) => same_cuts(&a, &u),
            (Some(_), _, None) => false,
            (None, _, Some(u)) => !straddles(group, &u),
            (None, Some(_), None) => false,
            (None, None, None) => true,
        };
        if merge {
            *group = union;
        } else {
            groups.push(band);
        }
    }
    groups
}

fn same_cuts(a: &Cuts, b: &Cuts) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.0 < y.1 && y.0 < x.1)
}

/// Some word crosses one of the gutters.
fn straddles(words: &[Word], cuts: &Cuts) -> bool {
    words.iter().any(|w| cuts.iter().any(|&(g0, g1)| w.x0 < g1 && w.x1 > g0))
}

/// A region's words as lines, top to bottom, words left to right.
fn lines(mut words: Vec<Word>, page: usize) -> Vec<Line> {
    words.sort_by(|a, b| {
        a.base.total_cmp(&b.base).then(a.row.cmp(&b.row)).then(a.x0.total_cmp(&b.x0))
    });
    let mut out: Vec<Line> = Vec::new();
    for w in words {
        match out.last_mut() {
            Some(line) if line.words[0].row == w.row => line.words.push(w),
            _ => out.push(Line { words: vec![w], page }),
        }
    }
    for line in &mut out {
        line.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of `text` on row `row`, from x, 6pt per char plus 4pt spaces.
    fn row(text: &str, x: f32, row: usize, base: f32) -> Vec<Word> {
        let mut x = x;
        text.split(' ')
            .map(|t| {
                let w = Word {
                    text: t.into(),
                    x0: x,
                    x1: x + 6.0 * t.len() as f32,
                    base,
                    size: 10.0,
                    bold: false,
                    sup: false,
                    joined: false,
                    row,
                };
                x = w.x1 + 4.0;
                w
            })
            .collect()
    }

    fn read(words: Vec<Word>) -> Vec<Vec<String>> {
        regions(words, 0).into_iter().map(|r| r.into_iter().map(|l| l.text()).collect()).collect()
    }

    #[test]
    fn two_columns_under_a_spanning_title() {
        let mut w = row("A title that spans both of the columns here", 50.0, 0, 60.0);
        for i in 0..6 {
            let base = 100.0 + 13.0 * i as f32;
            w.extend(row(&format!("left {i} text"), 50.0, 1 + 2 * i, base));
            w.extend(row(&format!("right {i} text"), 300.0, 2 + 2 * i, base));
        }
        let got = read(w);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0], ["A title that spans both of the columns here"]);
        assert_eq!(got[1].len(), 6);
        assert!(got[1].iter().all(|l| l.starts_with("left")));
        assert!(got[2].iter().all(|l| l.starts_with("right")));
    }

    #[test]
    fn a_shared_paragraph_gap_does_not_split_columns_into_bands() {
        let mut w = Vec::new();
        for i in 0..8 {
            let base = 100.0 + 13.0 * i as f32 + if i >= 4 { 12.0 } else { 0.0 };
            w.extend(row(&format!("left {i} text"), 50.0, 2 * i, base));
            w.extend(row(&format!("right {i} text"), 300.0, 2 * i + 1, base));
        }
        let got = read(w);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0][4], "left 4 text");
    }

    #[test]
    fn stretched_justified_lines_are_not_columns() {
        let mut w = row("The      Durand      Line      has      separated", 50.0, 0, 100.0);
        w.retain(|x| !x.text.is_empty());
        w.extend(row("stan since 1893, yet the tribes on either side never", 50.0, 1, 113.0));
        w.extend(row("groups have used this ambiguity for decades, moving", 50.0, 2, 126.0));
        let got = read(w);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0][0], "The Durand Line has separated");
    }
}
