//! Helpers shared by the integration tests: a scratch folder with a corpus,
//! and a way to run the real `claimex` binary in it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (where `Cargo.toml` is).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped sample article.
pub fn sample_article() -> PathBuf {
    repo().join("corpus/zahid-2026-taliban-ttp-nexus.md")
}

/// A scratch project folder: `corpus/`, and `output/` once a run happened.
/// Gazetteers and rules are read from the repository.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    /// An empty scratch folder with an empty `corpus/`.
    pub fn new() -> Scratch {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("corpus")).unwrap();
        Scratch { dir }
    }

    /// A scratch folder whose corpus holds the sample article.
    pub fn with_sample() -> Scratch {
        let s = Scratch::new();
        s.copy_into_corpus(&sample_article(), "zahid-2026-taliban-ttp-nexus.md");
        s
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn corpus(&self) -> PathBuf {
        self.path().join("corpus")
    }

    pub fn out(&self) -> PathBuf {
        self.path().join("output")
    }

    pub fn copy_into_corpus(&self, from: &Path, name: &str) {
        let to = self.corpus().join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).expect("copy into corpus");
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let to = self.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, bytes).unwrap();
    }

    /// `claimex ARGS…` run in this folder, with the repository's gazetteers
    /// and rules.
    pub fn claimex(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimex"));
        cmd.current_dir(self.path());
        cmd.args(args);
        if args.first() == Some(&"run") {
            cmd.arg("--gazetteers").arg(repo().join("gazetteers"));
            cmd.arg("--rules").arg(repo().join("rules"));
        }
        cmd.output().expect("run claimex")
    }

    /// `claimex run --quiet` on this folder; panics unless it exits 0.
    pub fn run_ok(&self) -> Output {
        let out = self.claimex(&["run", "--quiet"]);
        assert!(out.status.success(), "claimex run failed: {}", stderr(&out));
        out
    }

    /// The lines of `output/<name>` parsed as JSON.
    pub fn jsonl(&self, name: &str) -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(self.out().join(name)).expect(name);
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
