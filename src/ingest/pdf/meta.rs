//! PDF metadata: the XMP packet (Dublin Core, PRISM) first, then the info
//! dictionary. Placeholder titles that authoring tools write ("Microsoft
//! Word - draft.docx", "untitled") are ignored.

use std::sync::LazyLock;

use chrono::NaiveDate;
use pdf_oxide::PdfDocument;
use pdf_oxide::extractors::xmp::XmpExtractor;
use pdf_oxide::object::Object;
use regex::Regex;

use crate::model::Metadata;

static DOI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(10\.\d{4,9}/[^\s<>\x22]+[^\s<>\x22.,;)\]])").unwrap());

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(microsoft (word|powerpoint|excel)\b|untitled|document\s*\d*$|slide\s*\d+$|title$|\s*$)|\.(docx?|pdf|tex|indd|dvi|rtf|odt|qxd|ps)$")
        .unwrap()
});

/// The document's metadata, and the date the file was made (a weak
/// stand-in for the publication date).
pub(super) fn read(doc: &PdfDocument) -> (Metadata, Option<NaiveDate>) {
    let mut meta = Metadata::default();
    let mut made = None;
    if let Some(xml) = XmpExtractor::extract(doc).ok().flatten().and_then(|x| x.raw_xml) {
        made = from_xmp(&xml, &mut meta);
    }
    let info = info_dict(doc);
    let field =
        |key: &str| info.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.clone());
    if meta.title.is_none() {
        meta.title = field("Title").filter(|t| is_real_title(t));
    }
    if meta.authors.is_empty() {
        meta.authors = field("Author").map(|a| split_authors(&a)).unwrap_or_default();
    }
    if meta.doi.is_none() {
        meta.doi = ["doi", "Subject", "Keywords"]
            .iter()
            .filter_map(|k| field(k))
            .find_map(|v| DOI.captures(&v).map(|c| c[1].to_string()));
    }
    made = made.or_else(|| field("CreationDate").and_then(|d| pdf_date(&d)));
    (meta, made)
}

/// Fills `meta` from an XMP packet; returns `xmp:CreateDate` as the weak
/// date. Properties are read whether written as elements or as attributes
/// of `rdf:Description`; entities are decoded.
fn from_xmp(xml: &str, meta: &mut Metadata) -> Option<NaiveDate> {
    meta.title = xmp_values(xml, "dc", "title").into_iter().next().filter(|t| is_real_title(t));
    meta.authors = xmp_values(xml, "dc", "creator").iter().flat_map(|a| split_authors(a)).collect();
    let first = |prefix: &str, names: &[&str]| {
        names.iter().find_map(|n| xmp_values(xml, prefix, n).into_iter().find(|v| !v.is_empty()))
    };
    meta.doi = first("prism", &["doi"])
        .or_else(|| first("dc", &["identifier"]))
        .or_else(|| first("pdfx", &["doi"]))
        .and_then(|v| DOI.captures(&v).map(|c| c[1].to_string()));
    meta.journal = first("prism", &["publicationName"]);
    meta.publisher = first("dc", &["publisher"]);
    meta.url = first("prism", &["url"]);
    meta.published = first("prism", &["publicationDate", "coverDate"])
        .or_else(|| first("dc", &["date"]))
        .and_then(|d| iso_date(&d));
    first("xmp", &["CreateDate"]).and_then(|d| iso_date(&d))
}

/// The values of property `prefix:name` (any PRISM version for `prism`):
/// the items of an `rdf:Alt`/`Seq`/`Bag`, the element's text, or the
/// attribute's value.
fn xmp_values(xml: &str, prefix: &str, name: &str) -> Vec<String> {
    let prefix = if prefix == "prism" { r"prism\d?".to_string() } else { regex::escape(prefix) };
    let element =
        Regex::new(&format!(r"(?s)<{prefix}:{name}\b[^>]*?(?:/>|>(.*?)</{prefix}:{name}>)"))
            .expect("valid pattern");
    let item = Regex::new(r"(?s)<rdf:li\b[^>]*>(.*?)</rdf:li>").expect("valid pattern");
    let mut out = Vec::new();
    for c in element.captures_iter(xml) {
        let Some(inner) = c.get(1) else { continue };
        let items: Vec<String> =
            item.captures_iter(inner.as_str()).map(|i| unescape(&i[1])).collect();
        if items.is_empty() {
            out.push(unescape(inner.as_str()));
        } else {
            out.extend(items);
        }
    }
    let attribute =
        Regex::new(&format!(r#"\b{prefix}:{name}\s*=\s*"([^"]*)""#)).expect("valid pattern");
    out.extend(attribute.captures_iter(xml).map(|c| unescape(&c[1])));
    out.into_iter().map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect()
}

/// XML text with its tags removed and entities decoded.
fn unescape(s: &str) -> String {
    static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").unwrap());
    static ENTITY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);").unwrap());
    let text = TAG.replace_all(s, "");
    ENTITY
        .replace_all(&text, |c: &regex::Captures<'_>| match &c[1] {
            "amp" => "&".to_string(),
            "lt" => "<".into(),
            "gt" => ">".into(),
            "quot" => "\"".into(),
            "apos" => "'".into(),
            n => {
                let code = n
                    .strip_prefix("#x")
                    .map(|h| u32::from_str_radix(h, 16).ok())
                    .unwrap_or_else(|| n[1..].parse().ok());
                code.and_then(char::from_u32).map(String::from).unwrap_or_default()
            }
        })
        .into_owned()
}

/// The info dictionary's string entries, decoded.
fn info_dict(doc: &PdfDocument) -> Vec<(String, String)> {
    let Some(info) = doc.trailer().as_dict().and_then(|t| t.get("Info")).cloned() else {
        return Vec::new();
    };
    let resolved = doc.resolve_references(&info, 2).unwrap_or(Object::Null);
    let Some(dict) = resolved.as_dict() else { return Vec::new() };
    dict.iter()
        .filter_map(|(k, v)| v.as_string().map(|s| (k.clone(), text_string(s).trim().to_string())))
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

fn is_real_title(t: &str) -> bool {
    t.trim().chars().count() > 3 && !PLACEHOLDER.is_match(t.trim())
}

/// Authors from one field: `A; B`, `A, B and C`, `Roe, Jane`.
pub(super) fn split_authors(s: &str) -> Vec<String> {
    let s = s.trim();
    let parts: Vec<String> = if s.contains(';') {
        s.split(';').map(str::to_string).collect()
    } else {
        let list: Vec<&str> = s
            .split(" and ")
            .flat_map(|p| p.split(['&', ',']))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if list.len() == 2 && !s.contains(" and ") && list.iter().all(|p| !p.contains(' ')) {
            vec![format!("{} {}", list[1], list[0])]
        } else {
            list.into_iter().map(str::to_string).collect()
        }
    };
    parts.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// `2025-01-31`, `2025-01-31T10:00:00Z`, `2025/01/31`.
pub(super) fn iso_date(s: &str) -> Option<NaiveDate> {
    let head: String = s.trim().chars().take(10).map(|c| if c == '/' { '-' } else { c }).collect();
    NaiveDate::parse_from_str(&head, "%Y-%m-%d").ok()
}

/// A PDF date string: `D:20250131103000+01'00'`.
fn pdf_date(s: &str) -> Option<NaiveDate> {
    let digits = s.trim().trim_start_matches("D:");
    let d = digits.get(..8)?;
    NaiveDate::parse_from_str(d, "%Y%m%d").ok()
}

/// A PDF text string: UTF-16 with a byte-order mark, UTF-8 with one, or
/// PDFDocEncoding.
pub(super) fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> =
            rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> =
            rest.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| pdf_doc_char(b)).collect()
}

/// PDFDocEncoding: Latin-1 except for the 0x80–0xA0 range.
fn pdf_doc_char(b: u8) -> char {
    const HIGH: &str = "•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž\u{FFFD}€";
    match b {
        0x80..=0xA0 => HIGH.chars().nth((b - 0x80) as usize).unwrap_or('\u{FFFD}'),
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_from_one_field() {
        assert_eq!(split_authors("Jane Roe; Omar Khan"), ["Jane Roe", "Omar Khan"]);
        assert_eq!(
            split_authors("Jane Roe, Omar Khan and Li Wei"),
            ["Jane Roe", "Omar Khan", "Li Wei"]
        );
        assert_eq!(split_authors("Zahid, Farhan"), ["Farhan Zahid"]);
        assert_eq!(split_authors("Farhan Zahid"), ["Farhan Zahid"]);
    }

    #[test]
    fn dates_and_strings() {
        let d = NaiveDate::from_ymd_opt(2025, 1, 31);
        assert_eq!(iso_date("2025-01-31T10:00:00Z"), d);
        assert_eq!(iso_date("2025/01/31"), d);
        assert_eq!(pdf_date("D:20250131103000+01'00'"), d);
        assert_eq!(pdf_date("D:2025"), None);
        assert_eq!(text_string(b"\xFE\xFF\x00K\x01\x01\x00b"), "K\u{101}b");
        assert_eq!(text_string(b"Caf\xe9 \x84 x"), "Café — x");
    }

    #[test]
    fn xmp_elements_attributes_and_entities() {
        let xml = r#"<x:xmpmeta><rdf:RDF><rdf:Description prism2:doi="10.1234/ab.5"
            xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Peace &amp; Stability</rdf:li></rdf:Alt></dc:title>
          <dc:creator><rdf:Seq><rdf:li>Jane Roe</rdf:li><rdf:li>Omar Khan</rdf:li></rdf:Seq></dc:creator>
          <prism:publicationName>Journal of Peace &amp; Stability</prism:publicationName>
          <prism:coverDate>2025-01-31</prism:coverDate>
          <xmp:CreateDate>2024-12-20T10:00:00Z</xmp:CreateDate>
        </rdf:Description></rdf:RDF></x:xmpmeta>"#;
        let mut meta = Metadata::default();
        let made = from_xmp(xml, &mut meta);
        assert_eq!(meta.title.as_deref(), Some("Peace & Stability"));
        assert_eq!(meta.authors, ["Jane Roe", "Omar Khan"]);
        assert_eq!(meta.doi.as_deref(), Some("10.1234/ab.5"));
        assert_eq!(meta.journal.as_deref(), Some("Journal of Peace & Stability"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2025, 1, 31));
        assert_eq!(made, NaiveDate::from_ymd_opt(2024, 12, 20));
    }

    #[test]
    fn placeholder_titles_are_ignored() {
        for t in ["Microsoft Word - draft3.docx", "untitled", "paper.pdf", "Slide 1", "abc"] {
            assert!(!is_real_title(t), "{t}");
        }
        assert!(is_real_title("Sanctuary and Spillover"));
    }
}
