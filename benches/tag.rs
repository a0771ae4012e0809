//! Gazetteer tagging throughput and build time at ≥ 100,000 aliases.
//!
//! The aliases come from the Phoenix TABARI `.actors` dictionaries when they
//! are present (`../shared/data/phoenix/*.actors.txt`, or the folder named by
//! `CLAIMEX_PHOENIX`), topped up with generated names; the ≥ 50 MB corpus is
//! English-like text generated in memory (deterministically) with names,
//! possessives, hyphenated compounds and some non-ASCII text sprinkled in,
//! cut into ~40 KB documents. Run with `cargo bench --bench tag`.
//! The target is ≥ 37 MB/s per thread for `gazetteer/find_in_document`.
//! The shipped `gazetteers/` are timed on the same text when they load.
//! Besides criterion's wall-clock figures, on-CPU throughput (thread CPU
//! time, best of five passes) is printed first: on a shared machine it is
//! the steadier number.

use std::path::{Path, PathBuf};
use std::time::Duration;

use aho_corasick::{AhoCorasick, MatchKind};
use claimex::gazetteer::Gazetteer;
use claimex::model::Entity;
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

/// At least this many aliases.
const ALIASES: usize = 100_000;
/// At least this many bytes of corpus.
const CORPUS_BYTES: usize = 50 << 20;
/// Approximate document size.
const DOC_BYTES: usize = 40 << 10;

fn phoenix_dir() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("CLAIMEX_PHOENIX").map(PathBuf::from),
        Some(manifest.join("../shared/data/phoenix")),
        Some(PathBuf::from("/work/shared/data/phoenix")),
    ];
    candidates.into_iter().flatten().find(|d| d.is_dir())
}

/// A TABARI name (`AL-INTIQAMI_AL-PAKISTANI_`, `+ISLAMIC_ARMY_OF_ADEN_(IAA)_`)
/// as words, without parenthesised parts.
fn tabari_name(raw: &str) -> Option<String> {
    let mut name = String::new();
    let mut depth = 0;
    for c in raw.trim_start_matches('+').chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth > 0 => {}
            '_' => name.push(' '),
            c => name.push(c),
        }
    }
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (name.chars().filter(|c| c.is_alphanumeric()).count() >= 3).then_some(name)
}

/// Entities from the `.actors` files: a name line starts an entity, `+`
/// lines add aliases, indented lines hold codes.
fn phoenix_entities(dir: &Path) -> Vec<Entity> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.to_string_lossy().ends_with(".actors.txt"));
    files.sort();
    let mut entities: Vec<Entity> = Vec::new();
    for file in files {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap_or_default()).into_owned();
        for line in text.lines() {
            let Some(first) = line.chars().next() else { continue };
            if first.is_whitespace() || matches!(first, '#' | '[' | '<' | '-') {
                continue;
            }
            let raw = line.split(['\t', ' ', '[', '#']).next().unwrap_or("");
            let Some(name) = tabari_name(raw) else { continue };
            match (first == '+', entities.last_mut()) {
                (true, Some(e)) => e.aliases.push(name),
                _ => entities.push(entity(entities.len(), name)),
            }
        }
    }
    entities
}

fn entity(n: usize, name: String) -> Entity {
    let etype = if n.is_multiple_of(5) { "person" } else { "actor" };
    Entity {
        id: format!("e{n}"),
        etype: etype.into(),
        aliases: vec![name.clone()],
        name,
        ..Entity::default()
    }
}

const SYLLABLES: &[&str] = &[
    "ab", "dul", "ka", "rim", "zai", "ha", "qqa", "ni", "meh", "sud", "ba", "loch", "waz", "ir",
    "is", "tan", "kho", "ra", "san", "jal", "al", "ud", "din", "ma", "su", "lar", "gul", "bad",
    "tal", "ib", "an", "pash", "tun", "khy", "ber", "quet", "ta", "nang", "har", "kun", "ar",
];

fn made_up_word(rng: &mut Rng) -> String {
    let mut w = String::new();
    for _ in 0..2 + rng.below(2) {
        w.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The ≥ 100,000-alias gazetteer entities and how many came from Phoenix.
fn bench_entities() -> (Vec<Entity>, usize) {
    let mut entities = phoenix_dir().map(|d| phoenix_entities(&d)).unwrap_or_default();
    let from_phoenix: usize = entities.iter().map(|e| e.aliases.len()).sum();
    let mut rng = Rng(0x5eed_0001);
    let mut total = from_phoenix;
    while total < ALIASES {
        let words = 1 + rng.below(3);
        let name = (0..words).map(|_| made_up_word(&mut rng)).collect::<Vec<_>>().join(" ");
        let mut e = entity(entities.len(), name);
        if rng.chance(30) {
            let first = made_up_word(&mut rng);
            e.aliases.push(format!("{first}-{}", e.name));
        }
        if rng.chance(10) {
            let acronym: String = e.name.split(' ').filter_map(|w| w.chars().next()).collect();
            e.acronyms.push(format!("{acronym}X"));
        }
        total += e.aliases.len() + e.acronyms.len();
        entities.push(e);
    }
    (entities, from_phoenix)
}

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "is",
    "was",
    "for",
    "on",
    "as",
    "with",
    "by",
    "it",
    "from",
    "at",
    "its",
    "has",
    "were",
    "had",
    "this",
    "which",
    "be",
    "have",
    "are",
    "not",
    "but",
    "an",
    "their",
    "they",
    "also",
    "after",
    "been",
    "into",
    "more",
    "other",
    "between",
    "government",
    "group",
    "forces",
    "militants",
    "attacks",
    "security",
    "border",
    "support",
    "leadership",
    "fighters",
    "state",
    "military",
    "regional",
    "relations",
    "against",
    "during",
    "province",
    "tribal",
    "areas",
    "operations",
    "insurgency",
    "movement",
    "political",
    "according",
    "reported",
    "officials",
    "region",
    "however",
    "network",
    "several",
    "members",
    "training",
    "camps",
    "safe",
    "havens",
    "commanders",
    "leaders",
    "negotiations",
    "talks",
    "ceasefire",
    "violence",
    "counterterrorism",
    "policy",
    "international",
    "pressure",
    "analysts",
    "report",
    "since",
    "while",
    "would",
    "could",
    "under",
    "over",
    "while",
    "both",
    "sides",
    "frontier",
    "districts",
    "control",
    "power",
    "return",
    "influence",
    "strategic",
    "ideological",
    "affinity",
    "cooperation",
    "tensions",
    "accused",
    "denied",
    "claimed",
    "responsibility",
    "bombing",
    "killed",
    "wounded",
    "civilians",
    "soldiers",
    "police",
    "checkpoint",
    "village",
    "valley",
    "city",
    "capital",
    "mountains",
    "routes",
    "smuggling",
    "funding",
    "recruitment",
    "madrasa",
    "networks",
    "clerics",
    "elders",
    "jirga",
    "council",
    "statement",
    "spokesman",
    "announced",
    "agreement",
    "withdrawal",
    "troops",
    "invasion",
    "occupation",
    "resistance",
    "alliance",
    "rivalry",
    "splinter",
    "faction",
    "factions",
    "emerged",
    "formed",
    "merged",
    "expelled",
    "sheltered",
    "harboured",
    "tolerated",
    "us",
    "is",
    "it",
    "an",
    "un",
    "ever",
    "pakistani",
    "afghans",
    "talibanization",
];

const NON_ASCII: &[&str] =
    &["Kābul", "Tehrīk‑e‑Taliban", "“so-called”", "‘emirate’", "2021–2022", "İslamabad", "—"];

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// One name as an author would write it: title case, sometimes with a
/// possessive or as part of a hyphenated compound.
fn name_in_text(rng: &mut Rng, names: &[&str], out: &mut String) {
    let name = names[rng.below(names.len())];
    let titled: Vec<String> = name.split(' ').map(|w| capitalised(&w.to_lowercase())).collect();
    let titled = titled.join(" ");
    match rng.below(10) {
        0 => out.push_str(&format!("{titled}’s")),
        1 => out.push_str(&format!("{titled}-led")),
        2 => out.push_str(&format!("pro-{titled}")),
        3 => out.push_str(&name.to_uppercase()),
        _ => out.push_str(&titled),
    }
}

/// The corpus, cut into documents on paragraph boundaries.
fn corpus(entities: &[Entity]) -> Vec<String> {
    let names: Vec<&str> =
        entities.iter().flat_map(|e| e.aliases.iter().map(String::as_str)).collect();
    let mut rng = Rng(0xc0ff_ee00_1234_5678);
    let mut docs = Vec::new();
    let mut total = 0;
    while total < CORPUS_BYTES {
        let mut doc = String::with_capacity(DOC_BYTES + 4096);
        while doc.len() < DOC_BYTES {
            for _ in 0..3 + rng.below(5) {
                let words = 8 + rng.below(24);
                for i in 0..words {
                    if i > 0 {
                        doc.push(' ');
                    }
                    if rng.chance(6) {
                        name_in_text(&mut rng, &names, &mut doc);
                    } else if rng.chance(1) {
                        doc.push_str(NON_ASCII[rng.below(NON_ASCII.len())]);
                    } else {
                        let w = WORDS[rng.skewed(WORDS.len())];
                        if i == 0 { doc.push_str(&capitalised(w)) } else { doc.push_str(w) }
                    }
                    if i + 1 < words && rng.chance(8) {
                        doc.push(',');
                    }
                }
                doc.push_str(". ");
            }
            doc.push_str("\n\n");
        }
        total += doc.len();
        docs.push(doc);
    }
    docs
}

/// Nanoseconds this thread has spent on a CPU (Linux), so that throughput
/// can also be read independently of how busy a shared machine is.
fn on_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Prints the on-CPU throughput of `f` over `bytes`, best of five passes.
fn report_cpu_throughput(label: &str, bytes: usize, mut f: impl FnMut() -> usize) {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let (Some(t0), wall) = (on_cpu_ns(), std::time::Instant::now()) else { return };
        std::hint::black_box(f());
        let cpu = on_cpu_ns().unwrap_or(t0).saturating_sub(t0) as f64 / 1e9;
        best = best.min(if cpu > 0.0 { cpu } else { wall.elapsed().as_secs_f64() });
    }
    eprintln!("on-CPU throughput {label}: {:.1} MB/s", bytes as f64 / 1e6 / best);
}

fn benches(c: &mut Criterion) {
    let (entities, from_phoenix) = bench_entities();
    let aliases: usize = entities.iter().map(|e| e.aliases.len() + e.acronyms.len()).sum();
    let start = std::time::Instant::now();
    let gaz = Gazetteer::from_entities(entities.clone()).expect("bench gazetteer");
    eprintln!(
        "gazetteer: {} entities, {aliases} aliases ({from_phoenix} from Phoenix), {} patterns, \
         automaton {:.1} MB, built in {:.2?}",
        entities.len(),
        gaz.pattern_count(),
        gaz.automaton_bytes() as f64 / 1e6,
        start.elapsed()
    );
    let docs = corpus(&entities);
    let bytes: usize = docs.iter().map(String::len).sum();
    let hits: usize = docs.iter().map(|d| gaz.find_in_document(d).len()).sum();
    eprintln!("corpus: {} documents, {:.1} MB, {hits} hits", docs.len(), bytes as f64 / 1e6);

    let raw: Vec<&str> = entities
        .iter()
        .flat_map(|e| e.aliases.iter().chain(&e.acronyms).map(String::as_str))
        .collect();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&raw)
        .expect("raw automaton");
    report_cpu_throughput("gazetteer/find_in_document", bytes, || {
        docs.iter().map(|d| gaz.find_in_document(d).len()).sum()
    });
    report_cpu_throughput("gazetteer/find", bytes, || docs.iter().map(|d| gaz.find(d).len()).sum());
    report_cpu_throughput("raw_aho_corasick", bytes, || {
        docs.iter().map(|d| ac.find_iter(d.as_str()).count()).sum()
    });
    // the shipped gazetteers (a few thousand names: a DFA) on the same text
    let shipped =
        Gazetteer::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers")).ok();
    if let Some(shipped) = &shipped {
        eprintln!(
            "shipped gazetteers: {} entities, {} patterns, automaton {:.1} MB",
            shipped.entities().len(),
            shipped.pattern_count(),
            shipped.automaton_bytes() as f64 / 1e6
        );
        report_cpu_throughput("shipped gazetteers/find_in_document", bytes, || {
            docs.iter().map(|d| shipped.find_in_document(d).len()).sum()
        });
    }

    let mut g = c.benchmark_group("tag");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(15))
        .throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("gazetteer/find_in_document", |b| {
        b.iter(|| docs.iter().map(|d| gaz.find_in_document(d).len()).sum::<usize>())
    });
    g.bench_function("gazetteer/find", |b| {
        b.iter(|| docs.iter().map(|d| gaz.find(d).len()).sum::<usize>())
    });
    if let Some(shipped) = &shipped {
        g.bench_function("shipped_gazetteers/find_in_document", |b| {
            b.iter(|| docs.iter().map(|d| shipped.find_in_document(d).len()).sum::<usize>())
        });
    }
    // the baseline: one raw automaton over the same aliases, ASCII case
    // folding only, no boundaries
    g.bench_function("raw_aho_corasick", |b| {
        b.iter(|| docs.iter().map(|d| ac.find_iter(d.as_str()).count()).sum::<usize>())
    });
    g.finish();

    let mut g = c.benchmark_group("build");
    g.sampling_mode(SamplingMode::Flat).sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function(format!("gazetteer/{aliases}_aliases"), |b| {
        b.iter(|| Gazetteer::from_entities(entities.clone()).expect("build").pattern_count())
    });
    g.finish();
}

criterion_group!(tag, benches);
criterion_main!(tag);
