//! PDF and HTML extraction throughput on the format fixtures
//! (`tests/fixtures/formats/`): bytes of input read into a document per
//! second, layout repair and metadata included.

use std::path::PathBuf;

use claimex::ingest::{IngestOptions, SourceFile, extract};
use claimex::lexicon::list_lines;
use claimex::model::{DocId, SourceFormat};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn options() -> IngestOptions {
    let rules = include_str!("../rules/hyphenated.txt");
    IngestOptions {
        hyphenated: list_lines(rules).map(str::to_lowercase).collect(),
        ..IngestOptions::default()
    }
}

fn formats(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    let opts = options();
    let mut group = c.benchmark_group("extract");
    for name in [
        "one-column.pdf",
        "two-column.pdf",
        "sample-article.pdf",
        "sample-article.html",
        "news-page.html",
    ] {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).expect("fixture");
        let ext = name.rsplit('.').next().unwrap_or_default();
        let format = SourceFormat::from_extension(ext).expect("known format");
        let file = SourceFile { id: DocId(name.into()), path, format };
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| b.iter(|| extract(&file, &bytes, &opts).expect("readable")));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = formats
}
criterion_main!(benches);
