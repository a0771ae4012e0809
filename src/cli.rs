//! The command-line interface: every subcommand and flag.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// claimex — reviewed, dated, sourced claims from policy literature.
#[derive(Debug, Parser)]
#[command(name = "claimex", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Process the corpus: ingest, tag, extract claims, index, write output/.
    Run(RunArgs),
    /// Search documents, sentences and claims in the index.
    Search(SearchArgs),
    /// Print a document's claims as a table.
    Claims(ClaimsArgs),
    /// Review claims from the command line.
    Review(ReviewArgs),
    /// Serve the local review web page.
    Serve(ServeArgs),
    /// Export reviewed claims as dataset rows.
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub(crate) struct RunArgs {
    /// Folder of reports to process (txt, md, html, pdf; recursive).
    #[arg(long, default_value = "corpus")]
    pub corpus: PathBuf,
    /// Folder of gazetteer TSV files.
    #[arg(long, default_value = "gazetteers")]
    pub gazetteers: PathBuf,
    /// Folder of rule and lexicon files (built-in copies fill any gap).
    #[arg(long, default_value = "rules")]
    pub rules: PathBuf,
    /// Output folder.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Reprocess every document, even unchanged ones.
    #[arg(long)]
    pub force: bool,
    /// No progress bar and no summary.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Kind {
    /// Whole documents.
    Doc,
    /// Sentences.
    Sentence,
    /// Claims.
    Claim,
}

#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// Output folder holding the index.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// What to search (default: sentences).
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// Only hits mentioning this entity (an id or any alias); repeatable.
    #[arg(long)]
    pub entity: Vec<String>,
    /// Only claims with this relation.
    #[arg(long)]
    pub relation: Option<String>,
    /// Only hits whose date interval overlaps this date or later.
    #[arg(long)]
    pub from: Option<String>,
    /// Only hits whose date interval overlaps this date or earlier.
    #[arg(long)]
    pub to: Option<String>,
    /// Maximum number of hits.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// One JSON object per hit.
    #[arg(long)]
    pub json: bool,
    /// Query (words, "phrases", tantivy query syntax).
    pub query: Vec<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ClaimsArgs {
    /// Output folder.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// Document id (path under the corpus); all documents when omitted.
    #[arg(long)]
    pub doc: Option<String>,
    /// Only this relation.
    #[arg(long)]
    pub relation: Option<String>,
    /// JSON lines instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ReviewArgs {
    /// Output folder.
    #[arg(long, default_value = "output", global = true)]
    pub out: PathBuf,
    #[command(subcommand)]
    pub action: ReviewAction,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ReviewAction {
    /// List claims with their review status.
    List {
        /// pending, accepted, rejected, edited, stale, todo (pending or
        /// stale) or all.
        #[arg(long)]
        status: Option<String>,
        /// Only this document.
        #[arg(long)]
        doc: Option<String>,
        /// Only this relation.
        #[arg(long)]
        relation: Option<String>,
        /// Only claims with this entity id as subject or object.
        #[arg(long)]
        entity: Option<String>,
        /// Only this modality (asserted, reported, hedged).
        #[arg(long)]
        modality: Option<String>,
        /// JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Accept claims.
    Accept(Decide),
    /// Reject claims.
    Reject(Decide),
    /// Correct a claim's fields.
    Edit(Edit),
    /// Withdraw the latest decision on a claim.
    Undo {
        /// Claim id.
        id: String,
        /// Who undoes it.
        #[arg(long)]
        reviewer: Option<String>,
    },
}

#[derive(Debug, Args)]
pub(crate) struct Decide {
    /// Claim ids.
    #[arg(required = true)]
    pub ids: Vec<String>,
    /// A note kept with the decision.
    #[arg(long)]
    pub note: Option<String>,
    /// Reviewer name (default: $USER).
    #[arg(long)]
    pub reviewer: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct Edit {
    /// Claim id.
    pub id: String,
    /// Corrected relation.
    #[arg(long)]
    pub relation: Option<String>,
    /// Corrected subject (entity id or alias).
    #[arg(long)]
    pub subject: Option<String>,
    /// Corrected object (entity id or alias).
    #[arg(long)]
    pub object: Option<String>,
    /// Corrected polarity (positive, negative).
    #[arg(long)]
    pub polarity: Option<String>,
    /// Corrected modality (asserted, reported, hedged).
    #[arg(long)]
    pub modality: Option<String>,
    /// Corrected time start (YYYY-MM-DD; empty for an open start).
    #[arg(long)]
    pub start_date: Option<String>,
    /// Corrected time end (YYYY-MM-DD; empty for an open end).
    #[arg(long)]
    pub end_date: Option<String>,
    /// A note kept with the decision.
    #[arg(long)]
    pub note: Option<String>,
    /// Reviewer name (default: $USER).
    #[arg(long)]
    pub reviewer: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Output folder.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// Gazetteer folder (for the entity picker).
    #[arg(long, default_value = "gazetteers")]
    pub gazetteers: PathBuf,
    /// Port.
    #[arg(long, default_value_t = 8787)]
    pub port: u16,
    /// Address to bind (loopback unless told otherwise).
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    /// Reviewer name recorded when the page gives none (default: $USER).
    #[arg(long)]
    pub reviewer: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// RFC 4180 CSV.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Profile {
    /// claimex's own columns.
    Claimex,
    /// ACLED-style columns.
    Acled,
    /// UCDP GED-style columns.
    Ucdp,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// Output folder.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// Statuses to export, comma-separated (pending, accepted, rejected,
    /// edited, stale, all).
    #[arg(long, default_value = "accepted,edited", value_delimiter = ',')]
    pub status: Vec<String>,
    /// File format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Column profile.
    #[arg(long, value_enum, default_value_t = Profile::Claimex)]
    pub profile: Profile,
    /// Write here instead of standard output.
    #[arg(long)]
    pub to: Option<PathBuf>,
}
