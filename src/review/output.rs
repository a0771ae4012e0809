//! Reading what `claimex run` wrote under `output/`: claims, documents,
//! entities and the extracted text, without ever leaving that folder.

use std::io::{BufRead, BufReader, ErrorKind};
use std::path::{Component, Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::model::{Claim, DocumentInfo, Entity, Evidence};

/// `output/claims.jsonl`.
pub const CLAIMS_FILE: &str = "claims.jsonl";
/// `output/documents.jsonl`.
pub const DOCUMENTS_FILE: &str = "documents.jsonl";
/// `output/entities.jsonl`.
pub const ENTITIES_FILE: &str = "entities.jsonl";
/// `output/text/`.
pub const TEXT_DIR: &str = "text";

/// Reads a JSON-lines file; `Ok(None)` when it does not exist. A bad line
/// is an error naming the file and line.
pub fn read_jsonl<T: DeserializeOwned>(path: &Path) -> Result<Option<Vec<T>>> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
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
    Ok(Some(out))
}

/// The claims of a run. A missing `claims.jsonl` is an error that says to
/// run `claimex run` first.
pub fn read_claims(out: &Path) -> Result<Vec<Claim>> {
    let path = out.join(CLAIMS_FILE);
    read_jsonl(&path)?.ok_or_else(|| {
        Error::Review(format!("{}: no claims yet (run `claimex run` first)", path.display()))
    })
}

/// The documents of a run (empty when `documents.jsonl` is missing).
pub fn read_documents(out: &Path) -> Result<Vec<DocumentInfo>> {
    Ok(read_jsonl(&out.join(DOCUMENTS_FILE))?.unwrap_or_default())
}

/// The gazetteer snapshot of a run (`None` when `entities.jsonl` is
/// missing).
pub fn read_entities(out: &Path) -> Result<Option<Vec<Entity>>> {
    read_jsonl(&out.join(ENTITIES_FILE))
}

/// The path of a document's extracted text, `out/text/<doc>.txt`.
///
/// The document id must be a relative path of plain components (no `..`,
/// no root, no drive); if the file exists, it must resolve inside
/// `out/text/` (a symlink pointing elsewhere is refused).
pub fn text_path(out: &Path, doc: &str) -> Result<PathBuf> {
    let bad = || Error::Invalid(format!("document id `{doc}` is not a relative path"));
    let rel = Path::new(doc);
    if doc.is_empty() || doc.contains('\0') || rel.components().any(|c| !is_plain(c)) {
        return Err(bad());
    }
    let root = out.join(TEXT_DIR);
    let path = root.join(format!("{doc}.txt"));
    if let (Ok(real_root), Ok(real)) = (root.canonicalize(), path.canonicalize())
        && !real.starts_with(&real_root)
    {
        return Err(bad());
    }
    Ok(path)
}

fn is_plain(c: Component<'_>) -> bool {
    matches!(c, Component::Normal(_))
}

/// A document's extracted text.
pub fn read_text(out: &Path, doc: &str) -> Result<String> {
    let path = text_path(out, doc)?;
    std::fs::read_to_string(&path).map_err(|e| Error::io(path, e))
}

/// The paragraph around an evidence sentence: the text before the sentence
/// in its paragraph, the sentence, and the text after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Paragraph text before the sentence.
    pub before: String,
    /// The sentence as it stands in the text now.
    pub sentence: String,
    /// Paragraph text after the sentence.
    pub after: String,
}

/// At most this many bytes of context on each side of the sentence.
const CONTEXT_LIMIT: usize = 2000;

/// Finds the paragraph (text between blank lines) around `evidence` in
/// `text`. When the offsets no longer point at the sentence (the text
/// changed), the sentence is searched for; `None` when it is gone.
pub fn paragraph(text: &str, evidence: &Evidence) -> Option<Paragraph> {
    let at = |s: usize, e: usize| text.get(s..e).filter(|t| *t == evidence.sentence).map(|_| s);
    let start = at(evidence.start, evidence.end).or_else(|| text.find(&evidence.sentence))?;
    let end = start + evidence.sentence.len();
    let para_start = text[..start].rfind("\n\n").map_or(0, |i| i + 2);
    let para_end = text[end..].find("\n\n").map_or(text.len(), |i| end + i);
    let lo = floor_char(text, para_start.max(start.saturating_sub(CONTEXT_LIMIT)));
    let hi = ceil_char(text, para_end.min(end + CONTEXT_LIMIT));
    Some(Paragraph {
        before: text[lo..start].to_string(),
        sentence: text[start..end].to_string(),
        after: text[end..hi].to_string(),
    })
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_path_stays_inside_the_output_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        std::fs::create_dir_all(out.join("text/reports")).unwrap();
        let ok = text_path(&out, "reports/a.md").unwrap();
        assert_eq!(ok, out.join("text/reports/a.md.txt"));
        for bad in ["../secret", "/etc/passwd", "a/../../x", "", "./a", "a\0b"] {
            assert!(text_path(&out, bad).is_err(), "{bad:?} accepted");
        }
        // A symlink that leads out of text/ is refused.
        std::fs::write(tmp.path().join("secret.txt"), "x").unwrap();
        std::os::unix::fs::symlink(tmp.path().join("secret.txt"), out.join("text/link.md.txt"))
            .unwrap();
        assert!(text_path(&out, "link.md").is_err());
    }

    #[test]
    fn paragraph_around_sentence() {
        let text = "Title\n\nFirst one. The TTP fought. After it.\n\nNext para.";
        let start = text.find("The TTP").unwrap();
        let ev = Evidence { start, end: start + 15, sentence: "The TTP fought.".into() };
        let p = paragraph(text, &ev).unwrap();
        assert_eq!((p.before.as_str(), p.after.as_str()), ("First one. ", " After it."));
        // Offsets out of date: found by search.
        let moved = Evidence { start: 0, end: 15, ..ev.clone() };
        assert_eq!(paragraph(text, &moved).unwrap(), p);
        let gone = Evidence { sentence: "Not there.".into(), ..ev };
        assert_eq!(paragraph(text, &gone), None);
    }
}
