//! The content root's DOM to raw blocks: headings, paragraphs, list items,
//! quotations and table rows; `<br>` and block elements break blocks;
//! boilerplate subtrees, menu-like link lists and footnote markers are
//! dropped.

use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Node};

use super::content::{BLOCK_TAGS, Stats, is_link_list, is_skipped};
use crate::ingest::RawBlock;
use crate::model::BlockKind;

/// The blocks of `root`, in document order. `stats` are the page's counts
/// (see [`analyse`](super::content::analyse)), used to drop link lists.
pub(super) fn collect(root: ElementRef<'_>, stats: &HashMap<NodeId, Stats>) -> Vec<RawBlock> {
    let mut w = Walker::default();
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(t) => w.text(t),
                Node::Element(_) => {
                    let el = ElementRef::wrap(node).expect("an element");
                    if is_skipped(&el)
                        || is_marker(el)
                        || stats.get(&node.id()).is_some_and(|s| is_menu(el, s))
                    {
                        skipping = Some(node.id());
                    } else {
                        w.open(el.value().name());
                    }
                }
                _ => {}
            },
            Edge::Close(node) if node.value().is_element() => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none() {
                    let name = node.value().as_element().expect("an element").name();
                    w.close(name);
                }
            }
            _ => {}
        }
    }
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
    /// An element starts: a block element ends what came before and may
    /// set the kind of what follows.
    fn open(&mut self, name: &str) {
        match name {
            "br" => self.flush_keep_kind(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.kind = Some(BlockKind::Heading { level: name[1..].parse().unwrap_or(1) });
            }
            "li" | "dt" | "dd" => {
                self.list += 1;
                self.flush();
                self.kind = Some(BlockKind::ListItem);
            }
            "blockquote" => {
                self.quote += 1;
                self.flush();
            }
            "tr" => {
                self.flush();
                self.kind = Some(BlockKind::Table);
            }
            "td" | "th" if !self.cur.trim().is_empty() => self.cur.push_str(" | "),
            "td" | "th" => {}
            "pre" | "figcaption" | "caption" => {
                self.flush();
                self.kind = Some(BlockKind::Other);
            }
            _ if BLOCK_TAGS.contains(&name) => self.flush(),
            _ => {}
        }
    }

    /// An element ends: a block element ends its block.
    fn close(&mut self, name: &str) {
        match name {
            "li" | "dt" | "dd" => {
                self.flush();
                self.list = self.list.saturating_sub(1);
            }
            "blockquote" => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            "br" | "td" | "th" => {}
            _ if BLOCK_TAGS.contains(&name) || name == "caption" => self.flush(),
            _ => {}
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
    if el.value().name() != "sup" {
        return false;
    }
    let text: String = el.text().collect();
    let t = text.trim();
    t.chars().count() <= 4 && !t.contains(' ') && !matches!(t, "st" | "nd" | "rd" | "th")
}

/// A list, menu-like `div` or paragraph made mostly of short links.
fn is_menu(el: ElementRef<'_>, stats: &Stats) -> bool {
    matches!(el.value().name(), "ul" | "ol" | "div" | "p" | "section" | "dl" | "table")
        && is_link_list(stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn blocks(html: &str) -> Vec<(BlockKind, String)> {
        let doc = Html::parse_document(html);
        let body = crate::ingest::html::content::body(&doc);
        collect(body, &crate::ingest::html::content::analyse(body))
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
