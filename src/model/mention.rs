//! Tagged spans: entity and date mentions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Span;

/// How precise a normalised date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// One day.
    Day,
    /// One calendar month (or part of one, e.g. `late September`).
    Month,
    /// A season (`spring 2022`).
    Season,
    /// A quarter (`Q3 2023`).
    Quarter,
    /// One calendar year.
    Year,
    /// A decade or part of one (`the 1990s`, `early 2000s`).
    Decade,
    /// A century.
    Century,
    /// Anything spanning several units: ranges, open intervals,
    /// `early 2021`.
    Interval,
    /// A relative expression that could not be anchored.
    Relative,
}

/// A normalised date: an inclusive interval with optional open ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    /// First day, or `None` for an open start (`before 2001`).
    pub start: Option<NaiveDate>,
    /// Last day, or `None` for an open end (`since 2022`).
    pub end: Option<NaiveDate>,
    /// Precision.
    pub granularity: Granularity,
}

/// A reference to a gazetteer entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EntityRef {
    /// Canonical id.
    pub id: String,
    /// Entity type (`actor`, `person`, `place`, …).
    #[serde(rename = "type")]
    pub etype: String,
    /// Canonical name.
    pub name: String,
}

/// What a mention refers to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum MentionKind {
    /// A gazetteer entity.
    Entity(EntityRef),
    /// A temporal expression.
    Date(DateValue),
}

/// One tagged span of the extracted text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte span; `text == doc.text[span.start..span.end]`.
    pub span: Span,
    /// The surface string.
    pub text: String,
    /// What it refers to.
    pub kind: MentionKind,
}

impl Mention {
    /// The entity this mention names, if it is an entity mention.
    pub fn entity(&self) -> Option<&EntityRef> {
        match &self.kind {
            MentionKind::Entity(e) => Some(e),
            MentionKind::Date(_) => None,
        }
    }

    /// The date value, if it is a date mention.
    pub fn date(&self) -> Option<&DateValue> {
        match &self.kind {
            MentionKind::Date(d) => Some(d),
            MentionKind::Entity(_) => None,
        }
    }

    /// `date` for dates, else the entity type.
    pub fn type_name(&self) -> &str {
        match &self.kind {
            MentionKind::Entity(e) => &e.etype,
            MentionKind::Date(_) => "date",
        }
    }
}
