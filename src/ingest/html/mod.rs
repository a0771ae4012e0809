//! HTML to raw blocks and metadata.
//!
//! The page is decoded ([`charset`]) and parsed by html5ever (through
//! `scraper`), so entities, unclosed tags and the rest of real-world HTML are
//! handled as a browser would. The main content is chosen and boilerplate
//! dropped ([`content`]), the DOM becomes blocks ([`blocks`]), and the
//! metadata comes from the head ([`meta`]). When the content holds no
//! top-level heading, the page title becomes one, so every page has the
//! title line that the text readers find.

mod blocks;
mod charset;
mod content;
mod meta;

use scraper::Html;

use super::{IngestOptions, RawBlock};
use crate::error::IngestError;
use crate::model::{BlockKind, Metadata};

/// HTML files larger than this are reported, not parsed: a page that big is
/// a data dump or a saved page full of inline images, and parsing it would
/// hold hundreds of megabytes.
pub(crate) const MAX_HTML_BYTES: u64 = 10 * 1024 * 1024;

/// Parses an HTML page into blocks (main content only) and its metadata.
pub(crate) fn parse(
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<(Vec<RawBlock>, Metadata), IngestError> {
    let limit = opts.max_bytes.map_or(MAX_HTML_BYTES, |l| l.min(MAX_HTML_BYTES));
    if bytes.len() as u64 > limit {
        return Err(IngestError::TooLarge { size: bytes.len() as u64, limit });
    }
    let text = charset::decode(bytes)?;
    let doc = Html::parse_document(&text);
    let meta = meta::read(&doc);
    let body = content::body(&doc);
    let stats = content::analyse(body);
    let mut blocks = blocks::collect(content::main_root(body, &stats), &stats);
    add_title(&mut blocks, meta.title.as_deref());
    Ok((blocks, meta))
}

/// Makes sure the content starts with its title as a level-1 heading: the
/// first block when it is the title, else the title added before it.
fn add_title(blocks: &mut Vec<RawBlock>, title: Option<&str>) {
    if blocks.iter().any(|b| b.kind == BlockKind::Heading { level: 1 }) {
        return;
    }
    let Some(title) = title else { return };
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    match blocks.first_mut() {
        Some(first) if norm(&first.text) == norm(title) => {
            first.kind = BlockKind::Heading { level: 1 }
        }
        _ => blocks.insert(0, RawBlock::new(BlockKind::Heading { level: 1 }, title)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_becomes_the_first_heading() {
        let mut b = vec![
            RawBlock::new(BlockKind::Paragraph, "Waiting at  Torkham"),
            RawBlock::new(BlockKind::Paragraph, "x"),
        ];
        add_title(&mut b, Some("Waiting at Torkham"));
        assert_eq!(b[0].kind, BlockKind::Heading { level: 1 });
        let mut b = vec![RawBlock::new(BlockKind::Paragraph, "Body.")];
        add_title(&mut b, Some("Title"));
        assert_eq!(b[0], RawBlock::new(BlockKind::Heading { level: 1 }, "Title"));
        let mut b = vec![
            RawBlock::new(BlockKind::Heading { level: 1 }, "H"),
            RawBlock::new(BlockKind::Paragraph, "Body."),
        ];
        add_title(&mut b, Some("Other"));
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn deep_nesting_is_handled_without_recursion() {
        let depth = 10_000;
        let para = "Text nested far below the body, long enough to count as prose here.";
        let html = format!(
            "<body>{}<p>{para}</p>{}</body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let (blocks, _) = parse(html.as_bytes(), &IngestOptions::default()).unwrap();
        assert_eq!(blocks, [RawBlock::new(BlockKind::Paragraph, para)]);
    }

    #[test]
    fn oversized_pages_are_refused() {
        let opts = IngestOptions { max_bytes: Some(10), ..IngestOptions::default() };
        assert_eq!(
            parse(b"<p>more than ten bytes</p>", &opts),
            Err(IngestError::TooLarge { size: 26, limit: 10 })
        );
    }
}
