//! Index round trips on hand-built tagged documents: writing, incremental
//! updates, crash safety, and every search feature.

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use regex::Regex;

use super::expand::tests::TestCatalog;
use super::*;
use crate::model::{
    Argument, Claim, DateValue, Document, EntityRef, Evidence, Granularity, Mention, MentionKind,
    Metadata, Modality, Polarity, Relation, Sentence, SourceFormat, Span, TaggedDoc,
};

/// A tagged document: one sentence per line (or per `. `), entities found
/// with the test catalog's names, four-digit years as year dates.
fn tagged(id: &str, title: &str, text: &str) -> TaggedDoc {
    let catalog = TestCatalog::sample();
    let mut sentences = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive(['\n', '.']) {
        let end = start + piece.len();
        let s = &text[start..end];
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        if !trimmed.is_empty() {
            let span = Span::new(start + lead, start + lead + trimmed.len());
            sentences.push(Sentence { span, block: 0, section: None, is_heading: false });
        }
        start = end;
    }
    let mut mentions: Vec<Mention> = Vec::new();
    for e in &catalog.0 {
        let names = e.aliases.iter().map(|a| format!("(?i:{})", regex::escape(a)));
        let names = names.chain(e.acronyms.iter().map(|a| regex::escape(a)));
        for name in names {
            let re = Regex::new(&format!(r"\b{name}\b")).unwrap();
            for m in re.find_iter(text) {
                let span = Span::new(m.start(), m.end());
                if mentions.iter().any(|o| o.span.overlaps(span)) {
                    mentions.retain(|o| !(o.span.overlaps(span) && o.span.len() < span.len()));
                    if mentions.iter().any(|o| o.span.overlaps(span)) {
                        continue;
                    }
                }
                let r =
                    EntityRef { id: e.id.clone(), etype: e.etype.clone(), name: e.name.clone() };
                mentions.push(Mention {
                    span,
                    text: m.as_str().into(),
                    kind: MentionKind::Entity(r),
                });
            }
        }
    }
    for m in Regex::new(r"\b(1[89]\d\d|20\d\d)\b").unwrap().find_iter(text) {
        let y: i32 = m.as_str().parse().unwrap();
        let value = DateValue {
            start: NaiveDate::from_ymd_opt(y, 1, 1),
            end: NaiveDate::from_ymd_opt(y, 12, 31),
            granularity: Granularity::Year,
        };
        let span = Span::new(m.start(), m.end());
        mentions.push(Mention { span, text: m.as_str().into(), kind: MentionKind::Date(value) });
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    let doc = Document {
        id: DocId(id.into()),
        format: SourceFormat::Text,
        sha256: String::new(),
        bytes: text.len() as u64,
        text: text.into(),
        meta: Metadata {
            title: Some(title.into()),
            authors: vec!["Farhan Zahid".into()],
            ..Metadata::default()
        },
        blocks: Vec::new(),
        sections: Vec::new(),
    };
    TaggedDoc { doc, sentences, mentions }
}

fn arg(doc: &TaggedDoc, entity: &str, text: &str, from: usize) -> Argument {
    let start = doc.doc.text[from..].find(text).map(|i| i + from);
    Argument {
        entity: entity.into(),
        name: TestCatalog::sample().entity(entity).unwrap().name.clone(),
        text: text.into(),
        etype: "actor".into(),
        span: start.map(|s| Span::new(s, s + text.len())),
    }
}

/// A claim on sentence `idx` of `doc`.
fn claim(
    doc: &TaggedDoc,
    idx: usize,
    subj: (&str, &str),
    rel: Relation,
    obj: (&str, &str),
) -> Claim {
    let s = doc.sentences[idx].span;
    Claim {
        id: format!("{}#{idx}#{rel}", doc.doc.id),
        doc: doc.doc.id.to_string(),
        subject: arg(doc, subj.0, subj.1, s.start),
        relation: rel,
        object: arg(doc, obj.0, obj.1, s.start),
        polarity: Polarity::Positive,
        modality: Modality::Asserted,
        source: None,
        time: None,
        place: None,
        evidence: Evidence { start: s.start, end: s.end, sentence: s.slice(&doc.doc.text).into() },
        section: vec![],
        confidence: 0.8,
        rule: "test".into(),
        cue: None,
    }
}

const ESSAY: &str = "The Afghan Taliban captured “Kābul” in 1996 – and ruled until 2001.\n\
The Pakistani Taliban emerged in 2007 in the tribal areas.\n\
Islamabad accuses the Taliban of sheltering the TTP since 2021.\n\
Ceasefire talks between Pakistan and the TTP collapsed in 2022.\n\
Pakistani officials said the Taliban were not fighters of the movement.\n";

const NEWS: &str = "The TTP claimed an attack near Peshawar.\n\
Talks resumed in Kabul with Afghan Taliban mediation.\n";

fn essay() -> TaggedDoc {
    tagged("essay.md", "The Afghan Taliban–TTP Nexus", ESSAY)
}

fn news() -> TaggedDoc {
    tagged("news/today.txt", "Border news", NEWS)
}

fn essay_claims(d: &TaggedDoc) -> Vec<Claim> {
    vec![
        claim(d, 2, ("afghan_taliban", "Taliban"), Relation::Shelters, ("ttp", "TTP")),
        claim(d, 2, ("pakistan", "Islamabad"), Relation::Accuses, ("afghan_taliban", "Taliban")),
        claim(d, 3, ("pakistan", "Pakistan"), Relation::NegotiatesWith, ("ttp", "TTP")),
    ]
}

/// An in-memory index holding the essay (with claims) and the news item.
fn sample_index() -> CorpusIndex {
    let ix = CorpusIndex::create_in_ram().unwrap();
    let up = ix.updater().unwrap();
    let e = essay();
    up.add(&e, &essay_claims(&e)).unwrap();
    up.add(&news(), &[]).unwrap();
    up.commit().unwrap();
    ix
}

fn search(ix: &CorpusIndex, req: &SearchRequest) -> SearchResults {
    ix.search(req, &TestCatalog::sample()).unwrap()
}

fn sentences(ix: &CorpusIndex, q: &str) -> Vec<String> {
    let res = search(ix, &SearchRequest::new(HitKind::Sentence, q));
    res.hits.iter().map(|h| h.snippet.text.clone()).collect()
}

fn contains(hits: &[String], needle: &str) -> bool {
    hits.iter().any(|h| h.contains(needle))
}

#[test]
fn stats_and_indexed_docs() {
    let ix = sample_index();
    let stats = ix.stats().unwrap();
    assert_eq!((stats.docs, stats.sentences, stats.claims), (2, 7, 3));
    let docs = ix.indexed_docs().unwrap();
    assert_eq!(docs, [DocId("essay.md".into()), DocId("news/today.txt".into())].into());
}

#[test]
fn phrase_and_conjunction_queries() {
    let ix = sample_index();
    // Without expansion, the phrase finds only the sentence that says it.
    let mut req = SearchRequest::new(HitKind::Sentence, "\"Pakistani Taliban\"");
    req.expand_aliases = false;
    let hits: Vec<String> = search(&ix, &req).hits.into_iter().map(|h| h.snippet.text).collect();
    assert_eq!(hits, ["The Pakistani Taliban emerged in 2007 in the tribal areas."]);
    // Words are ANDed by default and stemmed (`talks` ~ `talk`).
    let hits = sentences(&ix, "ceasefire talk");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].starts_with("Ceasefire talks"));
    // Explicit OR and tantivy syntax work.
    assert_eq!(sentences(&ix, "ceasefire OR Peshawar").len(), 2);
    assert_eq!(sentences(&ix, "talks -ceasefire").len(), 1);
}

#[test]
fn alias_expansion_finds_other_names_and_highlights_them() {
    let ix = sample_index();
    let res = search(&ix, &SearchRequest::new(HitKind::Sentence, "Pakistani Taliban"));
    assert_eq!(res.expansions.len(), 1);
    assert_eq!(res.expansions[0].entities, ["ttp"]);
    let marked: Vec<String> = res.hits.iter().map(|h| h.snippet.marked("[[", "]]")).collect();
    // The literal phrase ranks first; sentences saying only `TTP` follow.
    assert!(marked[0].contains("[[Pakistani Taliban]] emerged"), "{marked:?}");
    assert!(marked.iter().any(|m| m.contains("sheltering the [[TTP]]")), "{marked:?}");
    assert!(marked.iter().any(|m| m.contains("The [[TTP]] claimed")), "{marked:?}");
    // The sentence with the two words apart is not an alias hit.
    assert!(!marked.iter().any(|m| m.contains("Pakistani officials")), "{marked:?}");
    // A straight-apostrophe possessive is a word, not a quote.
    let res = search(&ix, &SearchRequest::new(HitKind::Sentence, "TTP's"));
    assert_eq!(res.expansions[0].entities, ["ttp"]);
    assert_eq!(res.total, 4);
    // Without expansion only the literal words match.
    let mut req = SearchRequest::new(HitKind::Sentence, "Pakistani Taliban");
    req.expand_aliases = false;
    let plain = search(&ix, &req);
    assert!(plain.hits.iter().all(|h| !h.snippet.text.contains("TTP claimed")));
}

#[test]
fn entity_filter_by_id_or_alias() {
    let ix = sample_index();
    let mut req = SearchRequest::new(HitKind::Sentence, "");
    req.entities = vec!["Pakistani Taliban".into()];
    let res = search(&ix, &req);
    assert_eq!(res.entity_filter, ["ttp"]);
    assert_eq!(res.total, 4);
    assert!(res.hits.iter().all(|h| h.entities.contains(&"ttp".to_string())));
    // Two filters: both entities.
    req.entities.push("pakistan".into());
    let res = search(&ix, &req);
    let texts: Vec<&str> = res.hits.iter().map(|h| h.snippet.text.as_str()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    // Facet counts cover all matching hits.
    assert_eq!(res.entities.iter().find(|(id, _)| id == "ttp").map(|e| e.1), Some(2));
    // Unknown name: a clear error with close matches.
    req.entities = vec!["Afghan Talibn".into()];
    let err = ix.search(&req, &TestCatalog::sample()).unwrap_err().to_string();
    assert!(err.contains("unknown entity") && err.contains("afghan_taliban"), "{err}");
}

#[test]
fn date_range_selects_by_overlap() {
    let ix = sample_index();
    let run = |from: Option<&str>, to: Option<&str>| -> Vec<String> {
        let mut req = SearchRequest::new(HitKind::Sentence, "");
        req.from = from.map(|s| parse_period(s, PeriodEnd::First).unwrap());
        req.to = to.map(|s| parse_period(s, PeriodEnd::Last).unwrap());
        req.limit = 50;
        search(&ix, &req).hits.into_iter().map(|h| h.snippet.text).collect()
    };
    // 1996–2001 overlaps 1999 even though neither year is 1999.
    let hits = run(Some("1999"), Some("1999"));
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].contains("Kābul"));
    let hits = run(Some("2021-06"), None);
    assert_eq!(hits.len(), 2, "{hits:?}");
    let hits = run(None, Some("2006-12-31"));
    assert_eq!(hits.len(), 1, "{hits:?}");
    // Sentences without dates never match a date filter.
    assert!(!contains(&run(Some("1900"), Some("2100")), "Peshawar"));
    let mut req = SearchRequest::new(HitKind::Sentence, "");
    req.from = parse_period("2010", PeriodEnd::First).ok();
    req.to = parse_period("2001", PeriodEnd::Last).ok();
    assert!(ix.search(&req, &TestCatalog::sample()).is_err());
}

#[test]
fn claims_filter_by_relation_and_carry_their_fields() {
    let ix = sample_index();
    let mut req = SearchRequest::new(HitKind::Claim, "");
    req.relation = Some(Relation::Shelters);
    let res = search(&ix, &req);
    assert_eq!(res.total, 1);
    let hit = &res.hits[0];
    let c = hit.claim.as_ref().unwrap();
    assert_eq!(
        (c.claim.subject.entity.as_str(), c.claim.object.entity.as_str()),
        ("afghan_taliban", "ttp")
    );
    assert_eq!(c.status, PENDING);
    assert_eq!(hit.offsets, Span::new(c.claim.evidence.start, c.claim.evidence.end));
    assert_eq!(res.relations, [("shelters".to_string(), 1)]);
    // Without query words, the claim's arguments are what is highlighted.
    assert_eq!(
        hit.snippet.marked("[[", "]]"),
        "Islamabad accuses the [[Taliban]] of sheltering the [[TTP]] since 2021."
    );
    // Free text over claims searches the evidence and the argument names.
    let res = search(&ix, &SearchRequest::new(HitKind::Claim, "negotiates"));
    assert_eq!(res.total, 1);
    let mut req = SearchRequest::new(HitKind::Claim, "Islamabad");
    req.expand_aliases = false;
    assert_eq!(search(&ix, &req).relations.len(), 2);
    // With expansion, `Islamabad` also finds claims whose argument is Pakistan.
    req.expand_aliases = true;
    assert_eq!(search(&ix, &req).relations.len(), 3);
    // Every matching claim id, for the review page's search box.
    let ids = ix.claim_ids("Islamabad", &TestCatalog::sample()).unwrap();
    assert_eq!(ids.len(), 3);
    assert!(ids.contains(&format!("essay.md#3#{}", Relation::NegotiatesWith)));
    assert!(ix.claim_ids("Peshawar", &TestCatalog::sample()).unwrap().is_empty());
    // A relation filter on sentences is a mistake.
    let mut req = SearchRequest::new(HitKind::Sentence, "");
    req.relation = Some(Relation::Shelters);
    assert!(ix.search(&req, &TestCatalog::sample()).is_err());
}

#[test]
fn documents_rank_title_and_body() {
    let ix = sample_index();
    let res = search(&ix, &SearchRequest::new(HitKind::Doc, "Nexus"));
    assert_eq!(res.total, 1);
    assert_eq!(res.hits[0].title.as_deref(), Some("The Afghan Taliban–TTP Nexus"));
    assert_eq!(res.hits[0].authors, ["Farhan Zahid"]);
    let res = search(&ix, &SearchRequest::new(HitKind::Doc, "Peshawar"));
    assert_eq!(res.hits[0].doc, "news/today.txt");
    assert_eq!(
        res.hits[0].snippet.marked("[[", "]]"),
        NEWS.trim().replace("Peshawar", "[[Peshawar]]")
    );
}

#[test]
fn snippet_offsets_hold_on_non_ascii_text() {
    let ix = sample_index();
    let res = search(&ix, &SearchRequest::new(HitKind::Sentence, "kabul ruled"));
    let hit = &res.hits[0];
    let s = &hit.snippet;
    assert_eq!(&ESSAY[s.offsets.start..s.offsets.end], s.text);
    let words: Vec<&str> = s.highlights.iter().map(|h| h.slice(&s.text)).collect();
    assert_eq!(words, ["Kābul", "ruled"]);
    for h in &s.highlights {
        let abs = Span::new(s.offsets.start + h.start, s.offsets.start + h.end);
        assert_eq!(abs.slice(ESSAY), h.slice(&s.text));
    }
    let json = serde_json::to_value(hit).unwrap();
    for key in ["doc", "kind", "score", "snippet", "offsets", "highlights", "snippet_offsets"] {
        assert!(json.get(key).is_some(), "{key} missing in {json}");
    }
    assert_eq!(json["kind"], "sentence");
    assert_eq!(json["date"]["start"], "1996-01-01");
}

#[test]
fn query_syntax_errors_are_clear() {
    let ix = sample_index();
    for bad in ["\"unbalanced", "nosuchfield:x"] {
        let err = ix.search(&SearchRequest::new(HitKind::Sentence, bad), &TestCatalog::sample());
        let msg = err.unwrap_err().to_string();
        assert!(msg.starts_with("query:"), "{bad}: {msg}");
    }
}

#[test]
fn reindexing_replaces_and_removes_documents() {
    let ix = sample_index();
    let up = ix.updater().unwrap();
    let edited = ESSAY.replace("Ceasefire talks", "Peace negotiations");
    up.add(&tagged("essay.md", "The nexus", &edited), &[]).unwrap();
    up.remove(&DocId("news/today.txt".into())).unwrap();
    up.commit().unwrap();
    assert!(sentences(&ix, "ceasefire").is_empty());
    assert_eq!(sentences(&ix, "\"peace negotiations\"").len(), 1);
    assert!(sentences(&ix, "Peshawar").is_empty());
    let stats = ix.stats().unwrap();
    assert_eq!((stats.docs, stats.sentences, stats.claims), (1, 5, 0));
    assert_eq!(ix.indexed_docs().unwrap(), [DocId("essay.md".into())].into());
}

#[test]
fn nothing_is_visible_before_commit_and_a_dropped_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    {
        let ix = CorpusIndex::open_or_create(&path).unwrap();
        let up = ix.updater().unwrap();
        up.add(&essay(), &[]).unwrap();
        up.commit().unwrap();
    }
    let ix = CorpusIndex::open_or_create(&path).unwrap();
    assert!(!ix.was_rebuilt());
    let up = ix.updater().unwrap();
    up.remove(&DocId("essay.md".into())).unwrap();
    up.add(&news(), &[]).unwrap();
    assert_eq!(ix.indexed_docs().unwrap(), [DocId("essay.md".into())].into());
    drop(up); // a run that dies before its commit
    let reopened = CorpusIndex::open(&path).unwrap();
    assert_eq!(reopened.indexed_docs().unwrap(), [DocId("essay.md".into())].into());
    assert_eq!(sentences(&reopened, "Peshawar").len(), 0);
    assert_eq!(sentences(&reopened, "Kabul").len(), 1);
    // A new run can take the writer again and commit.
    let up = reopened.updater().unwrap();
    up.add(&news(), &[]).unwrap();
    up.commit().unwrap();
    assert_eq!(reopened.indexed_docs().unwrap().len(), 2);
    assert!(reopened.stats().unwrap().bytes > 0);
}

#[test]
fn concurrent_adds_from_rayon_workers() {
    let ix = CorpusIndex::create_in_ram().unwrap();
    let up = ix.updater().unwrap();
    (0..24).into_par_iter().for_each(|i| {
        let text = format!("Report {i} says the TTP met in Kabul in 20{:02}.\n", i % 20);
        up.add(&tagged(&format!("r{i}.txt"), "r", &text), &[]).unwrap();
    });
    up.commit().unwrap();
    assert_eq!(ix.indexed_docs().unwrap().len(), 24);
    let mut req = SearchRequest::new(HitKind::Sentence, "Kabul");
    req.entities = vec!["TTP".into()];
    assert_eq!(search(&ix, &req).total, 24);
}

#[test]
fn statuses_known_at_run_time_reach_unchanged_documents() {
    let ix = sample_index();
    let id = format!("essay.md#2#{}", Relation::Shelters);
    let mut up = ix.updater().unwrap();
    up.set_statuses(HashMap::from([(id.clone(), "accepted".to_string())]));
    up.commit().unwrap();
    let mut req = SearchRequest::new(HitKind::Claim, "");
    req.limit = 10;
    let res = search(&ix, &req);
    assert_eq!(res.total, 3, "claims are updated, not duplicated");
    for hit in &res.hits {
        let c = hit.claim.as_ref().unwrap();
        let want = if c.claim.id == id { "accepted" } else { PENDING };
        assert_eq!(c.status, want, "{}", c.claim.id);
    }
}

#[test]
fn an_index_of_another_schema_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = tantivy::schema::Schema::builder();
    b.add_text_field("old", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(dir.path(), b.build()).unwrap();
    let ix = CorpusIndex::open_or_create(dir.path()).unwrap();
    assert!(ix.was_rebuilt());
    assert!(ix.indexed_docs().unwrap().is_empty());
    assert!(CorpusIndex::open(&dir.path().join("missing")).is_err());
}
