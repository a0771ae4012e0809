//! Sentence segmentation with byte spans.
//!
//! OWNER: lead (stub: one unit per block until the segmenter lands).

use crate::error::RulesError;
use crate::lexicon::RulesDir;
use crate::model::{BlockKind, Document, SegmentedDoc, Sentence};

/// The sentence splitter, built from `rules/abbreviations.txt`.
#[derive(Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    /// Loads the abbreviation list from `rules` (or the built-in copy).
    pub fn load(rules: &RulesDir) -> Result<Segmenter, RulesError> {
        let _ = rules;
        Ok(Segmenter {})
    }

    /// Splits `doc` into sentences; headings and list items are their own
    /// units.
    pub fn segment(&self, doc: Document) -> SegmentedDoc {
        let sentences = doc
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| Sentence {
                span: b.span,
                block: i,
                section: doc.section_at(b.span.start),
                is_heading: matches!(b.kind, BlockKind::Heading { .. }),
            })
            .collect();
        SegmentedDoc { doc, sentences }
    }
}
