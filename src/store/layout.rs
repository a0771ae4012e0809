//! Where each output file lives, writing one document's parts, and
//! rebuilding the aggregate files from the parts.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::atomic::{AtomicFile, replace_with, write_atomic_with};
use super::rows::{DocumentRow, MentionRow};
use crate::error::{Error, Result};
use crate::model::{Claim, Entity};

/// Totals over the aggregate files just written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AggregateCounts {
    /// Lines in `documents.jsonl`.
    pub documents: usize,
    /// Lines in `mentions.jsonl`.
    pub mentions: usize,
    /// Lines in `claims.jsonl`.
    pub claims: usize,
    /// Claims per relation name.
    pub claims_by_relation: BTreeMap<String, usize>,
}

/// The output folder of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputDir {
    root: PathBuf,
}

/// The per-document part: one line per row, tagged by what it is.
const PART: &str = "part";
const DOC_TAG: &str = "D ";
const MENTION_TAG: &str = "M ";
const CLAIM_TAG: &str = "C ";

impl OutputDir {
    /// The output folder at `root`, created if missing.
    pub fn create(root: impl Into<PathBuf>) -> Result<OutputDir> {
        let root = root.into();
        std::fs::create_dir_all(&root).map_err(|e| Error::io(&root, e))?;
        Ok(OutputDir { root })
    }

    /// An existing output folder (for commands that only read it).
    pub fn open(root: impl Into<PathBuf>) -> Result<OutputDir> {
        let root = root.into();
        if !root.join("documents.jsonl").is_file() {
            return Err(Error::Invalid(format!(
                "{} holds no claimex output (run `claimex run` first)",
                root.display()
            )));
        }
        Ok(OutputDir { root })
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `text/<doc>.txt`: the extracted text every offset refers to.
    pub fn text_path(&self, doc: &str) -> PathBuf {
        self.root.join("text").join(format!("{doc}.txt"))
    }

    /// `documents.jsonl`.
    pub fn documents_path(&self) -> PathBuf {
        self.root.join("documents.jsonl")
    }

    /// `mentions.jsonl`.
    pub fn mentions_path(&self) -> PathBuf {
        self.root.join("mentions.jsonl")
    }

    /// `claims.jsonl`.
    pub fn claims_path(&self) -> PathBuf {
        self.root.join("claims.jsonl")
    }

    /// `entities.jsonl`: the gazetteer the run used.
    pub fn entities_path(&self) -> PathBuf {
        self.root.join("entities.jsonl")
    }

    /// `review.jsonl`: reviewers' decisions (never written by a run).
    pub fn review_path(&self) -> PathBuf {
        self.root.join("review.jsonl")
    }

    /// `manifest.json`.
    pub fn manifest_path(&self) -> PathBuf {
        self.root.join("manifest.json")
    }

    /// `index/`: the tantivy index.
    pub fn index_dir(&self) -> PathBuf {
        self.root.join("index")
    }

    fn part_path(&self, doc: &str) -> PathBuf {
        self.root.join("parts").join(format!("{doc}.{PART}"))
    }

    /// True when `doc`'s part and text from an earlier run are present.
    pub fn has_parts(&self, doc: &str) -> bool {
        self.part_path(doc).is_file() && self.text_path(doc).is_file()
    }

    /// Writes a processed document's text and rows. These are per-document
    /// caches: replaced atomically but not synced one by one (the aggregate
    /// files built from them are).
    pub fn write_doc(
        &self,
        text: &str,
        row: &DocumentRow,
        mentions: &[MentionRow],
        claims: &[Claim],
    ) -> Result<()> {
        let doc = row.doc.as_str();
        replace_with(&self.text_path(doc), false, |w| w.write_all(text.as_bytes()))?;
        replace_with(&self.part_path(doc), false, |w| {
            tagged_line(w, DOC_TAG, row)?;
            mentions.iter().try_for_each(|m| tagged_line(w, MENTION_TAG, m))?;
            claims.iter().try_for_each(|c| tagged_line(w, CLAIM_TAG, c))
        })
    }

    /// Records a document that could not be processed: its row (with
    /// `error`) replaces any earlier output of it.
    pub fn write_failed(&self, row: &DocumentRow) -> Result<()> {
        self.remove_doc(&row.doc)?;
        replace_with(&self.part_path(&row.doc), false, |w| tagged_line(w, DOC_TAG, row))
    }

    /// Removes a document's text and part (it left the corpus).
    pub fn remove_doc(&self, doc: &str) -> Result<()> {
        for p in [self.text_path(doc), self.part_path(doc)] {
            match std::fs::remove_file(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(p, e)),
            }
        }
        Ok(())
    }

    /// Rebuilds `documents.jsonl`, `mentions.jsonl` and `claims.jsonl` from
    /// the parts of `docs`, in that order, in one streaming pass; the three
    /// files are synced and renamed into place only when all are complete.
    pub fn write_aggregates(&self, docs: &[String]) -> Result<AggregateCounts> {
        let mut documents = AtomicFile::create(&self.documents_path())?;
        let mut mentions = AtomicFile::create(&self.mentions_path())?;
        let mut claims = AtomicFile::create(&self.claims_path())?;
        let mut counts = AggregateCounts::default();
        let mut line = String::new();
        for doc in docs {
            let path = self.part_path(doc);
            let file = match File::open(&path) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(Error::io(path, e)),
            };
            let mut reader = BufReader::new(file);
            loop {
                line.clear();
                if reader.read_line(&mut line).map_err(|e| Error::io(&path, e))? == 0 {
                    break;
                }
                let (to, json) = if let Some(json) = line.strip_prefix(DOC_TAG) {
                    counts.documents += 1;
                    (&mut documents, json)
                } else if let Some(json) = line.strip_prefix(MENTION_TAG) {
                    counts.mentions += 1;
                    (&mut mentions, json)
                } else if let Some(json) = line.strip_prefix(CLAIM_TAG) {
                    counts.claims += 1;
                    if let Ok(r) = serde_json::from_str::<RelationOnly>(json) {
                        *counts.claims_by_relation.entry(r.relation).or_default() += 1;
                    }
                    (&mut claims, json)
                } else {
                    continue;
                };
                let json = json.trim_end();
                let w = to.writer();
                w.write_all(json.as_bytes())
                    .and_then(|()| w.write_all(b"\n"))
                    .map_err(|e| Error::io(&path, e))?;
            }
        }
        for f in [documents, mentions, claims] {
            f.commit(true)?;
        }
        Ok(counts)
    }

    /// Writes `entities.jsonl`.
    pub fn write_entities(&self, entities: &[Entity]) -> Result<()> {
        write_lines(&self.entities_path(), entities)
    }

    /// Reads `entities.jsonl`.
    pub fn read_entities(&self) -> Result<Vec<Entity>> {
        read_jsonl(&self.entities_path())
    }

    /// Reads `claims.jsonl`.
    pub fn read_claims(&self) -> Result<Vec<Claim>> {
        read_jsonl(&self.claims_path())
    }

    /// Reads `documents.jsonl`.
    pub fn read_documents(&self) -> Result<Vec<DocumentRow>> {
        read_jsonl(&self.documents_path())
    }
}

/// The `relation` field of a claim line, for counting.
#[derive(Deserialize)]
struct RelationOnly {
    relation: String,
}

/// Writes `tag`, `item` as JSON and a line end.
fn tagged_line<T: serde::Serialize>(w: &mut dyn Write, tag: &str, item: &T) -> std::io::Result<()> {
    w.write_all(tag.as_bytes())?;
    serde_json::to_writer(&mut *w, item).map_err(std::io::Error::other)?;
    w.write_all(b"\n")
}

/// Writes one JSON line per item, atomically.
pub(crate) fn write_lines<T: serde::Serialize>(path: &Path, items: &[T]) -> Result<()> {
    write_atomic_with(path, |w| {
        for item in items {
            serde_json::to_writer(&mut *w, item).map_err(std::io::Error::other)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })
}

/// Reads a JSON-lines file; a missing file is empty.
pub fn read_jsonl<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut out = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::io(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let item = serde_json::from_str(&line).map_err(|source| Error::Json {
            path: path.to_path_buf(),
            line: i + 1,
            source,
        })?;
        out.push(item);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_aggregate_in_doc_order_and_removal_drops_them() {
        let tmp = tempfile::tempdir().unwrap();
        let out = OutputDir::create(tmp.path().join("output")).unwrap();
        for (doc, n) in [("b/x.md", 2), ("a.md", 1)] {
            let row = DocumentRow { doc: doc.into(), ..Default::default() };
            let mentions: Vec<MentionRow> = (0..n)
                .map(|i| MentionRow {
                    doc: doc.into(),
                    start: i,
                    end: i + 1,
                    text: "x".into(),
                    kind: "actor".into(),
                    entity: Some("e".into()),
                    name: None,
                    start_date: None,
                    end_date: None,
                    granularity: None,
                })
                .collect();
            out.write_doc("x\n", &row, &mentions, &[]).unwrap();
            assert!(out.has_parts(doc));
        }
        let counts = out.write_aggregates(&["a.md".into(), "b/x.md".into()]).unwrap();
        assert_eq!((counts.documents, counts.mentions, counts.claims), (2, 3, 0));
        let docs = out.read_documents().unwrap();
        assert_eq!(docs[0].doc, "a.md");
        out.remove_doc("a.md").unwrap();
        assert!(!out.has_parts("a.md") && !out.text_path("a.md").exists());
        let counts = out.write_aggregates(&["b/x.md".into()]).unwrap();
        assert_eq!(counts.mentions, 2);
    }
}
