//! Writing a file so that readers see the old content or the new, never a
//! mix: a temporary file in the same folder, flushed, optionally synced to
//! disk, and renamed over the target.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// A file being replaced: write to it, then [`AtomicFile::commit`]. Dropped
/// without committing, it leaves the target untouched.
pub struct AtomicFile {
    path: PathBuf,
    w: BufWriter<NamedTempFile>,
}

impl AtomicFile {
    /// Starts replacing `path` (its folder is created if needed).
    pub fn create(path: &Path) -> Result<AtomicFile> {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let tmp = tempfile::Builder::new()
            .prefix(".tmp-")
            .tempfile_in(dir)
            .map_err(|e| Error::io(dir, e))?;
        Ok(AtomicFile { path: path.to_path_buf(), w: BufWriter::with_capacity(256 * 1024, tmp) })
    }

    /// Where the content goes.
    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.w
    }

    /// Renames the new content into place. With `durable`, the data is
    /// synced to disk first, so it survives a power loss as well as a crash
    /// (used for the files a user reads; per-document caches skip it).
    pub fn commit(self, durable: bool) -> Result<()> {
        let path = self.path;
        let tmp = self.w.into_inner().map_err(|e| Error::io(&path, e.into_error()))?;
        if durable {
            tmp.as_file().sync_data().map_err(|e| Error::io(&path, e))?;
        }
        tmp.persist(&path).map_err(|e| Error::io(&path, e.error))?;
        Ok(())
    }
}

/// Replaces `path` with `bytes` atomically and durably.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Replaces `path` with whatever `fill` writes, atomically and durably.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    replace_with(path, true, fill)
}

/// Replaces `path` atomically; synced to disk only when `durable`.
pub(crate) fn replace_with(
    path: &Path,
    durable: bool,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let mut file = AtomicFile::create(path)?;
    fill(file.writer()).and_then(|()| file.writer().flush()).map_err(|e| Error::io(path, e))?;
    file.commit(durable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/a.jsonl");
        write_atomic(&p, b"one\n").unwrap();
        write_atomic(&p, b"two\n").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two\n");
        let failed = write_atomic_with(&p, |w| {
            w.write_all(b"partial")?;
            Err(std::io::Error::other("interrupted"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two\n", "old content kept");
        let mut abandoned = AtomicFile::create(&p).unwrap();
        abandoned.writer().write_all(b"never committed").unwrap();
        drop(abandoned);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two\n", "old content kept");
        let names: Vec<_> = std::fs::read_dir(p.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.jsonl"]);
    }
}
