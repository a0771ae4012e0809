//! One run's changes to the index: removals and additions from any thread,
//! made visible together by a single commit.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use tantivy::columnar::StrColumn;
use tantivy::schema::Value;
use tantivy::{DocAddress, Index, IndexWriter, Searcher, TantivyDocument, Term};

use super::entry::{claim_entry, doc_entry, sentence_entry};
use super::schema::Fields;
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
    /// the run's statuses (tantivy updates are delete + add). Ids, documents
    /// and statuses are read from the fast columns, so an unchanged corpus
    /// costs no stored-document decompression; only claims whose status
    /// changed are loaded and rewritten.
    fn refresh_statuses(&mut self) -> Result<()> {
        let f = self.fields.clone();
        let touched = std::mem::take(&mut *self.touched.lock().unwrap_or_else(|e| e.into_inner()));
        let mut changed = Vec::new();
        for (ord, reader) in self.base.segment_readers().iter().enumerate() {
            let columns = reader.fast_fields();
            let (Some(ids), Some(docs), Some(statuses)) =
                (columns.str("claim_id")?, columns.str("doc")?, columns.str("status")?)
            else {
                continue;
            };
            // Work on term ordinals: resolving a string per entry would
            // decompress a dictionary block each time.
            let ord_of =
                |column: &StrColumn, key: &str| column.dictionary().term_ord(key).ok().flatten();
            let touched_ords: HashSet<u64> =
                touched.iter().filter_map(|doc| ord_of(&docs, doc)).collect();
            let decided: HashMap<u64, &str> = self
                .statuses
                .iter()
                .flatten()
                .filter_map(|(id, status)| Some((ord_of(&ids, id)?, status.as_str())))
                .collect();
            let mut status_names = Vec::new();
            let mut name = String::new();
            for o in 0..statuses.num_terms() as u64 {
                name.clear();
                statuses.ord_to_str(o, &mut name).unwrap_or(false);
                status_names.push(name.clone());
            }
            let first = |column: &StrColumn, d| column.term_ords(d).next();
            for d in reader.doc_ids_alive() {
                let Some(id) = first(&ids, d) else { continue };
                if first(&docs, d).is_some_and(|o| touched_ords.contains(&o)) {
                    continue;
                }
                let want = decided.get(&id).copied().unwrap_or(PENDING);
                let has = first(&statuses, d).and_then(|o| status_names.get(o as usize));
                if has.map(String::as_str) != Some(want) {
                    changed.push(DocAddress::new(ord as u32, d));
                }
            }
        }
        for addr in changed {
            let stored: TantivyDocument = self.base.doc(addr)?;
            let text = |field| stored.get_first(field).and_then(|v| v.as_str()).unwrap_or("");
            let Ok(claim) = serde_json::from_str::<Claim>(text(f.claim)) else { continue };
            let status = self.status_of(&claim.id).to_string();
            self.writer.delete_term(Term::from_field_text(f.claim_id, &claim.id));
            self.writer.add_document(claim_entry(&f, &claim, &status))?;
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
