//! Review: reviewers' decisions on claims, kept apart from the extraction
//! in the append-only `output/review.jsonl` and joined to claims by id, so a
//! new run never loses a decision; the command-line operations and the
//! local review web page.
//!
//! * [`log`] appends decisions durably and reads them back.
//! * [`join`](mod@join) joins claims with the decisions in force (pending, accepted,
//!   rejected, edited, or stale when the evidence sentence changed).
//! * [`edit`] validates corrections; [`queue`] filters the review queue
//!   (its search box is pluggable through [`queue::ClaimSearch`], for the
//!   corpus index).
//! * [`output`] reads the run's files without leaving `output/`.
//! * [`session`] ties them together for the CLI and [`web`].
//!
//! # The decision log
//!
//! One JSON object per line, never rewritten:
//!
//! ```json
//! {"claim":"c1f0…","status":"edited","edits":{"object":{"id":"afghanistan","type":"place","name":"Afghanistan"}},
//!  "note":"Kabul stands for the country","reviewer":"ana","timestamp":"2026-03-01T10:15:02.118Z",
//!  "doc":"zahid-2026-taliban-ttp-nexus.md","sentence_sha256":"9c1e…","sentence":"When the Afghan Taliban captured Kabul …"}
//! ```
//!
//! `status` is `accepted`, `rejected`, `edited` or `undone`; for each claim
//! the decisions stack up in file order, `undone` pops the latest, and the
//! top of the stack is in force. A decision whose `sentence_sha256` differs
//! from the hash of the claim's current evidence sentence makes the claim
//! `stale`.

pub mod edit;
pub mod join;
pub mod log;
pub mod output;
pub mod queue;
pub mod session;
pub mod web;

#[cfg(test)]
pub(crate) mod testkit;

pub use edit::EditRequest;
pub use join::{Counts, Joined, join, sentence_sha256};
pub use log::{DecisionLog, LogContents, LogWarning};
pub use queue::{ClaimSearch, Filter, StatusFilter};
pub use session::{Session, default_reviewer};
