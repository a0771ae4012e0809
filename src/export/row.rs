//! One dataset row per reviewed claim: the reviewed values (corrections
//! applied) with their document's bibliographic fields and the decision.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::dates;
use crate::model::{DocumentInfo, ReviewedClaim};

/// A reviewed claim as a dataset row (the `claimex` profile's columns, in
/// order).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// Stable claim id.
    pub claim_id: String,
    /// Review status.
    pub status: String,
    /// Document id.
    pub doc: String,
    /// Document title.
    pub doc_title: Option<String>,
    /// Document DOI.
    pub doi: Option<String>,
    /// Document publication date.
    pub published: Option<NaiveDate>,
    /// Subject entity id.
    pub subject_id: String,
    /// Subject canonical name.
    pub subject_name: String,
    /// Subject entity type.
    pub subject_type: String,
    /// Relation.
    pub relation: String,
    /// Object entity id.
    pub object_id: String,
    /// Object canonical name.
    pub object_name: String,
    /// Object entity type.
    pub object_type: String,
    /// Event start (inclusive), empty when open or unknown.
    pub date_start: Option<NaiveDate>,
    /// Event end (inclusive), empty when open or unknown.
    pub date_end: Option<NaiveDate>,
    /// Precision of the dates: `day`, `month` or `year`.
    pub date_precision: Option<&'static str>,
    /// The interval in EDTF: `1996-09`, `2021-09/2021-12`, `2022/..`.
    pub date_edtf: Option<String>,
    /// The date as the document wrote it.
    pub time_text: Option<String>,
    /// Place entity id.
    pub place_id: Option<String>,
    /// Place name.
    pub place_name: Option<String>,
    /// `positive` or `negative`.
    pub polarity: String,
    /// `asserted`, `reported` or `hedged`.
    pub modality: String,
    /// Who the document attributes a reported claim to.
    pub source: Option<String>,
    /// The evidence sentence.
    pub evidence: String,
    /// Heading path of the sentence.
    pub section: String,
    /// Extraction confidence.
    pub confidence: f32,
    /// Extraction rule.
    pub rule: String,
    /// Who reviewed it.
    pub reviewer: Option<String>,
    /// When.
    pub reviewed_at: Option<DateTime<Utc>>,
    /// The reviewer's note.
    pub review_note: Option<String>,
}

/// The row for `rc`, with `doc` its document's record when known.
pub fn row(rc: &ReviewedClaim, doc: Option<&DocumentInfo>) -> Row {
    let c = rc.reviewed();
    let (start, end) = c.time.as_ref().map_or((None, None), |t| (t.start_date, t.end_date));
    let d = rc.decision.as_ref();
    Row {
        claim_id: c.id.clone(),
        status: rc.status.as_str().to_string(),
        doc_title: doc.and_then(|d| d.title.clone()),
        doi: doc.and_then(|d| d.doi.clone()),
        published: doc.and_then(|d| d.published),
        doc: c.doc,
        subject_id: c.subject.entity,
        subject_name: c.subject.name,
        subject_type: c.subject.etype,
        relation: c.relation.as_str().to_string(),
        object_id: c.object.entity,
        object_name: c.object.name,
        object_type: c.object.etype,
        date_start: start,
        date_end: end,
        date_precision: dates::unit(start, end).map(|u| u.as_str()),
        date_edtf: dates::edtf(start, end),
        time_text: c.time.map(|t| t.text).filter(|t| !t.is_empty()),
        place_id: c.place.as_ref().map(|p| p.entity.clone()),
        place_name: c.place.map(|p| p.name),
        polarity: c.polarity.as_str().to_string(),
        modality: c.modality.as_str().to_string(),
        source: c.source.map(|s| s.text),
        evidence: c.evidence.sentence,
        section: c.section.join(" > "),
        confidence: c.confidence,
        rule: c.rule,
        reviewer: d.map(|d| d.reviewer.clone()),
        reviewed_at: d.map(|d| d.timestamp),
        review_note: d.and_then(|d| d.note.clone()),
    }
}
