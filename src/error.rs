//! Every library error type, and the crate's `Result` alias.
//!
//! Each subsystem has its own error type; [`Error`] wraps them so callers
//! that do not care can use one `?`. Per-file problems found while reading a
//! corpus are [`IngestError`]s: they are recorded for that file and never
//! stop a run.

use std::path::PathBuf;

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Any error the library returns.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A JSON line could not be parsed.
    #[error("{}:{line}: not valid JSON: {source}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The underlying error.
        #[source]
        source: serde_json::Error,
    },
    /// A gazetteer file is malformed.
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    /// A rules or lexicon file is malformed.
    #[error(transparent)]
    Rules(#[from] RulesError),
    /// A document could not be ingested.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// The search index failed.
    #[error("index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// A search query could not be understood.
    #[error("query: {0}")]
    Query(String),
    /// A review command was given something it cannot apply.
    #[error("review: {0}")]
    Review(String),
    /// Bad input from the caller (an unknown relation, a bad date, …).
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }
}

/// A gazetteer file that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct GazetteerError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line number (0 when the problem is not on one line).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// A rules or lexicon file that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct RulesError {
    /// The file (or the embedded default's name).
    pub path: PathBuf,
    /// What is wrong.
    pub message: String,
}

/// Why one corpus file could not be turned into a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The file is empty (or holds only whitespace).
    #[error("empty file: no text to process")]
    Empty,
    /// The file holds binary data, not text.
    #[error("binary file: {0}")]
    Binary(String),
    /// The bytes are not valid UTF-8.
    #[error("not valid UTF-8 (invalid byte sequence at byte {offset})")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The file is larger than the configured limit.
    #[error("file too large: {size} bytes (limit {limit})")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The PDF is encrypted and cannot be read.
    #[error("encrypted PDF: {0}")]
    Encrypted(String),
    /// The PDF has no text layer (a scan).
    #[error("PDF has no text layer (scanned image?): {0}")]
    NoTextLayer(String),
    /// The file is corrupt or not of the format its name says.
    #[error("corrupt or unreadable {format}: {reason}")]
    Corrupt {
        /// `PDF`, `HTML`, …
        format: String,
        /// What went wrong.
        reason: String,
    },
    /// A library used to read the file panicked; the panic was contained.
    #[error("internal error while reading the file (contained panic): {0}")]
    Panic(String),
    /// The file could not be read.
    #[error("cannot read file: {0}")]
    Read(String),
}
