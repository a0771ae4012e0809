//! Markdown to raw blocks: markup removed, headings, list items and
//! quotations kept as their own units.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::RawBlock;
use crate::model::BlockKind;

/// Parses Markdown into blocks. Emphasis, links (`[t](u)` → `t`), images,
/// inline HTML tags and escapes are removed; short `<sup>` contents
/// (footnote markers) are dropped so they do not glue onto words; a hard
/// line break starts a new block of the same kind.
pub(crate) fn parse(src: &str) -> Vec<RawBlock> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut b = Builder::default();
    for event in Parser::new_ext(src, opts) {
        b.event(event);
    }
    b.flush();
    b.out
}

#[derive(Default)]
struct Builder {
    out: Vec<RawBlock>,
    cur: String,
    kind: Option<BlockKind>,
    item_depth: usize,
    quote_depth: usize,
    image_depth: usize,
    sup: Option<String>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(t) | Event::Code(t) => self.text(&t),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => {
                let kind = self.kind;
                self.flush();
                self.kind = kind;
            }
            Event::Html(h) | Event::InlineHtml(h) => self.html(&h),
            Event::Rule | Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => self.open(BlockKind::Heading { level: level_num(level) }),
            Tag::Paragraph if self.item_depth > 0 && self.kind.is_none() => {
                self.open(BlockKind::ListItem)
            }
            Tag::Paragraph if self.item_depth > 0 => {}
            Tag::Paragraph if self.quote_depth > 0 => self.open(BlockKind::Quote),
            Tag::Paragraph => self.open(BlockKind::Paragraph),
            Tag::Item => {
                self.item_depth += 1;
                self.open(BlockKind::ListItem);
            }
            Tag::BlockQuote(_) => self.quote_depth += 1,
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::FootnoteDefinition(_) => {
                self.open(BlockKind::Other)
            }
            Tag::TableRow | Tag::TableHead => self.open(BlockKind::Table),
            Tag::TableCell if !self.cur.is_empty() => self.cur.push_str(" | "),
            Tag::Image { .. } => self.image_depth += 1,
            _ => {}
        }
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::FootnoteDefinition
            | TagEnd::TableRow
            | TagEnd::TableHead => self.flush(),
            TagEnd::Paragraph if self.item_depth == 0 => self.flush(),
            TagEnd::Item => {
                self.flush();
                self.item_depth -= 1;
            }
            TagEnd::BlockQuote(_) => self.quote_depth = self.quote_depth.saturating_sub(1),
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        if self.image_depth > 0 {
            return;
        }
        if let Some(sup) = &mut self.sup {
            sup.push_str(t);
            return;
        }
        if self.kind.is_none() {
            self.open(BlockKind::Paragraph);
        }
        self.cur.push_str(t);
    }

    /// Inline HTML: tags are dropped; `<br>` breaks the block; `<sup>`
    /// content is held back and kept only when it is more than a marker.
    fn html(&mut self, h: &str) {
        let mut rest = h;
        while let Some(lt) = rest.find('<') {
            self.text_raw(&rest[..lt]);
            let Some(gt) = rest[lt..].find('>') else {
                self.text_raw(&rest[lt..]);
                return;
            };
            let tag = rest[lt + 1..lt + gt].trim().to_ascii_lowercase();
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            match (name.as_str(), tag.starts_with('/')) {
                ("sup", false) => self.sup = Some(String::new()),
                ("sup", true) => {
                    if let Some(s) = self.sup.take().filter(|s| !is_marker(s)) {
                        self.text(" ");
                        self.text(&s);
                    }
                }
                ("br", _) | ("p", _) | ("div", _) => {
                    let kind = self.kind;
                    self.flush();
                    self.kind = kind;
                }
                _ => {}
            }
            rest = &rest[lt + gt + 1..];
        }
        self.text_raw(rest);
    }

    fn text_raw(&mut self, t: &str) {
        if !t.trim().is_empty() {
            self.text(&decode_entities(t));
        }
    }

    fn open(&mut self, kind: BlockKind) {
        self.flush();
        self.kind = Some(kind);
    }

    fn flush(&mut self) {
        if let Some(kind) = self.kind.take() {
            let text = std::mem::take(&mut self.cur);
            if !text.trim().is_empty() {
                self.out.push(RawBlock::new(kind, text));
            }
        }
        self.cur.clear();
    }
}

fn level_num(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A footnote or affiliation marker: a few digits, letters or symbols.
fn is_marker(s: &str) -> bool {
    let s = s.trim();
    s.chars().count() <= 4 && !s.contains(' ')
}

/// The handful of entities that appear in raw HTML inside Markdown.
fn decode_entities(t: &str) -> String {
    t.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<(BlockKind, String)> {
        parse(src).into_iter().map(|b| (b.kind, b.text)).collect()
    }

    #[test]
    fn strips_markup_and_keeps_units() {
        let got = texts(
            "# The *Title*\n\nSee [the report](http://x.org) by **\\*Zahid<sup>1</sup>.** on \\_x\\_.\n\n- one\n- two\n\n> quoted\n",
        );
        assert_eq!(
            got,
            [
                (BlockKind::Heading { level: 1 }, "The Title".to_string()),
                (BlockKind::Paragraph, "See the report by *Zahid. on _x_.".into()),
                (BlockKind::ListItem, "one".into()),
                (BlockKind::ListItem, "two".into()),
                (BlockKind::Quote, "quoted".into()),
            ]
        );
    }

    #[test]
    fn hard_break_splits_block() {
        let got = texts("Journal of Peace  \n2026, Vol. 9(1)\n");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, "2026, Vol. 9(1)");
    }
}
