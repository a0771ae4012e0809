//! `claimex export` (stub).

use std::process::ExitCode;

use crate::cli::ExportArgs;

/// Runs `claimex export`.
pub(crate) fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("`claimex export` is not implemented yet")
}
