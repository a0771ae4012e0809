//! PDF to raw blocks and metadata.
//!
//! `pdf_oxide` reads the text layer as positioned glyphs ([`extract`]); the
//! layout is then repaired here, page by page: glyphs become rows and words
//! with superscript markers kept apart ([`lines`]), running headers, footers
//! and page numbers are dropped ([`furniture`]), columns are read in order
//! ([`order`]), and lines become headings and paragraphs with line-end
//! hyphens resolved ([`paragraphs`], [`hyphen`]). Metadata comes from XMP and
//! the info dictionary ([`meta`]).
//!
//! Any panic inside the PDF library is contained and reported as
//! [`IngestError::Panic`] for this file only.

mod extract;
mod furniture;
mod hyphen;
mod lines;
mod meta;
mod order;
mod paragraphs;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::LazyLock;

use regex::Regex;

use super::{IngestOptions, RawBlock};
use crate::error::IngestError;
use crate::model::Metadata;

/// Extracts a PDF's text layer as blocks, with its metadata.
pub(crate) fn parse(
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<(Vec<RawBlock>, Metadata), IngestError> {
    match catch_unwind(AssertUnwindSafe(|| read(bytes, opts))) {
        Ok(result) => result,
        Err(payload) => Err(IngestError::Panic(panic_message(payload.as_ref()))),
    }
}

fn read(bytes: &[u8], opts: &IngestOptions) -> Result<(Vec<RawBlock>, Metadata), IngestError> {
    let doc = extract::open(bytes)?;
    let pages = extract::pages(&doc)?;
    let (mut meta, made) = meta::read(&doc);
    drop(doc);
    let heights: Vec<f32> = pages.iter().map(|p| p.height).collect();
    let mut rows: Vec<_> = pages.iter().map(lines::rows).collect();
    drop(pages);
    furniture::remove(&mut rows, &heights);
    let regions: Vec<paragraphs::PageRegions> = rows
        .into_iter()
        .enumerate()
        .map(|(page, rows)| order::regions(rows.into_iter().flatten().collect(), page))
        .collect();
    let blocks = paragraphs::blocks(&regions, &heights, &opts.hyphenated);
    if meta.published.is_none() && !states_publication(&blocks) {
        meta.published = made;
    }
    Ok((blocks, meta))
}

/// The front matter gives a labelled publication date ("Published online 31
/// January 2025"), which the text reader picks up; the file's creation date
/// is then not used.
fn states_publication(blocks: &[RawBlock]) -> bool {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(published online|first published|published|date of publication|date)\s*(?:on|:)?\s*(\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}|[a-z]{3,9}\.?\s+\d{1,2}|\d{4}-\d{2}-\d{2})",
        )
        .unwrap()
    });
    blocks.iter().take(25).any(|b| LABEL.is_match(&b.text))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    format!("the PDF library failed on this file: {msg}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labelled_date_in_the_text_wins_over_the_file_date() {
        let block = |t: &str| RawBlock::new(crate::model::BlockKind::Paragraph, t);
        assert!(states_publication(&[block(
            "Received 1 May 2024; Published online 31 January 2025"
        )]));
        assert!(!states_publication(&[block("Issued for the Committee; published by the Team")]));
    }

    #[test]
    fn a_panic_becomes_an_error() {
        let caught = catch_unwind(|| panic!("bad font")).unwrap_err();
        assert_eq!(panic_message(caught.as_ref()), "the PDF library failed on this file: bad font");
    }
}
