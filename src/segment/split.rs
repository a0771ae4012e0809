//! Finding sentence ends inside one block of running text.

use super::rules::SegmentRules;

/// Byte ranges (relative to `text`) of the sentences in one block, trimmed.
pub(crate) fn split(text: &str, rules: &SegmentRules) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let is_end_punct =
            matches!(b, b'.' | b'?' | b'!') || (b == 0xE2 && text[i..].starts_with('…'));
        if !is_end_punct {
            i += 1;
            continue;
        }
        let punct_len = if b < 0x80 { 1 } else { '…'.len_utf8() };
        let mut j = i + punct_len;
        // Further end punctuation and closing quotes or brackets belong to
        // this sentence: `?!`, `."`, `.”`, `.)`.
        while j < bytes.len() {
            let rest = &text[j..];
            let c = rest.chars().next().expect("in bounds");
            if matches!(c, '.' | '?' | '!' | '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        if ends_sentence(text, i, j, rules) {
            push_trimmed(text, start, j, &mut out);
            start = j;
        }
        i = j.max(i + 1);
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Is the punctuation at `at..after` the end of a sentence?
fn ends_sentence(text: &str, at: usize, after: usize, rules: &SegmentRules) -> bool {
    let rest = &text[after..];
    // Must be followed by whitespace (or the end of the block).
    if rest.is_empty() {
        return true;
    }
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    let next_word = next_word(rest);
    let Some(first) = next_word.chars().next() else { return true };
    let opens = matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '«');
    if !(first.is_uppercase() || first.is_ascii_digit() || opens) {
        return false;
    }
    if text.as_bytes()[at] != b'.' {
        return true;
    }
    let word = word_before(text, at);
    let lower = word.to_lowercase();
    let next_lower = next_word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if rules.abbreviations.contains(&lower) {
        return false;
    }
    if rules.numeric.contains(&lower) {
        return !first.is_ascii_digit();
    }
    if rules.ambiguous.contains(&lower) || is_dotted_acronym(word) {
        return rules.starters.contains(&next_lower);
    }
    // An initial: `John Q. Public`, `H. Abbas`.
    let mut chars = word.chars();
    !matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// The token right before byte `at`: the run of non-space characters, with
/// leading opening punctuation removed.
fn word_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let start = head.rfind(char::is_whitespace).map_or(0, |p| p + 1);
    head[start..].trim_start_matches(['(', '[', '"', '“', '\'', '‘'])
}

/// `U.S`, `U.N`, `a.m`: letters separated by periods.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

fn next_word(rest: &str) -> &str {
    let rest = rest.trim_start();
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    &rest[..end]
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead < piece.len() {
        out.push((start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::RulesDir;

    fn sents(text: &str) -> Vec<&str> {
        let rules = SegmentRules::load(&RulesDir::embedded()).unwrap();
        split(text, &rules).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    macro_rules! seg_tests {
        ($($name:ident: $text:expr => [$($want:expr),* $(,)?];)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(sents($text), vec![$($want),*]);
            }
        )*};
    }

    seg_tests! {
        seg000_simple: "It rained. Then it stopped." => ["It rained.", "Then it stopped."];
        seg010_us_mid: "Pakistan's alliance with the U.S. in the war grew. It ended." =>
            ["Pakistan's alliance with the U.S. in the war grew.", "It ended."];
        seg020_us_end: "They fought the U.S. The war went on." => ["They fought the U.S.", "The war went on."];
        seg030_eg_ie: "Groups, e.g. the TTP, i.e. Pakistani Taliban, grew. Later more." =>
            ["Groups, e.g. the TTP, i.e. Pakistani Taliban, grew.", "Later more."];
        seg040_titles: "Dr. Rashid met Gen. Musharraf and Lt. Col. Khan. They talked." =>
            ["Dr. Rashid met Gen. Musharraf and Lt. Col. Khan.", "They talked."];
        seg050_initials: "A study by H. Abbas and John Q. Public appeared. It helped." =>
            ["A study by H. Abbas and John Q. Public appeared.", "It helped."];
        seg060_numbers: "It cost 3.5 million, or 8,000 rupees each. Vol. 9 No. 1 is out." =>
            ["It cost 3.5 million, or 8,000 rupees each.", "Vol. 9 No. 1 is out."];
        seg070_no_end: "The leader said no. Both sides shouted." => ["The leader said no.", "Both sides shouted."];
        seg080_quotes: "He said, \"We will fight.\" The group agreed." =>
            ["He said, \"We will fight.\"", "The group agreed."];
        seg090_brackets: "It grew (Rashid, 2010). Then (in 2011) it split." =>
            ["It grew (Rashid, 2010).", "Then (in 2011) it split."];
        seg100_lowercase_next: "Is it over? not yet, they said." => ["Is it over? not yet, they said."];
        seg110_months: "In Jan. 2009 the talks began. In Sept. 2010 they ended." =>
            ["In Jan. 2009 the talks began.", "In Sept. 2010 they ended."];
        seg120_digit_start: "The raid failed. 2001 was a turning point." => ["The raid failed.", "2001 was a turning point."];
        seg130_ellipsis: "They waited… The end came." => ["They waited…", "The end came."];
        seg140_non_ascii: "Kābul fell. Tehrīk‑e‑Taliban grew." => ["Kābul fell.", "Tehrīk‑e‑Taliban grew."];
        seg150_no_final_punct: "A line without end" => ["A line without end"];
    }
}
