//! The tantivy index of documents, sentences and claims under
//! `output/index/`, and search over it.
//!
//! OWNER: index (stub; see the API contract below).

use std::path::Path;

use crate::Result;
use crate::model::{Claim, DocId, TaggedDoc};

/// The corpus index.
pub struct CorpusIndex {}

impl CorpusIndex {
    /// Opens the index in `dir`, creating it when missing.
    pub fn open_or_create(dir: &Path) -> Result<CorpusIndex> {
        let _ = dir;
        Ok(CorpusIndex {})
    }

    /// A writer for one run: removals and additions become visible at
    /// [`IndexUpdater::commit`] only, all at once.
    pub fn updater(&self) -> Result<IndexUpdater> {
        Ok(IndexUpdater {})
    }
}

/// Batches one run's changes to the index. Safe to share across threads.
pub struct IndexUpdater {}

impl IndexUpdater {
    /// Deletes every entry of `doc` (call before re-adding a changed doc).
    pub fn remove(&self, doc: &DocId) -> Result<()> {
        let _ = doc;
        Ok(())
    }

    /// Adds a document, its sentences and its claims.
    pub fn add(&self, doc: &TaggedDoc, claims: &[Claim]) -> Result<()> {
        let _ = (doc, claims);
        Ok(())
    }

    /// Commits every change of this run in one commit.
    pub fn commit(self) -> Result<()> {
        Ok(())
    }
}
