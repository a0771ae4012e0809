//! `claimex run`: processes the corpus, shows progress, prints the summary
//! and sets the exit code (0 all good, 2 some files failed).

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use claimex::model::DocId;
use claimex::pipeline::{self, Outcome, Progress, RunConfig, RunSummary};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::RunArgs;

/// Runs `claimex run`.
pub(crate) fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let cfg = RunConfig {
        corpus: args.corpus,
        gazetteers: args.gazetteers,
        rules: args.rules,
        out: args.out,
        jobs: args.jobs,
        force: args.force,
        max_bytes: Some(512 * 1024 * 1024),
    };
    let progress = Reporter::new(args.quiet);
    let summary = pipeline::run(&cfg, &progress)
        .with_context(|| format!("cannot process corpus {}", cfg.corpus.display()))?;
    progress.bar.finish_and_clear();
    if !args.quiet {
        print_summary(&summary, &cfg);
    } else {
        for (doc, reason) in &summary.failures {
            eprintln!("claimex: failed: {doc}: {reason}");
        }
    }
    Ok(if summary.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
}

/// A progress bar on a terminal; otherwise a short line every few seconds,
/// so long runs in logs show life.
struct Reporter {
    bar: ProgressBar,
    plain: bool,
    quiet: bool,
    started: Instant,
    last_line: Mutex<Instant>,
    files: AtomicUsize,
    total_files: AtomicUsize,
    failed: AtomicUsize,
    bytes: AtomicU64,
}

const LINE_EVERY: Duration = Duration::from_secs(5);

impl Reporter {
    fn new(quiet: bool) -> Reporter {
        let tty = std::io::stderr().is_terminal();
        let bar = if quiet || !tty {
            ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
        } else {
            ProgressBar::new(0)
        };
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} files {binary_bytes_per_sec} {msg}",
            )
            .expect("valid template"),
        );
        Reporter {
            bar,
            plain: !tty && !quiet,
            quiet,
            started: Instant::now(),
            last_line: Mutex::new(Instant::now()),
            files: AtomicUsize::new(0),
            total_files: AtomicUsize::new(0),
            failed: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        }
    }

    fn line(&self) {
        let done = self.files.load(Ordering::Relaxed);
        let total = self.total_files.load(Ordering::Relaxed).max(1);
        let mb = self.bytes.load(Ordering::Relaxed) as f64 / 1e6;
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        eprintln!(
            "claimex: {done}/{total} files ({:.0}%), {} failed, {mb:.1} MB, {:.1} MB/s",
            done as f64 * 100.0 / total as f64,
            self.failed.load(Ordering::Relaxed),
            mb / secs
        );
    }
}

impl Progress for Reporter {
    fn start(&self, files: usize, _bytes: u64) {
        self.total_files.store(files, Ordering::Relaxed);
        self.bar.set_length(files as u64);
    }

    fn file_done(&self, doc: &DocId, bytes: u64, outcome: &Outcome) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        if let Outcome::Failed(reason) = outcome {
            self.failed.fetch_add(1, Ordering::Relaxed);
            if !self.quiet {
                self.bar.suspend(|| eprintln!("claimex: failed: {doc}: {reason}"));
            }
        }
        self.bar.inc(1);
        self.bar.set_message(doc.to_string());
        if self.plain {
            let mut last = self.last_line.lock().expect("not poisoned");
            if last.elapsed() >= LINE_EVERY {
                *last = Instant::now();
                drop(last);
                self.line();
            }
        }
    }

    fn finishing(&self) {
        self.bar.set_message("writing index and output files");
    }
}

fn print_summary(s: &RunSummary, cfg: &RunConfig) {
    let failed = s.failures.len();
    println!(
        "claimex: {} processed, {} unchanged, {} failed, {} removed in {:.2} s ({:.1} MB/s)",
        s.processed,
        s.unchanged,
        failed,
        s.removed,
        s.elapsed.as_secs_f64(),
        s.mb_per_s()
    );
    println!(
        "  {} documents, {} mentions, {} claims in {} ({} gazetteer entities)",
        s.counts.documents,
        s.counts.mentions,
        s.counts.claims,
        cfg.out.display(),
        s.entities
    );
    println!(
        "  index: {} documents, {} sentences, {} claims ({:.1} MB)",
        s.index.docs,
        s.index.sentences,
        s.index.claims,
        s.index.bytes as f64 / 1e6
    );
    if !s.counts.claims_by_relation.is_empty() {
        let mut rels: Vec<_> = s.counts.claims_by_relation.iter().collect();
        rels.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let list: Vec<String> = rels.iter().map(|(r, n)| format!("{r} {n}")).collect();
        println!("  claims per relation: {}", list.join(", "));
    }
    if failed > 0 {
        println!("  failed files:");
        for (doc, reason) in &s.failures {
            println!("    {doc}: {reason}");
        }
    }
}
