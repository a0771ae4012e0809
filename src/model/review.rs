//! Review decisions as written to `output/review.jsonl`, a claim joined with
//! its decision, and the document fields review and export show.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Argument, Claim, ClaimTime, EntityRef, Modality, Polarity, Relation, TimeOrigin};

/// What one line of the decision log records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DecisionStatus {
    /// The claim is right as extracted.
    Accepted,
    /// The claim is wrong.
    Rejected,
    /// The claim is right once the recorded edits are applied.
    Edited,
    /// Withdraws the latest not yet withdrawn decision on the claim.
    Undone,
}

impl DecisionStatus {
    /// The lowercase name.
    pub fn as_str(&self) -> &'static str {
        match self {
            DecisionStatus::Accepted => "accepted",
            DecisionStatus::Rejected => "rejected",
            DecisionStatus::Edited => "edited",
            DecisionStatus::Undone => "undone",
        }
    }
}

/// A corrected time: the inclusive interval the reviewer set. Both ends
/// open means the claim has no time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeEdit {
    /// Inclusive start, `None` when open.
    pub start_date: Option<NaiveDate>,
    /// Inclusive end, `None` when open.
    pub end_date: Option<NaiveDate>,
}

/// The fields a reviewer corrected; `None` keeps the extracted value.
///
/// Every `edited` decision holds all corrections relative to the claim as
/// extracted (not relative to an earlier decision), so the latest decision
/// alone says what the reviewed claim is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edits {
    /// Corrected relation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// Corrected subject entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<EntityRef>,
    /// Corrected object entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<EntityRef>,
    /// Corrected polarity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity: Option<Polarity>,
    /// Corrected modality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// Corrected time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeEdit>,
}

impl Edits {
    /// True when nothing is corrected.
    pub fn is_empty(&self) -> bool {
        *self == Edits::default()
    }

    /// The claim with these corrections applied. A corrected argument keeps
    /// the surface text and span the extractor found (where the sentence
    /// names it) and takes the entity, name and type of the correction.
    pub fn apply(&self, claim: &Claim) -> Claim {
        let mut out = claim.clone();
        if let Some(r) = self.relation {
            out.relation = r;
        }
        if let Some(e) = &self.subject {
            set_entity(&mut out.subject, e);
        }
        if let Some(e) = &self.object {
            set_entity(&mut out.object, e);
        }
        if let Some(p) = self.polarity {
            out.polarity = p;
        }
        if let Some(m) = self.modality {
            out.modality = m;
        }
        if let Some(t) = self.time {
            out.time = match (t.start_date, t.end_date) {
                (None, None) => None,
                (start_date, end_date) => Some(ClaimTime {
                    text: claim.time.as_ref().map(|t| t.text.clone()).unwrap_or_default(),
                    start_date,
                    end_date,
                    origin: claim.time.as_ref().map_or(TimeOrigin::Sentence, |t| t.origin),
                }),
            };
        }
        out
    }
}

fn set_entity(arg: &mut Argument, e: &EntityRef) {
    arg.entity = e.id.clone();
    arg.name = e.name.clone();
    arg.etype = e.etype.clone();
}

/// One line of `output/review.jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// The claim id it applies to.
    pub claim: String,
    /// What was decided.
    pub status: DecisionStatus,
    /// Corrections, for `edited`.
    #[serde(default, skip_serializing_if = "Edits::is_empty")]
    pub edits: Edits,
    /// The reviewer's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who decided.
    pub reviewer: String,
    /// When (UTC, RFC 3339).
    pub timestamp: DateTime<Utc>,
    /// The claim's document, kept so a decision whose claim disappeared
    /// still says where it came from.
    #[serde(default)]
    pub doc: String,
    /// SHA-256 (lowercase hex) of the evidence sentence the reviewer saw.
    #[serde(default)]
    pub sentence_sha256: String,
    /// The evidence sentence the reviewer saw.
    #[serde(default)]
    pub sentence: String,
}

/// Where a claim stands in review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewStatus {
    /// No decision yet (or every decision was undone).
    Pending,
    /// Accepted as extracted.
    Accepted,
    /// Rejected.
    Rejected,
    /// Accepted with corrections.
    Edited,
    /// Decided, but the evidence sentence changed since: to re-confirm.
    Stale,
}

impl ReviewStatus {
    /// Every status.
    pub const ALL: [ReviewStatus; 5] = [
        ReviewStatus::Pending,
        ReviewStatus::Accepted,
        ReviewStatus::Rejected,
        ReviewStatus::Edited,
        ReviewStatus::Stale,
    ];

    /// The lowercase name.
    pub fn as_str(&self) -> &'static str {
        match self {
            ReviewStatus::Pending => "pending",
            ReviewStatus::Accepted => "accepted",
            ReviewStatus::Rejected => "rejected",
            ReviewStatus::Edited => "edited",
            ReviewStatus::Stale => "stale",
        }
    }

    /// True for a current (not stale) decision.
    pub fn is_reviewed(&self) -> bool {
        matches!(self, ReviewStatus::Accepted | ReviewStatus::Rejected | ReviewStatus::Edited)
    }
}

impl fmt::Display for ReviewStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a name that is not a review status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown review status `{0}` (expected pending, accepted, rejected, edited or stale)")]
pub struct UnknownStatus(pub String);

impl FromStr for ReviewStatus {
    type Err = UnknownStatus;

    fn from_str(s: &str) -> Result<ReviewStatus, UnknownStatus> {
        let key = s.trim().to_ascii_lowercase();
        ReviewStatus::ALL
            .into_iter()
            .find(|r| r.as_str() == key)
            .ok_or_else(|| UnknownStatus(s.to_string()))
    }
}

/// A claim as extracted, joined with its latest decision.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewedClaim {
    /// The claim as the extractor wrote it.
    pub claim: Claim,
    /// Its review status.
    pub status: ReviewStatus,
    /// The latest decision in force (for `stale`, the old one).
    pub decision: Option<Decision>,
}

impl ReviewedClaim {
    /// The claim with the decision's corrections applied.
    pub fn reviewed(&self) -> Claim {
        match &self.decision {
            Some(d) if d.status == DecisionStatus::Edited => d.edits.apply(&self.claim),
            _ => self.claim.clone(),
        }
    }
}

/// The fields of a `documents.jsonl` line that review and export show.
/// Unknown fields are ignored; missing ones are empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// Document id.
    pub doc: String,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Authors.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Publication date.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// DOI.
    #[serde(default)]
    pub doi: Option<String>,
    /// Journal.
    #[serde(default)]
    pub journal: Option<String>,
    /// Publisher or site.
    #[serde(default)]
    pub publisher: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_round_trip() {
        for s in ReviewStatus::ALL {
            assert_eq!(s.as_str().parse::<ReviewStatus>(), Ok(s));
        }
        assert!("done".parse::<ReviewStatus>().is_err());
    }

    #[test]
    fn empty_edits_are_not_written() {
        let d = Decision {
            claim: "c1".into(),
            status: DecisionStatus::Accepted,
            edits: Edits::default(),
            note: None,
            reviewer: "ana".into(),
            timestamp: DateTime::from_timestamp(0, 0).unwrap(),
            doc: "a.md".into(),
            sentence_sha256: "00".into(),
            sentence: "S.".into(),
        };
        let json = serde_json::to_string(&d).unwrap();
        assert!(!json.contains("edits"), "{json}");
        assert!(!json.contains("note"), "{json}");
        let back: Decision = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d);
    }
}
