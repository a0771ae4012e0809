//! The index schema: one tantivy index whose entries are documents,
//! sentences and claims (told apart by `kind`), the text analyzer, and the
//! date encoding with sentinels for open interval ends.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{DateTime, Index};

/// Name of the analyzer used by every full-text field.
pub(crate) const ANALYZER: &str = "claimex_en";

/// What an index entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    /// A whole document (title, authors, body).
    Doc,
    /// One sentence, heading or list item.
    Sentence,
    /// One extracted claim.
    Claim,
}

impl HitKind {
    /// The lowercase name stored in the index and printed.
    pub fn as_str(&self) -> &'static str {
        match self {
            HitKind::Doc => "doc",
            HitKind::Sentence => "sentence",
            HitKind::Claim => "claim",
        }
    }
}

/// Every field of the schema.
#[derive(Clone, Debug)]
pub(crate) struct Fields {
    /// `doc`, `sentence` or `claim`.
    pub kind: Field,
    /// Document id (every entry).
    pub doc: Field,
    /// Claim id (claims).
    pub claim_id: Field,
    /// Title (documents).
    pub title: Field,
    /// Authors, one value each (documents).
    pub authors: Field,
    /// Publication date (documents).
    pub published: Field,
    /// The whole extracted text (documents).
    pub body: Field,
    /// The sentence text (sentences).
    pub text: Field,
    /// The evidence sentence (claims).
    pub evidence: Field,
    /// Argument names, surface texts, relation words (claims; not stored).
    pub args: Field,
    /// Heading path joined by ` › ` (sentences, claims).
    pub section: Field,
    /// Byte offset of the entry in the extracted text.
    pub start: Field,
    /// End byte offset.
    pub end: Field,
    /// Entity ids mentioned (multi-valued, fast).
    pub entity: Field,
    /// Entity mentions as JSON `[[id, start, end], …]` (stored only).
    pub mentions: Field,
    /// Start of the date interval (open start = [`DATE_MIN`]).
    pub date_start: Field,
    /// End of the date interval (open end = [`DATE_MAX`]).
    pub date_end: Field,
    /// Relation (claims, fast).
    pub relation: Field,
    /// Polarity (claims).
    pub polarity: Field,
    /// Modality (claims).
    pub modality: Field,
    /// Review status as of the run that wrote the entry (claims).
    pub status: Field,
    /// The whole claim as JSON (claims, stored only).
    pub claim: Field,
}

impl Fields {
    /// Builds the schema and the field handles.
    pub(crate) fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let keyword = STRING | STORED | FAST;
        let text = |stored: bool| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            let opts = TextOptions::default().set_indexing_options(indexing);
            if stored { opts.set_stored() } else { opts }
        };
        let date = DateOptions::from(INDEXED)
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds);
        let fields = Fields {
            kind: b.add_text_field("kind", keyword.clone()),
            doc: b.add_text_field("doc", keyword.clone()),
            claim_id: b.add_text_field("claim_id", keyword.clone()),
            title: b.add_text_field("title", text(true)),
            authors: b.add_text_field("authors", text(true)),
            published: b.add_date_field("published", date.clone()),
            body: b.add_text_field("body", text(true)),
            text: b.add_text_field("text", text(true)),
            evidence: b.add_text_field("evidence", text(true)),
            args: b.add_text_field("args", text(false)),
            section: b.add_text_field("section", text(true)),
            start: b.add_u64_field("start", STORED),
            end: b.add_u64_field("end", STORED),
            entity: b.add_text_field("entity", keyword.clone()),
            mentions: b.add_text_field("mentions", STORED),
            date_start: b.add_date_field("date_start", date.clone()),
            date_end: b.add_date_field("date_end", date),
            relation: b.add_text_field("relation", keyword.clone()),
            polarity: b.add_text_field("polarity", keyword.clone()),
            modality: b.add_text_field("modality", keyword.clone()),
            status: b.add_text_field("status", keyword),
            claim: b.add_text_field("claim", STORED),
        };
        (b.build(), fields)
    }

    /// The field handles of an existing index's schema, or `None` when the
    /// schema is not ours (an index written by another version).
    pub(crate) fn of(schema: &Schema) -> Option<Fields> {
        let (expected, fields) = Fields::build();
        (schema == &expected).then_some(fields)
    }
}

/// The analyzer of every full-text field: Unicode words, lowercased, folded
/// to ASCII (`Kābul` = `Kabul`), English-stemmed (`attacked` = `attacks`).
pub(crate) fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Registers [`analyzer`] with an index (tokenizers are not persisted, so
/// every opened index needs this).
pub(crate) fn register_analyzer(index: &Index) {
    index.tokenizers().register(ANALYZER, analyzer());
}

/// Earliest date the index can hold (tantivy dates are nanosecond
/// timestamps); it also stands for an open interval start.
pub const DATE_MIN: NaiveDate = NaiveDate::from_ymd_opt(1678, 1, 1).unwrap();
/// Latest date the index can hold; it also stands for an open interval end.
pub const DATE_MAX: NaiveDate = NaiveDate::from_ymd_opt(2261, 12, 31).unwrap();

/// A calendar day as a tantivy date (midnight UTC), clamped to the range
/// the index can hold.
pub(crate) fn to_tantivy(day: NaiveDate) -> DateTime {
    let day = day.clamp(DATE_MIN, DATE_MAX);
    let secs = NaiveDateTime::from(day).and_utc().timestamp();
    DateTime::from_timestamp_secs(secs)
}

/// The calendar day of a stored tantivy date; the sentinels read back as
/// `None` (an open end).
pub(crate) fn from_tantivy(dt: DateTime) -> Option<NaiveDate> {
    let day = chrono::DateTime::from_timestamp(dt.into_timestamp_secs(), 0)?.date_naive();
    (day != DATE_MIN && day != DATE_MAX).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenStream;

    fn tokens(text: &str) -> Vec<(String, usize, usize)> {
        let mut a = analyzer();
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.offset_from, t.offset_to));
        }
        out
    }

    #[test]
    fn analyzer_folds_diacritics_and_keeps_byte_offsets() {
        let text = "“Kābul’s” attacks – TTP";
        let toks = tokens(text);
        let words: Vec<&str> = toks.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(words, ["kabul", "s", "attack", "ttp"]);
        assert_eq!(&text[toks[0].1..toks[0].2], "Kābul");
        assert_eq!(&text[toks[3].1..toks[3].2], "TTP");
    }

    #[test]
    fn dates_round_trip_and_sentinels_read_as_open() {
        let d = NaiveDate::from_ymd_opt(1996, 9, 27).unwrap();
        assert_eq!(from_tantivy(to_tantivy(d)), Some(d));
        assert_eq!(from_tantivy(to_tantivy(DATE_MIN)), None);
        assert_eq!(from_tantivy(to_tantivy(DATE_MAX)), None);
        let ancient = NaiveDate::from_ymd_opt(1200, 1, 1).unwrap();
        assert_eq!(to_tantivy(ancient), to_tantivy(DATE_MIN));
    }

    #[test]
    fn schema_is_recognised() {
        let (schema, _) = Fields::build();
        assert!(Fields::of(&schema).is_some());
        let other = Schema::builder().build();
        assert!(Fields::of(&other).is_none());
    }
}
