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
        let mut sections = SectionSweep::default();
        for (i, block) in doc.blocks.iter().enumerate() {
            let text = block.span.slice(&doc.text);
            let is_heading = matches!(block.kind, BlockKind::Heading { .. });
            let prose =
                matches!(block.kind, BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem);
            let pieces =
                if prose { split::split(text, &self.rules) } else { vec![(0, text.len())] };
            for (s, e) in pieces {
                let span = Span::new(block.span.start + s, block.span.start + e);
                sentences.push(Sentence {
                    span,
                    block: i,
                    section: sections.at(&doc, span.start),
                    is_heading,
                });
            }
        }
        SegmentedDoc { doc, sentences }
    }
}

/// The innermost section at increasing offsets, in amortised constant time
/// (sections come in text order and nest).
#[derive(Default)]
struct SectionSweep {
    next: usize,
    open: Vec<usize>,
}

impl SectionSweep {
    /// The innermost section containing `offset`; offsets must not decrease
    /// between calls.
    fn at(&mut self, doc: &Document, offset: usize) -> Option<usize> {
        while self.next < doc.sections.len() && doc.sections[self.next].extent.start <= offset {
            self.open.push(self.next);
            self.next += 1;
        }
        self.open.retain(|&i| offset < doc.sections[i].extent.end);
        self.open.last().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, DocId, Metadata, Section, SourceFormat, Span};

    #[test]
    fn units_follow_blocks_and_sections() {
        let text = "Title\n\nIntro. More text here.\n\nPart\n\nBody one. Body two.\n".to_string();
        let span = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        let blocks = vec![
            Block { kind: BlockKind::Heading { level: 1 }, span: span("Title") },
            Block { kind: BlockKind::Paragraph, span: span("Intro. More text here.") },
            Block { kind: BlockKind::Heading { level: 2 }, span: span("Part") },
            Block { kind: BlockKind::Paragraph, span: span("Body one. Body two.") },
        ];
        let sections = vec![
            Section {
                title: "Title".into(),
                level: 1,
                heading: span("Title"),
                extent: Span::new(0, text.len()),
                parent: None,
            },
            Section {
                title: "Part".into(),
                level: 2,
                heading: span("Part"),
                extent: Span::new(span("Part").start, text.len()),
                parent: Some(0),
            },
        ];
        let doc = Document {
            id: DocId("d".into()),
            format: SourceFormat::Text,
            sha256: String::new(),
            bytes: 0,
            text: text.clone(),
            meta: Metadata::default(),
            blocks,
            sections,
        };
        let seg = Segmenter::load(&RulesDir::embedded()).unwrap().segment(doc);
        let got: Vec<_> =
            seg.sentences.iter().map(|s| (s.span.slice(&text), s.section, s.is_heading)).collect();
        assert_eq!(
            got,
            [
                ("Title", Some(0), true),
                ("Intro.", Some(0), false),
                ("More text here.", Some(0), false),
                ("Part", Some(1), true),
                ("Body one.", Some(1), false),
                ("Body two.", Some(1), false),
            ]
        );
    }
}
