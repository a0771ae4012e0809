//! The decision log `output/review.jsonl`: append-only, one decision per
//! line, durable before a decision is acknowledged, readable while another
//! process appends, and tolerant of a torn last line.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};
use crate::model::{Decision, DecisionStatus};

/// The file name of the log inside the output folder.
pub const LOG_FILE: &str = "review.jsonl";

/// A line of the log that could not be read; it is skipped, never fatal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogWarning {
    /// 1-based line number.
    pub line: usize,
    /// Why it was skipped.
    pub message: String,
}

/// Every readable decision of the log, in file order, and the lines skipped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogContents {
    /// Decisions in the order they were appended.
    pub decisions: Vec<Decision>,
    /// Lines that could not be parsed.
    pub warnings: Vec<LogWarning>,
}

impl LogContents {
    /// Folds the log into the decision in force for each claim: decisions
    /// stack up, `undone` pops the latest; the top of the stack wins.
    pub fn in_force(&self) -> HashMap<&str, &Decision> {
        let mut stacks: HashMap<&str, Vec<&Decision>> = HashMap::new();
        for d in &self.decisions {
            let stack = stacks.entry(d.claim.as_str()).or_default();
            if d.status == DecisionStatus::Undone {
                stack.pop();
            } else {
                stack.push(d);
            }
        }
        stacks.into_iter().filter_map(|(id, s)| s.last().map(|d| (id, *d))).collect()
    }
}

/// The decision log of one output folder.
///
/// Appends are serialised in-process by a mutex and across processes by an
/// exclusive advisory lock on the file, written with `O_APPEND` in a single
/// `write` and `fdatasync`ed before [`DecisionLog::append`] returns.
#[derive(Debug)]
pub struct DecisionLog {
    path: PathBuf,
    guard: Mutex<()>,
}

impl DecisionLog {
    /// The log at `out/review.jsonl` (created on first append).
    pub fn new(out: &Path) -> DecisionLog {
        DecisionLog { path: out.join(LOG_FILE), guard: Mutex::new(()) }
    }

    /// Where the log is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one decision durably: when this returns `Ok`, the line is on
    /// disk.
    pub fn append(&self, decision: &Decision) -> Result<()> {
        let _in_process = self.guard.lock().unwrap_or_else(|p| p.into_inner());
        let io = |e| Error::io(&self.path, e);
        let existed = self.path.exists();
        let file =
            OpenOptions::new().read(true).append(true).create(true).open(&self.path).map_err(io)?;
        file.lock().map_err(io)?;
        let mut line = Vec::with_capacity(512);
        if !ends_with_newline(&file).map_err(io)? {
            // A torn last line (a writer died mid-line): start on a new line
            // so this decision stays readable.
            line.push(b'\n');
        }
        serde_json::to_writer(&mut line, decision)
            .map_err(|e| Error::Review(format!("cannot encode decision: {e}")))?;
        line.push(b'\n');
        (&file).write_all(&line).map_err(io)?;
        file.sync_data().map_err(io)?;
        if !existed {
            sync_dir(self.path.parent().unwrap_or(Path::new(".")))?;
        }
        Ok(())
    }

    /// Reads every decision; a missing log is empty. Unreadable lines (a
    /// torn last line after a crash, a hand edit gone wrong) are skipped and
    /// reported in [`LogContents::warnings`].
    pub fn read(&self) -> Result<LogContents> {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(LogContents::default()),
            Err(e) => return Err(Error::io(&self.path, e)),
        };
        Ok(parse(&bytes))
    }

    /// Size and modification time of the log, to notice appends.
    pub fn stamp(&self) -> Option<(u64, std::time::SystemTime)> {
        let m = std::fs::metadata(&self.path).ok()?;
        Some((m.len(), m.modified().ok()?))
    }
}

fn ends_with_newline(file: &File) -> std::io::Result<bool> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(true);
    }
    let mut last = [0u8; 1];
    file.read_exact_at(&mut last, len - 1)?;
    Ok(last[0] == b'\n')
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(|e| Error::io(dir, e))
}

/// Parses the log's bytes line by line.
pub fn parse(bytes: &[u8]) -> LogContents {
    let mut out = LogContents::default();
    let complete = bytes.ends_with(b"\n");
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let last = lines.len().saturating_sub(1);
    for (i, raw) in lines.iter().enumerate() {
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Decision>(raw) {
            Ok(d) => out.decisions.push(d),
            Err(e) => {
                let torn = i == last && !complete;
                let message = if torn {
                    format!("incomplete last line skipped (interrupted write?): {e}")
                } else {
                    format!("unreadable decision skipped: {e}")
                };
                out.warnings.push(LogWarning { line: i + 1, message });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::model::Edits;

    fn decision(claim: &str, status: DecisionStatus) -> Decision {
        Decision {
            claim: claim.into(),
            status,
            edits: Edits::default(),
            note: None,
            reviewer: "ana".into(),
            timestamp: Utc::now(),
            doc: "a.md".into(),
            sentence_sha256: "ab".into(),
            sentence: "TTP fought Pakistan.".into(),
        }
    }

    #[test]
    fn latest_wins_and_undo_pops() {
        use DecisionStatus::*;
        let table: &[(&[DecisionStatus], Option<DecisionStatus>)] = &[
            (&[Accepted], Some(Accepted)),
            (&[Accepted, Rejected], Some(Rejected)),
            (&[Accepted, Rejected, Undone], Some(Accepted)),
            (&[Accepted, Undone], None),
            (&[Accepted, Undone, Undone], None),
            (&[Undone, Edited], Some(Edited)),
            (&[Edited, Accepted, Undone, Undone, Rejected], Some(Rejected)),
        ];
        for (seq, want) in table {
            let log = LogContents {
                decisions: seq.iter().map(|s| decision("c1", *s)).collect(),
                warnings: vec![],
            };
            let got = log.in_force().get("c1").map(|d| d.status);
            assert_eq!(got, *want, "{seq:?}");
        }
    }

    #[test]
    fn appends_survive_and_torn_last_line_is_skipped_then_repaired() {
        let tmp = tempfile::tempdir().unwrap();
        let log = DecisionLog::new(tmp.path());
        assert!(log.read().unwrap().decisions.is_empty());
        log.append(&decision("c1", DecisionStatus::Accepted)).unwrap();
        // A writer killed mid-line leaves half a record.
        let mut f = OpenOptions::new().append(true).open(log.path()).unwrap();
        f.write_all(br#"{"claim":"c2","status":"acc"#).unwrap();
        let read = log.read().unwrap();
        assert_eq!(read.decisions.len(), 1);
        assert_eq!(read.warnings.len(), 1);
        assert_eq!(read.warnings[0].line, 2);
        assert!(read.warnings[0].message.contains("incomplete"), "{:?}", read.warnings);
        // The next append starts on a fresh line and stays readable.
        log.append(&decision("c3", DecisionStatus::Rejected)).unwrap();
        let read = log.read().unwrap();
        let ids: Vec<_> = read.decisions.iter().map(|d| d.claim.as_str()).collect();
        assert_eq!(ids, ["c1", "c3"]);
        assert_eq!(read.warnings.len(), 1);
        assert!(read.warnings[0].message.contains("unreadable"));
    }

    #[test]
    fn concurrent_appends_never_interleave() {
        let tmp = tempfile::tempdir().unwrap();
        let log = std::sync::Arc::new(DecisionLog::new(tmp.path()));
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let log = log.clone();
                std::thread::spawn(move || {
                    for i in 0..25 {
                        let mut d = decision(&format!("c{t}-{i}"), DecisionStatus::Accepted);
                        d.note = Some("x".repeat(3000));
                        log.append(&d).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let read = log.read().unwrap();
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
        assert_eq!(read.decisions.len(), 100);
    }
}
