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

/// Prose and link counts of a subtree.
#[derive(Default, Clone, Copy)]
struct Count {
    /// Characters of prose blocks closed inside the subtree.
    prose: usize,
    /// Non-space characters of the block still open (inline content).
    open: usize,
    /// Of which inside links.
    open_links: usize,
}

/// Counts prose in `el`'s subtree (skipped subtrees count nothing).
fn count(el: ElementRef<'_>, in_link: bool) -> Count {
    if is_skipped(&el) {
        return Count::default();
    }
    let name = el.value().name();
    let in_link = in_link || name == "a";
    let mut c = Count::default();
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                let n = t.chars().filter(|c| !c.is_whitespace()).count();
                c.open += n;
                if in_link {
                    c.open_links += n;
                }
            }
            Node::Element(_) => {
                let Some(child) = ElementRef::wrap(child) else { continue };
                let sub = count(child, in_link);
                c.prose += sub.prose;
                c.open += sub.open;
                c.open_links += sub.open_links;
            }
            _ => {}
        }
    }
    if BLOCK_TAGS.contains(&name) {
        let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if !heading
            && c.open >= PROSE_MIN
            && (c.open_links as f32) < PROSE_MAX_LINKS * c.open as f32
        {
            c.prose += c.open;
        }
        c.open = 0;
        c.open_links = 0;
    }
    c
}

/// The element holding the page's main content.
pub(super) fn main_root(doc: &Html) -> ElementRef<'_> {
    let root = doc.root_element();
    let body = root.child_elements().find(|e| e.value().name() == "body").unwrap_or(root);
    let total = count(body, false).prose;
    if total == 0 {
        return body;
    }
    let mut cur = body;
    'down: loop {
        for child in cur.child_elements() {
            if count(child, false).prose as f32 >= ROOT_SHARE * total as f32 {
                cur = child;
                continue 'down;
            }
        }
        break;
    }
    cur.ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "article")
        .unwrap_or(cur)
}

/// Whether a block of `text` characters with `links` link characters is a
/// menu-like list of links, not content.
pub(super) fn is_link_list(text: usize, links: usize, anchors: usize) -> bool {
    anchors >= 2 && text > 0 && links as f32 >= 0.75 * text as f32 && text / anchors < 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root_text(html: &str) -> String {
        let doc = Html::parse_document(html);
        let root = main_root(&doc);
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
