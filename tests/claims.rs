//! Claims: the extractor run through the real pipeline (ingest, segment,
//! gazetteers, dates) on small documents, and `claimex claims`.

use std::path::Path;

use claimex::extract::Extractor;
use claimex::ingest::SourceFile;
use claimex::lexicon::RulesDir;
use claimex::model::{DocId, SourceFormat};
use claimex::pipeline::Engine;

use crate::util::repo;

/// Runs the whole pipeline on one file.
fn process(path: &Path) -> claimex::pipeline::Processed {
    let engine = Engine::load(&repo().join("gazetteers"), &repo().join("rules")).expect("engine");
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let format = SourceFormat::from_extension(path.extension().unwrap().to_str().unwrap()).unwrap();
    let file = SourceFile { id: DocId(name), path: path.to_path_buf(), format };
    let bytes = std::fs::read(path).expect("read");
    engine.process(&file, &bytes).expect("process")
}

/// `CLAIMEX_EXPLAIN_FILE=path CLAIMEX_EXPLAIN="words" cargo test --test tests claims::explain -- --ignored --nocapture`
/// prints how the extractor reads the sentences holding the words.
#[test]
#[ignore]
fn explain() {
    let (Ok(file), Ok(needle)) = (std::env::var("CLAIMEX_EXPLAIN_FILE"), std::env::var("CLAIMEX_EXPLAIN")) else {
        return;
    };
    let p = process(Path::new(&file));
    let engine = Engine::load(&repo().join("gazetteers"), &repo().join("rules")).unwrap();
    let ex = Extractor::load(&RulesDir::new(repo().join("rules"))).unwrap();
    println!("{}", ex.explain(&p.tagged, engine.gazetteer(), &needle));
}
