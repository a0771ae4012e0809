//! Column profiles: claimex's own columns, and the same rows mapped onto
//! ACLED and UCDP GED column names and precision codes.
//!
//! Both datasets record one event date (ACLED) or a start and end
//! (UCDP); a claim's interval is kept whole in an extra EDTF column
//! (`event_date_interval`, `date_interval`). ACLED's `event_date` is the
//! first day of the interval (its end when the start is open). A claim
//! whose object is a place (`controls`, `operates_in`) has no second actor:
//! the place goes to `location` / `where_description`. Columns that the
//! datasets lack are prefixed `claimex_`.

use serde_json::{Value, json};

use super::dates;
use super::row::Row;

/// Which columns to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Profile {
    /// claimex's own columns.
    #[default]
    Claimex,
    /// ACLED-style columns.
    Acled,
    /// UCDP GED-style columns.
    Ucdp,
}

/// Rows as named columns of JSON values (`null` for an empty cell).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Column names, in order.
    pub columns: Vec<&'static str>,
    /// One value per column per row.
    pub rows: Vec<Vec<Value>>,
}

/// The claimex profile's columns: the fields of [`Row`], in order.
pub const CLAIMEX_COLUMNS: [&str; 30] = [
    "claim_id",
    "status",
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
    "time_text",
    "place_id",
    "place_name",
    "polarity",
    "modality",
    "source",
    "evidence",
    "section",
    "confidence",
    "rule",
    "reviewer",
    "reviewed_at",
    "review_note",
];

/// The rows laid out in `profile`'s columns.
pub fn table(rows: &[Row], profile: Profile) -> Table {
    match profile {
        Profile::Claimex => claimex(rows),
        Profile::Acled => mapped(rows, &ACLED_COLUMNS, acled),
        Profile::Ucdp => mapped(rows, &UCDP_COLUMNS, ucdp),
    }
}

fn claimex(rows: &[Row]) -> Table {
    let rows = rows
        .iter()
        .map(|r| {
            let v = serde_json::to_value(r).unwrap_or(Value::Null);
            CLAIMEX_COLUMNS.iter().map(|c| v.get(*c).cloned().unwrap_or(Value::Null)).collect()
        })
        .collect();
    Table { columns: CLAIMEX_COLUMNS.to_vec(), rows }
}

fn mapped(rows: &[Row], columns: &[&'static str], f: fn(&Row) -> Vec<Value>) -> Table {
    let rows = rows.iter().map(f).inspect(|r| debug_assert_eq!(r.len(), columns.len())).collect();
    Table { columns: columns.to_vec(), rows }
}

/// The second party and the location: a place-typed object is where the
/// event happened, not an actor.
fn counterpart(r: &Row) -> (Option<String>, Option<String>) {
    if r.object_type == "place" {
        (None, r.place_name.clone().or_else(|| Some(r.object_name.clone())))
    } else {
        (Some(r.object_name.clone()), r.place_name.clone())
    }
}

/// The document as a dataset cites it: title (or id), then DOI.
fn citation(r: &Row) -> String {
    let title = r.doc_title.clone().unwrap_or_else(|| r.doc.clone());
    match &r.doi {
        Some(doi) => format!("{title} (doi:{doi})"),
        None => title,
    }
}

fn date(d: Option<chrono::NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| json!(d.format("%Y-%m-%d").to_string()))
}

fn year(d: Option<chrono::NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| json!(chrono::Datelike::year(&d)))
}

fn review_columns(r: &Row) -> [Value; 3] {
    [
        json!(r.reviewer),
        r.reviewed_at.map_or(Value::Null, |t| json!(t.to_rfc3339())),
        json!(r.review_note),
    ]
}

/// ACLED columns.
pub const ACLED_COLUMNS: [&str; 20] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_date_interval",
    "actor1",
    "actor2",
    "location",
    "source",
    "notes",
    "claimex_actor1_id",
    "claimex_actor2_id",
    "claimex_relation",
    "claimex_polarity",
    "claimex_modality",
    "claimex_reported_by",
    "claimex_doc",
    "claimex_reviewer",
    "claimex_reviewed_at",
    "claimex_review_note",
];

fn acled(r: &Row) -> Vec<Value> {
    let event_date = r.date_start.or(r.date_end);
    let (actor2, location) = counterpart(r);
    let actor2_id = (r.object_type != "place").then(|| r.object_id.clone());
    let mut v = vec![
        json!(r.claim_id),
        date(event_date),
        year(event_date),
        json!(dates::acled_precision(r.date_start, r.date_end)),
        json!(r.date_edtf),
        json!(r.subject_name),
        json!(actor2),
        json!(location),
        json!(citation(r)),
        json!(r.evidence),
        json!(r.subject_id),
        json!(actor2_id),
        json!(r.relation),
        json!(r.polarity),
        json!(r.modality),
        json!(r.source),
        json!(r.doc),
    ];
    v.extend(review_columns(r));
    v
}

/// UCDP GED columns.
pub const UCDP_COLUMNS: [&str; 24] = [
    "id",
    "year",
    "side_a",
    "side_b",
    "dyad_name",
    "source_article",
    "source_date",
    "source_headline",
    "source_original",
    "where_description",
    "date_start",
    "date_end",
    "date_prec",
    "date_interval",
    "claimex_side_a_id",
    "claimex_side_b_id",
    "claimex_relation",
    "claimex_polarity",
    "claimex_modality",
    "claimex_evidence",
    "claimex_doc",
    "claimex_reviewer",
    "claimex_reviewed_at",
    "claimex_review_note",
];

fn ucdp(r: &Row) -> Vec<Value> {
    let (side_b, location) = counterpart(r);
    let side_b_id = (r.object_type != "place").then(|| r.object_id.clone());
    let dyad = side_b.as_ref().map(|b| format!("{} - {b}", r.subject_name));
    let mut v = vec![
        json!(r.claim_id),
        year(r.date_start.or(r.date_end)),
        json!(r.subject_name),
        json!(side_b),
        json!(dyad),
        json!(citation(r)),
        date(r.published),
        json!(r.doc_title),
        json!(r.source),
        json!(location),
        date(r.date_start),
        date(r.date_end),
        json!(dates::ucdp_precision(r.date_start, r.date_end)),
        json!(r.date_edtf),
        json!(r.subject_id),
        json!(side_b_id),
        json!(r.relation),
        json!(r.polarity),
        json!(r.modality),
        json!(r.evidence),
        json!(r.doc),
    ];
    v.extend(review_columns(r));
    v
}
