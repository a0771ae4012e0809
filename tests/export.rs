//! `claimex export`: after a review session, exactly the claims asked for,
//! with the reviewed values, as CSV a CSV reader opens or as JSON lines, in
//! claimex, ACLED or UCDP columns.

use std::collections::HashMap;

use serde_json::Value;

use crate::review_fixture as fx;
use crate::util::{Scratch, stderr, stdout};

fn ok(s: &Scratch, args: &[&str]) -> String {
    let o = s.claimex(args);
    assert!(o.status.success(), "claimex {args:?} failed: {}", stderr(&o));
    stdout(&o)
}

/// A review session: two accepted, one edited, one rejected, one accepted
/// then undone; the rest pending.
fn reviewed() -> (Scratch, Vec<claimex::model::Claim>) {
    let s = Scratch::new();
    let claims = fx::build(&s);
    let id = |i: usize| claims[i].id.as_str();
    ok(&s, &["review", "accept", id(1), id(6), "--reviewer", "ana", "--note", "p. 91, \"quoted\""]);
    ok(
        &s,
        &[
            "review",
            "edit",
            id(0),
            "--object",
            "afghanistan",
            "--end-date",
            "2001-11-30",
            "--reviewer",
            "ben",
            "--note",
            "country, not city",
        ],
    );
    ok(&s, &["review", "reject", id(2)]);
    ok(&s, &["review", "accept", id(4)]);
    ok(&s, &["review", "undo", id(4)]);
    (s, claims.clone())
}

fn read_csv(path: &std::path::Path) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut r = csv::Reader::from_path(path).expect("a CSV reader opens the export");
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.expect("well-formed record");
            headers.iter().cloned().zip(rec.iter().map(String::from)).collect()
        })
        .collect();
    (headers, rows)
}

#[test]
fn accepted_and_edited_claims_with_reviewed_values_as_csv() {
    let (s, claims) = reviewed();
    let out = s.claimex(&["export", "--to", "reviewed.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("exported 3 claims"), "{}", stderr(&out));
    let path = s.path().join("reviewed.csv");
    let raw = std::fs::read_to_string(&path).unwrap();
    assert!(raw.contains("\r\n"), "RFC 4180 line ends");

    let (headers, rows) = read_csv(&path);
    for col in [
        "claim_id",
        "doc",
        "doc_title",
        "doi",
        "published",
        "subject_id",
        "subject_name",
        "subject_type",
        "relation",
        "object_id",
        "object_name",
        "object_type",
        "date_start",
        "date_end",
        "date_precision",
        "date_edtf",
        "place_id",
        "place_name",
        "polarity",
        "modality",
        "source",
        "evidence",
        "reviewer",
        "reviewed_at",
        "review_note",
    ] {
        assert!(headers.iter().any(|h| h == col), "missing column {col}");
    }
    let mut ids: Vec<&str> = rows.iter().map(|r| r["claim_id"].as_str()).collect();
    ids.sort_unstable();
    let mut want = vec![claims[0].id.as_str(), claims[1].id.as_str(), claims[6].id.as_str()];
    want.sort_unstable();
    assert_eq!(ids, want, "exactly the accepted and edited claims");

    let edited = rows.iter().find(|r| r["claim_id"] == claims[0].id).unwrap();
    assert_eq!(edited["status"], "edited");
    assert_eq!(edited["object_id"], "afghanistan");
    assert_eq!(edited["object_type"], "place");
    assert_eq!(edited["date_start"], "1996-09-01");
    assert_eq!(edited["date_end"], "2001-11-30");
    assert_eq!(edited["date_edtf"], "1996-09/2001-11");
    assert_eq!(edited["date_precision"], "month");
    assert_eq!(edited["reviewer"], "ben");
    assert_eq!(edited["review_note"], "country, not city");
    assert_eq!(edited["place_name"], "Kabul");
    assert_eq!(edited["evidence"], claims[0].evidence.sentence);
    assert_eq!(edited["doi"], "10.37540/njips.v9i1.215", "from the real ingest");

    let accepted = rows.iter().find(|r| r["claim_id"] == claims[1].id).unwrap();
    assert_eq!(accepted["review_note"], "p. 91, \"quoted\"");
    assert_eq!(accepted["date_edtf"], "1996/2001");
    assert_eq!(accepted["date_precision"], "year");
    let reported = rows.iter().find(|r| r["claim_id"] == claims[6].id).unwrap();
    assert_eq!(
        (reported["modality"].as_str(), reported["source"].as_str()),
        ("reported", "U.S. forces")
    );
}

#[test]
fn status_selection_and_jsonl() {
    let (s, claims) = reviewed();
    let lines = |args: &[&str]| -> Vec<Value> {
        let mut a = vec!["export", "--format", "jsonl"];
        a.extend_from_slice(args);
        ok(&s, &a).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    let rejected = lines(&["--status", "rejected"]);
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0]["claim_id"], claims[2].id.as_str());
    assert_eq!(lines(&["--status", "pending"]).len(), claims.len() - 4, "undone is pending");
    assert_eq!(lines(&["--status", "all"]).len(), claims.len());
    let rows = lines(&[]);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r["confidence"].is_number()));
    let o = s.claimex(&["export", "--status", "approved"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("unknown review status"), "{}", stderr(&o));
}

#[test]
fn acled_and_ucdp_profiles_keep_the_interval() {
    let (s, claims) = reviewed();
    ok(&s, &["export", "--profile", "acled", "--to", "acled.csv"]);
    let (headers, rows) = read_csv(&s.path().join("acled.csv"));
    assert_eq!(&headers[..4], ["event_id_cnty", "event_date", "year", "time_precision"]);
    let edited = rows.iter().find(|r| r["event_id_cnty"] == claims[0].id).unwrap();
    assert_eq!(edited["event_date"], "1996-09-01");
    assert_eq!(edited["time_precision"], "3");
    assert_eq!(edited["event_date_interval"], "1996-09/2001-11");
    assert_eq!(edited["actor1"], "Afghan Taliban");
    assert_eq!(edited["actor2"], "", "a place is no actor");
    assert_eq!(edited["location"], "Kabul");
    assert!(edited["source"].contains("doi:10.37540/njips.v9i1.215"), "{}", edited["source"]);
    assert_eq!(edited["notes"], claims[0].evidence.sentence);
    let attack = rows.iter().find(|r| r["event_id_cnty"] == claims[6].id).unwrap();
    assert_eq!(
        (attack["actor1"].as_str(), attack["actor2"].as_str()),
        ("Tehreek-e-Taliban Pakistan", "United States")
    );
    assert_eq!(attack["event_date"], "", "no date in the sentence");

    let ucdp: Vec<Value> = ok(&s, &["export", "--profile", "ucdp", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let e = ucdp.iter().find(|r| r["id"] == claims[0].id.as_str()).unwrap();
    assert_eq!(e["date_start"], "1996-09-01");
    assert_eq!(e["date_end"], "2001-11-30");
    assert_eq!(e["date_prec"], 5);
    assert_eq!(e["date_interval"], "1996-09/2001-11");
    assert_eq!(e["side_a"], "Afghan Taliban");
    assert_eq!(e["where_description"], "Kabul");
    let a = ucdp.iter().find(|r| r["id"] == claims[1].id.as_str()).unwrap();
    assert_eq!(a["dyad_name"], "Pakistan - Afghan Taliban");
    assert_eq!(a["year"], 1996);
    assert_eq!(a["source_date"], "2025-01-31", "publication date from the real ingest");
}
