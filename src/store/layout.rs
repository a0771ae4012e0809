//! Where each output file lives, writing one document's parts, and
//! rebuilding the aggregate files from the parts.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::atomic::{write_atomic, write_atomic_with};
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

const DOC_PART: &str = "doc.json";
const MENTIONS_PART: &str = "mentions.jsonl";
const CLAIMS_PART: &str = "claims.jsonl";

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

    fn part_path(&self, doc: &str, part: &str) -> PathBuf {
        self.root.join("parts").join(format!("{doc}.{part}"))
    }

    /// True when all of `doc`'s parts from an earlier run are present.
    pub fn has_parts(&self, doc: &str) -> bool {
        [DOC_PART, MENTIONS_PART, CLAIMS_PART].iter().all(|p| self.part_path(doc, p).is_file())
            && self.text_path(doc).is_file()
    }

    /// Writes a processed document's text and rows.
    pub fn write_doc(
        &self,
        text: &str,
        row: &DocumentRow,
        mentions: &[MentionRow],
        claims: &[Claim],
    ) -> Result<()> {
        let doc = row.doc.as_str();
        write_atomic(&self.text_path(doc), text.as_bytes())?;
        write_lines(&self.part_path(doc, MENTIONS_PART), mentions)?;
        write_lines(&self.part_path(doc, CLAIMS_PART), claims)?;
        write_lines(&self.part_path(doc, DOC_PART), std::slice::from_ref(row))
    }

    /// Records a document that could not be processed: its row (with
    /// `error`) replaces any earlier output of it.
    pub fn write_failed(&self, row: &DocumentRow) -> Result<()> {
        self.remove_doc(&row.doc)?;
        write_lines(&self.part_path(&row.doc, DOC_PART), std::slice::from_ref(row))
    }

    /// Removes a document's text and parts (it left the corpus).
    pub fn remove_doc(&self, doc: &str) -> Result<()> {
        let paths = [
            self.text_path(doc),
            self.part_path(doc, DOC_PART),
            self.part_path(doc, MENTIONS_PART),
            self.part_path(doc, CLAIMS_PART),
        ];
        for p in paths {
            match std::fs::remove_file(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(p, e)),
            }
        }
        Ok(())
    }

    /// Rebuilds `documents.jsonl`, `mentions.jsonl` and `claims.jsonl` from
    /// the parts of `docs`, in that order, streaming.
    pub fn write_aggregates(&self, docs: &[String]) -> Result<AggregateCounts> {
        let mut by_rel = BTreeMap::new();
        let documents = self.concat(docs, DOC_PART, &self.documents_path(), |_| {})?;
        let mentions = self.concat(docs, MENTIONS_PART, &self.mentions_path(), |_| {})?;
        let claims = self.concat(docs, CLAIMS_PART, &self.claims_path(), |line| {
            #[derive(Deserialize)]
            struct Rel {
                relation: String,
            }
            if let Ok(r) = serde_json::from_str::<Rel>(line) {
                *by_rel.entry(r.relation).or_default() += 1;
            }
        })?;
        Ok(AggregateCounts { documents, mentions, claims, claims_by_relation: by_rel })
    }

    fn concat(
        &self,
        docs: &[String],
        part: &str,
        to: &Path,
        mut each: impl FnMut(&str),
    ) -> Result<usize> {
        let mut n = 0;
        write_atomic_with(to, |w| {
            for doc in docs {
                let path = self.part_path(doc, part);
                let file = match File::open(&path) {
                    Ok(f) => f,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                    Err(e) => return Err(e),
                };
                for line in BufReader::new(file).lines() {
                    let line = line?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    each(&line);
                    w.write_all(line.as_bytes())?;
                    w.write_all(b"\n")?;
                    n += 1;
                }
            }
            Ok(())
        })?;
        Ok(n)
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
