//! Export of reviewed claims as dataset rows (CSV, JSONL; ACLED and UCDP
//! profiles).
//!
//! OWNER: review (stub).
