//! PDF to raw blocks and metadata.
//!
//! OWNER: ingest-formats (stub until PDF support lands).

use super::IngestOptions;
use super::RawBlock;
use crate::error::IngestError;
use crate::model::Metadata;

/// Extracts a PDF's text layer as blocks, with its metadata.
pub(crate) fn parse(
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<(Vec<RawBlock>, Metadata), IngestError> {
    let _ = (bytes, opts);
    Err(IngestError::Corrupt {
        format: "PDF".into(),
        reason: "PDF input is not supported yet".into(),
    })
}
