//! Joining the lines of a paragraph, and deciding what a hyphen at the end
//! of a line is: a break inside one word (`Paki-` / `stan` → `Pakistan`) or
//! the hyphen of a compound (`Al-` / `Qaeda` → `Al-Qaeda`).
//!
//! The evidence, in order: the known hyphenated words (gazetteer names and
//! `rules/hyphenated.txt`, lowercased, in `IngestOptions::hyphenated`); the
//! document's own vocabulary (the joined word, or the hyphenated compound,
//! written elsewhere in the document); known prefixes (`self-`); a capital
//! or a digit after the hyphen; the rest is a soft break.

use std::collections::HashSet;

/// Lowercased words of a document, each as written and, for compounds, each
/// part; words cut by a line-end hyphen are left out.
#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    /// Collects the words of every line of every paragraph.
    pub fn of<'a>(paragraphs: impl Iterator<Item = &'a [String]>) -> Vocabulary {
        let mut words = HashSet::new();
        for lines in paragraphs {
            let mut cut_before = false;
            for line in lines {
                let tokens: Vec<&str> = line.split_whitespace().collect();
                let cut_after = line_end_hyphen(line);
                for (i, t) in tokens.iter().enumerate() {
                    let fragment = (i == 0 && cut_before) || (i + 1 == tokens.len() && cut_after);
                    if fragment {
                        continue;
                    }
                    let w = clean(t).to_lowercase();
                    if w.chars().any(char::is_alphabetic) {
                        if w.contains('-') {
                            words
                                .extend(w.split('-').filter(|p| !p.is_empty()).map(str::to_string));
                        }
                        words.insert(w);
                    }
                }
                cut_before = cut_after;
            }
        }
        Vocabulary { words }
    }

    fn has(&self, w: &str) -> bool {
        self.words.contains(w)
    }
}

/// The line ends in a hyphen that follows a letter (`Paki-`, `Al-`), not in
/// a dash standing alone.
fn line_end_hyphen(line: &str) -> bool {
    let t = line.trim_end();
    (t.ends_with('-') || t.ends_with('\u{AD}'))
        && t[..t.len() - t.chars().last().map_or(0, char::len_utf8)]
            .chars()
            .last()
            .is_some_and(char::is_alphanumeric)
}

/// A token without the punctuation around it (inner hyphens and
/// apostrophes kept).
fn clean(t: &str) -> &str {
    t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').trim_matches('-')
}

/// Joins the lines of one paragraph into its text.
pub(super) fn join_lines(lines: &[String], vocab: &Vocabulary, known: &HashSet<String>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        if line_end_hyphen(&out) {
            let soft = out.ends_with('\u{AD}');
            let head =
                out.split_whitespace().last().unwrap_or("").trim_end_matches(['-', '\u{AD}']);
            let tail = line.split_whitespace().next().unwrap_or("");
            let keep = !soft && keeps_hyphen(head, tail, vocab, known);
            out.pop();
            if keep {
                out.push('-');
            }
        } else if !(out.ends_with(['–', '—', '/']) || line.starts_with(['–', '—'])) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Whether `head-` at a line end followed by `tail` is a compound whose
/// hyphen stays.
pub(super) fn keeps_hyphen(
    head: &str,
    tail: &str,
    vocab: &Vocabulary,
    known: &HashSet<String>,
) -> bool {
    let head = head.trim_start_matches(|c: char| !c.is_alphanumeric());
    let tail = clean(tail);
    let (Some(h_last), Some(t_first)) = (head.rsplit('-').next(), tail.split('-').next()) else {
        return false;
    };
    if h_last.is_empty() || t_first.is_empty() {
        return false;
    }
    let lower = |s: String| s.to_lowercase();
    let full_h = lower(format!("{head}-{tail}"));
    let part_h = lower(format!("{h_last}-{t_first}"));
    let full_j = lower(format!("{head}{tail}"));
    let part_j = lower(format!("{h_last}{t_first}"));
    if known.contains(&full_h) || known.contains(&part_h) {
        return true;
    }
    if vocab.has(&full_j) || vocab.has(&part_j) {
        return false;
    }
    if vocab.has(&full_h) || vocab.has(&part_h) {
        return true;
    }
    if known.contains(&lower(format!("{h_last}-"))) && t_first.chars().count() >= 3 {
        return true;
    }
    let first = t_first.chars().next().expect("non-empty");
    if first.is_uppercase() || first.is_ascii_digit() {
        return true;
    }
    tail.contains('-') && t_first.chars().count() <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> HashSet<String> {
        ["al-qaeda", "lashkar-e-taiba", "self-", "cross-border"].map(String::from).into()
    }

    fn lines(ls: &[&str]) -> Vec<String> {
        ls.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn line_end_hyphens_table() {
        let doc = lines(&[
            "Pakistan and Kabul are named here, as is Tehreek-e-Taliban Pakistan and",
            "the cross-border trade, besides the word organisation.",
        ]);
        let vocab = Vocabulary::of(std::iter::once(doc.as_slice()));
        let cases: &[(&str, &str, &str)] = &[
            ("from Paki-", "stan since", "from Pakistan since"),
            ("of Al-", "Qaeda cadres", "of Al-Qaeda cadres"),
            ("the Lashkar-e-", "Taiba group", "the Lashkar-e-Taiba group"),
            ("the self-", "declared emirate", "the self-declared emirate"),
            ("in the cross-", "border mobility", "in the cross-border mobility"),
            ("of Tehreek-", "e-Taliban Pakistan", "of Tehreek-e-Taliban Pakistan"),
            ("post-fall-of-K-", "abul period", "post-fall-of-Kabul period"),
            ("the Afghan War (1979-", "89).", "the Afghan War (1979-89)."),
            ("local fac-", "tions.", "local factions."),
            ("an anti-", "American rally", "an anti-American rally"),
            ("1996–", "2001 period", "1996–2001 period"),
            ("it did not exist—", "it would", "it did not exist—it would"),
            ("soft\u{AD}", "ly", "softly"),
            ("no hyphen", "here", "no hyphen here"),
            ("the same so-", "cio-political milieu", "the same socio-political milieu"),
        ];
        for (a, b, want) in cases {
            let got = join_lines(&lines(&[a, b]), &vocab, &known());
            assert_eq!(&got, want, "{a} / {b}");
        }
    }

    #[test]
    fn vocabulary_leaves_out_cut_words() {
        let doc = lines(&["the Paki-", "stan border, Tehreek-e-Taliban"]);
        let v = Vocabulary::of(std::iter::once(doc.as_slice()));
        assert!(!v.has("paki") && !v.has("stan"));
        assert!(v.has("border") && v.has("tehreek-e-taliban") && v.has("taliban"));
    }
}
