//! Claim extraction: subject – relation – object assertions from tagged
//! sentences, with polarity, modality, source, time and place.
//!
//! OWNER: claims (stub; see the API contract below).

use crate::error::RulesError;
use crate::lexicon::RulesDir;
use crate::model::{Claim, EntityCatalog, TaggedDoc};

/// The claim extractor, built from the relation-cue and modality lexicons.
#[derive(Debug)]
pub struct Extractor {}

impl Extractor {
    /// Loads the extraction rules from `rules` (or the built-in copies).
    pub fn load(rules: &RulesDir) -> Result<Extractor, RulesError> {
        let _ = rules;
        Ok(Extractor {})
    }

    /// Every claim in `doc`, in text order.
    pub fn extract(&self, doc: &TaggedDoc, catalog: &dyn EntityCatalog) -> Vec<Claim> {
        let _ = (doc, catalog);
        Vec::new()
    }
}
