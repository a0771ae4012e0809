//! Lays raw blocks out as one extracted text, with block spans and the
//! section tree. Every format goes through here.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::RawBlock;
use crate::model::{Block, BlockKind, Section, Span};

/// The extracted text and its structure.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Laid {
    pub text: String,
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
}

/// Normalises each block (NFC, whitespace runs to one space, invisible
/// characters dropped), joins paragraphs that a layout break cut in the
/// middle of a sentence, and lays the blocks out separated by blank lines
/// (list items by a single line break).
pub(crate) fn assemble(raw: Vec<RawBlock>) -> Laid {
    let mut laid = Laid::default();
    for block in raw {
        let clean = normalize(&block.text);
        if clean.is_empty() {
            continue;
        }
        if continues_previous(&laid, block.kind, &clean) {
            laid.text.push(' ');
            laid.text.push_str(&clean);
            let last = laid.blocks.last_mut().expect("a previous block");
            last.span.end = laid.text.len();
            continue;
        }
        if let Some(prev) = laid.blocks.last() {
            let tight = prev.kind == BlockKind::ListItem && block.kind == BlockKind::ListItem;
            laid.text.push_str(if tight { "\n" } else { "\n\n" });
        }
        let start = laid.text.len();
        laid.text.push_str(&clean);
        laid.blocks.push(Block { kind: block.kind, span: Span::new(start, laid.text.len()) });
    }
    if !laid.text.is_empty() {
        laid.text.push('\n');
    }
    laid.sections = sections(&laid.text, &laid.blocks);
    laid
}

/// NFC, whitespace runs (including line breaks) to one space, trimmed; soft
/// hyphens, zero-width characters and other invisible controls dropped.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut push = |c: char| {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if !is_invisible(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    };
    // Most text is already NFC: skip the (costly) normalisation then.
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.chars().for_each(&mut push);
    } else {
        text.nfc().for_each(&mut push);
    }
    out
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
        || (c.is_control() && c != '\n' && c != '\t')
}

/// True when `next` (a paragraph starting in lower case) continues the
/// previous paragraph, which ends without closing punctuation: a sentence
/// cut by a page or layout break.
fn continues_previous(laid: &Laid, kind: BlockKind, next: &str) -> bool {
    let Some(prev) = laid.blocks.last() else { return false };
    if prev.kind != BlockKind::Paragraph || kind != BlockKind::Paragraph {
        return false;
    }
    let prev_text = prev.span.slice(&laid.text);
    let ends_open = prev_text
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '–' | '—'));
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    ends_open && starts_lower
}

/// The section tree: each heading covers the text up to the next heading of
/// the same or a higher level.
fn sections(text: &str, blocks: &[Block]) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for b in blocks {
        let BlockKind::Heading { level } = b.kind else { continue };
        while let Some(&top) = stack.last() {
            if out[top].level >= level {
                out[top].extent.end = b.span.start;
                stack.pop();
            } else {
                break;
            }
        }
        out.push(Section {
            title: b.span.slice(text).to_string(),
            level,
            heading: b.span,
            extent: Span::new(b.span.start, text.len()),
            parent: stack.last().copied(),
        });
        stack.push(out.len() - 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(kind: BlockKind, t: &str) -> RawBlock {
        RawBlock::new(kind, t)
    }

    #[test]
    fn lays_out_blocks_with_exact_spans() {
        let laid = assemble(vec![
            raw(BlockKind::Heading { level: 1 }, "  Title\n"),
            raw(BlockKind::Paragraph, "Cafe\u{301}  in\nKābul."),
            raw(BlockKind::ListItem, "one"),
            raw(BlockKind::ListItem, "two"),
        ]);
        assert_eq!(laid.text, "Title\n\nCafé in Kābul.\n\none\ntwo\n");
        for b in &laid.blocks {
            assert!(!b.span.slice(&laid.text).contains('\n'));
        }
        assert_eq!(laid.blocks[1].span.slice(&laid.text), "Café in Kābul.");
    }

    #[test]
    fn joins_a_paragraph_cut_mid_sentence() {
        let laid = assemble(vec![
            raw(BlockKind::Paragraph, "He declared the creation"),
            raw(BlockKind::Paragraph, "of the movement. Since then"),
            raw(BlockKind::Paragraph, "It grew."),
        ]);
        assert_eq!(laid.text, "He declared the creation of the movement. Since then\n\nIt grew.\n");
        assert_eq!(laid.blocks.len(), 2);
    }

    #[test]
    fn builds_the_section_tree() {
        let laid = assemble(vec![
            raw(BlockKind::Heading { level: 1 }, "T"),
            raw(BlockKind::Heading { level: 2 }, "A"),
            raw(BlockKind::Paragraph, "a."),
            raw(BlockKind::Heading { level: 3 }, "A1"),
            raw(BlockKind::Paragraph, "b."),
            raw(BlockKind::Heading { level: 2 }, "B"),
            raw(BlockKind::Paragraph, "c."),
        ]);
        let s = &laid.sections;
        assert_eq!(s.len(), 4);
        assert_eq!((s[1].parent, s[2].parent, s[3].parent), (Some(0), Some(1), Some(0)));
        assert_eq!(s[1].extent.end, s[3].heading.start);
        assert_eq!(s[2].extent.end, s[3].heading.start);
        assert_eq!(s[0].extent.end, laid.text.len());
    }
}
