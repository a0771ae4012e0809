//! The content root's DOM to raw blocks: headings, paragraphs, list items,
//! quotations and table rows; `<br>` and block elements break blocks;
//! boilerplate subtrees, menu-like link lists and footnote markers are
//! dropped.

use scraper::{ElementRef, Node};

use super::content::{BLOCK_TAGS, is_link_list, is_skipped};
use crate::ingest::RawBlock;
use crate::model::BlockKind;

/// The blocks of `root`, in document order.
pub(super) fn collect(root: ElementRef<'_>) -> Vec<RawBlock> {
    let mut w = Walker::default();
    w.element(root);
    w.flush();
    w.out
}

#[derive(Default)]
struct Walker {
    out: Vec<RawBlock>,
    cur: String,
    kind: Option<BlockKind>,
    quote: usize,
    list: usize,
}

impl Walker {
    fn element(&mut self, el: ElementRef<'_>) {
        if is_skipped(&el) || is_menu(el) {
            return;
        }
        let name = el.value().name();
        match name {
            "br" => self.flush_keep_kind(),
            "hr" => self.flush(),
            "img" | "picture" | "source" | "wbr" => {}
            "sup" if is_marker(el) => {}
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name[1..].parse().unwrap_or(1);
                self.block(el, Some(BlockKind::Heading { level }));
            }
            "li" | "dt" | "dd" => {
                self.list += 1;
                self.block(el, Some(BlockKind::ListItem));
                self.list -= 1;
            }
            "blockquote" => {
                self.quote += 1;
                self.block(el, None);
                self.quote -= 1;
            }
            "tr" => self.block(el, Some(BlockKind::Table)),
            "td" | "th" => {
                if !self.cur.trim().is_empty() {
                    self.cur.push_str(" | ");
                }
                self.children(el);
            }
            "pre" | "figcaption" | "caption" => self.block(el, Some(BlockKind::Other)),
            _ if BLOCK_TAGS.contains(&name) => self.block(el, None),
            _ => self.children(el),
        }
    }

    /// A block element: what came before ends, its content (of `kind`, or
    /// the kind its context gives) follows, and it ends too.
    fn block(&mut self, el: ElementRef<'_>, kind: Option<BlockKind>) {
        self.flush();
        self.kind = kind;
        self.children(el);
        self.flush();
    }

    fn children(&mut self, el: ElementRef<'_>) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.text(t),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn text(&mut self, t: &str) {
        if t.trim().is_empty() {
            if !self.cur.is_empty() {
                self.cur.push(' ');
            }
            return;
        }
        if self.kind.is_none() {
            self.kind = Some(if self.list > 0 {
                BlockKind::ListItem
            } else if self.quote > 0 {
                BlockKind::Quote
            } else {
                BlockKind::Paragraph
            });
        }
        self.cur
            .extend(t.chars().map(|c| if matches!(c, '\u{2010}' | '\u{2011}') { '-' } else { c }));
    }

    /// A line break: the text so far is one block; the next one has the
    /// same kind.
    fn flush_keep_kind(&mut self) {
        let kind = self.kind;
        self.flush();
        self.kind = kind;
    }

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.cur);
        if let Some(kind) = self.kind.take()
            && !text.trim().is_empty()
        {
            self.out.push(RawBlock::new(kind, text));
        }
    }
}

/// A footnote or reference marker: `<sup>` holding a few characters with no
/// space (`1`, `*`, `a`, `[12]`), but not an ordinal suffix (`10<sup>th</sup>`).
fn is_marker(el: ElementRef<'_>) -> bool {
    let text: String = el.text().collect();
    let t = text.trim();
    t.chars().count() <= 4 && !t.contains(' ') && !matches!(t, "st" | "nd" | "rd" | "th")
}

/// A list, menu-like `div` or paragraph made mostly of short links.
fn is_menu(el: ElementRef<'_>) -> bool {
    if !matches!(el.value().name(), "ul" | "ol" | "div" | "p" | "section" | "dl" | "table") {
        return false;
    }
    let (text, links, anchors) = link_stats(el, false);
    is_link_list(text, links, anchors)
}

/// Non-space characters, of which inside links, and the number of links.
fn link_stats(el: ElementRef<'_>, in_link: bool) -> (usize, usize, usize) {
    let is_link = el.value().name() == "a";
    let in_link = in_link || is_link;
    let mut acc = (0, 0, usize::from(is_link));
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                let n = t.chars().filter(|c| !c.is_whitespace()).count();
                acc.0 += n;
                if in_link {
                    acc.1 += n;
                }
            }
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    let (t, l, a) = link_stats(child, in_link);
                    acc = (acc.0 + t, acc.1 + l, acc.2 + a);
                }
            }
            _ => {}
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn blocks(html: &str) -> Vec<(BlockKind, String)> {
        let doc = Html::parse_document(html);
        let body =
            doc.root_element().child_elements().find(|e| e.value().name() == "body").unwrap();
        collect(body)
            .into_iter()
            .map(|b| (b.kind, b.text.split_whitespace().collect::<Vec<_>>().join(" ")))
            .collect()
    }

    #[test]
    fn blocks_breaks_and_entities() {
        let got = blocks(
            "<body><h2>A &amp; B</h2><p>One&nbsp;<b>bold</b> word<sup>1</sup>, then<br>a line</p>\
             <div>Loose text<br><br>next para</div><ul><li>item <i>one</i></li><li><p>item two</p></li></ul>\
             <blockquote><p>quoted</p></blockquote><table><tr><th>a</th><td>b</td></tr></table>\
             <script>var x;</script><p>north&#8209;west, 10<sup>th</sup> time</p></body>",
        );
        assert_eq!(
            got,
            [
                (BlockKind::Heading { level: 2 }, "A & B".to_string()),
                (BlockKind::Paragraph, "One bold word, then".into()),
                (BlockKind::Paragraph, "a line".into()),
                (BlockKind::Paragraph, "Loose text".into()),
                (BlockKind::Paragraph, "next para".into()),
                (BlockKind::ListItem, "item one".into()),
                (BlockKind::ListItem, "item two".into()),
                (BlockKind::Quote, "quoted".into()),
                (BlockKind::Table, "a | b".into()),
                (BlockKind::Paragraph, "north-west, 10th time".into()),
            ]
        );
    }

    #[test]
    fn menus_inside_content_are_dropped() {
        let got = blocks(
            "<body><p>Real text with a <a href=#>link</a> inside it.</p>\
             <ul><li><a href=/a>Home</a></li><li><a href=/b>World</a></li><li><a href=/c>Sport</a></li></ul></body>",
        );
        assert_eq!(got, [(BlockKind::Paragraph, "Real text with a link inside it.".to_string())]);
    }
}
