//! Settings a run passes to ingest.

use std::collections::HashSet;

/// What ingest needs to know beyond the file itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IngestOptions {
    /// Lowercased words that are written with a hyphen (`al-qaeda`,
    /// `lashkar-e-taiba`): a line-end hyphen inside one of them is kept when
    /// layout repair joins the two halves. The run fills it from the
    /// gazetteer's hyphenated names and `rules/hyphenated.txt`.
    pub hyphenated: HashSet<String>,
    /// Files larger than this many bytes are reported, not read.
    pub max_bytes: Option<u64>,
}
