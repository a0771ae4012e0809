//! How a run reports progress to whoever drives it (the CLI draws a bar).

use crate::model::DocId;

/// What happened to one corpus file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Processed now.
    Processed {
        /// Mentions tagged.
        mentions: usize,
        /// Claims extracted.
        claims: usize,
    },
    /// Same bytes and configuration as last run: skipped.
    Unchanged,
    /// Could not be processed; the reason.
    Failed(String),
}

/// Receives progress events; called from worker threads.
pub trait Progress: Sync {
    /// The run found `files` corpus files totalling `bytes`.
    fn start(&self, files: usize, bytes: u64) {
        let _ = (files, bytes);
    }
    /// One file is done.
    fn file_done(&self, doc: &DocId, bytes: u64, outcome: &Outcome) {
        let _ = (doc, bytes, outcome);
    }
    /// All files are done; the run is writing the index and output files.
    fn finishing(&self) {}
}

/// Ignores progress.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}
