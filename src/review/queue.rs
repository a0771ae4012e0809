//! The review queue: which claims a reviewer sees, by status, document,
//! relation, entity, modality and a text search.

use std::collections::HashSet;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{Claim, ReviewStatus, ReviewedClaim};

/// Which statuses to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    /// Everything.
    #[default]
    All,
    /// What still needs a decision: pending and stale.
    Todo,
    /// One status.
    Is(ReviewStatus),
}

impl StatusFilter {
    /// Parses `all`, `todo` or a status name; empty means all.
    pub fn parse(s: &str) -> Result<StatusFilter> {
        match s.trim() {
            "" | "all" => Ok(StatusFilter::All),
            "todo" => Ok(StatusFilter::Todo),
            other => other.parse().map(StatusFilter::Is).map_err(|e| Error::Invalid(e.to_string())),
        }
    }

    /// The name `parse` reads back.
    pub fn as_str(&self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Todo => "todo",
            StatusFilter::Is(s) => s.as_str(),
        }
    }

    /// True if a claim in `status` passes.
    pub fn matches(&self, status: ReviewStatus) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Todo => matches!(status, ReviewStatus::Pending | ReviewStatus::Stale),
            StatusFilter::Is(s) => *s == status,
        }
    }
}

/// A queue filter; empty fields match everything. Values are compared on
/// the claim as reviewed (with corrections applied).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// `all`, `todo`, or a status name.
    pub status: String,
    /// Document id.
    pub doc: String,
    /// Relation name.
    pub relation: String,
    /// Entity id, as subject or object.
    pub entity: String,
    /// Modality name.
    pub modality: String,
    /// Words that must all occur (case-insensitively) in the sentence,
    /// the argument names and texts, or the document id.
    pub q: String,
}

impl Filter {
    /// Compiles the filter, checking the status name.
    pub fn compile(&self) -> Result<Matcher<'_>> {
        Ok(Matcher {
            status: StatusFilter::parse(&self.status)?,
            filter: self,
            words: self.q.split_whitespace().map(str::to_lowercase).collect(),
            ids: None,
        })
    }
}

/// Finds the claims that match a search-box query, e.g. through the corpus
/// index. Without one, the queue matches the query's words as substrings.
pub trait ClaimSearch: Send + Sync {
    /// Ids of the claims matching `query`.
    fn claim_ids(&self, query: &str) -> crate::Result<HashSet<String>>;
}

/// A compiled [`Filter`].
#[derive(Debug)]
pub struct Matcher<'a> {
    status: StatusFilter,
    filter: &'a Filter,
    words: Vec<String>,
    ids: Option<HashSet<String>>,
}

impl Matcher<'_> {
    /// Matches the query by these claim ids (a [`ClaimSearch`] result)
    /// instead of by substrings.
    pub fn with_ids(mut self, ids: HashSet<String>) -> Self {
        self.ids = Some(ids);
        self
    }

    /// True if `rc` passes every part of the filter.
    pub fn matches(&self, rc: &ReviewedClaim) -> bool {
        let f = self.filter;
        let c = rc.reviewed();
        let is = |want: &str, have: &str| want.trim().is_empty() || want.trim() == have;
        self.status.matches(rc.status)
            && is(&f.doc, &c.doc)
            && is(&f.relation, c.relation.as_str())
            && is(&f.modality, c.modality.as_str())
            && (f.entity.trim().is_empty()
                || [&c.subject.entity, &c.object.entity].iter().any(|e| **e == f.entity.trim()))
            && self.matches_words(&c)
    }

    fn matches_words(&self, c: &Claim) -> bool {
        if self.words.is_empty() {
            return true;
        }
        if let Some(ids) = &self.ids {
            return ids.contains(&c.id);
        }
        let hay = [
            c.evidence.sentence.as_str(),
            &c.subject.name,
            &c.subject.text,
            &c.object.name,
            &c.object.text,
            &c.doc,
            &c.id,
        ]
        .join("\n")
        .to_lowercase();
        self.words.iter().all(|w| hay.contains(w.as_str()))
    }

    /// The claims of `all` that pass, in order.
    pub fn apply<'c>(&self, all: &'c [ReviewedClaim]) -> Vec<&'c ReviewedClaim> {
        all.iter().filter(|rc| self.matches(rc)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Relation;
    use crate::review::testkit::claims;

    fn reviewed() -> Vec<ReviewedClaim> {
        let statuses = [
            ReviewStatus::Pending,
            ReviewStatus::Accepted,
            ReviewStatus::Stale,
            ReviewStatus::Rejected,
        ];
        claims()
            .into_iter()
            .zip(statuses)
            .map(|(claim, status)| ReviewedClaim { claim, status, decision: None })
            .collect()
    }

    #[test]
    fn filters_by_each_field() {
        let all = reviewed();
        let ids = |f: Filter| -> Vec<String> {
            f.compile().unwrap().apply(&all).iter().map(|rc| rc.claim.id.clone()).collect()
        };
        let f = |set: fn(&mut Filter)| {
            let mut f = Filter::default();
            set(&mut f);
            f
        };
        assert_eq!(ids(Filter::default()).len(), 4);
        assert_eq!(ids(f(|f| f.status = "todo".into())), ["c00", "c02"]);
        assert_eq!(ids(f(|f| f.status = "accepted".into())), ["c01"]);
        assert_eq!(ids(f(|f| f.relation = Relation::Supports.as_str().into())), ["c02"]);
        assert_eq!(ids(f(|f| f.entity = "ttp".into())), ["c01", "c03"]);
        assert_eq!(ids(f(|f| f.modality = "reported".into())), ["c01"]);
        assert_eq!(ids(f(|f| f.q = "STAUNCH kabul".into())), ["c02"]);
        assert_eq!(ids(f(|f| f.doc = "other.md".into())), Vec::<String>::new());
        assert!(f(|f| f.status = "done".into()).compile().is_err());
        // A search backend's ids replace the substring match.
        let q = f(|f| f.q = "anything".into());
        let by_ids = q.compile().unwrap().with_ids(["c03".to_string()].into());
        let hits: Vec<_> = by_ids.apply(&all).iter().map(|rc| rc.claim.id.clone()).collect();
        assert_eq!(hits, ["c03"]);
    }
}
