//! `claimex run`: one incremental, parallel pass over the corpus.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::config::RunConfig;
use super::engine::{Engine, Processed};
use super::progress::{Outcome, Progress};
use crate::error::{Error, IngestError, Result};
use crate::index::{CorpusIndex, IndexStats, IndexUpdater};
use crate::ingest::{self, SourceFile, sha256_hex};
use crate::model::DocId;
use crate::review::DecisionLog;
use crate::store::{
    AggregateCounts, DocRecord, DocumentRow, Manifest, OutputDir, document_row, mention_row,
};

/// What a run did.
#[derive(Clone, Debug, Default)]
pub struct RunSummary {
    /// Documents processed in this run.
    pub processed: usize,
    /// Documents skipped because nothing changed.
    pub unchanged: usize,
    /// Documents that left the corpus and were removed from the output.
    pub removed: usize,
    /// Files that could not be processed: (document id, reason).
    pub failures: Vec<(String, String)>,
    /// Bytes of the files processed in this run.
    pub bytes_processed: u64,
    /// Wall-clock time.
    pub elapsed: Duration,
    /// Totals of the output files after the run.
    pub counts: AggregateCounts,
    /// Entities in the gazetteer.
    pub entities: usize,
    /// What the index holds after the run.
    pub index: IndexStats,
}

impl RunSummary {
    /// Throughput over the processed bytes, in MB/s (10^6 bytes).
    pub fn mb_per_s(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        self.bytes_processed as f64 / 1e6 / secs
    }
}

/// Processes the corpus of `cfg` into its output folder.
///
/// Unchanged documents (same SHA-256, same configuration fingerprint, parts
/// present) are skipped unless `cfg.force`; changed ones are processed
/// again; documents gone from the corpus leave the output. One file's
/// failure is recorded for that file (`documents.jsonl` `error`) and the run
/// goes on. Errors returned are fatal: the gazetteer or rules cannot be
/// loaded, or the output folder or index cannot be written.
pub fn run(cfg: &RunConfig, progress: &dyn Progress) -> Result<RunSummary> {
    let started = Instant::now();
    let mut engine = Engine::load(&cfg.gazetteers, &cfg.rules)?;
    engine.set_max_bytes(cfg.max_bytes);
    let out = OutputDir::create(&cfg.out)?;
    let files = ingest::discover(&cfg.corpus)?;
    let fingerprint = cfg.fingerprint()?;
    let old = Manifest::load(&out.manifest_path())?;
    let stale_config = cfg.force || old.fingerprint != fingerprint;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Error::Invalid(format!("cannot start worker threads: {e}")))?;
    let index = CorpusIndex::open_or_create(&out.index_dir())?;
    // A document counts as unchanged only if the index still holds it (the
    // index folder may have been deleted, or rebuilt for a new schema).
    let indexed = if index.was_rebuilt() { HashSet::new() } else { index.indexed_docs()? };
    let mut updater = index.updater()?;
    updater.set_statuses(review_statuses(&out)?);
    let total: u64 = files.iter().map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len())).sum();
    progress.start(files.len(), total);

    let ctx = DocContext {
        engine: &engine,
        out: &out,
        updater: &updater,
        old: &old,
        indexed,
        stale_config,
    };
    let results: Vec<(String, DocRecord, Outcome)> = pool.install(|| {
        files
            .par_iter()
            .map(|file| {
                let (record, outcome) = ctx.handle(file);
                progress.file_done(&file.id, record.bytes, &outcome);
                (file.id.0.clone(), record, outcome)
            })
            .collect()
    });
    progress.finishing();

    let mut summary =
        RunSummary { entities: engine.gazetteer().entities().len(), ..Default::default() };
    let mut manifest =
        Manifest { version: env!("CARGO_PKG_VERSION").into(), fingerprint, docs: BTreeMap::new() };
    for (doc, record, outcome) in results {
        match &outcome {
            Outcome::Processed { .. } => {
                summary.processed += 1;
                summary.bytes_processed += record.bytes;
            }
            Outcome::Unchanged => summary.unchanged += 1,
            Outcome::Failed(reason) => summary.failures.push((doc.clone(), reason.clone())),
        }
        manifest.docs.insert(doc, record);
    }
    for gone in old.docs.keys().filter(|d| !manifest.docs.contains_key(*d)) {
        out.remove_doc(gone)?;
        updater.remove(&DocId(gone.clone()))?;
        summary.removed += 1;
    }
    updater.commit()?;
    summary.index = index.stats()?;
    let order: Vec<String> = manifest.docs.keys().cloned().collect();
    summary.counts = out.write_aggregates(&order)?;
    out.write_entities(engine.gazetteer().entities())?;
    manifest.save(&out.manifest_path())?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// What every worker needs to handle one file.
struct DocContext<'a> {
    engine: &'a Engine,
    out: &'a OutputDir,
    updater: &'a IndexUpdater,
    old: &'a Manifest,
    indexed: HashSet<DocId>,
    stale_config: bool,
}

impl DocContext<'_> {
    /// Reads, skips or processes one file; never fails the run.
    fn handle(&self, file: &SourceFile) -> (DocRecord, Outcome) {
        let bytes = match std::fs::read(&file.path) {
            Ok(b) => b,
            Err(e) => {
                let reason = IngestError::Read(e.to_string()).to_string();
                return self.fail(file, String::new(), 0, reason);
            }
        };
        let sha256 = sha256_hex(&bytes);
        let size = bytes.len() as u64;
        let unchanged = !self.stale_config
            && self
                .old
                .docs
                .get(&file.id.0)
                .is_some_and(|r| r.sha256 == sha256 && r.error.is_none())
            && self.out.has_parts(&file.id.0)
            && self.indexed.contains(&file.id);
        if unchanged {
            return (DocRecord { sha256, bytes: size, error: None }, Outcome::Unchanged);
        }
        let processed = catch_unwind(AssertUnwindSafe(|| self.engine.process(file, &bytes)))
            .unwrap_or_else(|panic| Err(IngestError::Panic(panic_message(&panic))));
        match processed.map_err(|e| e.to_string()).and_then(|p| self.write(&p).map(|()| p)) {
            Ok(p) => {
                let outcome = Outcome::Processed {
                    mentions: p.tagged.mentions.len(),
                    claims: p.claims.len(),
                };
                (DocRecord { sha256, bytes: size, error: None }, outcome)
            }
            Err(reason) => self.fail(file, sha256, size, reason),
        }
    }

    /// Writes a processed document's outputs and index entries.
    fn write(&self, p: &Processed) -> Result<(), String> {
        let doc = &p.tagged.doc;
        let row =
            document_row(doc, p.tagged.sentences.len(), p.tagged.mentions.len(), p.claims.len());
        let mentions: Vec<_> =
            p.tagged.mentions.iter().map(|m| mention_row(&doc.id.0, m)).collect();
        let written = self
            .out
            .write_doc(&doc.text, &row, &mentions, &p.claims)
            .and_then(|()| self.updater.remove(&doc.id))
            .and_then(|()| self.updater.add(&p.tagged, &p.claims));
        written.map_err(|e| format!("cannot write output: {e}"))
    }

    /// Records a failure for `file`.
    fn fail(
        &self,
        file: &SourceFile,
        sha256: String,
        bytes: u64,
        reason: String,
    ) -> (DocRecord, Outcome) {
        let row = DocumentRow {
            doc: file.id.0.clone(),
            sha256: sha256.clone(),
            source_format: Some(file.format),
            bytes,
            error: Some(reason.clone()),
            ..Default::default()
        };
        let mut reason = reason;
        if let Err(e) = self.out.write_failed(&row).and_then(|()| self.updater.remove(&file.id)) {
            reason = format!("{reason}; also cannot record the failure: {e}");
        }
        (DocRecord { sha256, bytes, error: Some(reason.clone()) }, Outcome::Failed(reason))
    }
}

/// The review decision in force for each claim, so the index can facet
/// claims by status as of this run (`review.jsonl` is only read).
fn review_statuses(out: &OutputDir) -> Result<HashMap<String, String>> {
    let log = DecisionLog::new(out.root()).read()?;
    Ok(log
        .in_force()
        .into_iter()
        .map(|(id, d)| (id.to_string(), d.status.as_str().to_string()))
        .collect())
}

/// The text of a caught panic.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}
