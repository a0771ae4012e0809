//! The JSON rows of `documents.jsonl` and `mentions.jsonl`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Document, Granularity, Mention, MentionKind, SourceFormat};

/// One line of `documents.jsonl`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentRow {
    /// Document id.
    pub doc: String,
    /// SHA-256 of the file's bytes.
    pub sha256: String,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<String>,
    /// Authors.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub authors: Vec<String>,
    /// Publication date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published: Option<NaiveDate>,
    /// Received date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub received: Option<NaiveDate>,
    /// Revised date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub revised: Option<NaiveDate>,
    /// Accepted date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub accepted: Option<NaiveDate>,
    /// DOI.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub doi: Option<String>,
    /// Journal.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub journal: Option<String>,
    /// Publisher or site.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub publisher: Option<String>,
    /// URL.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// Format read.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source_format: Option<SourceFormat>,
    /// File size in bytes.
    pub bytes: u64,
    /// Characters of extracted text.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub chars: Option<usize>,
    /// Sentences found.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sentences: Option<usize>,
    /// Mentions tagged.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub mentions: Option<usize>,
    /// Claims extracted.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub claims: Option<usize>,
    /// Section headings, in order.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub sections: Vec<String>,
    /// Why the file could not be processed (only on failure).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<String>,
}

/// The row of a processed document.
pub fn document_row(
    doc: &Document,
    sentences: usize,
    mentions: usize,
    claims: usize,
) -> DocumentRow {
    let m = &doc.meta;
    DocumentRow {
        doc: doc.id.0.clone(),
        sha256: doc.sha256.clone(),
        title: m.title.clone(),
        authors: m.authors.clone(),
        published: m.published,
        received: m.received,
        revised: m.revised,
        accepted: m.accepted,
        doi: m.doi.clone(),
        journal: m.journal.clone(),
        publisher: m.publisher.clone(),
        url: m.url.clone(),
        source_format: Some(doc.format),
        bytes: doc.bytes,
        chars: Some(doc.text.chars().count()),
        sentences: Some(sentences),
        mentions: Some(mentions),
        claims: Some(claims),
        sections: doc.sections.iter().map(|s| s.title.clone()).collect(),
        error: None,
    }
}

/// One line of `mentions.jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionRow {
    /// Document id.
    pub doc: String,
    /// Byte offset into `text/<doc>.txt`.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Surface string (`== text[start..end]`).
    pub text: String,
    /// `actor`, `person`, `place`, `facility`, `operation` or `date`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Gazetteer id (entities only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub entity: Option<String>,
    /// Canonical name (entities only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<String>,
    /// Interval start (dates only; `null` when open).
    #[serde(skip_serializing_if = "is_entity_field", default)]
    pub start_date: DateField,
    /// Interval end (dates only; `null` when open).
    #[serde(skip_serializing_if = "is_entity_field", default)]
    pub end_date: DateField,
    /// Date precision (dates only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub granularity: Option<Granularity>,
}

/// A date bound that is absent for entity rows and possibly `null` for
/// date rows.
pub type DateField = Option<Option<NaiveDate>>;

fn is_entity_field(f: &DateField) -> bool {
    f.is_none()
}

/// The row of one mention.
pub fn mention_row(doc: &str, m: &Mention) -> MentionRow {
    let (entity, name, start_date, end_date, granularity) = match &m.kind {
        MentionKind::Entity(e) => (Some(e.id.clone()), Some(e.name.clone()), None, None, None),
        MentionKind::Date(d) => (None, None, Some(d.start), Some(d.end), Some(d.granularity)),
    };
    MentionRow {
        doc: doc.to_string(),
        start: m.span.start,
        end: m.span.end,
        text: m.text.clone(),
        kind: m.type_name().to_string(),
        entity,
        name,
        start_date,
        end_date,
        granularity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateValue, EntityRef, Span};

    #[test]
    fn date_rows_keep_null_bounds_and_entity_rows_have_none() {
        let d = Mention {
            span: Span::new(3, 13),
            text: "Since 2022".into(),
            kind: MentionKind::Date(DateValue {
                start: NaiveDate::from_ymd_opt(2022, 1, 1),
                end: None,
                granularity: Granularity::Interval,
            }),
        };
        let json = serde_json::to_value(mention_row("a.md", &d)).unwrap();
        assert_eq!(json["start_date"], "2022-01-01");
        assert!(json["end_date"].is_null() && json.get("end_date").is_some());
        assert_eq!(json["type"], "date");
        let e = Mention {
            span: Span::new(0, 3),
            text: "TTP".into(),
            kind: MentionKind::Entity(EntityRef {
                id: "ttp".into(),
                etype: "actor".into(),
                name: "T".into(),
            }),
        };
        let json = serde_json::to_value(mention_row("a.md", &e)).unwrap();
        assert_eq!(json["entity"], "ttp");
        assert!(json.get("start_date").is_none());
    }
}
