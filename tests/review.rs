//! `claimex review`: decisions from the command line, the log format, and
//! joining decisions to claims across runs (stale, vanished, torn log).

use claimex::review::sentence_sha256;
use serde_json::Value;

use crate::review_fixture::{self as fx, decisions};
use crate::util::{Scratch, stderr, stdout};

fn ok(s: &Scratch, args: &[&str]) -> String {
    let o = s.claimex(args);
    assert!(o.status.success(), "claimex {args:?} failed: {}", stderr(&o));
    stdout(&o)
}

fn list(s: &Scratch, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["review", "list", "--json"];
    args.extend_from_slice(extra);
    ok(s, &args).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn status_of(s: &Scratch, id: &str) -> String {
    let all = list(s, &[]);
    let rc = all.iter().find(|v| v["claim"]["id"] == id).expect("claim listed");
    rc["status"].as_str().unwrap().to_string()
}

#[test]
fn accept_reject_edit_undo_and_the_log_format() {
    let s = Scratch::new();
    let claims = fx::build(&s);
    let (a, b, c) = (&claims[0].id, &claims[1].id, &claims[2].id);
    assert!(list(&s, &["--status", "pending"]).len() == claims.len());

    ok(&s, &["review", "accept", a, b, "--note", "checked against p. 90", "--reviewer", "ana"]);
    ok(&s, &["review", "reject", c, "--reviewer", "ben"]);
    // Edit by name and alias, prefix of the id as in git.
    let out = ok(
        &s,
        &[
            "review",
            "edit",
            &a[..8],
            "--object",
            "Afghanistan",
            "--end-date",
            "2001-11-30",
            "--reviewer",
            "ana",
        ],
    );
    assert!(out.contains("edited") && out.contains("afghanistan"), "{out}");

    let log = decisions(&s.out());
    assert_eq!(log.len(), 4);
    let first = &log[0];
    assert_eq!(first["claim"], a.as_str());
    assert_eq!(first["status"], "accepted");
    assert_eq!(first["note"], "checked against p. 90");
    assert_eq!(first["reviewer"], "ana");
    assert_eq!(first["doc"], fx::SAMPLE);
    assert_eq!(first["sentence"], claims[0].evidence.sentence.as_str());
    assert_eq!(first["sentence_sha256"], sentence_sha256(&claims[0].evidence.sentence));
    assert!(first["timestamp"].as_str().unwrap().parse::<chrono::DateTime<chrono::Utc>>().is_ok());
    assert!(first.get("edits").is_none(), "no edits on an accept: {first}");
    assert_eq!(log[2]["reviewer"], "ben");
    let edits = &log[3]["edits"];
    assert_eq!(
        edits["object"],
        serde_json::json!({"id": "afghanistan", "type": "place", "name": "Afghanistan"})
    );
    assert_eq!(
        edits["time"],
        serde_json::json!({"start_date": "1996-09-01", "end_date": "2001-11-30"})
    );

    assert_eq!(status_of(&s, a), "edited");
    let edited = list(&s, &["--status", "edited"]);
    assert_eq!(edited.len(), 1);
    assert_eq!(edited[0]["claim"]["object"]["entity"], "afghanistan");
    assert_eq!(list(&s, &["--relation", "supports", "--status", "accepted"]).len(), 1);
    assert_eq!(list(&s, &["--entity", "afghanistan"]).len(), 2, "edited object counts");

    // undo pops the latest decision: the edit, then the accept.
    let out = ok(&s, &["review", "undo", a]);
    assert!(out.contains("now accepted"), "{out}");
    ok(&s, &["review", "undo", a]);
    assert_eq!(status_of(&s, a), "pending");
    let o = s.claimex(&["review", "undo", a]);
    assert!(!o.status.success(), "nothing left to undo");
    assert!(stderr(&o).contains("no decision to undo"), "{}", stderr(&o));
    let log = decisions(&s.out());
    assert_eq!(log.len(), 6, "undo appends, never rewrites");
    assert_eq!(log[5]["status"], "undone");

    // The table view.
    let table = ok(&s, &["review", "list", "--status", "rejected"]);
    assert_eq!(table.lines().count(), 1);
    assert!(table.contains(c.as_str()) && table.contains("rejected"), "{table}");
}

#[test]
fn bad_input_is_refused_and_writes_nothing() {
    let s = Scratch::new();
    let claims = fx::build(&s);
    let id = claims[0].id.as_str();
    let cases: &[(&[&str], &str)] = &[
        (&["review", "accept", id, "no-such-claim"], "no claim `no-such-claim`"),
        (&["review", "edit", id, "--relation", "likes"], "unknown relation"),
        (&["review", "edit", id, "--object", "Atlantis"], "unknown entity"),
        (&["review", "edit", id, "--start-date", "Sept 1996"], "not a date"),
        (&["review", "edit", id], "nothing to correct"),
        (&["review", "edit", id, "--relation", "controls"], "nothing to correct"),
        (&["review", "list", "--status", "done"], "unknown review status"),
    ];
    for (args, want) in cases {
        let o = s.claimex(args);
        assert!(!o.status.success(), "{args:?} succeeded");
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    }
    assert!(decisions(&s.out()).is_empty());
    let none = Scratch::new();
    let o = none.claimex(&["review", "list"]);
    assert!(stderr(&o).contains("run `claimex run` first"), "{}", stderr(&o));
}

#[test]
fn changed_sentence_makes_a_decision_stale_until_reconfirmed() {
    let s = Scratch::new();
    let mut claims = fx::build(&s);
    let id = claims[1].id.clone();
    ok(&s, &["review", "accept", &id, "--reviewer", "ana"]);
    assert_eq!(status_of(&s, &id), "accepted");

    // A new run: the source was corrected; the claim keeps its id.
    claims[1].evidence.sentence = claims[1].evidence.sentence.replace("staunch", "steadfast");
    fx::write_claims(&s, &claims);
    let all = list(&s, &[]);
    let rc = all.iter().find(|v| v["claim"]["id"] == id.as_str()).unwrap();
    assert_eq!(rc["status"], "stale");
    assert_eq!(rc["decision"]["status"], "accepted", "the old decision is shown");
    assert!(rc["decision"]["sentence"].as_str().unwrap().contains("staunch"));
    assert_eq!(list(&s, &["--status", "todo"]).len(), claims.len());

    ok(&s, &["review", "accept", &id]);
    assert_eq!(status_of(&s, &id), "accepted");
}

#[test]
fn decision_on_a_vanished_claim_stays_in_the_log_and_rejoins() {
    let s = Scratch::new();
    let claims = fx::build(&s);
    let id = claims[3].id.clone();
    ok(&s, &["review", "reject", &id, "--note", "wrong direction"]);
    let before = std::fs::read(s.out().join("review.jsonl")).unwrap();

    let fewer: Vec<_> = claims.iter().filter(|c| c.id != id).cloned().collect();
    fx::write_claims(&s, &fewer);
    let o = s.claimex(&["review", "list"]);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("1 decisions concern claims no longer extracted"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(s.out().join("review.jsonl")).unwrap(), before);

    fx::write_claims(&s, &claims);
    assert_eq!(status_of(&s, &id), "rejected");
}

#[test]
fn a_torn_last_line_is_skipped_with_a_warning() {
    let s = Scratch::new();
    let claims = fx::build(&s);
    ok(&s, &["review", "accept", &claims[0].id]);
    let log = s.out().join("review.jsonl");
    let mut bytes = std::fs::read(&log).unwrap();
    bytes.extend_from_slice(br#"{"claim":"x","status":"acce"#);
    std::fs::write(&log, bytes).unwrap();

    let o = s.claimex(&["review", "list", "--status", "accepted"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("review.jsonl:2: incomplete last line"), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
    ok(&s, &["review", "accept", &claims[1].id]);
    assert_eq!(list(&s, &["--status", "accepted"]).len(), 2);
}

#[test]
fn rerun_with_force_keeps_every_decision() {
    let s = Scratch::new();
    let fixture = fx::build(&s);
    s.run_ok();
    let real: Vec<claimex::model::Claim> =
        s.jsonl("claims.jsonl").into_iter().map(|v| serde_json::from_value(v).unwrap()).collect();
    // Review real claims once the extractor makes some; until then, the
    // fixture's claims on the same corpus.
    let extracted = real.len() >= 3;
    let claims = if extracted {
        real
    } else {
        fx::write_claims(&s, &fixture);
        fixture
    };
    let flip = if claims[2].polarity == claimex::model::Polarity::Positive {
        "negative"
    } else {
        "positive"
    };
    ok(&s, &["review", "accept", &claims[0].id]);
    ok(&s, &["review", "reject", &claims[1].id, "--note", "misread"]);
    ok(&s, &["review", "edit", &claims[2].id, "--polarity", flip]);
    let log = s.out().join("review.jsonl");
    let before = std::fs::read(&log).unwrap();
    let statuses =
        |s: &Scratch| -> Vec<String> { claims[..3].iter().map(|c| status_of(s, &c.id)).collect() };
    assert_eq!(statuses(&s), ["accepted", "rejected", "edited"]);

    let o = s.claimex(&["run", "--force", "--quiet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read(&log).unwrap(), before, "a run never touches review.jsonl");
    if !extracted {
        // The run dropped the fixture's claims: the decisions wait in the log
        // and join again when the claims come back with the same ids.
        let o = s.claimex(&["review", "list"]);
        assert!(stderr(&o).contains("3 decisions concern claims no longer extracted"));
        fx::write_claims(&s, &claims);
    }
    assert_eq!(statuses(&s), ["accepted", "rejected", "edited"]);
}
