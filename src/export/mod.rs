//! Export: reviewed claims as dataset rows, in CSV or JSON lines, with
//! claimex's own columns or mapped onto ACLED and UCDP GED columns.
//!
//! ```text
//! [ReviewedClaim] ──select(statuses)──▶ row() ──▶ table(profile) ──▶ write(format)
//! ```
//!
//! Rows carry the reviewed values (a reviewer's corrections applied), the
//! document's title, DOI and publication date, the event interval with its
//! precision and EDTF form, and who reviewed it when.

pub mod dates;
pub mod profile;
pub mod row;
pub mod write;

use std::collections::BTreeMap;
use std::io::Write;

use crate::error::Result;
use crate::model::{DocumentInfo, ReviewStatus, ReviewedClaim};

pub use profile::{Profile, Table, table};
pub use row::{Row, row};
pub use write::{Format, write};

/// The rows of the claims whose status is in `statuses`, in claim order.
pub fn rows(
    claims: &[ReviewedClaim],
    docs: &BTreeMap<String, DocumentInfo>,
    statuses: &[ReviewStatus],
) -> Vec<Row> {
    claims
        .iter()
        .filter(|rc| statuses.contains(&rc.status))
        .map(|rc| row(rc, docs.get(&rc.claim.doc)))
        .collect()
}

/// Writes the claims whose status is in `statuses` to `w`; returns how many
/// rows were written.
pub fn export(
    claims: &[ReviewedClaim],
    docs: &BTreeMap<String, DocumentInfo>,
    statuses: &[ReviewStatus],
    profile: Profile,
    format: Format,
    w: impl Write,
) -> Result<usize> {
    let rows = rows(claims, docs, statuses);
    write(&table(&rows, profile), format, w)?;
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::model::{Decision, DecisionStatus, Edits, EntityRef, TimeEdit};
    use crate::review::testkit::claims;

    fn decided(i: usize, status: ReviewStatus, edits: Edits) -> ReviewedClaim {
        let claim = claims()[i].clone();
        let ds = match status {
            ReviewStatus::Accepted => Some(DecisionStatus::Accepted),
            ReviewStatus::Rejected => Some(DecisionStatus::Rejected),
            ReviewStatus::Edited => Some(DecisionStatus::Edited),
            _ => None,
        };
        let decision = ds.map(|s| Decision {
            claim: claim.id.clone(),
            status: s,
            edits,
            note: Some("checked".into()),
            reviewer: "ana".into(),
            timestamp: DateTime::from_timestamp(1_767_225_600, 0).unwrap(),
            doc: claim.doc.clone(),
            sentence_sha256: String::new(),
            sentence: String::new(),
        });
        ReviewedClaim { claim, status, decision }
    }

    fn docs() -> BTreeMap<String, DocumentInfo> {
        let d = DocumentInfo {
            doc: crate::review::testkit::DOC.into(),
            title: Some("The Afghan Taliban–TTP Nexus".into()),
            doi: Some("10.37540/njips.v9i1.215".into()),
            published: NaiveDate::from_ymd_opt(2025, 1, 31),
            ..DocumentInfo::default()
        };
        [(d.doc.clone(), d)].into()
    }

    fn sample() -> Vec<ReviewedClaim> {
        let edits = Edits {
            object: Some(EntityRef {
                id: "afghanistan".into(),
                etype: "place".into(),
                name: "Afghanistan".into(),
            }),
            time: Some(TimeEdit {
                start_date: NaiveDate::from_ymd_opt(1996, 9, 1),
                end_date: NaiveDate::from_ymd_opt(2001, 11, 30),
            }),
            ..Edits::default()
        };
        vec![
            decided(0, ReviewStatus::Edited, edits),
            decided(1, ReviewStatus::Rejected, Edits::default()),
            decided(2, ReviewStatus::Accepted, Edits::default()),
            decided(3, ReviewStatus::Pending, Edits::default()),
        ]
    }

    #[test]
    fn rows_carry_reviewed_values_and_document_fields() {
        let wanted = [ReviewStatus::Accepted, ReviewStatus::Edited];
        let rows = rows(&sample(), &docs(), &wanted);
        let ids: Vec<_> = rows.iter().map(|r| r.claim_id.as_str()).collect();
        assert_eq!(ids, ["c00", "c02"]);
        let r = &rows[0];
        assert_eq!((r.object_id.as_str(), r.object_type.as_str()), ("afghanistan", "place"));
        assert_eq!(r.date_edtf.as_deref(), Some("1996-09/2001-11"));
        assert_eq!(r.date_precision, Some("month"));
        assert_eq!(r.doi.as_deref(), Some("10.37540/njips.v9i1.215"));
        assert_eq!(r.published, NaiveDate::from_ymd_opt(2025, 1, 31));
        assert_eq!(r.review_note.as_deref(), Some("checked"));
        assert_eq!(r.time_text.as_deref(), Some("September 1996"));
    }

    #[test]
    fn claimex_columns_are_the_row_fields() {
        let rows = rows(&sample(), &docs(), &[ReviewStatus::Accepted]);
        let v = serde_json::to_value(&rows[0]).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut cols = profile::CLAIMEX_COLUMNS.to_vec();
        keys.sort_unstable();
        cols.sort_unstable();
        assert_eq!(keys, cols);
    }

    #[test]
    fn acled_and_ucdp_profiles() {
        let all = [ReviewStatus::Accepted, ReviewStatus::Edited];
        let rows = rows(&sample(), &docs(), &all);
        let get = |t: &Table, row: usize, col: &str| {
            let i = t.columns.iter().position(|c| *c == col).unwrap();
            t.rows[row][i].clone()
        };
        let a = table(&rows, Profile::Acled);
        assert_eq!(get(&a, 0, "event_date"), "1996-09-01");
        assert_eq!(get(&a, 0, "time_precision"), 3);
        assert_eq!(get(&a, 0, "event_date_interval"), "1996-09/2001-11");
        assert_eq!(get(&a, 0, "actor1"), "Afghan Taliban");
        assert_eq!(get(&a, 0, "actor2"), serde_json::Value::Null, "a place is not an actor");
        assert_eq!(get(&a, 0, "location"), "Kabul", "the claim's place wins");
        assert_eq!(get(&a, 1, "actor2"), "Afghan Taliban");
        assert!(get(&a, 1, "source").as_str().unwrap().contains("doi:10.37540"));
        let u = table(&rows, Profile::Ucdp);
        assert_eq!(get(&u, 0, "date_start"), "1996-09-01");
        assert_eq!(get(&u, 0, "date_end"), "2001-11-30");
        assert_eq!(get(&u, 0, "date_prec"), 5);
        assert_eq!(get(&u, 1, "side_a"), "Pakistan");
        assert_eq!(get(&u, 1, "dyad_name"), "Pakistan - Afghan Taliban");
        assert_eq!(get(&u, 1, "date_prec"), serde_json::Value::Null);
        for t in [&a, &u] {
            assert!(t.rows.iter().all(|r| r.len() == t.columns.len()));
        }
    }
}
