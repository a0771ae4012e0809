//! Claim extraction throughput, and the whole per-document pipeline
//! (ingest, segment, gazetteers, dates, claims) it is part of.
//!
//! The corpus is the sample article (and the evaluation documents next to
//! the repository when present) repeated into ~1 MB documents, run through
//! the real engine with the shipped gazetteers and rules. Run with
//! `cargo bench --bench extract`. The whole run must keep ≥ 12 MB/s per
//! thread; extraction is one stage of it and should stay well above that.

use std::path::{Path, PathBuf};
use std::time::Duration;

use claimex::extract::Extractor;
use claimex::ingest::SourceFile;
use claimex::lexicon::RulesDir;
use claimex::model::{DocId, SourceFormat, TaggedDoc};
use claimex::pipeline::Engine;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Approximate size of one benchmark document.
const DOC_BYTES: usize = 1 << 20;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The texts to repeat: the sample article and any evaluation documents.
fn texts() -> Vec<String> {
    let mut out = vec![
        std::fs::read_to_string(repo().join("corpus/zahid-2026-taliban-ttp-nexus.md")).unwrap(),
    ];
    for dir in ["../shared/eval/dev-more/corpus", "../../shared/eval/dev-more/corpus"] {
        let Ok(rd) = std::fs::read_dir(repo().join(dir)) else { continue };
        for e in rd.flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                out.push(t);
            }
        }
        break;
    }
    out
}

/// One ~1 MB markdown document made of the texts, repeated.
fn document() -> String {
    let texts = texts();
    let mut doc = String::with_capacity(DOC_BYTES + 20_000);
    let mut i = 0;
    while doc.len() < DOC_BYTES {
        doc.push_str(&texts[i % texts.len()]);
        doc.push_str("\n\n");
        i += 1;
    }
    doc
}

fn file(path: &Path) -> SourceFile {
    SourceFile {
        id: DocId("bench.md".into()),
        path: path.to_path_buf(),
        format: SourceFormat::Markdown,
    }
}

fn bench(c: &mut Criterion) {
    let engine = Engine::load(&repo().join("gazetteers"), &repo().join("rules")).expect("engine");
    let extractor = Extractor::load(&RulesDir::new(repo().join("rules"))).expect("rules");
    let text = document();
    let path = repo().join("corpus/bench.md");
    let tagged: TaggedDoc = engine.process(&file(&path), text.as_bytes()).expect("process").tagged;

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("claims_per_document", |b| {
        b.iter(|| extractor.extract(&tagged, engine.gazetteer()).len())
    });
    g.bench_function("whole_pipeline_per_document", |b| {
        b.iter(|| engine.process(&file(&path), text.as_bytes()).expect("process").claims.len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
