//! One run's changes to the index: removals and additions from any thread,
//! made visible together by a single commit.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexWriter, Searcher, TantivyDocument, Term};

use super::entry::{claim_entry, doc_entry, sentence_entry};
use super::schema::{Fields, HitKind};
use crate::Result;
use crate::model::{Claim, DocId, TaggedDoc};

/// The review status of a claim nobody has decided on.
pub const PENDING: &str = "pending";

/// Indexing memory per tantivy worker thread.
const HEAP_PER_THREAD: usize = 40 << 20;

/// Batches one run's changes to the index. Safe to share across threads:
/// rayon workers call [`remove`](IndexUpdater::remove) and
/// [`add`](IndexUpdater::add) concurrently. Nothing is visible to readers
/// before [`commit`](IndexUpdater::commit); dropping the updater without
/// committing (or a crash) leaves the last committed index as it was.
pub struct IndexUpdater {
    writer: IndexWriter,
    fields: Fields,
    /// The committed index when the run started (for status refreshes).
    base: Searcher,
    statuses: Option<HashMap<String, String>>,
    /// Documents removed or re-added in this run.
    touched: Mutex<HashSet<String>>,
}

impl IndexUpdater {
    pub(crate) fn new(index: &Index, fields: Fields, base: Searcher) -> Result<IndexUpdater> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        let writer = index.writer_with_num_threads(threads, threads * HEAP_PER_THREAD)?;
        Ok(IndexUpdater { writer, fields, base, statuses: None, touched: Mutex::default() })
    }

    /// The review status of every claim known at run time (claim id →
    /// `accepted`, `rejected`, `edited`, …). Claims not in the map are
    /// indexed as `pending`. When set, [`commit`](IndexUpdater::commit) also
    /// rewrites the entries of unchanged documents whose status changed, so
    /// the index holds the statuses as of this run.
    pub fn set_statuses(&mut self, statuses: HashMap<String, String>) {
        self.statuses = Some(statuses);
    }

    /// Deletes every entry of `doc` (for a document gone from the corpus).
    pub fn remove(&self, doc: &DocId) -> Result<()> {
        self.touch(doc.as_str());
        self.writer.delete_term(self.doc_term(doc.as_str()));
        Ok(())
    }

    /// Adds a document, its sentences and its claims, replacing whatever
    /// the index held for that document id.
    pub fn add(&self, doc: &TaggedDoc, claims: &[Claim]) -> Result<()> {
        let f = &self.fields;
        let id = doc.doc.id.as_str();
        self.touch(id);
        self.writer.delete_term(self.doc_term(id));
        self.writer.add_document(doc_entry(f, doc))?;
        for i in 0..doc.sentences.len() {
            self.writer.add_document(sentence_entry(f, doc, i))?;
        }
        for claim in claims {
            self.writer.add_document(claim_entry(f, claim, self.status_of(&claim.id)))?;
        }
        Ok(())
    }

    /// Commits every change of this run in one commit and waits for
    /// background merges to finish.
    pub fn commit(mut self) -> Result<()> {
        if self.statuses.is_some() {
            self.refresh_statuses()?;
        }
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        Ok(())
    }

    fn status_of(&self, claim: &str) -> &str {
        self.statuses.as_ref().and_then(|m| m.get(claim)).map_or(PENDING, String::as_str)
    }

    fn touch(&self, doc: &str) {
        self.touched.lock().unwrap_or_else(|e| e.into_inner()).insert(doc.to_string());
    }

    fn doc_term(&self, doc: &str) -> Term {
        Term::from_field_text(self.fields.doc, doc)
    }

    /// Re-adds the claims of untouched documents whose status differs from
    /// the run's statuses (tantivy updates are delete + add).
    fn refresh_statuses(&mut self) -> Result<()> {
        let f = self.fields.clone();
        let touched = std::mem::take(&mut *self.touched.lock().unwrap_or_else(|e| e.into_inner()));
        let kind = TermQuery::new(
            Term::from_field_text(f.kind, HitKind::Claim.as_str()),
            IndexRecordOption::Basic,
        );
        for addr in self.base.search(&kind, &DocSetCollector)? {
            let stored: TantivyDocument = self.base.doc(addr)?;
            let text = |field| stored.get_first(field).and_then(|v| v.as_str()).unwrap_or("");
            if touched.contains(text(f.doc)) {
                continue;
            }
            let id = text(f.claim_id);
            let status = self.status_of(id);
            if status == text(f.status) {
                continue;
            }
            let Ok(claim) = serde_json::from_str::<Claim>(text(f.claim)) else { continue };
            self.writer.delete_term(Term::from_field_text(f.claim_id, id));
            self.writer.add_document(claim_entry(&f, &claim, status))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::IndexUpdater;

    #[test]
    fn updater_can_be_shared_across_threads() {
        fn assert_sync<T: Sync + Send>() {}
        assert_sync::<IndexUpdater>();
    }
}
