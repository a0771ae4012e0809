//! English inflection for the lexicons: the forms of a verb lemma and the
//! plural of a noun, so rule files list base forms only.

/// Every form of a regular verb `lemma` (base, -s, -ed, -ing, with a doubled
/// final consonant as an alternative), plus `irregular` forms.
pub(crate) fn verb_forms(lemma: &str, irregular: &[String]) -> Vec<String> {
    let mut out = vec![lemma.to_string(), third_person(lemma), past(lemma), ing(lemma)];
    if let Some(d) = doubled(lemma) {
        out.push(format!("{d}ed"));
        out.push(format!("{d}ing"));
    }
    out.extend(irregular.iter().cloned());
    out.sort();
    out.dedup();
    out
}

/// The plural forms of a noun (the noun itself is kept: many cue nouns are
/// mass nouns or already plural).
pub(crate) fn noun_forms(noun: &str) -> Vec<String> {
    let mut out = vec![noun.to_string()];
    if !noun.ends_with('s') || noun.ends_with("ss") {
        out.push(third_person(noun));
    }
    out.sort();
    out.dedup();
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn third_person(w: &str) -> String {
    if w.ends_with("ss")
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
        || w.ends_with('o')
    {
        format!("{w}es")
    } else if consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else {
        format!("{w}s")
    }
}

fn past(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else {
        format!("{w}ed")
    }
}

fn ing(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e') && !w.ends_with("ee") && !w.ends_with("ye") && !w.ends_with("oe") {
        format!("{}ing", &w[..w.len() - 1])
    } else {
        format!("{w}ing")
    }
}

fn consonant_y(w: &str) -> bool {
    let mut it = w.chars().rev();
    matches!((it.next(), it.next()), (Some('y'), Some(c)) if !is_vowel(c))
}

/// `kidnap` → `kidnapp` (for kidnapped, kidnapping): consonant–vowel–
/// consonant endings double; both spellings are generated.
fn doubled(w: &str) -> Option<String> {
    let cs: Vec<char> = w.chars().collect();
    if cs.len() < 3 {
        return None;
    }
    let (a, b, c) = (cs[cs.len() - 3], cs[cs.len() - 2], cs[cs.len() - 1]);
    let ok = !is_vowel(a) && is_vowel(b) && !is_vowel(c) && !matches!(c, 'w' | 'x' | 'y');
    ok.then(|| format!("{w}{c}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_verbs() {
        let f = verb_forms("harbour", &[]);
        for w in ["harbour", "harbours", "harboured", "harbouring"] {
            assert!(f.contains(&w.to_string()), "{w} in {f:?}");
        }
        let f = verb_forms("kidnap", &[]);
        assert!(f.contains(&"kidnapped".to_string()) && f.contains(&"kidnapping".to_string()));
        let f = verb_forms("ally", &[]);
        assert!(f.contains(&"allied".to_string()) && f.contains(&"allies".to_string()));
        let f = verb_forms("release", &[]);
        assert!(f.contains(&"released".to_string()) && f.contains(&"releasing".to_string()));
        let f = verb_forms("fight", &["fought".to_string()]);
        assert!(f.contains(&"fought".to_string()) && f.contains(&"fighting".to_string()));
        let f = verb_forms("accuse", &[]);
        assert!(f.contains(&"accuses".to_string()) && f.contains(&"accusing".to_string()));
    }

    #[test]
    fn plurals() {
        assert!(noun_forms("attack").contains(&"attacks".to_string()));
        assert!(noun_forms("sanctuary").contains(&"sanctuaries".to_string()));
        assert_eq!(noun_forms("talks"), vec!["talks".to_string()]);
        assert!(noun_forms("safe haven").contains(&"safe havens".to_string()));
    }
}
