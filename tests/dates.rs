//! The date tagger: the test table `tests/dates.tsv` (sentence → expected
//! mentions), the recognizer on a document, and a lexicon extended by a
//! user.

use chrono::NaiveDate;
use claimex::dates::DateTagger;
use claimex::lexicon::RulesDir;
use claimex::model::{DocId, Document, Mention, Metadata, Recognizer, SegmentedDoc, SourceFormat};

use crate::util;

fn tagger() -> DateTagger {
    DateTagger::load(&RulesDir::new(util::repo().join("rules"))).expect("date lexicon loads")
}

/// `surface => start..end granularity`, as the table writes it.
fn show(m: &Mention) -> String {
    let v = m.date().expect("a date mention");
    let day = |d: Option<NaiveDate>| d.map_or("null".to_string(), |d| d.to_string());
    let gran = serde_json::to_value(v.granularity).unwrap();
    format!("{} => {}..{} {}", m.text, day(v.start), day(v.end), gran.as_str().unwrap())
}

#[test]
fn date_table() {
    let tagger = tagger();
    let table = std::fs::read_to_string(util::repo().join("tests/dates.tsv")).unwrap();
    let (mut rows, mut negatives, mut failures) = (0, 0, Vec::new());
    for (n, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("published\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "dates.tsv line {}: want 3 tab-separated columns", n + 1);
        let published = (cols[0] != "-").then(|| {
            NaiveDate::parse_from_str(cols[0], "%Y-%m-%d").expect("published is YYYY-MM-DD or -")
        });
        let want: Vec<&str> =
            if cols[2] == "none" { Vec::new() } else { cols[2].split(" | ").collect() };
        let found = tagger.find(cols[1], published);
        for m in &found {
            assert_eq!(m.text, &cols[1][m.span.start..m.span.end], "text is the span's slice");
        }
        let got: Vec<String> = found.iter().map(show).collect();
        rows += 1;
        negatives += usize::from(want.is_empty());
        if got != want {
            failures.push(format!(
                "line {}: {}\n    want: {}\n    got:  {}",
                n + 1,
                cols[1],
                want.join(" | "),
                got.join(" | ")
            ));
        }
    }
    assert!(rows >= 150 && negatives >= 30, "table too small: {rows} rows, {negatives} negatives");
    assert!(
        failures.is_empty(),
        "{} of {rows} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn recognizer_anchors_on_the_publication_date_and_slices_the_text() {
    let text = "Published online 31 January 2025\n\nAttacks rose last year. In October 2019 talks began; a year later they failed.\n";
    let doc = Document {
        id: DocId("a.md".into()),
        format: SourceFormat::Markdown,
        sha256: String::new(),
        bytes: text.len() as u64,
        text: text.into(),
        meta: Metadata { published: NaiveDate::from_ymd_opt(2025, 1, 31), ..Metadata::default() },
        blocks: Vec::new(),
        sections: Vec::new(),
    };
    let seg = SegmentedDoc { doc, sentences: Vec::new() };
    let tagger = tagger();
    assert_eq!(tagger.name(), "dates");
    let mut out = Vec::new();
    tagger.recognize(&seg, &mut out);
    let got: Vec<String> = out.iter().map(show).collect();
    assert_eq!(
        got,
        [
            "31 January 2025 => 2025-01-31..2025-01-31 day",
            "last year => 2024-01-01..2024-12-31 year",
            "October 2019 => 2019-10-01..2019-10-31 month",
            "a year later => 2020-01-01..2020-12-31 year",
        ]
    );
    for m in &out {
        assert_eq!(m.text, m.span.slice(text));
    }
}

#[test]
fn parses_lone_values() {
    let tagger = tagger();
    let anchor = NaiveDate::from_ymd_opt(2025, 1, 31);
    let range = |s: &str| {
        let v = tagger.parse(s, anchor).unwrap_or_else(|| panic!("{s} parses"));
        (v.start.map(|d| d.to_string()), v.end.map(|d| d.to_string()))
    };
    let some = |a: &str, b: &str| (Some(a.to_string()), Some(b.to_string()));
    assert_eq!(range("2020"), some("2020-01-01", "2020-12-31"));
    assert_eq!(range(" 1850 "), some("1850-01-01", "1850-12-31"));
    assert_eq!(range("2021-03"), some("2021-03-01", "2021-03-31"));
    assert_eq!(range("2021-03-05"), some("2021-03-05", "2021-03-05"));
    assert_eq!(range("March 2021"), some("2021-03-01", "2021-03-31"));
    assert_eq!(range("last year"), some("2024-01-01", "2024-12-31"));
    assert_eq!(range("May"), some("2025-05-01", "2025-05-31"));
    assert_eq!(range("since 2019"), (Some("2019-01-01".into()), None));
    assert!(tagger.parse("the Taliban", anchor).is_none());
    assert!(tagger.parse("2020 and then some", anchor).is_none());
    assert!(tagger.parse("", anchor).is_none());
}

#[test]
fn a_user_lexicon_adds_a_language() {
    let built_in = std::fs::read_to_string(util::repo().join("rules/dates.toml")).unwrap();
    let french = built_in
        .replace("[months]\n", "[months]\njanvier = 1\nmars = 3\noctobre = 10\n")
        .replace("since = [\"since\"]", "since = [\"since\", \"depuis\"]");
    assert_ne!(french, built_in, "the built-in lexicon still has the edited lines");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(claimex::dates::LEXICON_FILE), french).unwrap();
    let tagger = DateTagger::load(&RulesDir::new(dir.path())).unwrap();
    let got: Vec<String> =
        tagger.find("Le 7 octobre 2001, puis depuis mars 2022.", None).iter().map(show).collect();
    assert_eq!(
        got,
        [
            "7 octobre 2001 => 2001-10-07..2001-10-07 day",
            "depuis mars 2022 => 2022-03-01..null interval"
        ]
    );
    std::fs::write(dir.path().join(claimex::dates::LEXICON_FILE), "[settings]\n").unwrap();
    let err = DateTagger::load(&RulesDir::new(dir.path())).unwrap_err();
    assert!(err.to_string().contains("dates.toml"), "{err}");
}
