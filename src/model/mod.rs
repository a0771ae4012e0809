//! The plain data types that pass between pipeline stages.
//!
//! Every stage reads the previous stage's types from here and never reaches
//! back into another stage's module: ingest makes a [`Document`], segment a
//! [`SegmentedDoc`], tag a [`TaggedDoc`], extract a list of [`Claim`]s.
//! Nothing here does I/O.

mod claim;
mod document;
mod entity;
mod mention;
mod review;
mod span;

pub use claim::{
    Argument, Claim, ClaimTime, Evidence, Modality, Place, Polarity, Relation, Source, TimeOrigin,
};
pub use document::{
    Block, BlockKind, DocId, Document, Metadata, Section, SegmentedDoc, Sentence, SourceFormat,
    TaggedDoc,
};
pub use entity::{Entity, Metonym};
pub use mention::{DateValue, EntityRef, Granularity, Mention, MentionKind};
pub use review::{
    Decision, DecisionStatus, DocumentInfo, Edits, ReviewStatus, ReviewedClaim, TimeEdit,
    UnknownStatus,
};
pub use span::Span;

/// Something that finds mentions in a segmented document.
///
/// The tag stage runs a list of recognizers (the gazetteer, the date tagger,
/// …) without knowing what they are; overlaps between their results are
/// resolved there.
pub trait Recognizer: Sync + Send {
    /// A short name used in logs and in overlap tie-breaking reports.
    fn name(&self) -> &str;
    /// Appends every mention found in `doc` to `out`, in any order.
    fn recognize(&self, doc: &SegmentedDoc, out: &mut Vec<Mention>);
}

/// Read access to the gazetteer's entities, for stages after tagging
/// (extraction, index, review) that must not depend on how entities were
/// matched.
pub trait EntityCatalog: Sync + Send {
    /// The entity with this canonical id.
    fn entity(&self, id: &str) -> Option<&Entity>;
    /// Entities one of whose names or acronyms is `name` (case and dash
    /// variants folded as the tagger folds them).
    fn lookup_name(&self, name: &str) -> Vec<&Entity>;
    /// Every entity, in gazetteer order.
    fn entities(&self) -> &[Entity];
}
