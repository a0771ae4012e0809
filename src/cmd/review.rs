//! `claimex review` (stub).

use std::process::ExitCode;

use crate::cli::ReviewArgs;

/// Runs `claimex review`.
pub(crate) fn run(args: ReviewArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("`claimex review` is not implemented yet")
}
