//! The run: composes ingest → segment → tag → extract → index/store over a
//! corpus, in parallel and incrementally.
//!
//! OWNER: lead (stub).
