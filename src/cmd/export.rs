//! `claimex export`: reviewed claims as dataset rows.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, bail};
use claimex::export::{self, Format, Profile};
use claimex::model::ReviewStatus;
use claimex::review::Session;

use crate::cli::{self, ExportArgs};

/// Runs `claimex export`.
pub(crate) fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let statuses = statuses(&args.status)?;
    let session = Session::open(&args.out)?;
    let (joined, log) = session.joined()?;
    for w in &log.warnings {
        eprintln!("claimex: warning: {}:{}: {}", session.log().path().display(), w.line, w.message);
    }
    let format = match args.format {
        cli::Format::Csv => Format::Csv,
        cli::Format::Jsonl => Format::Jsonl,
    };
    let profile = match args.profile {
        cli::Profile::Claimex => Profile::Claimex,
        cli::Profile::Acled => Profile::Acled,
        cli::Profile::Ucdp => Profile::Ucdp,
    };
    let docs = session.documents();
    let n = match &args.to {
        None => {
            let out = std::io::stdout().lock();
            export::export(&joined.claims, docs, &statuses, profile, format, out)?
        }
        Some(path) => {
            // Written next to the target and renamed into place: a reader
            // never sees half a file.
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
            let dir = dir.unwrap_or(std::path::Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("cannot write in {}", dir.display()))?;
            let n = export::export(&joined.claims, docs, &statuses, profile, format, &mut tmp)?;
            tmp.as_file_mut().flush()?;
            tmp.as_file().sync_all()?;
            tmp.persist(path).with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("claimex: exported {n} claims to {}", path.display());
            n
        }
    };
    if n == 0 {
        eprintln!("claimex: no claim is {}", args.status.join(" or "));
    }
    Ok(ExitCode::SUCCESS)
}

fn statuses(names: &[String]) -> anyhow::Result<Vec<ReviewStatus>> {
    let mut out = Vec::new();
    for name in names.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if name == "all" {
            out.extend(ReviewStatus::ALL);
        } else {
            out.push(name.parse()?);
        }
    }
    if out.is_empty() {
        bail!("--status needs at least one of pending, accepted, rejected, edited, stale, all");
    }
    Ok(out)
}
