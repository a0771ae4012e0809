//! Documents and the structure the early stages find in them.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Mention, Span};

/// A document id: its path relative to the corpus root, `/`-separated
/// (e.g. `reports/2024/ttp-brief.md`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub String);

impl DocId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The file format a document was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text (`.txt`).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// HTML (`.html`, `.htm`).
    Html,
    /// PDF (`.pdf`).
    Pdf,
}

impl SourceFormat {
    /// The format for a file extension (case-insensitive), if supported.
    pub fn from_extension(ext: &str) -> Option<SourceFormat> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(SourceFormat::Text),
            "md" | "markdown" => Some(SourceFormat::Markdown),
            "html" | "htm" | "xhtml" => Some(SourceFormat::Html),
            "pdf" => Some(SourceFormat::Pdf),
            _ => None,
        }
    }

    /// The lowercase name written to `documents.jsonl`.
    pub fn as_str(&self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Pdf => "pdf",
        }
    }
}

/// Bibliographic metadata found in a document (all optional).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Title.
    pub title: Option<String>,
    /// Authors, in document order.
    pub authors: Vec<String>,
    /// Publication date (anchors relative dates; exported with claims).
    pub published: Option<NaiveDate>,
    /// Date the manuscript was received.
    pub received: Option<NaiveDate>,
    /// Date the manuscript was revised.
    pub revised: Option<NaiveDate>,
    /// Date the manuscript was accepted.
    pub accepted: Option<NaiveDate>,
    /// DOI without resolver prefix, e.g. `10.37540/njips.v9i1.215`.
    pub doi: Option<String>,
    /// Journal name, for articles.
    pub journal: Option<String>,
    /// Publisher or site name.
    pub publisher: Option<String>,
    /// Canonical URL, when the source gives one.
    pub url: Option<String>,
}

/// What kind of structural unit a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A heading of the given level (1 = top).
    Heading {
        /// 1 for a title or `#`, 2 for `##`, …
        level: u8,
    },
    /// A paragraph of running text.
    Paragraph,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// A block quotation.
    Quote,
    /// A table cell or row.
    Table,
    /// Anything else kept as its own unit (code, captions, front matter).
    Other,
}

/// A structural unit of the extracted text, found by ingest.
///
/// Blocks never overlap and come in text order; sentence segmentation never
/// lets a sentence cross a block boundary, except to repair a paragraph that
/// a layout break cut in the middle of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it is in the extracted text (without the trailing newline).
    pub span: Span,
}

/// A node of the document's section tree: one heading and what it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Heading text as it appears in the extracted text.
    pub title: String,
    /// Heading level (1 = top).
    pub level: u8,
    /// The heading line's span.
    pub heading: Span,
    /// From the heading to the start of the next heading of the same or a
    /// higher level (or the end of the text).
    pub extent: Span,
    /// Index of the enclosing section in `Document::sections`.
    pub parent: Option<usize>,
}

/// One ingested document: the extracted text and what ingest found in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to the corpus root.
    pub id: DocId,
    /// The format it was read from.
    pub format: SourceFormat,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    /// Size of the source file in bytes.
    pub bytes: u64,
    /// The extracted text (Unicode NFC): every offset refers to it.
    pub text: String,
    /// Bibliographic metadata.
    pub meta: Metadata,
    /// Structural units in text order.
    pub blocks: Vec<Block>,
    /// The section tree, in text order (parents before children).
    pub sections: Vec<Section>,
}

impl Document {
    /// Index of the innermost section whose extent contains `offset`.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.extent.start <= offset && offset < s.extent.end)
            .max_by_key(|(_, s)| s.level)
            .map(|(i, _)| i)
    }

    /// Titles from the outermost section down to section `idx`.
    pub fn section_path(&self, idx: usize) -> Vec<String> {
        let mut path = Vec::new();
        let mut cur = Some(idx);
        while let Some(i) = cur {
            path.push(self.sections[i].title.clone());
            cur = self.sections[i].parent;
        }
        path.reverse();
        path
    }
}

/// One sentence (or heading, or list item) found by segmentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Its span in the extracted text, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index of the block it starts in.
    pub block: usize,
    /// Index of the innermost enclosing section, if any.
    pub section: Option<usize>,
    /// True when the unit is a heading rather than running text.
    pub is_heading: bool,
}

/// A document split into sentences.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentedDoc {
    /// The document.
    pub doc: Document,
    /// Sentences in text order; they never overlap.
    pub sentences: Vec<Sentence>,
}

/// A segmented document with its entity and date mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct TaggedDoc {
    /// The document.
    pub doc: Document,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Mentions sorted by `(start, end)`; they never overlap.
    pub mentions: Vec<Mention>,
}

impl TaggedDoc {
    /// The mentions that lie inside `span`, as a slice (mentions are sorted).
    pub fn mentions_in(&self, span: Span) -> &[Mention] {
        let lo = self.mentions.partition_point(|m| m.span.start < span.start);
        let hi = self.mentions.partition_point(|m| m.span.start < span.end);
        let slice = &self.mentions[lo..hi.max(lo)];
        let keep = slice.iter().take_while(|m| m.span.end <= span.end).count();
        &slice[..keep]
    }
}
