//! A review session on one output folder: the run's claims, documents and
//! entities, the decision log, and the operations that record decisions.
//! The command line and the web page both go through it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::Utc;

use super::edit::EditRequest;
use super::join::{Joined, join, sentence_sha256};
use super::log::{DecisionLog, LogContents};
use super::output::{self, CLAIMS_FILE, DOCUMENTS_FILE, ENTITIES_FILE};
use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::model::{Claim, Decision, DecisionStatus, DocumentInfo, Edits, Entity, EntityCatalog};

/// The reviewer name used when none is given: `$USER`, else `unknown`.
pub fn default_reviewer() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}

type Stamp = Vec<Option<(u64, SystemTime)>>;

/// An open output folder, ready for review.
pub struct Session {
    out: PathBuf,
    log: DecisionLog,
    claims: Vec<Claim>,
    by_id: HashMap<String, usize>,
    documents: BTreeMap<String, DocumentInfo>,
    catalog: Box<dyn EntityCatalog>,
    fixed_entities: Option<Vec<Entity>>,
    run_entities: bool,
    stamp: Stamp,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("out", &self.out)
            .field("claims", &self.claims.len())
            .finish_non_exhaustive()
    }
}

impl Session {
    /// Opens `out`: reads `claims.jsonl` (required), `documents.jsonl` and
    /// `entities.jsonl`. Without a (non-empty) `entities.jsonl`, the entity
    /// picker offers the entities the claims name.
    pub fn open(out: &Path) -> Result<Session> {
        let mut s = Session {
            out: out.to_path_buf(),
            log: DecisionLog::new(out),
            claims: Vec::new(),
            by_id: HashMap::new(),
            documents: BTreeMap::new(),
            catalog: Box::new(Gazetteer::from_entities(Vec::new())?),
            fixed_entities: None,
            run_entities: false,
            stamp: Vec::new(),
        };
        s.load()?;
        Ok(s)
    }

    /// True when the entities come from the run's `entities.jsonl`.
    pub fn has_run_entities(&self) -> bool {
        self.run_entities
    }

    /// Uses these entities for the picker and for resolving corrections
    /// when the run wrote no (or an empty) `entities.jsonl`.
    pub fn with_entities(mut self, entities: Vec<Entity>) -> Result<Session> {
        self.fixed_entities = Some(entities);
        self.load()?;
        Ok(self)
    }

    fn stamp_now(&self) -> Stamp {
        [CLAIMS_FILE, DOCUMENTS_FILE, ENTITIES_FILE]
            .iter()
            .map(|f| {
                let m = std::fs::metadata(self.out.join(f)).ok()?;
                Some((m.len(), m.modified().ok()?))
            })
            .collect()
    }

    fn load(&mut self) -> Result<()> {
        let stamp = self.stamp_now();
        let claims = output::read_claims(&self.out)?;
        let documents = output::read_documents(&self.out)?;
        let snapshot = output::read_entities(&self.out)?.filter(|e| !e.is_empty());
        self.run_entities = snapshot.is_some();
        let entities = match snapshot {
            Some(e) => e,
            None => match &self.fixed_entities {
                Some(e) => e.clone(),
                None => entities_of(&claims),
            },
        };
        self.catalog = Box::new(Gazetteer::from_entities(entities)?);
        self.by_id = claims.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        self.claims = claims;
        self.documents = documents.into_iter().map(|d| (d.doc.clone(), d)).collect();
        self.stamp = stamp;
        Ok(())
    }

    /// Re-reads the run's files if `claimex run` changed them since; true
    /// when it did.
    pub fn refresh(&mut self) -> Result<bool> {
        if self.stamp_now() == self.stamp {
            return Ok(false);
        }
        self.load()?;
        Ok(true)
    }

    /// The output folder.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// The decision log.
    pub fn log(&self) -> &DecisionLog {
        &self.log
    }

    /// Every claim, in `claims.jsonl` order.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// Documents by id.
    pub fn documents(&self) -> &BTreeMap<String, DocumentInfo> {
        &self.documents
    }

    /// The entities for the picker and for corrections.
    pub fn catalog(&self) -> &dyn EntityCatalog {
        self.catalog.as_ref()
    }

    /// The claim with exactly this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.by_id.get(id).map(|&i| &self.claims[i])
    }

    /// The claim with this id, or the only one whose id starts with it
    /// (at least 4 characters), as on the command line.
    pub fn find(&self, id: &str) -> Result<&Claim> {
        if let Some(c) = self.claim(id) {
            return Ok(c);
        }
        let hits: Vec<&Claim> = if id.len() >= 4 {
            self.claims.iter().filter(|c| c.id.starts_with(id)).collect()
        } else {
            Vec::new()
        };
        match hits.as_slice() {
            [one] => Ok(one),
            [] => Err(Error::Review(format!("no claim `{id}` in {CLAIMS_FILE}"))),
            many => Err(Error::Review(format!(
                "`{id}` matches {} claims ({} …): give more of the id",
                many.len(),
                many.iter().take(3).map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    /// Reads the log and joins it with the claims.
    pub fn joined(&self) -> Result<(Joined, LogContents)> {
        let log = self.log.read()?;
        Ok((join(&self.claims, &log), log))
    }

    fn record(
        &self,
        claim: &Claim,
        status: DecisionStatus,
        edits: Edits,
        note: Option<String>,
        reviewer: &str,
    ) -> Result<Decision> {
        let d = Decision {
            claim: claim.id.clone(),
            status,
            edits,
            note: note.filter(|n| !n.trim().is_empty()),
            reviewer: reviewer.to_string(),
            timestamp: Utc::now(),
            doc: claim.doc.clone(),
            sentence_sha256: sentence_sha256(&claim.evidence.sentence),
            sentence: claim.evidence.sentence.clone(),
        };
        self.log.append(&d)?;
        Ok(d)
    }

    /// Accepts or rejects every claim in `ids` (all ids are checked before
    /// anything is written). Returns the decisions, durably logged.
    pub fn decide(
        &self,
        ids: &[String],
        status: DecisionStatus,
        note: Option<String>,
        reviewer: &str,
    ) -> Result<Vec<Decision>> {
        if !matches!(status, DecisionStatus::Accepted | DecisionStatus::Rejected) {
            return Err(Error::Review(format!("`{}` is not a verdict", status.as_str())));
        }
        let claims = ids.iter().map(|id| self.find(id)).collect::<Result<Vec<_>>>()?;
        claims
            .into_iter()
            .map(|c| self.record(c, status, Edits::default(), note.clone(), reviewer))
            .collect()
    }

    /// Records corrections to a claim, overlaid on the corrections in force.
    pub fn edit(
        &self,
        id: &str,
        request: &EditRequest,
        note: Option<String>,
        reviewer: &str,
    ) -> Result<Decision> {
        let claim = self.find(id)?;
        let log = self.log.read()?;
        let base = match log.in_force().get(claim.id.as_str()) {
            Some(d) if d.status == DecisionStatus::Edited => d.edits.clone(),
            _ => Edits::default(),
        };
        let edits = request.resolve(claim, &base, self.catalog())?;
        if edits.is_empty() {
            return Err(Error::Review(format!(
                "nothing to correct on claim {}: the values are as extracted (accept it instead)",
                claim.id
            )));
        }
        self.record(claim, DecisionStatus::Edited, edits, note, reviewer)
    }

    /// Withdraws the decision in force on a claim (appends an `undone`
    /// record; the log is never rewritten). Works for a claim that is no
    /// longer in `claims.jsonl` too, given its full id.
    pub fn undo(&self, id: &str, reviewer: &str) -> Result<Decision> {
        let log = self.log.read()?;
        let in_force = log.in_force();
        let (claim_id, doc, sentence) = match self.find(id) {
            Ok(c) => (c.id.clone(), c.doc.clone(), c.evidence.sentence.clone()),
            Err(e) => match in_force.get(id) {
                Some(d) => (d.claim.clone(), d.doc.clone(), d.sentence.clone()),
                None => return Err(e),
            },
        };
        if !in_force.contains_key(claim_id.as_str()) {
            return Err(Error::Review(format!("claim {claim_id} has no decision to undo")));
        }
        let d = Decision {
            claim: claim_id,
            status: DecisionStatus::Undone,
            edits: Edits::default(),
            note: None,
            reviewer: reviewer.to_string(),
            timestamp: Utc::now(),
            doc,
            sentence_sha256: sentence_sha256(&sentence),
            sentence,
        };
        self.log.append(&d)?;
        Ok(d)
    }
}

/// The distinct entities named as subject or object, for a picker when the
/// run has no gazetteer snapshot.
fn entities_of(claims: &[Claim]) -> Vec<Entity> {
    let mut seen = BTreeMap::new();
    for a in claims.iter().flat_map(|c| [&c.subject, &c.object]) {
        seen.entry(a.entity.clone()).or_insert_with(|| Entity {
            id: a.entity.clone(),
            etype: a.etype.clone(),
            name: a.name.clone(),
            aliases: vec![a.name.clone()],
            ..Entity::default()
        });
    }
    seen.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ReviewStatus;
    use crate::review::testkit;

    fn fixture() -> (tempfile::TempDir, Session) {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        let lines = |v: Vec<String>| v.join("\n") + "\n";
        let claims = testkit::claims().iter().map(|c| serde_json::to_string(c).unwrap()).collect();
        std::fs::write(out.join(CLAIMS_FILE), lines(claims)).unwrap();
        let ents = testkit::entities().iter().map(|e| serde_json::to_string(e).unwrap()).collect();
        std::fs::write(out.join(ENTITIES_FILE), lines(ents)).unwrap();
        let s = Session::open(out).unwrap();
        (tmp, s)
    }

    #[test]
    fn decide_edit_undo_round_trip() {
        let (_tmp, s) = fixture();
        s.decide(&["c00".into(), "c01".into()], DecisionStatus::Accepted, None, "ana").unwrap();
        let req = EditRequest { object: Some("Afghanistan".into()), ..EditRequest::default() };
        s.edit("c00", &req, Some("Kabul stands for the country".into()), "ana").unwrap();
        let (j, _) = s.joined().unwrap();
        let rc = j.get("c00").unwrap();
        assert_eq!(rc.status, ReviewStatus::Edited);
        assert_eq!(rc.reviewed().object.entity, "afghanistan");
        // A second edit keeps the first correction.
        let req = EditRequest { polarity: Some("negative".into()), ..EditRequest::default() };
        let d = s.edit("c00", &req, None, "ana").unwrap();
        assert_eq!(d.edits.object.as_ref().unwrap().id, "afghanistan");
        // Undo steps back through the stack.
        s.undo("c00", "ana").unwrap();
        s.undo("c00", "ana").unwrap();
        let (j, _) = s.joined().unwrap();
        assert_eq!(j.get("c00").unwrap().status, ReviewStatus::Accepted);
        s.undo("c00", "ana").unwrap();
        assert!(s.undo("c00", "ana").is_err(), "nothing left to undo");
        assert_eq!(s.joined().unwrap().0.counts().reviewed, 1);
    }

    #[test]
    fn unknown_ids_write_nothing() {
        let (_tmp, s) = fixture();
        let err = s.decide(&["c00".into(), "nope".into()], DecisionStatus::Rejected, None, "a");
        assert!(err.is_err());
        assert!(s.log().read().unwrap().decisions.is_empty());
        assert!(s.find("c0").is_err(), "too short a prefix");
    }

    #[test]
    fn refresh_sees_a_new_run() {
        let (_tmp, mut s) = fixture();
        assert!(!s.refresh().unwrap());
        let one = serde_json::to_string(&testkit::claims()[0]).unwrap() + "\n";
        std::fs::write(s.out().join(CLAIMS_FILE), one).unwrap();
        assert!(s.refresh().unwrap());
        assert_eq!(s.claims().len(), 1);
    }
}
