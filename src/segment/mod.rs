//! Sentence segmentation: splits each block of a document into sentences
//! with byte spans. Headings and list items are units of their own; the
//! abbreviation lists that guard the splitter are data (`rules/segment.toml`).

mod rules;
mod split;

pub use rules::SegmentRules;

use crate::error::RulesError;
use crate::lexicon::RulesDir;
use crate::model::{BlockKind, Document, SegmentedDoc, Sentence, Span};

/// The sentence splitter.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {
    rules: SegmentRules,
}

impl Segmenter {
    /// Loads the segmentation lexicon from `rules` (or the built-in copy).
    pub fn load(rules: &RulesDir) -> Result<Segmenter, RulesError> {
        Ok(Segmenter { rules: SegmentRules::load(rules)? })
    }

    /// A segmenter with the given lexicon.
    pub fn with_rules(rules: SegmentRules) -> Segmenter {
        Segmenter { rules }
    }

    /// Splits `doc` into sentences. A heading, table row or other
    /// non-prose block is one unit; paragraphs, quotes and list items are
    /// split at sentence ends.
    pub fn segment(&self, doc: Document) -> SegmentedDoc {
        let mut sentences = Vec::new();
        for (i, block) in doc.blocks.iter().enumerate() {
            let text = block.span.slice(&doc.text);
            let is_heading = matches!(block.kind, BlockKind::Heading { .. });
            let prose = matches!(block.kind, BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem);
            let pieces = if prose { split::split(text, &self.rules) } else { vec![(0, text.len())] };
            for (s, e) in pieces {
                let span = Span::new(block.span.start + s, block.span.start + e);
                sentences.push(Sentence {
                    span,
                    block: i,
                    section: doc.section_at(span.start),
                    is_heading,
                });
            }
        }
        SegmentedDoc { doc, sentences }
    }
}
