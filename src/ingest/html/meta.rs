//! HTML metadata: Highwire `citation_*` tags (scholarly pages), Dublin Core
//! and PRISM tags, JSON-LD (`Article`, `NewsArticle`, `ScholarlyArticle`, …),
//! Open Graph, plain `author`/`date` tags, and `<title>`, in that order of
//! trust.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use scraper::{Html, Selector};
use serde_json::Value;

use crate::ingest::parse_date;
use crate::model::Metadata;

static DOI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(10\.\d{4,9}/[^\s<>\x22]+[^\s<>\x22.,;)\]])").unwrap());

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ScholarlyArticle",
    "Report",
    "BlogPosting",
    "AnalysisNewsArticle",
    "ReportageNewsArticle",
    "OpinionNewsArticle",
    "TechArticle",
    "Chapter",
    "Book",
];

/// Reads the page's metadata.
pub(super) fn read(doc: &Html) -> Metadata {
    let tags = meta_tags(doc);
    let ld = json_ld(doc);
    let tag = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            tags.iter().find(|(n, v)| n == k && !v.is_empty()).map(|(_, v)| v.clone())
        })
    };
    let all = |key: &str| {
        tags.iter().filter(|(n, _)| n == key).map(|(_, v)| v.clone()).collect::<Vec<_>>()
    };
    let ld_str = |key: &str| ld.as_ref().and_then(|o| o.get(key)).and_then(text_of);

    let mut meta = Metadata {
        title: tag(&["citation_title", "dc.title", "dcterms.title"])
            .or_else(|| ld_str("headline"))
            .or_else(|| tag(&["og:title", "twitter:title"]))
            .or_else(|| page_title(doc)),
        ..Metadata::default()
    };
    meta.authors = all("citation_author");
    for key in ["dc.creator", "dc.creator.personalname", "dcterms.creator"] {
        if meta.authors.is_empty() {
            meta.authors = all(key);
        }
    }
    if meta.authors.is_empty() {
        meta.authors = ld.as_ref().and_then(|o| o.get("author")).map(names).unwrap_or_default();
    }
    if meta.authors.is_empty() {
        meta.authors = tag(&["author", "article:author", "byl"])
            .filter(|a| !a.starts_with("http"))
            .map(|a| a.trim_start_matches("By ").split([';', '|']).map(str::to_string).collect())
            .unwrap_or_default();
    }
    meta.authors = meta.authors.iter().map(|a| person(a)).filter(|a| !a.is_empty()).collect();
    meta.authors.dedup();

    let date_keys = [
        "citation_publication_date",
        "citation_date",
        "citation_online_date",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date",
        "dcterms.date",
        "prism.publicationdate",
    ];
    meta.published = tag(&date_keys)
        .or_else(|| ld_str("datePublished"))
        .or_else(|| tag(&["article:published_time", "og:published_time", "datepublished"]))
        .or_else(|| {
            tag(&["date", "pubdate", "publish-date", "publication_date", "dc.date.created"])
        })
        .or_else(|| time_element(doc))
        .and_then(|d| date(&d));
    meta.doi = tag(&["citation_doi", "dc.identifier", "prism.doi", "bepress_citation_doi"])
        .or_else(|| {
            ld.as_ref().and_then(|o| {
                ["identifier", "doi", "sameAs", "@id"]
                    .iter()
                    .find_map(|k| o.get(*k).and_then(text_of))
            })
        })
        .and_then(|v| DOI.captures(&v).map(|c| c[1].to_string()));
    meta.journal =
        tag(&["citation_journal_title", "prism.publicationname", "citation_conference_title"])
            .or_else(|| {
                ld.as_ref()
                    .and_then(|o| o.get("isPartOf"))
                    .and_then(|p| p.get("name"))
                    .and_then(text_of)
            });
    meta.publisher = tag(&["citation_publisher", "dc.publisher", "dcterms.publisher"])
        .or_else(|| {
            ld.as_ref()
                .and_then(|o| o.get("publisher"))
                .and_then(|p| p.get("name").or(Some(p)))
                .and_then(text_of)
        })
        .or_else(|| tag(&["og:site_name"]));
    meta.url = tag(&["citation_public_url", "citation_abstract_html_url", "og:url"])
        .or_else(|| canonical(doc));
    meta
}

/// `(name, content)` of every `<meta>` with a `name`, `property` or
/// `itemprop`, names lowercased.
fn meta_tags(doc: &Html) -> Vec<(String, String)> {
    static META: LazyLock<Selector> = LazyLock::new(|| Selector::parse("meta[content]").unwrap());
    doc.select(&META)
        .filter_map(|m| {
            let e = m.value();
            let name = e.attr("name").or(e.attr("property")).or(e.attr("itemprop"))?;
            Some((name.trim().to_lowercase(), clean(e.attr("content")?)))
        })
        .collect()
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<title>` without the site name (`Headline | Site`, `Headline - Site`).
fn page_title(doc: &Html) -> Option<String> {
    static TITLE: LazyLock<Selector> = LazyLock::new(|| Selector::parse("title").unwrap());
    let t = clean(&doc.select(&TITLE).next()?.text().collect::<String>());
    let marked =
        [" | ", " – ", " — ", " - ", " :: "].iter().fold(t, |acc, sep| acc.replace(sep, "\u{0}"));
    let parts: Vec<&str> = marked.split('\u{0}').map(str::trim).collect();
    let best = parts.iter().max_by_key(|p| p.chars().count()).copied().unwrap_or("");
    (!best.is_empty()).then(|| best.to_string())
}

fn canonical(doc: &Html) -> Option<String> {
    static LINK: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("link[rel=canonical][href]").unwrap());
    doc.select(&LINK).next().and_then(|l| l.value().attr("href")).map(str::to_string)
}

/// The first `<time datetime>` (or `itemprop=datePublished`) on the page.
fn time_element(doc: &Html) -> Option<String> {
    static TIME: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("[itemprop=datePublished], time[datetime]").unwrap());
    let el = doc.select(&TIME).next()?;
    el.value()
        .attr("datetime")
        .or(el.value().attr("content"))
        .map(str::to_string)
        .or_else(|| Some(el.text().collect()))
}

/// The article object of the page's JSON-LD, if any.
fn json_ld(doc: &Html) -> Option<Value> {
    static LD: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse(r#"script[type="application/ld+json"]"#).unwrap());
    let mut objects = Vec::new();
    for script in doc.select(&LD) {
        if let Ok(v) = serde_json::from_str::<Value>(&script.text().collect::<String>()) {
            flatten(v, &mut objects);
        }
    }
    let is_type = |o: &Value, types: &[&str]| match o.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    };
    let pos = objects
        .iter()
        .position(|o| is_type(o, ARTICLE_TYPES))
        .or_else(|| objects.iter().position(|o| is_type(o, &["WebPage"])))?;
    Some(objects.swap_remove(pos))
}

fn flatten(v: Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| flatten(i, out)),
        Value::Object(mut o) => {
            if let Some(graph) = o.remove("@graph") {
                flatten(graph, out);
            }
            out.push(Value::Object(o));
        }
        _ => {}
    }
}

/// A JSON-LD value as text: a string, or the `name`/`@value`/`value` of an
/// object, or the first of an array.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
        Value::Object(o) => {
            ["name", "@value", "value", "@id"].iter().find_map(|k| o.get(*k).and_then(text_of))
        }
        Value::Array(a) => a.iter().find_map(text_of),
        _ => None,
    }
}

/// Author names from a JSON-LD `author`: a string, a person, or a list.
fn names(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(text_of).collect(),
        other => text_of(other).into_iter().collect(),
    }
}

/// "Zahid, Farhan" → "Farhan Zahid"; other forms as they are.
fn person(s: &str) -> String {
    let s = clean(s);
    match s.split_once(',') {
        Some((last, first))
            if !first.contains(',') && !last.trim().contains(' ') && !first.trim().is_empty() =>
        {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => s,
    }
}

/// An ISO date or date-time (`2024-05-14T08:30:00+05:00` is the 14th as
/// written), `2025/01/31`, or a written date (`May 14, 2024`).
fn date(s: &str) -> Option<NaiveDate> {
    let head: String = s.trim().chars().take(10).map(|c| if c == '/' { '-' } else { c }).collect();
    NaiveDate::parse_from_str(&head, "%Y-%m-%d").ok().or_else(|| parse_date(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_tags_win_over_open_graph_and_title() {
        let doc = Html::parse_document(
            r#"<head><title>Short | Site</title><meta property="og:title" content="OG title">
            <meta name="citation_title" content="The Real Title"><meta name="citation_author" content="Zahid, Farhan">
            <meta name="citation_author" content="Jane Roe"><meta name="citation_publication_date" content="2025/01/31">
            <meta name="citation_doi" content="doi:10.37540/njips.v9i1.215"><meta name="citation_journal_title" content="J &amp; K">
            <meta property="og:site_name" content="NJIPS"></head>"#,
        );
        let m = read(&doc);
        assert_eq!(m.title.as_deref(), Some("The Real Title"));
        assert_eq!(m.authors, ["Farhan Zahid", "Jane Roe"]);
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2025, 1, 31));
        assert_eq!(m.doi.as_deref(), Some("10.37540/njips.v9i1.215"));
        assert_eq!(m.journal.as_deref(), Some("J & K"));
        assert_eq!(m.publisher.as_deref(), Some("NJIPS"));
    }

    #[test]
    fn json_ld_in_a_graph() {
        let doc = Html::parse_document(
            r#"<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Herald"},{"@type":["NewsArticle"],"headline":"Talks stall",
            "datePublished":"2024-05-14T08:30:00+05:00","author":[{"@type":"Person","name":"Sana Mir"},"Ali Raza"],
            "publisher":{"@type":"Organization","name":"The Herald"}}]}</script><title>x</title></head>"#,
        );
        let m = read(&doc);
        assert_eq!(m.title.as_deref(), Some("Talks stall"));
        assert_eq!(m.authors, ["Sana Mir", "Ali Raza"]);
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2024, 5, 14));
        assert_eq!(m.publisher.as_deref(), Some("The Herald"));
    }

    #[test]
    fn plain_tags_and_title_fallbacks() {
        let doc = Html::parse_document(
            r#"<head><title>Waiting at Torkham | Frontier Notes</title><meta name="author" content="K. Afridi">
            <meta name="date" content="2023-03-02"></head><body><time datetime="2020-01-01">x</time></body>"#,
        );
        let m = read(&doc);
        assert_eq!(m.title.as_deref(), Some("Waiting at Torkham"));
        assert_eq!(m.authors, ["K. Afridi"]);
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2023, 3, 2));
    }
}
