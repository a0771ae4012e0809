//! Main-content selection: which part of a page is the article.
//!
//! Boilerplate subtrees are skipped outright: scripts, styles, forms,
//! navigation, asides, page headers and footers, hidden elements, ARIA
//! landmarks that are not the main content, and elements whose class or id
//! names them as boilerplate (cookie banners, share bars, related links,
//! sidebars, comments, ads) unless the name also marks content.
//!
//! The main content is then found by prose: a "prose block" is the text of
//! one block element (paragraph, list item, cell, …) that is long enough
//! and not made of links. The content root is the deepest element holding
//! at least 90% of the page's prose, widened to an enclosing `<article>`
//! (which holds the headline and byline).

use std::sync::LazyLock;

use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use regex::Regex;
use scraper::{ElementRef, Html, Node};

/// Prose blocks are at least this many non-space characters.
const PROSE_MIN: usize = 40;
/// ... and at most this share of their text is link text.
const PROSE_MAX_LINKS: f32 = 0.35;
/// Share of the page's prose the content root must hold.
const ROOT_SHARE: f32 = 0.9;

const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "form", "button", "input", "select", "textarea", "nav", "aside", "dialog", "menu", "head",
    "title", "link", "meta", "audio", "video", "map", "area", "math",
];

/// Elements that start a new block of text.
pub(super) const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

const SKIP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
    "alert",
];

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)cookie|consent|gdpr|banner|breadcrumb|share|sharing|social|related|sidebar|widget|footer|comment|subscribe|newsletter|advert|sponsor|promo|popup|modal|masthead|navbar|\bnav\b|menu|toolbar|pagination|pager|signup|sign-in|login|outbrain|taboola|disqus|skip|(?:^|[\s_-])ads?(?:[\s_-]|$)|print-only|author-bio|more-stories|read-more|recommended|trending|most-read|popular",
    )
    .unwrap()
});

static CONTENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)article|body|column|content|main|story|entry|prose|text").unwrap()
});

/// Whether the element and everything inside it is boilerplate.
pub(super) fn is_skipped(el: &ElementRef<'_>) -> bool {
    let e = el.value();
    let name = e.name();
    if SKIP_TAGS.contains(&name) {
        return true;
    }
    if matches!(name, "header" | "footer") && !inside(el, &["article", "main"]) {
        return true;
    }
    if name == "footer" {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let style: String =
            style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if e.attr("role").is_some_and(|r| SKIP_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if matches!(name, "body" | "html" | "article" | "main") {
        return false;
    }
    let names = format!("{} {}", e.attr("class").unwrap_or(""), e.attr("id").unwrap_or(""));
    BOILERPLATE.is_match(&names) && !CONTENT.is_match(&names)
}

fn inside(el: &ElementRef<'_>, tags: &[&str]) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| tags.contains(&a.value().name()))
}

/// What one element's subtree holds (skipped subtrees hold nothing).
#[derive(Default, Clone, Copy, Debug)]
pub(super) struct Stats {
    /// Characters of its prose blocks.
    pub prose: usize,
    /// Non-space characters of text.
    pub text: usize,
    /// Of which inside links.
    pub links: usize,
    /// Number of links.
    pub anchors: usize,
}

/// An element being counted: its totals and its block still open (inline
/// text not yet claimed by a block element).
struct Frame {
    id: NodeId,
    block: bool,
    in_link: bool,
    skipped: bool,
    stats: Stats,
    open: usize,
    open_links: usize,
}

/// Counts every element of the page in one walk (no recursion, so deeply
/// nested pages are fine).
pub(super) fn analyse(root: ElementRef<'_>) -> HashMap<NodeId, Stats> {
    let mut out = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let el = ElementRef::wrap(node).expect("an element");
                    let parent = stack.last();
                    let skipped = parent.is_some_and(|p| p.skipped) || is_skipped(&el);
                    let is_link = e.name() == "a";
                    stack.push(Frame {
                        id: node.id(),
                        block: BLOCK_TAGS.contains(&e.name()) && !is_heading(e.name()),
                        in_link: parent.is_some_and(|p| p.in_link) || is_link,
                        skipped,
                        stats: Stats {
                            anchors: usize::from(is_link && !skipped),
                            ..Stats::default()
                        },
                        open: 0,
                        open_links: 0,
                    });
                }
                Node::Text(t) => {
                    if let Some(top) = stack.last_mut().filter(|f| !f.skipped) {
                        let n = t.chars().filter(|c| !c.is_whitespace()).count();
                        top.stats.text += n;
                        top.open += n;
                        if top.in_link {
                            top.stats.links += n;
                            top.open_links += n;
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) if node.value().is_element() => {
                let Some(mut f) = stack.pop() else { continue };
                if f.block || stack.is_empty() {
                    let linky = f.open_links as f32 >= PROSE_MAX_LINKS * f.open as f32;
                    if f.block && f.open >= PROSE_MIN && !linky {
                        f.stats.prose += f.open;
                    }
                    f.open = 0;
                    f.open_links = 0;
                }
                out.insert(f.id, f.stats);
                if let Some(p) = stack.last_mut() {
                    p.stats.prose += f.stats.prose;
                    p.stats.text += f.stats.text;
                    p.stats.links += f.stats.links;
                    p.stats.anchors += f.stats.anchors;
                    p.open += f.open;
                    p.open_links += f.open_links;
                }
            }
            Edge::Close(_) => {}
        }
    }
    out
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The page's `<body>` (or the root when there is none).
pub(super) fn body(doc: &Html) -> ElementRef<'_> {
    let root = doc.root_element();
    root.child_elements().find(|e| e.value().name() == "body").unwrap_or(root)
}

/// The element holding the page's main content.
pub(super) fn main_root<'a>(
    body: ElementRef<'a>,
    stats: &HashMap<NodeId, Stats>,
) -> ElementRef<'a> {
    let prose = |e: &ElementRef<'_>| stats.get(&e.id()).map_or(0, |s| s.prose);
    let total = prose(&body);
    if total == 0 {
        return body;
    }
    let mut cur = body;
    while let Some(child) =
        cur.child_elements().find(|c| prose(c) as f32 >= ROOT_SHARE * total as f32)
    {
        cur = child;
    }
    cur.ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "article")
        .unwrap_or(cur)
}

/// A menu-like list of links, not content: at least two links, three
/// quarters of the text inside links, and short link texts.
pub(super) fn is_link_list(s: &Stats) -> bool {
    s.anchors >= 2
        && s.text > 0
        && s.links as f32 >= 0.75 * s.text as f32
        && s.text / s.anchors < 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root_text(html: &str) -> String {
        let doc = Html::parse_document(html);
        let body = body(&doc);
        let root = main_root(body, &analyse(body));
        root.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    const PARA: &str =
        "The talks stalled after the group rejected a proposal to extend the ceasefire.";

    #[test]
    fn picks_the_article_over_boilerplate() {
        let html = format!(
            "<body><div class=cookie-banner><p>We use cookies to improve your experience on this site, okay?</p></div>
             <div id=wrap><div class=col-main><h1>Title</h1><div class=article-body><p>{PARA}</p><p>{PARA}</p></div></div>
             <div class=col-side><ul><li><a href=#>Most read story number one here</a></li><li><a href=#>Another</a></li></ul></div></div>
             <footer><p>Copyright notice of the publisher, all rights reserved, and more words.</p></footer></body>"
        );
        assert_eq!(root_text(&html), format!("{PARA}{PARA}"));
    }

    #[test]
    fn widens_to_the_enclosing_article() {
        let html = format!(
            "<body><main><article><header><h1>Headline</h1></header><div class=body><p>{PARA}</p><p>{PARA}</p></div></article></main></body>"
        );
        assert!(root_text(&html).starts_with("Headline"));
    }

    #[test]
    fn skip_rules() {
        let doc = Html::parse_document(
            "<body><div class='post-footer'>a</div><div class='share-tools'>b</div><div class='article-content'>c</div>
             <div style='display: none'>d</div><div role=navigation>e</div><div class=header-ad>f</div><div class=heading>g</div></body>",
        );
        let body = doc.root_element().child_elements().nth(1).unwrap();
        let skipped: Vec<bool> = body.child_elements().map(|e| is_skipped(&e)).collect();
        assert_eq!(skipped, [true, true, false, true, true, true, false]);
    }
}
