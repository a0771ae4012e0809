//! Query latency of `CorpusIndex::search` on a generated corpus of 10,000
//! documents (about 12 sentences and 2 claims each, entity and date
//! mentions, Zipf-distributed vocabulary). The setup prints the corpus and
//! index sizes.
//!
//! Run with `cargo bench --bench search`; `CLAIMEX_BENCH_DOCS=N` changes
//! the corpus size.

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use claimex::index::{CorpusIndex, HitKind, SearchRequest};
use claimex::model::{
    Argument, Claim, DateValue, DocId, Document, Entity, EntityCatalog, EntityRef, Evidence,
    Granularity, Mention, MentionKind, Metadata, Modality, Polarity, Relation, Sentence,
    SourceFormat, Span, TaggedDoc,
};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

const WORDS: &str = "the of and to in a that is was for on with as by militants group \
attack attacks border security forces government talks ceasefire province district \
operation leaders fighters support training safe havens insurgency state military \
intelligence report reports analysts officials region tribal areas Afghanistan Pakistan \
emirate regime movement network alliance commander faction violence killed bombing \
suicide camp camps recruits funding sanctuary negotiations agreement withdrawal troops \
police checkpoint convoy village city capital mountains valley refugees aid sanctions \
policy strategy counterterrorism ideology seminaries madrassas jihad election council \
shura spokesman statement claimed responsibility denied accused blamed demanded threatened";

/// Fixed phrases sprinkled into the text, so phrase queries have hits.
const PHRASES: &[&str] = &["safe havens", "cross-border attacks", "peace talks", "rear base"];

/// id, aliases (the first is the canonical name).
const ENTITIES: &[(&str, &[&str], &[&str])] = &[
    ("ttp", &["Tehreek-e-Taliban Pakistan", "Pakistani Taliban"], &["TTP"]),
    ("afghan_taliban", &["Afghan Taliban", "Islamic Emirate"], &["IEA"]),
    ("pakistan", &["Pakistan", "Islamabad"], &[]),
    ("al_qaeda", &["Al-Qaeda", "al-Qaida"], &["AQ"]),
    ("haqqani", &["Haqqani Network", "Haqqanis"], &[]),
    ("iskp", &["Islamic State Khorasan", "ISIS-K"], &["ISKP"]),
    ("usa", &["United States", "Washington"], &["US"]),
    ("un", &["United Nations", "Monitoring Team"], &["UN"]),
    ("north_waziristan", &["North Waziristan"], &[]),
    ("kabul", &["Kabul"], &[]),
];

struct Catalog(Vec<Entity>);

impl Catalog {
    fn new() -> Catalog {
        let entities = ENTITIES
            .iter()
            .map(|(id, aliases, acronyms)| Entity {
                id: id.to_string(),
                etype: "actor".into(),
                name: aliases[0].into(),
                aliases: aliases.iter().map(|s| s.to_string()).collect(),
                acronyms: acronyms.iter().map(|s| s.to_string()).collect(),
                ..Entity::default()
            })
            .collect();
        Catalog(entities)
    }
}

impl EntityCatalog for Catalog {
    fn entity(&self, id: &str) -> Option<&Entity> {
        self.0.iter().find(|e| e.id == id)
    }
    fn lookup_name(&self, name: &str) -> Vec<&Entity> {
        self.0
            .iter()
            .filter(|e| {
                e.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
                    || e.acronyms.iter().any(|a| a == name)
            })
            .collect()
    }
    fn entities(&self) -> &[Entity] {
        &self.0
    }
}

struct Generator {
    rng: Rng,
    vocab: Vec<String>,
    catalog: Catalog,
}

impl Generator {
    fn new() -> Generator {
        let mut vocab: Vec<String> = WORDS.split_whitespace().map(str::to_string).collect();
        let syllables = ["ka", "ri", "zan", "mo", "tel", "shi", "gar", "nu", "bad", "qor"];
        for i in 0..4000 {
            let w: String = [i % 10, (i / 10) % 10, (i / 100) % 10, (i / 1000) % 10]
                .iter()
                .map(|&k| syllables[k])
                .collect();
            vocab.push(w);
        }
        Generator { rng: Rng(0x9e37_79b9_7f4a_7c15), vocab, catalog: Catalog::new() }
    }

    fn doc(&mut self, n: usize) -> (TaggedDoc, Vec<Claim>) {
        let id = DocId(format!("gen/{:03}/doc-{n}.txt", n % 100));
        let mut text = String::new();
        let mut sentences = Vec::new();
        let mut mentions = Vec::new();
        let mut claims = Vec::new();
        for i in 0..12 {
            let start = text.len();
            let mut ents: Vec<(String, Span)> = Vec::new();
            let words = 10 + self.rng.below(16);
            for w in 0..words {
                if w > 0 {
                    text.push(' ');
                }
                if self.rng.below(9) == 0 {
                    let e = &self.catalog.0[self.rng.skewed(self.catalog.0.len())];
                    let names: Vec<&String> = e.aliases.iter().chain(&e.acronyms).collect();
                    let name = names[self.rng.below(names.len())];
                    let span = Span::new(text.len(), text.len() + name.len());
                    text.push_str(name);
                    let r = EntityRef {
                        id: e.id.clone(),
                        etype: e.etype.clone(),
                        name: e.name.clone(),
                    };
                    mentions.push(Mention {
                        span,
                        text: name.clone(),
                        kind: MentionKind::Entity(r),
                    });
                    ents.push((e.id.clone(), span));
                } else if self.rng.below(60) == 0 {
                    text.push_str(PHRASES[self.rng.below(PHRASES.len())]);
                } else if self.rng.below(40) == 0 {
                    let y = 1979 + self.rng.below(46) as i32;
                    let s = format!("in {y}");
                    let span = Span::new(text.len() + 3, text.len() + s.len());
                    text.push_str(&s);
                    let value = DateValue {
                        start: NaiveDate::from_ymd_opt(y, 1, 1),
                        end: NaiveDate::from_ymd_opt(y, 12, 31),
                        granularity: Granularity::Year,
                    };
                    mentions.push(Mention {
                        span,
                        text: y.to_string(),
                        kind: MentionKind::Date(value),
                    });
                } else {
                    let w = &self.vocab[self.rng.skewed(self.vocab.len())];
                    text.push_str(w);
                }
            }
            text.push_str(".\n");
            let span = Span::new(start, text.len() - 1);
            sentences.push(Sentence { span, block: i, section: None, is_heading: false });
            if ents.len() >= 2 && claims.len() < 2 {
                claims.push(self.claim(&id, &text, span, &ents));
            }
        }
        let doc = Document {
            id,
            format: SourceFormat::Text,
            sha256: String::new(),
            bytes: text.len() as u64,
            meta: Metadata { title: Some(format!("Report {n}")), ..Metadata::default() },
            text,
            blocks: Vec::new(),
            sections: Vec::new(),
        };
        (TaggedDoc { doc, sentences, mentions }, claims)
    }

    fn claim(&mut self, doc: &DocId, text: &str, s: Span, ents: &[(String, Span)]) -> Claim {
        let arg = |(id, span): &(String, Span)| Argument {
            entity: id.clone(),
            name: id.clone(),
            text: span.slice(text).into(),
            etype: "actor".into(),
            span: Some(*span),
        };
        let relation = Relation::ALL[self.rng.below(Relation::ALL.len())];
        Claim {
            id: format!("{doc}#{}", s.start),
            doc: doc.to_string(),
            subject: arg(&ents[0]),
            relation,
            object: arg(&ents[1]),
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            source: None,
            time: None,
            place: None,
            evidence: Evidence { start: s.start, end: s.end, sentence: s.slice(text).into() },
            section: Vec::new(),
            confidence: 0.5,
            rule: "bench".into(),
            cue: None,
        }
    }
}

fn build(dir: &std::path::Path, docs: usize) -> CorpusIndex {
    let started = Instant::now();
    let index = CorpusIndex::open_or_create(dir).expect("index");
    let updater = index.updater().expect("writer");
    let mut generator = Generator::new();
    let mut corpus_bytes = 0;
    for n in 0..docs {
        let (doc, claims) = generator.doc(n);
        corpus_bytes += doc.doc.text.len();
        updater.add(&doc, &claims).expect("add");
    }
    updater.commit().expect("commit");
    let stats = index.stats().expect("stats");
    let mut by_ext: std::collections::BTreeMap<String, u64> = Default::default();
    for entry in std::fs::read_dir(dir).expect("index dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ext = name.rsplit_once('.').map_or("other", |(_, e)| e).to_string();
        *by_ext.entry(ext).or_default() += entry.metadata().map_or(0, |m| m.len());
    }
    let parts: Vec<String> =
        by_ext.iter().map(|(e, b)| format!("{e} {:.1} MB", *b as f64 / 1e6)).collect();
    eprintln!("search bench: index files: {}", parts.join(", "));
    eprintln!(
        "search bench: {} docs, {} sentences, {} claims; corpus {:.1} MB, index {:.1} MB \
         ({:.2}× the corpus); built in {:.1} s",
        stats.docs,
        stats.sentences,
        stats.claims,
        corpus_bytes as f64 / 1e6,
        stats.bytes as f64 / 1e6,
        stats.bytes as f64 / corpus_bytes as f64,
        started.elapsed().as_secs_f64()
    );
    index
}

fn bench_search(c: &mut Criterion) {
    let docs =
        std::env::var("CLAIMEX_BENCH_DOCS").ok().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let index = build(dir.path(), docs);
    let catalog = Catalog::new();
    let day = |y| NaiveDate::from_ymd_opt(y, 1, 1);

    let mut cases: Vec<(&str, SearchRequest)> = vec![
        ("term", SearchRequest::new(HitKind::Sentence, "ceasefire")),
        ("two_words", SearchRequest::new(HitKind::Sentence, "border security")),
        ("phrase", SearchRequest::new(HitKind::Sentence, "\"safe havens\"")),
        ("alias_expansion", SearchRequest::new(HitKind::Sentence, "Pakistani Taliban talks")),
    ];
    let mut filtered = SearchRequest::new(HitKind::Sentence, "attack");
    filtered.entities = vec!["TTP".into()];
    (filtered.from, filtered.to) = (day(2001), day(2015));
    cases.push(("entity_and_dates", filtered));
    let mut claims = SearchRequest::new(HitKind::Claim, "");
    claims.relation = Some(Relation::Shelters);
    cases.push(("claims_by_relation", claims));
    cases.push(("documents", SearchRequest::new(HitKind::Doc, "insurgency sanctuary")));

    let mut group = c.benchmark_group("search");
    for (name, req) in &cases {
        let res = index.search(req, &catalog).expect("search");
        assert!(res.total > 0, "{name}: no hits");
        group.bench_function(*name, |b| {
            b.iter(|| black_box(index.search(black_box(req), &catalog).expect("search")))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
