//! What a run is asked to do, and the fingerprint of its configuration.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Settings of one `claimex run`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunConfig {
    /// Folder of reports.
    pub corpus: PathBuf,
    /// Folder of gazetteer TSV files.
    pub gazetteers: PathBuf,
    /// Folder of rule files (built-in copies fill gaps).
    pub rules: PathBuf,
    /// Output folder.
    pub out: PathBuf,
    /// Worker threads; `None` for one per core.
    pub jobs: Option<usize>,
    /// Reprocess unchanged documents too.
    pub force: bool,
    /// Files larger than this are reported, not read.
    pub max_bytes: Option<u64>,
}

impl RunConfig {
    /// The defaults of the command line: `corpus`, `gazetteers`, `rules`,
    /// `output` under `root`.
    pub fn in_folder(root: &Path) -> RunConfig {
        RunConfig {
            corpus: root.join("corpus"),
            gazetteers: root.join("gazetteers"),
            rules: root.join("rules"),
            out: root.join("output"),
            jobs: None,
            force: false,
            max_bytes: Some(512 * 1024 * 1024),
        }
    }

    /// A hash of everything besides the documents that shapes the output:
    /// the claimex version, the gazetteer files and the rule files. When it
    /// changes, every document is processed again.
    pub fn fingerprint(&self) -> Result<String> {
        let mut h = Sha256::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        for dir in [&self.gazetteers, &self.rules] {
            h.update(b"\0dir\0");
            for path in files_in(dir)? {
                let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
                h.update(path.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default());
                h.update((bytes.len() as u64).to_le_bytes());
                h.update(&bytes);
            }
        }
        Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
    }
}

/// Regular files directly in `dir`, sorted; none when it does not exist.
fn files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_follows_rule_and_gazetteer_files() {
        let tmp = tempfile::tempdir().unwrap();
        let cfg = RunConfig::in_folder(tmp.path());
        let empty = cfg.fingerprint().unwrap();
        std::fs::create_dir_all(&cfg.rules).unwrap();
        std::fs::write(cfg.rules.join("a.toml"), "x").unwrap();
        let one = cfg.fingerprint().unwrap();
        assert_ne!(empty, one);
        assert_eq!(one, cfg.fingerprint().unwrap());
        std::fs::write(cfg.rules.join("a.toml"), "y").unwrap();
        assert_ne!(one, cfg.fingerprint().unwrap());
    }
}
