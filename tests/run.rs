//! `claimex run` end to end: outputs, offsets, bad input, incremental runs.

use std::time::Instant;

use crate::util::{Scratch, stderr, stdout};

/// Every mention's `text` is the extracted text at its byte offsets.
fn assert_offsets_exact(s: &Scratch) -> usize {
    let mentions = s.jsonl("mentions.jsonl");
    for m in &mentions {
        let doc = m["doc"].as_str().unwrap();
        let text =
            std::fs::read_to_string(s.out().join("text").join(format!("{doc}.txt"))).unwrap();
        let (start, end) =
            (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(text.get(start..end), m["text"].as_str(), "offsets of {m}");
    }
    mentions.len()
}

#[test]
fn sample_article_gives_documents_text_and_exact_mentions() {
    let s = Scratch::with_sample();
    let out = s.run_ok();
    assert!(stdout(&out).is_empty(), "--quiet prints nothing");
    let docs = s.jsonl("documents.jsonl");
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["doc"], "zahid-2026-taliban-ttp-nexus.md");
    assert_eq!(d["doi"], "10.37540/njips.v9i1.215");
    assert_eq!(d["published"], "2025-01-31");
    assert!(d["title"].as_str().unwrap().starts_with("The Afghan Taliban"));
    assert!(d.get("error").is_none());
    assert!(d["sentences"].as_u64().unwrap() > 80);
    let text =
        std::fs::read_to_string(s.out().join("text/zahid-2026-taliban-ttp-nexus.md.txt")).unwrap();
    assert!(text.contains("Baitullah Mehsud declared the creation of Tehreek-e-Taliban Pakistan."));
    assert!(!text.contains("**") && !text.contains("<sup>"));
    let n = assert_offsets_exact(&s);
    assert!(n > 100, "the sample has many mentions, got {n}");
    assert!(s.out().join("claims.jsonl").is_file());
}

#[test]
fn offsets_hold_on_non_ascii_text() {
    let s = Scratch::new();
    s.write(
        "corpus/unicode.md",
        "# Kābul – “Reports”\n\nIn Kābul, the Tehrīk‑e‑Taliban Pakistan’s leaders met the TTP’s émigrés. \
         The Afghan Taliban’s emirate — “the IEA” — hosted them; Al‑Qaeda‑run camps re‑opened in Khyber–Pakhtunkhwa.\n",
    );
    s.run_ok();
    let n = assert_offsets_exact(&s);
    assert!(n >= 4, "expected several mentions on non-ASCII text, got {n}");
}

#[test]
fn bad_files_are_reported_and_the_run_goes_on() {
    let s = Scratch::with_sample();
    s.write("corpus/empty.txt", "");
    s.write("corpus/binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00");
    s.write("corpus/latin1.txt", b"Peshawar caf\xe9 attack\n");
    let para = std::fs::read_to_string(crate::util::sample_article()).unwrap();
    let mut big = String::with_capacity(51 * 1024 * 1024);
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(&para);
    }
    s.write("corpus/big.txt", &big);
    let out = s.claimex(&["run"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit code 2 when files failed; stderr: {}",
        stderr(&out)
    );
    let summary = stdout(&out);
    for name in ["empty.txt", "binary.txt", "latin1.txt"] {
        assert!(summary.contains(name), "summary lists {name}: {summary}");
    }
    let docs = s.jsonl("documents.jsonl");
    let error = |name: &str| {
        docs.iter().find(|d| d["doc"] == name).unwrap()["error"].as_str().map(String::from)
    };
    assert!(error("empty.txt").unwrap().contains("empty"));
    assert!(error("binary.txt").unwrap().contains("binary"));
    assert!(error("latin1.txt").unwrap().contains("UTF-8"));
    assert_eq!(error("big.txt"), None, "the 50 MB file is processed");
    assert_eq!(error("zahid-2026-taliban-ttp-nexus.md"), None);
    let mentions = s.jsonl("mentions.jsonl");
    assert!(mentions.iter().any(|m| m["doc"] == "zahid-2026-taliban-ttp-nexus.md"));
}

#[test]
fn unchanged_corpus_is_skipped_and_changes_are_followed() {
    let s = Scratch::new();
    let sample = std::fs::read_to_string(crate::util::sample_article()).unwrap();
    for i in 0..200 {
        s.write(&format!("corpus/batch/{i:03}.md"), format!("{sample}\n\nReport number {i}.\n"));
    }
    let t0 = Instant::now();
    s.run_ok();
    let first = t0.elapsed();
    let t1 = Instant::now();
    let out = s.claimex(&["run"]);
    let second = t1.elapsed();
    assert!(out.status.success());
    let summary = stdout(&out);
    assert!(summary.contains("0 processed, 200 unchanged"), "{summary}");
    assert!(
        second * 5 < first,
        "second run {second:?} should take under a fifth of the first {first:?}"
    );

    // A changed document is processed again; a deleted one leaves the output.
    s.write("corpus/batch/007.md", format!("{sample}\n\nRevised in 2024.\n"));
    std::fs::remove_file(s.corpus().join("batch/008.md")).unwrap();
    let summary = stdout(&s.claimex(&["run"]));
    assert!(summary.contains("1 processed, 198 unchanged, 0 failed, 1 removed"), "{summary}");
    let docs = s.jsonl("documents.jsonl");
    assert_eq!(docs.len(), 199);
    assert!(!docs.iter().any(|d| d["doc"] == "batch/008.md"));
    assert!(!s.out().join("text/batch/008.md.txt").exists());
    assert!(!s.jsonl("mentions.jsonl").iter().any(|m| m["doc"] == "batch/008.md"));
    let text = std::fs::read_to_string(s.out().join("text/batch/007.md.txt")).unwrap();
    assert!(text.contains("Revised in 2024."));

    let summary = stdout(&s.claimex(&["run", "--force"]));
    assert!(summary.contains("199 processed, 0 unchanged"), "{summary}");
}

#[test]
fn missing_corpus_is_a_fatal_error() {
    let s = Scratch::new();
    std::fs::remove_dir(s.corpus()).unwrap();
    let out = s.claimex(&["run"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("corpus"), "{}", stderr(&out));
}

#[test]
fn a_lost_index_is_rebuilt_from_unchanged_documents() {
    let s = Scratch::with_sample();
    s.run_ok();
    let search = |s: &Scratch| stdout(&s.claimex(&["search", "--json", "Baitullah"]));
    assert!(search(&s).contains("zahid-2026-taliban-ttp-nexus.md"));
    std::fs::remove_dir_all(s.out().join("index")).unwrap();
    let summary = stdout(&s.claimex(&["run"]));
    assert!(
        summary.contains("1 processed, 0 unchanged"),
        "the unindexed document is redone: {summary}"
    );
    assert!(search(&s).contains("zahid-2026-taliban-ttp-nexus.md"), "hits are back");
    let summary = stdout(&s.claimex(&["run"]));
    assert!(summary.contains("0 processed, 1 unchanged"), "{summary}");
}
