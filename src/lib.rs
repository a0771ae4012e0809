//! claimex turns policy literature into reviewed, dated, sourced claims
//! about who did what to whom.
//!
//! # Overview
//!
//! The pipeline runs one way, one module per stage:
//!
//! ```text
//! corpus/ ──ingest──▶ Document ──segment──▶ SegmentedDoc ──tag──▶ TaggedDoc
//!                                            (gazetteer, dates)       │
//!            output/ ◀──store── index ◀── Vec<Claim> ◀──extract───────┘
//!                                   review ──▶ export
//! ```
//!
//! * [`ingest`] walks the corpus and reads text, Markdown, HTML and PDF into
//!   [`model::Document`]s whose extracted text is the ground truth for every
//!   offset.
//! * [`segment`] splits it into sentences, headings and list items.
//! * [`gazetteer`] and [`dates`] are [`model::Recognizer`]s; [`tag`] runs
//!   them and resolves overlaps.
//! * [`extract`] turns tagged sentences into [`model::Claim`]s.
//! * [`index`] keeps a tantivy index of documents, sentences and claims.
//! * [`store`] writes `output/` atomically and incrementally.
//! * [`review`] keeps reviewers' decisions; [`export`] writes dataset rows.
//! * [`pipeline`] composes the stages for `claimex run`.
//!
//! # Example
//!
//! ```
//! use claimex::{gazetteer::Gazetteer, model::EntityCatalog};
//!
//! let gaz = Gazetteer::from_tsv(
//!     "ttp\tactor\tTehreek-e-Taliban Pakistan\tPakistani Taliban\tTTP\n",
//! )
//! .unwrap();
//! let hits = gaz.find("Analysts say the TTP’s leadership fled.");
//! assert_eq!(hits.len(), 1);
//! assert_eq!(gaz.entities()[hits[0].entity].id, "ttp");
//! # let _ = gaz.pattern_count();
//! ```

pub mod dates;
pub mod error;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod index;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod review;
pub mod segment;
pub mod store;
pub mod tag;

pub use error::{Error, Result};
