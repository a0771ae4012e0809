//! Claims: subject – relation – object assertions with their context.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Span;

/// The relation vocabulary of `CLAIMS.md` §3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Gives material, financial, training, political or ideological support.
    Supports,
    /// Gives sanctuary or safe haven to.
    Shelters,
    /// Is allied or cooperates with (symmetric).
    AlliedWith,
    /// Is a faction, branch, wing or member of.
    PartOf,
    /// (A person) leads, commands, heads.
    Leads,
    /// Created, founded.
    Founded,
    /// Broke away from.
    SplitsFrom,
    /// Diplomatically recognises.
    Recognizes,
    /// Holds talks, ceasefires or agreements with (symmetric).
    NegotiatesWith,
    /// Mediates talks involving the object.
    Mediates,
    /// Arrests, captures, abducts, holds captive.
    Detains,
    /// Frees detained members of.
    Releases,
    /// Carries out an attack on.
    Attacks,
    /// Wages war, insurgency or military operations against.
    Fights,
    /// Captures, rules or governs (a place).
    Controls,
    /// Is based in, operates from (a place).
    OperatesIn,
    /// Accuses, blames.
    Accuses,
    /// Demands something of.
    Demands,
    /// Threatens.
    Threatens,
    /// Opposes, rejects, condemns.
    Opposes,
    /// Designates as terrorist, sanctions, bans.
    Designates,
}

impl Relation {
    /// Every relation, in vocabulary order.
    pub const ALL: [Relation; 21] = [
        Relation::Supports,
        Relation::Shelters,
        Relation::AlliedWith,
        Relation::PartOf,
        Relation::Leads,
        Relation::Founded,
        Relation::SplitsFrom,
        Relation::Recognizes,
        Relation::NegotiatesWith,
        Relation::Mediates,
        Relation::Detains,
        Relation::Releases,
        Relation::Attacks,
        Relation::Fights,
        Relation::Controls,
        Relation::OperatesIn,
        Relation::Accuses,
        Relation::Demands,
        Relation::Threatens,
        Relation::Opposes,
        Relation::Designates,
    ];

    /// The snake_case name used in files and on the command line.
    pub fn as_str(&self) -> &'static str {
        match self {
            Relation::Supports => "supports",
            Relation::Shelters => "shelters",
            Relation::AlliedWith => "allied_with",
            Relation::PartOf => "part_of",
            Relation::Leads => "leads",
            Relation::Founded => "founded",
            Relation::SplitsFrom => "splits_from",
            Relation::Recognizes => "recognizes",
            Relation::NegotiatesWith => "negotiates_with",
            Relation::Mediates => "mediates",
            Relation::Detains => "detains",
            Relation::Releases => "releases",
            Relation::Attacks => "attacks",
            Relation::Fights => "fights",
            Relation::Controls => "controls",
            Relation::OperatesIn => "operates_in",
            Relation::Accuses => "accuses",
            Relation::Demands => "demands",
            Relation::Threatens => "threatens",
            Relation::Opposes => "opposes",
            Relation::Designates => "designates",
        }
    }

    /// True for relations where subject and object can be swapped.
    pub fn is_symmetric(&self) -> bool {
        matches!(self, Relation::AlliedWith | Relation::NegotiatesWith)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a name that is not in the relation vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown relation `{0}` (expected one of the CLAIMS.md vocabulary)")]
pub struct UnknownRelation(pub String);

impl FromStr for Relation {
    type Err = UnknownRelation;

    fn from_str(s: &str) -> Result<Relation, UnknownRelation> {
        let key = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Relation::ALL
            .into_iter()
            .find(|r| r.as_str() == key)
            .ok_or_else(|| UnknownRelation(s.to_string()))
    }
}

/// Whether the document asserts the relation or its negation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// It happened / holds.
    Positive,
    /// "did not", "neither … nor", "refused to", "denied".
    Negative,
}

/// How the document commits to the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// The document states it.
    Asserted,
    /// The document attributes it to a source.
    Reported,
    /// The document hedges it ("may", "reportedly", "allegedly").
    Hedged,
}

impl Polarity {
    /// The lowercase name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }
}

impl Modality {
    /// The lowercase name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Hedged => "hedged",
        }
    }
}

/// A claim argument: the entity and how the sentence refers to it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Argument {
    /// Canonical gazetteer id.
    pub entity: String,
    /// Canonical name.
    pub name: String,
    /// Surface text in the sentence (a pronoun or description when the
    /// argument was resolved by reference).
    pub text: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub etype: String,
    /// Span of `text` in the extracted text (may lie outside the evidence
    /// sentence for a resolved reference's antecedent).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub span: Option<Span>,
}

/// Who a reported claim is attributed to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    /// Gazetteer id of the source, when it is an entity.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub entity: Option<String>,
    /// The source as written ("credible reports", "Rashid, 2010").
    pub text: String,
}

/// Where a claim's time came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeOrigin {
    /// A date mention in the evidence sentence.
    Sentence,
    /// A date mention in an earlier sentence of the evidence's paragraph
    /// (narrative time carried forward).
    Paragraph,
    /// The nearest enclosing section heading that carries a period.
    Section,
}

/// When a claim holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClaimTime {
    /// The date expression as written.
    pub text: String,
    /// Inclusive start, `None` when open.
    pub start_date: Option<NaiveDate>,
    /// Inclusive end, `None` when open.
    pub end_date: Option<NaiveDate>,
    /// Where the time came from.
    pub origin: TimeOrigin,
}

/// Where a claim's event happened.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Place {
    /// Gazetteer id.
    pub entity: String,
    /// Canonical name.
    pub name: String,
    /// Surface text.
    pub text: String,
}

/// The sentence a claim comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// Byte offset of the sentence in the extracted text.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The sentence text.
    pub sentence: String,
}

/// One relationship assertion, as written to `claims.jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id (see `CLAIMS.md` §3).
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Who does it.
    pub subject: Argument,
    /// What they do.
    pub relation: Relation,
    /// To whom / what.
    pub object: Argument,
    /// Positive or negated.
    pub polarity: Polarity,
    /// Asserted, reported or hedged.
    pub modality: Modality,
    /// Who says so, for reported claims.
    pub source: Option<Source>,
    /// When.
    pub time: Option<ClaimTime>,
    /// Where.
    pub place: Option<Place>,
    /// The evidence sentence.
    pub evidence: Evidence,
    /// Heading path of the sentence.
    pub section: Vec<String>,
    /// 0 … 1.
    pub confidence: f32,
    /// The rule that produced it.
    pub rule: String,
    /// The cue words that link subject and object.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cue: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::Relation;

    #[test]
    fn relation_names_round_trip() {
        for r in Relation::ALL {
            assert_eq!(r.as_str().parse::<Relation>(), Ok(r));
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
        assert_eq!("Allied-With".parse::<Relation>(), Ok(Relation::AlliedWith));
        assert!("likes".parse::<Relation>().is_err());
    }
}
