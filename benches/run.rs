//! Whole-pipeline throughput per thread: ingest → segment → tag (shipped
//! gazetteers and dates) → extract claims → index (tantivy, in RAM), one
//! document after another on the bench thread, over a generated corpus of
//! real report prose (the shipped sample and the dev documents, shuffled by
//! paragraph so every document differs). Throughput is in bytes of input.
//!
//! Run with `cargo bench --bench run`; `CLAIMEX_BENCH_MB=N` sets the corpus
//! size (default 20 MB).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use claimex::index::CorpusIndex;
use claimex::ingest::SourceFile;
use claimex::model::{DocId, SourceFormat};
use claimex::pipeline::Engine;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Paragraphs of real report prose to build documents from.
fn paragraphs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = vec![root.join("corpus/zahid-2026-taliban-ttp-nexus.md")];
    let more = root.join("../shared/eval/dev-more/corpus");
    if let Ok(dir) = std::fs::read_dir(&more) {
        sources.extend(dir.flatten().map(|e| e.path()));
    }
    sources
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .flat_map(|t| t.split("\n\n").map(str::to_string).collect::<Vec<_>>())
        .filter(|p| p.len() > 80)
        .collect()
}

/// Deterministic documents of about 30 KB each, `total` bytes in all.
fn corpus(total: usize) -> Vec<(SourceFile, Vec<u8>)> {
    let paras = paragraphs();
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut docs = Vec::new();
    let mut size = 0;
    while size < total {
        let mut text = format!("# Report {}\n\n", docs.len());
        while text.len() < 30_000 {
            text.push_str(&paras[next() as usize % paras.len()]);
            text.push_str("\n\n");
        }
        size += text.len();
        let id = format!("gen/{:05}.md", docs.len());
        let file = SourceFile {
            id: DocId(id.clone()),
            path: PathBuf::from(id),
            format: SourceFormat::Markdown,
        };
        docs.push((file, text.into_bytes()));
    }
    docs
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let engine = Engine::load(&root.join("gazetteers"), &root.join("rules")).expect("engine");
    let mb: usize =
        std::env::var("CLAIMEX_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
    let docs = corpus(mb * 1_000_000);
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();
    eprintln!("run bench: {} documents, {:.1} MB", docs.len(), bytes as f64 / 1e6);

    let mut g = c.benchmark_group("run");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(30))
        .throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("process", |b| {
        b.iter(|| {
            for (file, bytes) in &docs {
                black_box(engine.process(file, bytes).expect("processes"));
            }
        })
    });
    g.bench_function("process_and_index", |b| {
        b.iter(|| {
            let index = CorpusIndex::create_in_ram().expect("index");
            let updater = index.updater().expect("updater");
            for (file, bytes) in &docs {
                let p = engine.process(file, bytes).expect("processes");
                updater.add(&p.tagged, &p.claims).expect("indexed");
            }
            updater.commit().expect("commit");
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
