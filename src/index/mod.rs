//! The tantivy index of documents, sentences and claims under
//! `output/index/`, kept in step with the corpus run by run, and search
//! over it.
//!
//! One index holds three kinds of entries (see [`HitKind`]), so one
//! commit per run updates all of them at once. The pipeline opens it with
//! [`CorpusIndex::open_or_create`], takes an [`IndexUpdater`], removes and
//! adds documents from any thread and commits once; a crash before the
//! commit leaves the previous commit intact. Search
//! ([`CorpusIndex::search`]) ranks with BM25, accepts tantivy's query
//! syntax, expands gazetteer names to their entity ids, filters by entity,
//! relation and date-interval overlap, and returns highlighted snippets
//! with byte offsets and facet counts.

mod entry;
mod expand;
mod facets;
mod period;
mod query;
mod schema;
mod snippet;
mod write;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use tantivy::collector::Count;
use tantivy::directory::MmapDirectory;
use tantivy::index::IndexSettings;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexBuilder, IndexReader, ReloadPolicy, Searcher, Term};

use crate::model::{DocId, EntityCatalog};
use crate::{Error, Result};

pub use expand::Expansion;
pub use period::{PeriodEnd, parse_period};
pub use query::{ClaimHit, Hit, Interval, SearchRequest, SearchResults};
pub use schema::{DATE_MAX, DATE_MIN, HitKind};
pub use snippet::{SNIPPET_CHARS, Snippet};
pub use write::{IndexUpdater, PENDING};

use facets::StrCounts;
use schema::Fields;

/// The corpus index.
pub struct CorpusIndex {
    dir: Option<PathBuf>,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    rebuilt: bool,
}

/// Entry counts and size of the index.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct IndexStats {
    /// Document entries.
    pub docs: usize,
    /// Sentence entries.
    pub sentences: usize,
    /// Claim entries.
    pub claims: usize,
    /// Bytes of the index files on disk (0 in memory).
    pub bytes: u64,
}

impl CorpusIndex {
    /// Opens the index in `dir`, creating it when missing. An index written
    /// with another schema (an older claimex) is derived data: it is
    /// deleted and recreated empty, and [`CorpusIndex::was_rebuilt`] says
    /// so, so the caller re-adds every document.
    pub fn open_or_create(dir: &Path) -> Result<CorpusIndex> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, _) = Fields::build();
        let open = |dir: &Path| -> Result<Index> {
            let mmap = MmapDirectory::open(dir).map_err(|e| Error::Index(e.into()))?;
            Ok(builder(schema.clone()).open_or_create(mmap)?)
        };
        match open(dir) {
            Ok(index) => CorpusIndex::with(index, Some(dir.to_path_buf()), false),
            Err(Error::Index(tantivy::TantivyError::SchemaError(_))) => {
                std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                CorpusIndex::with(open(dir)?, Some(dir.to_path_buf()), true)
            }
            Err(e) => Err(e),
        }
    }

    /// Opens an existing index for searching.
    pub fn open(dir: &Path) -> Result<CorpusIndex> {
        let missing = || {
            Error::Invalid(format!(
                "no search index in {} (run `claimex run` first)",
                dir.display()
            ))
        };
        let mmap = MmapDirectory::open(dir).map_err(|_| missing())?;
        if !Index::exists(&mmap).map_err(|e| Error::Index(e.into()))? {
            return Err(missing());
        }
        let index = Index::open(mmap)?;
        if Fields::of(&index.schema()).is_none() {
            return Err(Error::Invalid(format!(
                "the index in {} was written by another claimex version; run `claimex run` again",
                dir.display()
            )));
        }
        CorpusIndex::with(index, Some(dir.to_path_buf()), false)
    }

    /// A fresh index in memory (tests, benchmarks).
    pub fn create_in_ram() -> Result<CorpusIndex> {
        let (schema, _) = Fields::build();
        CorpusIndex::with(builder(schema).create_in_ram()?, None, false)
    }

    fn with(index: Index, dir: Option<PathBuf>, rebuilt: bool) -> Result<CorpusIndex> {
        schema::register_analyzer(&index);
        let fields = Fields::of(&index.schema()).ok_or_else(|| {
            Error::Invalid("the index schema does not match this claimex version".into())
        })?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(CorpusIndex { dir, index, reader, fields, rebuilt })
    }

    /// True when [`CorpusIndex::open_or_create`] found an index of another
    /// schema and started afresh.
    pub fn was_rebuilt(&self) -> bool {
        self.rebuilt
    }

    /// A writer for one run: removals and additions become visible at
    /// [`IndexUpdater::commit`] only, all at once. One updater at a time
    /// (tantivy's writer lock; a second one fails with a lock error).
    pub fn updater(&self) -> Result<IndexUpdater> {
        IndexUpdater::new(&self.index, self.fields.clone(), self.searcher()?)
    }

    /// The ids of the documents in the last committed index.
    pub fn indexed_docs(&self) -> Result<HashSet<DocId>> {
        let searcher = self.searcher()?;
        let counts = searcher.search(&self.kind_query(HitKind::Doc), &StrCounts::new("doc"))?;
        Ok(counts.into_keys().map(DocId).collect())
    }

    /// Entry counts per kind and the size of the index on disk.
    pub fn stats(&self) -> Result<IndexStats> {
        let searcher = self.searcher()?;
        let count = |kind| searcher.search(&self.kind_query(kind), &Count);
        Ok(IndexStats {
            docs: count(HitKind::Doc)?,
            sentences: count(HitKind::Sentence)?,
            claims: count(HitKind::Claim)?,
            bytes: self.dir.as_deref().map_or(0, dir_size),
        })
    }

    /// Searches the last committed index. `catalog` supplies the gazetteer
    /// names for alias expansion and `--entity` resolution (an empty
    /// catalog turns both off; ids the index holds are still accepted).
    pub fn search(
        &self,
        req: &SearchRequest,
        catalog: &dyn EntityCatalog,
    ) -> Result<SearchResults> {
        query::search(self, req, catalog)
    }

    /// The ids of every claim that matches `query` (words, phrases, query
    /// syntax, alias expansion as in [`CorpusIndex::search`]), without a
    /// limit: for the review page's search box.
    pub fn claim_ids(&self, query: &str, catalog: &dyn EntityCatalog) -> Result<HashSet<String>> {
        query::claim_ids(self, query, catalog)
    }

    /// A searcher on the latest commit.
    fn searcher(&self) -> Result<Searcher> {
        self.reader.reload()?;
        Ok(self.reader.searcher())
    }

    fn kind_query(&self, kind: HitKind) -> TermQuery {
        let term = Term::from_field_text(self.fields.kind, kind.as_str());
        TermQuery::new(term, IndexRecordOption::Basic)
    }
}

/// A new index's settings: zstd for the stored texts (about a third
/// smaller than tantivy's default lz4 on prose).
fn builder(schema: tantivy::schema::Schema) -> IndexBuilder {
    let settings = IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor { compression_level: Some(3) }),
        ..IndexSettings::default()
    };
    IndexBuilder::new().schema(schema).settings(settings)
}

/// Total size of the files in `dir` (not recursive: tantivy keeps a flat
/// folder).
fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries.flatten().filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum::<u64>()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests;
