//! Plain text to raw blocks: paragraphs from blank lines, hard-wrapped lines
//! joined, list items, and headings (Markdown-style `#` lines, or short
//! title-like lines standing alone).

use super::RawBlock;
use crate::model::BlockKind;

/// Parses plain text into blocks.
pub(crate) fn parse(src: &str) -> Vec<RawBlock> {
    let paragraphs: Vec<Vec<&str>> =
        src.split("\n\n").flat_map(split_on_blank_lines).filter(|p| !p.is_empty()).collect();
    let mut out = Vec::new();
    for (i, lines) in paragraphs.iter().enumerate() {
        let has_next = i + 1 < paragraphs.len();
        push_paragraph(lines, out.is_empty(), has_next, &mut out);
    }
    out
}

/// Splits on lines that hold only whitespace, keeping non-empty lines.
fn split_on_blank_lines(p: &str) -> Vec<Vec<&str>> {
    let mut groups = vec![Vec::new()];
    for line in p.lines() {
        if line.trim().is_empty() {
            groups.push(Vec::new());
        } else {
            groups.last_mut().expect("non-empty").push(line);
        }
    }
    groups
}

fn push_paragraph(lines: &[&str], first: bool, has_next: bool, out: &mut Vec<RawBlock>) {
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, out: &mut Vec<RawBlock>| {
        if !para.is_empty() {
            out.push(RawBlock::new(BlockKind::Paragraph, para.join(" ")));
            para.clear();
        }
    };
    for line in lines {
        let trimmed = line.trim();
        if let Some((level, title)) = hash_heading(trimmed) {
            flush(&mut para, out);
            out.push(RawBlock::new(BlockKind::Heading { level }, title));
        } else if let Some(item) = list_item(trimmed) {
            flush(&mut para, out);
            out.push(RawBlock::new(BlockKind::ListItem, item));
        } else if out.last().is_some_and(|b| b.kind == BlockKind::ListItem)
            && para.is_empty()
            && line.starts_with([' ', '\t'])
        {
            let last = out.last_mut().expect("checked");
            last.text.push(' ');
            last.text.push_str(trimmed);
        } else {
            para.push(trimmed);
        }
    }
    if lines.len() == 1 && para.len() == 1 && has_next && looks_like_title(para[0]) {
        out.push(RawBlock::new(BlockKind::Heading { level: if first { 1 } else { 2 } }, para[0]));
        return;
    }
    flush(&mut para, out);
}

/// `# Title` → (1, "Title").
fn hash_heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[hashes..];
    if (1..=6).contains(&hashes) && rest.starts_with(' ') && !rest.trim().is_empty() {
        Some((hashes as u8, rest.trim().trim_end_matches('#').trim_end()))
    } else {
        None
    }
}

/// `- item`, `* item`, `• item`, `1. item`, `(a) item` → the item text.
fn list_item(line: &str) -> Option<&str> {
    for bullet in ["- ", "* ", "• ", "· ", "– ", "— ", "▪ ", "◦ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(rest.trim());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r.trim());
        }
    }
    if line.starts_with('(') {
        let close = line.find(") ")?;
        let label = &line[1..close];
        if (1..=3).contains(&label.len()) && label.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Some(line[close + 2..].trim());
        }
    }
    None
}

/// A short line standing alone, without closing punctuation, that starts
/// with a capital or digit: a heading in plain text.
fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let last = line.chars().last().unwrap_or('.');
    let first = line.chars().next().unwrap_or('a');
    (1..=14).contains(&words)
        && line.len() <= 120
        && !matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '”' | '-')
        && (first.is_uppercase() || first.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_headings() {
        let src = "# Report title\n\nIntroduction\n\nA wrapped\nparagraph here.\n\n- one\n  continued\n- two\n1. three\n\nLast line.\n";
        let got: Vec<_> = parse(src).into_iter().map(|b| (b.kind, b.text)).collect();
        assert_eq!(
            got,
            [
                (BlockKind::Heading { level: 1 }, "Report title".to_string()),
                (BlockKind::Heading { level: 2 }, "Introduction".into()),
                (BlockKind::Paragraph, "A wrapped paragraph here.".into()),
                (BlockKind::ListItem, "one continued".into()),
                (BlockKind::ListItem, "two".into()),
                (BlockKind::ListItem, "three".into()),
                (BlockKind::Paragraph, "Last line.".into()),
            ]
        );
    }
}
