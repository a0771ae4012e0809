//! The output folder: atomic file writes, the run manifest, per-document
//! caches and the aggregate JSONL files of `CLAIMS.md`.
//!
//! OWNER: lead (stub).
