//! Everything loaded once per run, and the processing of one document
//! through every stage.

use std::collections::HashSet;
use std::path::Path;

use crate::dates::DateTagger;
use crate::error::{IngestError, Result};
use crate::extract::Extractor;
use crate::gazetteer::Gazetteer;
use crate::ingest::{self, IngestOptions, SourceFile};
use crate::lexicon::{RulesDir, list_lines};
use crate::model::{Claim, EntityCatalog, Recognizer, TaggedDoc};
use crate::segment::Segmenter;
use crate::tag;

/// The built-in copy of `rules/hyphenated.txt`.
const HYPHENATED: &str = include_str!("../../rules/hyphenated.txt");

/// One document after every stage.
#[derive(Clone, Debug)]
pub struct Processed {
    /// The tagged document (text, sentences, mentions).
    pub tagged: TaggedDoc,
    /// Its claims.
    pub claims: Vec<Claim>,
}

/// The loaded stages of a run; shared by all worker threads.
#[derive(Debug)]
pub struct Engine {
    ingest: IngestOptions,
    segmenter: Segmenter,
    gazetteer: Gazetteer,
    dates: DateTagger,
    extractor: Extractor,
}

impl Engine {
    /// Loads the gazetteers from `gazetteers` and the rules from `rules`.
    pub fn load(gazetteers: &Path, rules: &Path) -> Result<Engine> {
        let rules = RulesDir::new(rules);
        let gazetteer = Gazetteer::load_dir(gazetteers)?;
        Engine::with_gazetteer(gazetteer, &rules)
    }

    /// Builds an engine around an already-loaded gazetteer.
    pub fn with_gazetteer(gazetteer: Gazetteer, rules: &RulesDir) -> Result<Engine> {
        let (hyphen_text, _) = rules.read("hyphenated.txt", HYPHENATED)?;
        let mut hyphenated: HashSet<String> =
            list_lines(&hyphen_text).map(str::to_lowercase).collect();
        for e in gazetteer.entities() {
            for name in e.aliases.iter().chain(&e.acronyms).chain([&e.name]) {
                hyphenated.extend(
                    name.split_whitespace().filter(|w| w.contains('-')).map(str::to_lowercase),
                );
            }
        }
        Ok(Engine {
            ingest: IngestOptions { hyphenated, max_bytes: None },
            segmenter: Segmenter::load(rules)?,
            dates: DateTagger::load(rules)?,
            extractor: Extractor::load(rules)?,
            gazetteer,
        })
    }

    /// Sets the size above which files are reported instead of read.
    pub fn set_max_bytes(&mut self, max: Option<u64>) {
        self.ingest.max_bytes = max;
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Runs one file's bytes through ingest, segment, tag and extract.
    pub fn process(&self, file: &SourceFile, bytes: &[u8]) -> Result<Processed, IngestError> {
        let doc = ingest::extract(file, bytes, &self.ingest)?;
        let seg = self.segmenter.segment(doc);
        let recognizers: [&dyn Recognizer; 2] = [&self.gazetteer, &self.dates];
        let tagged = tag::tag(seg, &recognizers);
        let claims = self.extractor.extract(&tagged, &self.gazetteer);
        Ok(Processed { tagged, claims })
    }
}
