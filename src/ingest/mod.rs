//! Ingest: finds the corpus files and turns each into a [`Document`] whose
//! extracted text is the ground truth for every later offset.
//!
//! Each format has its own reader that produces [`RawBlock`]s (headings,
//! paragraphs, list items) and whatever metadata the format carries; the
//! shared [`assemble`](assemble::assemble) step normalises them (NFC,
//! whitespace, paragraphs broken by layout) and lays them out as one text
//! with block spans and a section tree, so every format gets the same
//! offsets discipline.

mod assemble;
mod decode;
mod html;
mod markdown;
mod metadata;
mod options;
mod pdf;
mod text;
mod walk;

use crate::error::IngestError;
use crate::model::{BlockKind, Document, Metadata, SourceFormat};

pub use decode::decode_text;
pub use metadata::parse_date;
pub use options::IngestOptions;
pub use walk::{SourceFile, discover, sha256_hex};

/// One structural unit as a format reader found it, before layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawBlock {
    /// Heading, paragraph, list item, …
    pub kind: BlockKind,
    /// Its text; whitespace is normalised later.
    pub text: String,
}

impl RawBlock {
    /// A block of `kind` holding `text`.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> RawBlock {
        RawBlock { kind, text: text.into() }
    }
}

/// Reads `bytes` (the content of `file`) into a document.
///
/// The result's `sha256` and `bytes` fields describe the input; metadata
/// comes from the format (HTML `<meta>`, PDF info) and, where missing, from
/// labelled lines in the text ("DOI: …", "Published online …").
pub fn extract(
    file: &SourceFile,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<Document, IngestError> {
    if let Some(limit) = opts.max_bytes.filter(|&l| bytes.len() as u64 > l) {
        return Err(IngestError::TooLarge { size: bytes.len() as u64, limit });
    }
    let (blocks, mut meta) = match file.format {
        SourceFormat::Text => (text::parse(&decode_text(bytes)?), Metadata::default()),
        SourceFormat::Markdown => (markdown::parse(&decode_text(bytes)?), Metadata::default()),
        SourceFormat::Html => html::parse(bytes, opts)?,
        SourceFormat::Pdf => pdf::parse(bytes, opts)?,
    };
    let laid = assemble::assemble(blocks);
    if laid.text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    metadata::fill_from_text(&laid, &mut meta);
    Ok(Document {
        id: file.id.clone(),
        format: file.format,
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        text: laid.text,
        meta,
        blocks: laid.blocks,
        sections: laid.sections,
    })
}
