//! PDF and HTML input end to end: `claimex run` on the fixtures of
//! `tests/fixtures/formats/` (made by `make_fixtures.py` there) gives the
//! text a reader sees, the documents' metadata, a clear error for files
//! that cannot be read, and the same results for the sample article as
//! Markdown, PDF (typeset by us, and printed by Chromium) and HTML.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;

use crate::util::{Scratch, repo, stderr, stdout};

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/formats").join(name)
}

/// Whitespace runs to single spaces.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(s: &Scratch, doc: &str) -> String {
    std::fs::read_to_string(s.out().join("text").join(format!("{doc}.txt")))
        .unwrap_or_else(|e| panic!("output/text/{doc}.txt: {e}"))
}

fn lines(path: PathBuf) -> Vec<String> {
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Every block a reader sees is in the extracted text, whole; nothing that
/// must be gone (headers, footers, navigation, page numbers glued into
/// sentences, unjoined hyphenation, ligature glyphs) is.
fn assert_reads_as_expected(s: &Scratch, doc: &str, stem: &str) {
    let text = text_of(s, doc);
    let flat_text = flat(&text);
    let expected = fixture(&format!("{stem}.expected.txt"));
    if expected.exists() {
        for block in lines(expected) {
            assert!(
                flat_text.contains(&flat(&block)),
                "{doc}: missing block\n  {block}\nin\n{text}"
            );
        }
    }
    for gone in lines(fixture(&format!("{stem}.absent.txt"))) {
        assert!(!text.contains(&gone), "{doc}: should not contain {gone:?}\n{text}");
    }
}

fn documents(s: &Scratch) -> BTreeMap<String, Value> {
    s.jsonl("documents.jsonl")
        .into_iter()
        .map(|d| (d["doc"].as_str().unwrap().to_string(), d))
        .collect()
}

#[test]
fn pdf_and_html_fixtures_give_the_text_a_reader_sees() {
    let s = Scratch::new();
    for name in [
        "one-column.pdf",
        "two-column.pdf",
        "owner-locked.pdf",
        "news-page.html",
        "blog-page.html",
        "sample-article.html",
    ] {
        s.copy_into_corpus(&fixture(name), name);
    }
    s.run_ok();
    assert_reads_as_expected(&s, "one-column.pdf", "one-column");
    assert_reads_as_expected(&s, "owner-locked.pdf", "one-column");
    assert_reads_as_expected(&s, "two-column.pdf", "two-column");
    assert_reads_as_expected(&s, "news-page.html", "news-page");
    assert_reads_as_expected(&s, "blog-page.html", "blog-page");
    assert_reads_as_expected(&s, "sample-article.html", "sample-article-html");

    // Footnotes sit after the body, each on its own, not inside a sentence.
    let one = text_of(&s, "one-column.pdf");
    let note = one.find("1 Estimates of cross-border traffic").expect("footnote kept");
    assert!(note > one.find("find a way to cooperate on the frontier.").unwrap());

    let docs = documents(&s);
    let one = &docs["one-column.pdf"];
    assert_eq!(one["source_format"], "pdf");
    assert_eq!(one["title"], "Sanctuary and Spillover: Militant Networks on the Durand Line");
    assert_eq!(one["authors"], serde_json::json!(["Jane Roe", "Omar Khan"]));
    assert_eq!(one["published"], "2024-03-12");
    assert_eq!(one["doi"], "10.5555/fixture.2024.031");
    let two = &docs["two-column.pdf"];
    assert_eq!(two["title"], "Fourteenth report of the Fixture Monitoring Team");
    assert_eq!(two["published"], "2024-06-05");
    assert_eq!(two["doi"], "10.5555/fixture.2024.014");
    assert_eq!(two["journal"], "Fixture Security Series");
    let news = &docs["news-page.html"];
    assert_eq!(news["source_format"], "html");
    assert_eq!(news["title"], "Talks with militants stall as ceasefire nears its end");
    assert_eq!(news["authors"], serde_json::json!(["Sana Mir", "Ali Raza"]));
    assert_eq!(news["published"], "2024-05-14");
    assert_eq!(news["publisher"], "The Fixture Herald");
    let blog = &docs["blog-page.html"];
    assert_eq!(blog["title"], "Waiting at Torkham");
    assert_eq!(blog["published"], "2023-03-02");
    let html = &docs["sample-article.html"];
    assert_eq!(html["doi"], "10.37540/njips.v9i1.215");
    assert_eq!(html["journal"], "NUST Journal of International Peace & Stability");
}

#[test]
fn unreadable_files_are_reported_and_the_run_goes_on() {
    let s = Scratch::new();
    for name in ["corrupt.pdf", "encrypted.pdf", "scanned.pdf", "truncated.pdf", "one-column.pdf"] {
        s.copy_into_corpus(&fixture(name), name);
    }
    let page = std::fs::read_to_string(fixture("news-page.html")).unwrap();
    let mut huge = String::with_capacity(21 * 1024 * 1024);
    while huge.len() < 20 * 1024 * 1024 {
        huge.push_str(&page);
    }
    s.write("corpus/huge.html", &huge);

    let out = s.claimex(&["run"]);
    assert_eq!(out.status.code(), Some(2), "exit 2 when files failed; stderr: {}", stderr(&out));
    let summary = stdout(&out);
    let docs = documents(&s);
    let error = |name: &str| docs[name]["error"].as_str().map(str::to_lowercase);
    for (name, reason) in [
        ("corrupt.pdf", "corrupt"),
        ("encrypted.pdf", "encrypted"),
        ("scanned.pdf", "no text layer"),
        ("truncated.pdf", "truncated or damaged"),
        ("huge.html", "too large"),
    ] {
        let e = error(name).unwrap_or_else(|| panic!("{name} has an error"));
        assert!(e.contains(reason), "{name}: {e}");
        assert!(summary.contains(name), "the summary names {name}: {summary}");
    }
    assert_eq!(error("one-column.pdf"), None, "the good file is processed");
    assert!(text_of(&s, "one-column.pdf").contains("Pakistan since 1893"));
}

/// What the pipeline found in one document: mentions as (type, entity or
/// date interval, text) and claims as (subject, relation, object, polarity).
fn findings(s: &Scratch, doc: &str) -> (Vec<String>, Vec<String>) {
    let field = |v: &Value, k: &str| v[k].as_str().unwrap_or("").to_string();
    let mut mentions: Vec<String> = s
        .jsonl("mentions.jsonl")
        .iter()
        .filter(|m| m["doc"] == doc)
        .map(|m| {
            let id = if m["type"] == "date" {
                format!("{}..{}", field(m, "start_date"), field(m, "end_date"))
            } else {
                field(m, "entity")
            };
            format!("{}|{}|{}", field(m, "type"), id, flat(&field(m, "text")))
        })
        .collect();
    let mut claims: Vec<String> = s
        .jsonl("claims.jsonl")
        .iter()
        .filter(|c| c["doc"] == doc)
        .map(|c| {
            format!(
                "{}|{}|{}|{}",
                c["subject"]["entity"], c["relation"], c["object"]["entity"], c["polarity"]
            )
        })
        .collect();
    mentions.sort();
    claims.sort();
    (mentions, claims)
}

/// F1 of `got` against `want` as multisets (1.0 when both are empty).
fn agreement(want: &[String], got: &[String]) -> f64 {
    if want.is_empty() && got.is_empty() {
        return 1.0;
    }
    let mut pool: BTreeMap<&str, usize> = BTreeMap::new();
    for w in want {
        *pool.entry(w).or_default() += 1;
    }
    let mut hits = 0;
    for g in got {
        if let Some(n) = pool.get_mut(g.as_str())
            && *n > 0
        {
            *n -= 1;
            hits += 1;
        }
    }
    2.0 * hits as f64 / (want.len() + got.len()) as f64
}

#[test]
fn the_sample_article_as_pdf_and_html_matches_the_markdown() {
    let s = Scratch::with_sample();
    s.copy_into_corpus(&fixture("sample-article.pdf"), "sample-article.pdf");
    s.copy_into_corpus(&fixture("sample-article.html"), "sample-article.html");
    s.copy_into_corpus(&fixture("sample-article-chrome.pdf"), "sample-article-chrome.pdf");
    s.run_ok();
    let md = "zahid-2026-taliban-ttp-nexus.md";
    let md_text = text_of(&s, md);
    let docs = documents(&s);
    let (md_mentions, md_claims) = findings(&s, md);
    for doc in ["sample-article.pdf", "sample-article.html", "sample-article-chrome.pdf"] {
        let text = flat(&text_of(&s, doc));
        for block in md_text.split("\n\n").map(flat).filter(|b| !b.is_empty()) {
            assert!(text.contains(&block), "{doc}: missing\n  {block}");
        }
        for key in ["authors", "published", "doi"] {
            assert_eq!(docs[doc][key], docs[md][key], "{doc}: {key}");
        }
        if doc != "sample-article-chrome.pdf" {
            assert_eq!(docs[doc]["title"], docs[md]["title"], "{doc}: title");
        }
        let (mentions, claims) = findings(&s, doc);
        let (m, c) = (agreement(&md_mentions, &mentions), agreement(&md_claims, &claims));
        assert!(m >= 0.95, "{doc}: mentions agree with the Markdown at {m:.3}");
        assert!(c >= 0.95, "{doc}: claims agree with the Markdown at {c:.3}");
    }
    let pdf_text = text_of(&s, "sample-article.pdf");
    assert!(!pdf_text.contains("NJIPS 2026, Vol. 9(1)"), "running header removed");
    assert!(!pdf_text.lines().any(|l| l.trim() == "90"), "page numbers removed");
    let chrome = text_of(&s, "sample-article-chrome.pdf");
    assert!(!chrome.contains("file://"), "browser footer (URL, page n/m) removed");
    assert!(!chrome.contains(" PM ") && !chrome.contains(" AM "), "browser header (date) removed");
}
