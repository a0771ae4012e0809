//! The run: composes ingest → segment → tag → extract → index/store over a
//! corpus, in parallel over documents and incrementally.
//!
//! [`Engine`] holds everything loaded once per run (gazetteer automaton,
//! date patterns, rules) and processes one document; [`run`] walks the
//! corpus, skips unchanged documents, processes the rest on a rayon pool,
//! keeps the index in step and rebuilds the output files.

mod config;
mod engine;
mod progress;
mod run;

pub use config::RunConfig;
pub use engine::{Engine, Processed};
pub use progress::{NoProgress, Outcome, Progress};
pub use run::{RunSummary, run};
