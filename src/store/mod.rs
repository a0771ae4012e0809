//! The output folder: atomic writes, the run manifest, per-document parts,
//! and the aggregate files of `CLAIMS.md` (`documents.jsonl`,
//! `mentions.jsonl`, `claims.jsonl`, `text/`, `entities.jsonl`).
//!
//! Each processed document leaves its rows in `output/parts/<doc>.*`; the
//! aggregate files are rebuilt from the parts at the end of every run by
//! streaming them in document order, so an unchanged document costs nothing
//! and no step holds the whole corpus in memory. Every file is written to a
//! temporary file in the same folder and renamed into place: an interrupted
//! run never leaves a half-written file and keeps the previous complete one.

mod atomic;
mod layout;
mod manifest;
mod rows;

pub use atomic::{write_atomic, write_atomic_with};
pub use layout::{AggregateCounts, OutputDir, read_jsonl};
pub use manifest::{DocRecord, Manifest};
pub use rows::{DocumentRow, MentionRow, document_row, mention_row};
