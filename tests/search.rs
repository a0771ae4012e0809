//! `claimex search` on the shipped sample: phrases, entity and relation
//! filters, date ranges, alias expansion, JSON and terminal output, and
//! the index following the corpus when documents change or go.

use serde_json::Value;

use crate::util::{Scratch, stderr, stdout};

const SAMPLE: &str = "zahid-2026-taliban-ttp-nexus.md";

/// `claimex search --json ARGS…`, one parsed object per hit.
fn search_json(s: &Scratch, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["search", "--json", "--limit", "200"];
    all.extend_from_slice(args);
    let out = s.claimex(&all);
    assert!(out.status.success(), "search {args:?} failed: {}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn snippet(hit: &Value) -> &str {
    hit["snippet"].as_str().unwrap()
}

fn extracted(s: &Scratch, doc: &str) -> String {
    std::fs::read_to_string(s.out().join("text").join(format!("{doc}.txt"))).unwrap()
}

fn span(v: &Value) -> (usize, usize) {
    (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize)
}

#[test]
fn phrase_queries_json_lines_and_terminal_output() {
    let s = Scratch::with_sample();
    s.run_ok();
    let text = extracted(&s, SAMPLE);

    // A phrase matches only where the words are adjacent.
    let phrase = search_json(&s, &["\"declared the creation of\""]);
    assert!(!phrase.is_empty(), "the sample says `declared the creation of`");
    for hit in &phrase {
        assert!(snippet(hit).to_lowercase().contains("declared the creation of"), "{hit}");
    }
    let words = search_json(&s, &["--no-expand", "Taliban", "Pakistan"]);
    let phrase = search_json(&s, &["--no-expand", "\"Taliban Pakistan\""]);
    assert!(words.len() > phrase.len(), "{} words vs {} phrase hits", words.len(), phrase.len());

    // Every hit: doc, kind, score, snippet, offsets into the extracted text,
    // highlights as byte spans into the snippet.
    for hit in &words {
        assert_eq!(hit["doc"], SAMPLE);
        assert_eq!(hit["kind"], "sentence");
        assert!(hit["score"].as_f64().unwrap() > 0.0);
        let (a, b) = span(&hit["offsets"]);
        let (sa, sb) = span(&hit["snippet_offsets"]);
        assert!(a <= sa && sb <= b, "{hit}");
        assert_eq!(&text[sa..sb], snippet(hit));
        let marked: Vec<&str> = hit["highlights"]
            .as_array()
            .unwrap()
            .iter()
            .map(span)
            .map(|(x, y)| &snippet(hit)[x..y])
            .collect();
        assert!(!marked.is_empty(), "{hit}");
        for m in marked {
            assert!(["taliban", "pakistan"].contains(&m.to_lowercase().as_str()), "{m}");
        }
    }

    // Documents are searchable too, with their metadata.
    let docs = search_json(&s, &["--kind", "doc", "Deobandi"]);
    assert_eq!(docs.len(), 1);
    assert!(docs[0]["title"].as_str().unwrap().starts_with("The Afghan Taliban"));

    // Not a terminal: `[[…]]` markers, no colour, a facet footer.
    let out = s.claimex(&["search", "--limit", "3", "Deobandi"]);
    let shown = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(shown.contains("[[Deobandi]]"), "{shown}");
    assert!(!shown.contains('\x1b'), "{shown}");
    assert!(shown.contains("sentence hit"), "{shown}");

    // Mistakes get clear errors.
    let bad = s.claimex(&["search", "--from", "1996-13", "x"]);
    assert!(!bad.status.success() && stderr(&bad).contains("bad date `1996-13`"));
    let bad = s.claimex(&["search", "\"unbalanced"]);
    assert!(!bad.status.success() && stderr(&bad).contains("query:"), "{}", stderr(&bad));
    let bad = s.claimex(&["search", "--relation", "likes"]);
    assert!(!bad.status.success() && stderr(&bad).contains("supports"), "{}", stderr(&bad));
    let bad = s.claimex(&["search", "--entity", "Talibann", "x"]);
    assert!(stderr(&bad).contains("unknown entity `Talibann`"), "{}", stderr(&bad));
    let fresh = Scratch::new();
    let none = fresh.claimex(&["search", "x"]);
    assert!(!none.status.success() && stderr(&none).contains("claimex run"), "{}", stderr(&none));
}

#[test]
fn entity_filter_alias_expansion_and_date_ranges() {
    let s = Scratch::with_sample();
    s.run_ok();

    // `--entity` takes an alias; every hit mentions the entity.
    let ttp = search_json(&s, &["--entity", "Pakistani Taliban"]);
    assert!(ttp.len() > 5, "the sample mentions the TTP often, got {}", ttp.len());
    for hit in &ttp {
        let ids: Vec<&str> =
            hit["entities"].as_array().unwrap().iter().flat_map(Value::as_str).collect();
        assert!(ids.contains(&"ttp"), "{hit}");
    }
    assert_eq!(search_json(&s, &["--entity", "ttp"]).len(), ttp.len());

    // Naming an alias finds sentences that use another one (`TTP`).
    let expanded = search_json(&s, &["Pakistani Taliban"]);
    let literal = search_json(&s, &["--no-expand", "\"Pakistani Taliban\""]);
    assert!(expanded.len() > literal.len());
    assert!(
        expanded
            .iter()
            .any(|h| snippet(h).contains("TTP") && !snippet(h).contains("Pakistani Taliban")),
        "no hit that only says TTP"
    );

    // Dates select by overlap with the sentence's interval.
    let first_regime = search_json(&s, &["--from", "1997", "--to", "1999"]);
    assert!(!first_regime.is_empty(), "sentences about 1996–2001 overlap 1997–1999");
    for hit in &first_regime {
        let start = hit["date"]["start"].as_str().unwrap_or("0000");
        let end = hit["date"]["end"].as_str().unwrap_or("9999");
        assert!(start <= "1999-12-31" && end >= "1997-01-01", "{hit}");
    }
    let recent = search_json(&s, &["--from", "2022", "TTP"]);
    assert!(!recent.is_empty());
    assert!(recent.iter().all(|h| h["date"]["end"].as_str().is_none_or(|e| e >= "2022-01-01")));
}

#[test]
fn claims_filter_by_relation() {
    let s = Scratch::with_sample();
    s.run_ok();
    let claims = search_json(&s, &["--relation", "shelters"]);
    assert!(!claims.is_empty(), "the sample has sheltering claims (safe havens)");
    for hit in &claims {
        assert_eq!(hit["kind"], "claim");
        assert_eq!(hit["claim"]["relation"], "shelters");
        assert_eq!(hit["claim"]["status"], "pending");
        let (a, b) = span(&hit["offsets"]);
        assert_eq!(&extracted(&s, SAMPLE)[a..b], hit["claim"]["evidence"]["sentence"]);
    }
}

#[test]
fn the_index_follows_edits_and_deletions() {
    let s = Scratch::with_sample();
    s.write(
        "corpus/notes/brief.txt",
        "Field notes.\n\nA quartermaster in Miranshah kept ledgers.\n",
    );
    s.run_ok();
    assert_eq!(search_json(&s, &["quartermaster"]).len(), 1);
    assert_eq!(search_json(&s, &["--kind", "doc", "Deobandi"]).len(), 1);

    // Edit: the old wording is gone, the new one is found.
    s.write("corpus/notes/brief.txt", "Field notes.\n\nA paymaster in Miranshah kept ledgers.\n");
    s.run_ok();
    assert!(search_json(&s, &["quartermaster"]).is_empty());
    let hits = search_json(&s, &["paymaster"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["doc"], "notes/brief.txt");

    // Delete: no hit of the document is left, the other is untouched.
    std::fs::remove_file(s.corpus().join("notes/brief.txt")).unwrap();
    s.run_ok();
    assert!(search_json(&s, &["paymaster"]).is_empty());
    assert!(search_json(&s, &["--kind", "doc", "Miranshah"]).is_empty());
    assert_eq!(search_json(&s, &["--kind", "doc", "Deobandi"]).len(), 1);
}
