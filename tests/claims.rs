//! Claims: the extractor run through the real binary and the shipped
//! gazetteers on a small report written for these tests, and `claimex
//! claims`.

use std::path::Path;

use claimex::extract::Extractor;
use claimex::ingest::SourceFile;
use claimex::lexicon::RulesDir;
use claimex::model::{DocId, SourceFormat};
use claimex::pipeline::Engine;
use serde_json::Value;

use crate::util::{Scratch, repo, stderr, stdout};

const REPORT: &str = "\
# The Borderlands Since 1996

## The First Regime (1996–2001)

When the Afghan Taliban captured Kabul in September 1996, Pakistan was a staunch supporter of the regime. The Taliban regime provided safe havens for Lashkar-e-Taiba and Jaish-e-Muhammad.

## After 2021

In late 2021, Pakistan sought to negotiate with the TTP through Afghan Taliban mediation. Credible reports indicate that the TTP leadership operates from Kunar and Khost. Islamabad accuses the Taliban government of harbouring the TTP. TTP Emir Noor Wali Mehsud did not meet the Pakistani delegation.

The TTP and the Afghan Taliban were both in Kabul.

## References

- Rashid, A. (2010). The Taliban captured Kabul. Yale University Press.
";

fn claims_of(s: &Scratch) -> Vec<Value> {
    s.jsonl("claims.jsonl")
}

fn find<'a>(claims: &'a [Value], subject: &str, relation: &str, object: &str) -> Option<&'a Value> {
    claims.iter().find(|c| {
        c["subject"]["entity"] == subject
            && c["relation"] == relation
            && c["object"]["entity"] == object
    })
}

fn scratch_with_report() -> Scratch {
    let s = Scratch::new();
    s.write("corpus/report.md", REPORT);
    s.run_ok();
    s
}

#[test]
fn a_small_report_gives_its_claims_with_context() {
    let s = scratch_with_report();
    let claims = claims_of(&s);
    let text = std::fs::read_to_string(s.out().join("text/report.md.txt")).unwrap();

    let controls = find(&claims, "afghan_taliban", "controls", "kabul").expect("captured Kabul");
    assert_eq!(controls["time"]["start_date"], "1996-09-01");
    assert_eq!(controls["modality"], "asserted");
    for (sub, rel, obj) in [
        ("pakistan", "supports", "afghan_taliban"),
        ("afghan_taliban", "shelters", "lashkar_e_taiba"),
        ("afghan_taliban", "shelters", "jaish_e_muhammad"),
        ("pakistan", "negotiates_with", "ttp"),
        ("afghan_taliban", "mediates", "pakistan"),
        ("afghan_taliban", "mediates", "ttp"),
        ("pakistan", "accuses", "afghan_taliban"),
        ("noor_wali_mehsud", "leads", "ttp"),
    ] {
        assert!(find(&claims, sub, rel, obj).is_some(), "{sub} {rel} {obj} in {claims:#?}");
    }
    // the section's period when the sentence has no date
    let shelters = find(&claims, "afghan_taliban", "shelters", "lashkar_e_taiba").unwrap();
    assert_eq!(shelters["time"]["start_date"], "1996-01-01");
    assert_eq!(shelters["time"]["origin"], "section");
    // reported, with its source
    let ops = find(&claims, "ttp", "operates_in", "kunar").expect("operates from Kunar");
    assert_eq!(ops["modality"], "reported");
    assert_eq!(ops["source"]["text"], "Credible reports");
    assert!(find(&claims, "ttp", "operates_in", "khost").is_some());
    // an accusation's content is the accuser's claim
    let harbour = find(&claims, "afghan_taliban", "shelters", "ttp").expect("harbouring");
    assert_eq!(harbour["modality"], "reported");
    assert_eq!(harbour["source"]["entity"], "pakistan");
    // a metonym as the accuser, with the surface text kept
    let acc = find(&claims, "pakistan", "accuses", "afghan_taliban").unwrap();
    assert_eq!(acc["subject"]["text"], "Islamabad");
    // negation
    let meet =
        claims.iter().find(|c| c["relation"] == "negotiates_with" && c["polarity"] == "negative");
    assert!(meet.is_some(), "did not meet: {claims:#?}");
    // no claim from co-occurrence, none from the reference list
    assert!(find(&claims, "ttp", "allied_with", "afghan_taliban").is_none());
    assert!(claims.iter().all(|c| c["section"][1] != "References"), "{claims:#?}");
    // every claim carries a stable id, its evidence and its rule
    for c in &claims {
        let id = c["id"].as_str().unwrap();
        assert!(id.starts_with("c-") && id.len() == 18, "{id}");
        let (a, b) =
            (c["evidence"]["start"].as_u64().unwrap(), c["evidence"]["end"].as_u64().unwrap());
        assert_eq!(&text[a as usize..b as usize], c["evidence"]["sentence"].as_str().unwrap());
        assert!(!c["rule"].as_str().unwrap().is_empty());
        assert_eq!(c["doc"], "report.md");
    }
}

#[test]
fn ids_survive_edits_elsewhere() {
    let s = scratch_with_report();
    let before = claims_of(&s);
    let edited = REPORT.replace(
        "## After 2021\n\n",
        "## After 2021\n\nA new paragraph about nothing in particular was added here.\n\n",
    );
    s.write("corpus/report.md", edited.replace("harbouring the TTP", "harbouring the TTP again"));
    s.run_ok();
    let after = claims_of(&s);
    for (sub, rel, obj) in [
        ("afghan_taliban", "shelters", "ttp"),
        ("pakistan", "negotiates_with", "ttp"),
        ("afghan_taliban", "controls", "kabul"),
    ] {
        let a = find(&before, sub, rel, obj).unwrap();
        let b = find(&after, sub, rel, obj).unwrap();
        assert_eq!(a["id"], b["id"], "{sub} {rel} {obj}");
    }
    let b = find(&after, "afghan_taliban", "shelters", "ttp").unwrap();
    assert!(b["evidence"]["sentence"].as_str().unwrap().contains("again"));
}

#[test]
fn claims_command_prints_a_table_and_json() {
    let s = scratch_with_report();
    let out = s.claimex(&["claims", "--doc", "report"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(table.contains("RELATION") && table.contains("negotiates_with"), "{table}");
    assert!(table.contains("afghan_taliban") && table.contains('“'), "{table}");
    let out = s.claimex(&["claims", "--doc", "report.md", "--relation", "shelters", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["relation"] == "shelters"));
    let bad = s.claimex(&["claims", "--relation", "likes"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("unknown relation"), "{}", stderr(&bad));
    let missing = s.claimex(&["claims", "--doc", "nothing-here"]);
    assert!(!missing.status.success());
    assert!(stderr(&missing).contains("report.md"), "{}", stderr(&missing));
}

/// Runs the whole pipeline on one file.
fn process(path: &Path) -> claimex::pipeline::Processed {
    let engine = Engine::load(&repo().join("gazetteers"), &repo().join("rules")).expect("engine");
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let format = SourceFormat::from_extension(path.extension().unwrap().to_str().unwrap()).unwrap();
    let file = SourceFile { id: DocId(name), path: path.to_path_buf(), format };
    let bytes = std::fs::read(path).expect("read");
    engine.process(&file, &bytes).expect("process")
}

/// `CLAIMEX_EXPLAIN_FILE=path CLAIMEX_EXPLAIN="words" cargo test --test tests claims::explain -- --ignored --nocapture`
/// prints how the extractor reads the sentences holding the words.
#[test]
#[ignore]
fn explain() {
    let (Ok(file), Ok(needle)) =
        (std::env::var("CLAIMEX_EXPLAIN_FILE"), std::env::var("CLAIMEX_EXPLAIN"))
    else {
        return;
    };
    let p = process(Path::new(&file));
    let engine = Engine::load(&repo().join("gazetteers"), &repo().join("rules")).unwrap();
    let ex = Extractor::load(&RulesDir::new(repo().join("rules"))).unwrap();
    println!("{}", ex.explain(&p.tagged, engine.gazetteer(), &needle));
}
