//! Joining claims with the decisions in force, by claim id: pending,
//! decided, or stale when the evidence sentence changed since the decision.

use std::collections::{BTreeMap, HashSet};

use sha2::{Digest, Sha256};

use super::log::LogContents;
use crate::model::{Claim, Decision, ReviewStatus, ReviewedClaim};

/// SHA-256 of a sentence's UTF-8 bytes, lowercase hex.
pub fn sentence_sha256(sentence: &str) -> String {
    Sha256::digest(sentence.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Claims with their review status, and the decisions whose claim is gone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Joined {
    /// Every claim, in `claims.jsonl` order.
    pub claims: Vec<ReviewedClaim>,
    /// Decisions in force whose claim is no longer in `claims.jsonl`
    /// (kept in the log; they join again if the claim comes back).
    pub orphans: Vec<Decision>,
}

/// How many claims are in each status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// All claims.
    pub total: usize,
    /// Claims with a current decision (accepted, rejected or edited).
    pub reviewed: usize,
    /// Per status.
    pub by_status: BTreeMap<ReviewStatus, usize>,
}

impl Joined {
    /// Counts per status.
    pub fn counts(&self) -> Counts {
        let mut c = Counts { total: self.claims.len(), ..Counts::default() };
        for rc in &self.claims {
            *c.by_status.entry(rc.status).or_default() += 1;
            c.reviewed += usize::from(rc.status.is_reviewed());
        }
        c
    }

    /// The claim with this exact id.
    pub fn get(&self, id: &str) -> Option<&ReviewedClaim> {
        self.claims.iter().find(|rc| rc.claim.id == id)
    }
}

/// The review status of `claim` under `decision`.
pub fn status_of(claim: &Claim, decision: Option<&Decision>) -> ReviewStatus {
    use crate::model::DecisionStatus as D;
    match decision {
        None => ReviewStatus::Pending,
        Some(d) if d.sentence_sha256 != sentence_sha256(&claim.evidence.sentence) => {
            ReviewStatus::Stale
        }
        Some(d) => match d.status {
            D::Accepted => ReviewStatus::Accepted,
            D::Rejected => ReviewStatus::Rejected,
            D::Edited => ReviewStatus::Edited,
            D::Undone => ReviewStatus::Pending,
        },
    }
}

/// Joins `claims` with the decisions in force in `log`.
pub fn join(claims: &[Claim], log: &LogContents) -> Joined {
    let in_force = log.in_force();
    let mut seen = HashSet::with_capacity(claims.len());
    let claims = claims
        .iter()
        .map(|claim| {
            seen.insert(claim.id.as_str());
            let decision = in_force.get(claim.id.as_str()).copied();
            ReviewedClaim {
                claim: claim.clone(),
                status: status_of(claim, decision),
                decision: decision.cloned(),
            }
        })
        .collect();
    let mut orphans: Vec<Decision> =
        in_force.into_iter().filter(|(id, _)| !seen.contains(id)).map(|(_, d)| d.clone()).collect();
    orphans.sort_by(|a, b| a.timestamp.cmp(&b.timestamp).then_with(|| a.claim.cmp(&b.claim)));
    Joined { claims, orphans }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::model::{DecisionStatus, Edits};
    use crate::review::testkit::claims;

    fn decide(claim: &Claim, status: DecisionStatus, sentence: &str) -> Decision {
        Decision {
            claim: claim.id.clone(),
            status,
            edits: Edits::default(),
            note: None,
            reviewer: "ana".into(),
            timestamp: Utc::now(),
            doc: claim.doc.clone(),
            sentence_sha256: sentence_sha256(sentence),
            sentence: sentence.into(),
        }
    }

    #[test]
    fn pending_decided_stale_and_orphaned() {
        let cs = claims();
        let (a, b, c) = (&cs[0], &cs[1], &cs[2]);
        let mut gone = a.clone();
        gone.id = "gone".into();
        let log = LogContents {
            decisions: vec![
                decide(a, DecisionStatus::Accepted, &a.evidence.sentence),
                decide(b, DecisionStatus::Rejected, "An older wording of the sentence."),
                decide(&gone, DecisionStatus::Accepted, &a.evidence.sentence),
            ],
            warnings: vec![],
        };
        let j = join(&cs, &log);
        let status: Vec<_> = j.claims.iter().map(|rc| rc.status).collect();
        assert_eq!(
            status[..3],
            [ReviewStatus::Accepted, ReviewStatus::Stale, ReviewStatus::Pending]
        );
        assert_eq!(
            j.get(&b.id).unwrap().decision.as_ref().unwrap().status,
            DecisionStatus::Rejected
        );
        assert_eq!(j.get(&c.id).unwrap().decision, None);
        assert_eq!(j.orphans.len(), 1);
        assert_eq!(j.orphans[0].claim, "gone");
        let counts = j.counts();
        assert_eq!((counts.total, counts.reviewed), (cs.len(), 1));
        assert_eq!(counts.by_status[&ReviewStatus::Stale], 1);
    }

    #[test]
    fn sha256_is_hex_of_the_bytes() {
        assert_eq!(
            sentence_sha256("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
