//! Finding corpus files and naming them.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::model::{DocId, SourceFormat};

/// A corpus file that claimex can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the corpus root, `/`-separated.
    pub id: DocId,
    /// Where it is on disk.
    pub path: PathBuf,
    /// Its format, from the extension.
    pub format: SourceFormat,
}

/// Every supported file under `corpus`, recursively, sorted by id.
///
/// Hidden files and folders (a leading `.`) and files of other extensions
/// are skipped. Symbolic links are followed.
pub fn discover(corpus: &Path) -> Result<Vec<SourceFile>, Error> {
    if !corpus.is_dir() {
        return Err(Error::io(
            corpus,
            std::io::Error::new(std::io::ErrorKind::NotFound, "corpus folder not found"),
        ));
    }
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(corpus)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(corpus).to_path_buf();
            Error::io(path, std::io::Error::other(e.to_string()))
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let Some(format) =
            path.extension().and_then(|x| x.to_str()).and_then(SourceFormat::from_extension)
        else {
            continue;
        };
        let rel = path.strip_prefix(corpus).unwrap_or(path);
        let id =
            rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        files.push(SourceFile { id: DocId(id), path: path.to_path_buf(), format });
    }
    files.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(files)
}

/// SHA-256 of `bytes` as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_supported_files_recursively_and_skips_hidden() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for f in ["x.md", "a/y.TXT", "a/b/z.pdf", "a/skip.docx", ".hidden.txt", ".git/h.txt"] {
            std::fs::write(root.join(f), "t").unwrap();
        }
        let ids: Vec<_> = discover(root).unwrap().into_iter().map(|f| f.id.0).collect();
        assert_eq!(ids, ["a/b/z.pdf", "a/y.TXT", "x.md"]);
        assert!(discover(&root.join("missing")).is_err());
    }

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
