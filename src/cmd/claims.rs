//! `claimex claims`: a document's claims as a readable table (or JSON
//! lines): subject, relation, object, polarity and modality, time, the rule
//! and an excerpt of the evidence.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, bail};
use claimex::model::{Claim, Modality, Polarity, Relation};
use claimex::store::OutputDir;

use crate::cli::ClaimsArgs;

/// Runs `claimex claims`.
pub(crate) fn run(args: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let out = OutputDir::open(&args.out)
        .with_context(|| format!("no claimex output in {}", args.out.display()))?;
    let claims = out.read_claims().context("reading claims.jsonl")?;
    let relation: Option<Relation> = match &args.relation {
        Some(r) => Some(r.parse().map_err(|e| anyhow::anyhow!("{e}"))?),
        None => None,
    };
    if let Some(doc) = &args.doc {
        if !claims.iter().any(|c| doc_matches(&c.doc, doc)) {
            let mut docs: Vec<&str> = claims.iter().map(|c| c.doc.as_str()).collect();
            docs.dedup();
            bail!("no claims for document `{doc}` (documents with claims: {})", docs.join(", "));
        }
    }
    let shown: Vec<&Claim> = claims
        .iter()
        .filter(|c| args.doc.as_deref().is_none_or(|d| doc_matches(&c.doc, d)))
        .filter(|c| relation.is_none_or(|r| c.relation == r))
        .collect();
    let mut w = std::io::stdout().lock();
    if args.json {
        for c in &shown {
            writeln!(w, "{}", serde_json::to_string(c)?).context("writing to standard output")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut last_doc = "";
    for c in &shown {
        if c.doc != last_doc {
            writeln!(w, "\n{}", c.doc)?;
            writeln!(w, "{}", header())?;
            last_doc = &c.doc;
        }
        writeln!(w, "{}", row(c))?;
    }
    eprintln!("{} claims", shown.len());
    Ok(ExitCode::SUCCESS)
}

/// A document id matches its full path, its file name, or its stem.
fn doc_matches(doc: &str, wanted: &str) -> bool {
    let base = doc.rsplit('/').next().unwrap_or(doc);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    doc == wanted || base == wanted || stem == wanted
}

/// Cuts `s` to at most `n` characters, marking the cut.
fn cut(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        return s;
    }
    let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
    t.push('…');
    t
}

fn header() -> String {
    format!(
        "{:<24} {:<15} {:<24} {:<9} {:<23} {:<18} {}",
        "SUBJECT", "RELATION", "OBJECT", "POL/MOD", "TIME", "RULE", "EVIDENCE"
    )
}

fn row(c: &Claim) -> String {
    let arg = |a: &claimex::model::Argument| {
        if a.text.eq_ignore_ascii_case(&a.name) {
            a.entity.clone()
        } else {
            format!("{} ({})", a.entity, a.text)
        }
    };
    let pol = match c.polarity {
        Polarity::Positive => "+",
        Polarity::Negative => "NOT",
    };
    let modality = match c.modality {
        Modality::Asserted => "asserted".to_string(),
        Modality::Hedged => "hedged".to_string(),
        Modality::Reported => match &c.source {
            Some(s) => format!("reported by {}", s.entity.clone().unwrap_or_else(|| s.text.clone())),
            None => "reported".to_string(),
        },
    };
    let time = c
        .time
        .as_ref()
        .map(|t| {
            let d = |x: Option<chrono::NaiveDate>| x.map_or("…".to_string(), |d| d.to_string());
            format!("{}–{}", d(t.start_date), d(t.end_date))
        })
        .unwrap_or_default();
    let excerpt = match &c.cue {
        Some(cue) => excerpt_around(&c.evidence.sentence, cue, 70),
        None => cut(&c.evidence.sentence, 70),
    };
    format!(
        "{:<24} {:<15} {:<24} {:<9} {:<23} {:<18} {}\n{:<24} {}",
        cut(&arg(&c.subject), 24),
        c.relation.as_str(),
        cut(&arg(&c.object), 24),
        cut(&format!("{pol} {modality}"), 9),
        time,
        cut(&c.rule, 18),
        excerpt,
        "",
        cut(&format!("{} · {}", c.id, modality), 90),
    )
}

/// About `n` characters of `sentence` around the cue.
fn excerpt_around(sentence: &str, cue: &str, n: usize) -> String {
    let flat = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(at) = flat.find(cue) else { return cut(&flat, n) };
    let chars: Vec<(usize, char)> = flat.char_indices().collect();
    let center = chars.iter().position(|(i, _)| *i >= at).unwrap_or(0);
    let from = center.saturating_sub(n / 2);
    let to = (from + n).min(chars.len());
    let from = to.saturating_sub(n).min(from);
    let body: String = chars[from..to].iter().map(|(_, c)| c).collect();
    format!("{}{}{}", if from > 0 { "…" } else { "" }, body, if to < chars.len() { "…" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_match_by_path_name_or_stem() {
        assert!(doc_matches("reports/a.md", "reports/a.md"));
        assert!(doc_matches("reports/a.md", "a.md"));
        assert!(doc_matches("reports/a.md", "a"));
        assert!(!doc_matches("reports/a.md", "b"));
    }

    #[test]
    fn excerpts_centre_on_the_cue() {
        let s = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let e = excerpt_around(s, "seven", 20);
        assert!(e.contains("seven") && e.starts_with('…') && e.ends_with('…'), "{e}");
        assert_eq!(cut("abc", 5), "abc");
        assert_eq!(cut("abcdef", 4), "abc…");
    }
}
