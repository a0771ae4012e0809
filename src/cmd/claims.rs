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
    if let Some(doc) = &args.doc
        && !claims.iter().any(|c| doc_matches(&c.doc, doc))
    {
        let mut docs: Vec<&str> = claims.iter().map(|c| c.doc.as_str()).collect();
        docs.dedup();
        bail!("no claims for document `{doc}` (documents with claims: {})", docs.join(", "));
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
        "{:<28} {:<15} {:<28} {:<3} {:<9} {:<21} {}",
        "SUBJECT", "RELATION", "OBJECT", "POL", "MODALITY", "TIME", "RULE"
    )
}

/// "ttp" or "pakistan (Islamabad)" when the text differs from the name.
fn arg_label(a: &claimex::model::Argument) -> String {
    if a.text.eq_ignore_ascii_case(&a.name) || a.text.eq_ignore_ascii_case(&a.entity) {
        a.entity.clone()
    } else {
        format!("{} ({})", a.entity, a.text)
    }
}

fn row(c: &Claim) -> String {
    let pol = match c.polarity {
        Polarity::Positive => "+",
        Polarity::Negative => "NOT",
    };
    let modality = match c.modality {
        Modality::Asserted => "asserted",
        Modality::Hedged => "hedged",
        Modality::Reported => "reported",
    };
    let time = c
        .time
        .as_ref()
        .map(|t| {
            let d = |x: Option<chrono::NaiveDate>| x.map_or("…".to_string(), |d| d.to_string());
            if t.start_date == t.end_date {
                d(t.start_date)
            } else {
                format!("{}–{}", d(t.start_date), d(t.end_date))
            }
        })
        .unwrap_or_default();
    let mut detail = format!("{} {:.2}", c.id, c.confidence);
    if let Some(src) = &c.source {
        detail.push_str(&format!(
            " · source: {}",
            src.entity.clone().unwrap_or_else(|| src.text.clone())
        ));
    }
    if let Some(p) = &c.place {
        detail.push_str(&format!(" · place: {}", p.entity));
    }
    let excerpt = match &c.cue {
        Some(cue) => excerpt_around(&c.evidence.sentence, cue, 90),
        None => cut(&c.evidence.sentence, 90),
    };
    format!(
        "{:<28} {:<15} {:<28} {:<3} {:<9} {:<21} {}\n    {}\n    “{}”",
        cut(&arg_label(&c.subject), 28),
        c.relation.as_str(),
        cut(&arg_label(&c.object), 28),
        pol,
        modality,
        time,
        c.rule,
        detail,
        excerpt,
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
    format!(
        "{}{}{}",
        if from > 0 { "…" } else { "" },
        body,
        if to < chars.len() { "…" } else { "" }
    )
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
