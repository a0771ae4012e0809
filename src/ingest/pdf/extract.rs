//! Reading a PDF's text layer through `pdf_oxide`: positioned glyphs per
//! page, and the reasons a file cannot be read (encrypted, no text layer,
//! corrupt).

use pdf_oxide::PdfDocument;

use crate::error::IngestError;

/// One glyph on a page, in a top-down coordinate system (points from the
/// top-left corner of the page box).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Glyph {
    /// The text it stands for (ligatures expanded, hyphen variants folded).
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Baseline, from the top of the page.
    pub base: f32,
    /// Font size in points.
    pub size: f32,
    /// Set in a bold face.
    pub bold: bool,
    /// True for a space character.
    pub space: bool,
}

/// The glyphs of one page.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Page {
    /// Page height in points.
    pub height: f32,
    /// Page width in points.
    pub width: f32,
    /// Glyphs in content-stream order.
    pub glyphs: Vec<Glyph>,
}

/// Opens the document, refusing encrypted files that need a password.
pub(super) fn open(bytes: &[u8]) -> Result<PdfDocument, IngestError> {
    if !bytes.starts_with(b"%PDF")
        && !bytes[..bytes.len().min(1024)].windows(4).any(|w| w == b"%PDF")
    {
        return Err(corrupt("no %PDF header; not a PDF file"));
    }
    let doc = PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| corrupt(&e.to_string()))?;
    if doc.is_encrypted() && !doc.is_authenticated() {
        return Err(IngestError::Encrypted(
            "it needs a password to open; save an unprotected copy and run again".into(),
        ));
    }
    Ok(doc)
}

/// Every page's glyphs. A page that cannot be read makes the file corrupt.
pub(super) fn pages(doc: &PdfDocument) -> Result<Vec<Page>, IngestError> {
    let count = doc.page_count().map_err(|e| corrupt(&format!("no page tree: {e}")))?;
    if count == 0 {
        return Err(corrupt("the document has no pages"));
    }
    let mut pages = Vec::with_capacity(count);
    for index in 0..count {
        let damaged = |e: pdf_oxide::error::Error| {
            corrupt(&format!(
                "page {} of {count} cannot be read ({e}); truncated or damaged",
                index + 1
            ))
        };
        let (x0, y0, x1, y1) = doc.get_page_media_box(index).map_err(damaged)?;
        let chars = doc.extract_chars(index).map_err(damaged)?;
        let top = y0.max(y1);
        let left = x0.min(x1);
        let glyphs = chars
            .iter()
            .filter(|c| c.rotation_degrees.abs() < 1.0 && c.font_size > 0.5)
            .map(|c| Glyph {
                text: fold_char(c.char),
                x0: c.bbox.x - left,
                x1: c.bbox.x - left + c.bbox.width.max(0.0),
                base: top - c.origin_y,
                size: c.font_size,
                bold: is_bold(c),
                space: c.char.is_whitespace(),
            })
            .filter(|g| !g.text.is_empty())
            .collect();
        pages.push(Page { height: (y1 - y0).abs(), width: (x1 - x0).abs(), glyphs });
    }
    check_text_layer(&pages)?;
    Ok(pages)
}

fn is_bold(c: &pdf_oxide::layout::TextChar) -> bool {
    let name = c.font_name.to_ascii_lowercase();
    c.font_weight.is_bold()
        || name.contains("bold")
        || name.contains("black")
        || name.contains("heavy")
}

/// No glyphs at all: a scan. Mostly unmapped glyphs: fonts without a
/// Unicode mapping, whose text cannot be recovered.
fn check_text_layer(pages: &[Page]) -> Result<(), IngestError> {
    let visible: Vec<&Glyph> = pages.iter().flat_map(|p| &p.glyphs).filter(|g| !g.space).collect();
    if visible.is_empty() {
        return Err(IngestError::NoTextLayer(format!(
            "{} page(s), none with extractable text; run OCR on it first",
            pages.len()
        )));
    }
    let unmapped = visible
        .iter()
        .filter(|g| {
            g.text.chars().all(|c| c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c))
        })
        .count();
    if unmapped * 2 > visible.len() {
        return Err(corrupt(&format!(
            "{unmapped} of {} glyphs have no Unicode mapping; the text cannot be recovered",
            visible.len()
        )));
    }
    Ok(())
}

/// Ligatures expanded, hyphen variants folded to `-`, controls dropped.
pub(super) fn fold_char(c: char) -> String {
    match c {
        '\u{FB00}' => "ff".into(),
        '\u{FB01}' => "fi".into(),
        '\u{FB02}' => "fl".into(),
        '\u{FB03}' => "ffi".into(),
        '\u{FB04}' => "ffl".into(),
        '\u{FB05}' | '\u{FB06}' => "st".into(),
        '\u{2010}' | '\u{2011}' => "-".into(),
        '\u{00A0}' | '\u{2002}'..='\u{200A}' => " ".into(),
        c if c.is_control() && c != '\t' => String::new(),
        c => c.to_string(),
    }
}

pub(super) fn corrupt(reason: &str) -> IngestError {
    IngestError::Corrupt { format: "PDF".into(), reason: reason.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_ligatures_and_hyphen_variants() {
        let folded: String =
            "ﬁghters ﬂows oﬃcials non\u{2011}state".chars().map(fold_char).collect();
        assert_eq!(folded, "fighters flows officials non-state");
        assert_eq!(fold_char('\u{7}'), "");
    }

    #[test]
    fn rejects_non_pdf_and_empty_text_layers() {
        assert!(matches!(open(b"<html></html>"), Err(IngestError::Corrupt { .. })));
        let empty = vec![Page { height: 842.0, width: 595.0, glyphs: vec![] }];
        assert!(matches!(check_text_layer(&empty), Err(IngestError::NoTextLayer(_))));
    }
}
