//! HTML to raw blocks and metadata.
//!
//! OWNER: ingest-formats (stub until HTML support lands).

use super::IngestOptions;
use super::RawBlock;
use crate::error::IngestError;
use crate::model::Metadata;

/// Parses an HTML page into blocks (main content only) and its metadata.
pub(crate) fn parse(
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<(Vec<RawBlock>, Metadata), IngestError> {
    let _ = (bytes, opts);
    Err(IngestError::Corrupt {
        format: "HTML".into(),
        reason: "HTML input is not supported yet".into(),
    })
}
