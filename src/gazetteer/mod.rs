//! Gazetteers: loading the TSV files and matching every alias in one pass.
//!
//! * [`load`] reads `gazetteers/*.tsv` (format: `gazetteers/README.md`) and
//!   checks ids and references;
//! * [`fold`] folds text and names into whole-token form (Unicode case and
//!   diacritics, dashes, whitespace, quotes) with a map back to the original
//!   byte offsets;
//! * [`matcher`] compiles every folded alias and acronym into one
//!   Aho-Corasick automaton (leftmost-longest) and checks acronym case;
//! * [`surnames`] links a fully named person's last name within a document.
//!
//! A [`Gazetteer`] is built once per run and shared by all threads.

mod fold;
mod load;
mod matcher;
mod surnames;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::error::{GazetteerError, RulesError};
use crate::lexicon::RulesDir;
use crate::model::{
    Entity, EntityCatalog, EntityRef, Mention, MentionKind, Recognizer, SegmentedDoc, Span,
};
use fold::{Folded, fold_into};
use load::{Loaded, Origin};
use matcher::{Matcher, RawHit};
use surnames::Stoplist;

/// The surname stoplist shipped with the binary.
const SURNAME_STOPLIST: &str = include_str!("../../rules/surname_stoplist.txt");
/// Its file name under the rules folder.
const SURNAME_STOPLIST_FILE: &str = "surname_stoplist.txt";

/// One alias occurrence found by [`Gazetteer::find`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Where it is in the searched text.
    pub span: Span,
    /// Index into [`Gazetteer::entities`].
    pub entity: usize,
}

/// The loaded gazetteer and its compiled matcher.
#[derive(Debug)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    matcher: Matcher,
    stoplist: Stoplist,
}

thread_local! {
    /// Each thread's folding buffers, reused from document to document.
    static SCRATCH: RefCell<Folded> = RefCell::new(Folded::default());
}

/// Scratch buffers larger than this are freed after use.
const KEEP_SCRATCH_BYTES: usize = 64 << 20;

/// Runs `f` on the folding of `text`, in this thread's reused buffers.
fn with_folded<R>(text: &str, f: impl FnOnce(&Folded) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut folded) => {
            fold_into(text, &mut folded);
            let r = f(&folded);
            if folded.map.capacity() * 4 > KEEP_SCRATCH_BYTES {
                *folded = Folded::default();
            }
            r
        }
        Err(_) => {
            let mut folded = Folded::default();
            fold_into(text, &mut folded);
            f(&folded)
        }
    })
}

impl Gazetteer {
    /// Loads every `*.tsv` file in `dir` (see `gazetteers/README.md`).
    pub fn load_dir(dir: &Path) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::build(load::read_dir(dir)?)
    }

    /// Parses one TSV text (for tests and embedding).
    pub fn from_tsv(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut loaded = Loaded::default();
        load::parse_tsv(text, Arc::from(Path::new("<tsv>")), &mut loaded)?;
        Gazetteer::build(loaded)
    }

    /// Builds the matcher over already-parsed entities (e.g. read back from
    /// `entities.jsonl`); errors cite `<entities>` and the 1-based position.
    pub fn from_entities(entities: Vec<Entity>) -> Result<Gazetteer, GazetteerError> {
        let path: Arc<Path> = Arc::from(Path::new("<entities>"));
        let origins =
            (1..=entities.len()).map(|line| Origin { path: path.clone(), line }).collect();
        Gazetteer::build(Loaded { entities, origins })
    }

    fn build(loaded: Loaded) -> Result<Gazetteer, GazetteerError> {
        let by_id = load::validate(&loaded)?;
        let entities = loaded.entities;
        let matcher = Matcher::build(&entities).map_err(|message| GazetteerError {
            path: "<gazetteer>".into(),
            line: 0,
            message,
        })?;
        let stoplist = Stoplist::parse(SURNAME_STOPLIST);
        Ok(Gazetteer { entities, by_id, matcher, stoplist })
    }

    /// Uses the surname stoplist of `rules` (`surname_stoplist.txt`), when
    /// the folder has one, instead of the built-in list.
    pub fn with_rules(mut self, rules: &RulesDir) -> Result<Gazetteer, RulesError> {
        let (text, _) = rules.read(SURNAME_STOPLIST_FILE, SURNAME_STOPLIST)?;
        self.stoplist = Stoplist::parse(&text);
        Ok(self)
    }

    /// Every alias occurrence in `text`, leftmost-longest, non-overlapping,
    /// on word boundaries, in text order.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.search(text, false)
    }

    /// Like [`find`](Self::find), treating `text` as one document: also
    /// tags the distinctive last names of the persons it names in full
    /// (what [`Recognizer::recognize`] reports).
    pub fn find_in_document(&self, text: &str) -> Vec<Hit> {
        self.search(text, true)
    }

    fn search(&self, text: &str, link_surnames: bool) -> Vec<Hit> {
        let mut raw: Vec<RawHit> = Vec::new();
        with_folded(text, |folded| {
            self.matcher.find(text, folded, &mut raw);
            if link_surnames {
                let stop = &self.stoplist;
                surnames::link(&self.matcher, &self.entities, stop, text, folded, &mut raw);
            }
        });
        raw.into_iter()
            .map(|h| Hit { span: Span::new(h.start, h.end), entity: h.entity as usize })
            .collect()
    }

    /// Number of patterns (aliases and acronyms after variant expansion).
    pub fn pattern_count(&self) -> usize {
        self.matcher.pattern_count()
    }

    /// Heap memory used by the automaton, in bytes.
    pub fn automaton_bytes(&self) -> usize {
        self.matcher.automaton_bytes()
    }
}

impl EntityCatalog for Gazetteer {
    fn entity(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// Aliases compare folded and case-insensitively; acronyms compare
    /// case-sensitively, and case-insensitively only when nothing else
    /// matched (so `ttp` still finds the TTP).
    fn lookup_name(&self, name: &str) -> Vec<&Entity> {
        self.matcher.lookup(name).into_iter().map(|i| &self.entities[i as usize]).collect()
    }

    fn entities(&self) -> &[Entity] {
        &self.entities
    }
}

impl Recognizer for Gazetteer {
    fn name(&self) -> &str {
        "gazetteer"
    }

    fn recognize(&self, doc: &SegmentedDoc, out: &mut Vec<Mention>) {
        let text = doc.doc.text.as_str();
        for hit in self.find_in_document(text) {
            let e = &self.entities[hit.entity];
            out.push(Mention {
                span: hit.span,
                text: hit.span.slice(text).to_string(),
                kind: MentionKind::Entity(EntityRef {
                    id: e.id.clone(),
                    etype: e.etype.clone(),
                    name: e.name.clone(),
                }),
            });
        }
    }
}

#[cfg(test)]
mod tests;
