//! Review decisions: the append-only `output/review.jsonl` log, joining
//! decisions to claims, and the local review web page.
//!
//! OWNER: review (stub).
