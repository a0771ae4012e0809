//! Search: a request (query text and filters) becomes one tantivy query;
//! the hits come back ranked by BM25 with snippets and facet counts.

use std::collections::{HashMap, HashSet};
use std::ops::Bound;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{UserInputAst, parse_query, parse_query_lenient};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use super::CorpusIndex;
use super::expand::{Expansion, expand_aliases, resolve_entity};
use super::facets::{StrCounts, ranked};
use super::schema::{DATE_MAX, DATE_MIN, Fields, HitKind, from_tantivy, to_tantivy};
use super::snippet::{Mark, SNIPPET_CHARS, Snippet, make_snippet, term_marks};
use crate::model::{Claim, EntityCatalog, Relation, Span};
use crate::{Error, Result};

/// What to search for.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchRequest {
    /// Which entries to search.
    pub kind: HitKind,
    /// Words, "phrases" and tantivy query syntax; empty = filters only.
    pub query: String,
    /// Only entries mentioning every one of these (ids or aliases).
    pub entities: Vec<String>,
    /// Only claims with this relation.
    pub relation: Option<Relation>,
    /// Only entries whose date interval ends on or after this day.
    pub from: Option<NaiveDate>,
    /// Only entries whose date interval starts on or before this day.
    pub to: Option<NaiveDate>,
    /// Maximum number of hits returned.
    pub limit: usize,
    /// Snippet length in characters.
    pub snippet_chars: usize,
    /// OR gazetteer ids into the query for the names it contains.
    pub expand_aliases: bool,
}

impl SearchRequest {
    /// A request for `query` over `kind` entries, ten hits, no filters.
    pub fn new(kind: HitKind, query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            kind,
            query: query.into(),
            entities: Vec::new(),
            relation: None,
            from: None,
            to: None,
            limit: 10,
            snippet_chars: SNIPPET_CHARS,
            expand_aliases: true,
        }
    }
}

/// A date interval; `None` is an open end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Interval {
    /// First day.
    pub start: Option<NaiveDate>,
    /// Last day.
    pub end: Option<NaiveDate>,
}

/// A claim hit's claim, with its review status as of the run that indexed
/// it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimHit {
    /// The claim as extracted.
    #[serde(flatten)]
    pub claim: Claim,
    /// `pending`, `accepted`, … as of the last run.
    pub status: String,
}

/// One search hit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// Document id.
    pub doc: String,
    /// What the entry is.
    pub kind: HitKind,
    /// BM25 score (0 for filter-only searches).
    pub score: f32,
    /// The entry's span in the extracted text (the whole text for a
    /// document, the sentence for a sentence, the evidence for a claim).
    pub offsets: Span,
    /// The highlighted window.
    #[serde(flatten)]
    pub snippet: Snippet,
    /// Heading path (sentences, claims).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Title (documents).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Authors (documents).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Publication date (documents).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Entity ids the entry mentions.
    pub entities: Vec<String>,
    /// The entry's date interval, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Interval>,
    /// The claim (claims).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<ClaimHit>,
}

/// Everything a search returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResults {
    /// Number of matching entries (all of them, not only those returned).
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Entity ids among all matching entries, with counts, most frequent
    /// first.
    pub entities: Vec<(String, u64)>,
    /// Relations among all matching entries (claims), with counts.
    pub relations: Vec<(String, u64)>,
    /// The gazetteer names found in the query.
    pub expansions: Vec<Expansion>,
    /// The `--entity` filters, resolved to ids.
    pub entity_filter: Vec<String>,
}

/// Runs `req` against the index.
pub(crate) fn search(
    ix: &CorpusIndex,
    req: &SearchRequest,
    catalog: &dyn EntityCatalog,
) -> Result<SearchResults> {
    let searcher = ix.searcher()?;
    let f = &ix.fields;
    let Prepared { query, text_query, entity_filter, expansions } =
        prepare(ix, &searcher, req, catalog)?;
    let collectors = (
        TopDocs::with_limit(req.limit.max(1)).order_by_score(),
        Count,
        StrCounts::new("entity"),
        if req.kind == HitKind::Claim { StrCounts::new("relation") } else { StrCounts::off() },
    );
    let (top, total, entities, relations) = searcher.search(&query, &collectors)?;

    let source_field = source_field(f, req.kind);
    let terms = match &text_query {
        Some(q) => term_weights(&searcher, q.as_ref(), source_field)?,
        None => HashMap::new(),
    };
    let mut marked: HashSet<&str> = entity_filter.iter().map(String::as_str).collect();
    marked.extend(expansions.iter().flat_map(|e| e.entities.iter().map(String::as_str)));
    let mut analyzer = ix.index.tokenizer_for_field(source_field)?;
    let mut hits = Vec::with_capacity(top.len());
    for (score, addr) in top.into_iter().take(req.limit) {
        let stored: TantivyDocument = searcher.doc(addr)?;
        let mut hit = read_hit(f, req.kind, score, &stored);
        let source = text(&stored, source_field).unwrap_or_default();
        let mut marks = term_marks(&mut analyzer, &source, &terms);
        let claim = req.kind == HitKind::Claim;
        let source_span = (hit.offsets.start, source.len());
        marks.extend(entity_marks(f, &stored, source_span, &marked, claim));
        hit.snippet = make_snippet(&source, hit.offsets.start, &marks, req.snippet_chars);
        hits.push(hit);
    }
    Ok(SearchResults {
        total,
        hits,
        entities: ranked(entities),
        relations: ranked(relations),
        expansions,
        entity_filter,
    })
}

/// The ids of every claim matching `query` (no limit, no snippets): the
/// search box of the review page.
pub(crate) fn claim_ids(
    ix: &CorpusIndex,
    query: &str,
    catalog: &dyn EntityCatalog,
) -> Result<HashSet<String>> {
    let searcher = ix.searcher()?;
    let req = SearchRequest::new(HitKind::Claim, query);
    let prepared = prepare(ix, &searcher, &req, catalog)?;
    let ids = searcher.search(&prepared.query, &StrCounts::new("claim_id"))?;
    Ok(ids.into_keys().collect())
}

/// A request turned into one tantivy query.
struct Prepared {
    /// Filters (scoring 0) AND the text query.
    query: BooleanQuery,
    /// The text query alone (for highlighting).
    text_query: Option<Box<dyn Query>>,
    entity_filter: Vec<String>,
    expansions: Vec<Expansion>,
}

fn prepare(
    ix: &CorpusIndex,
    searcher: &Searcher,
    req: &SearchRequest,
    catalog: &dyn EntityCatalog,
) -> Result<Prepared> {
    let f = &ix.fields;
    let entity_filter = req
        .entities
        .iter()
        .map(|name| resolve_entity(name, catalog, &|id| has_term(searcher, f.entity, id)))
        .collect::<Result<Vec<String>>>()?;
    let filters = filters(f, req, &entity_filter)?;
    let mut expansions = Vec::new();
    let text_query = text_query(ix, req, catalog, &mut expansions)?;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = filters
        .into_iter()
        .map(|q| (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>))
        .collect();
    if let Some(q) = &text_query {
        clauses.push((Occur::Must, q.box_clone()));
    }
    Ok(Prepared { query: BooleanQuery::new(clauses), text_query, entity_filter, expansions })
}

/// The stored text a kind's snippets come from.
fn source_field(f: &Fields, kind: HitKind) -> Field {
    match kind {
        HitKind::Doc => f.body,
        HitKind::Sentence => f.text,
        HitKind::Claim => f.evidence,
    }
}

/// The fields searched by words without a `field:` prefix, with boosts.
fn default_fields(f: &Fields, kind: HitKind) -> Vec<(Field, f32)> {
    match kind {
        HitKind::Doc => vec![(f.title, 2.0), (f.authors, 1.0), (f.body, 1.0)],
        HitKind::Sentence => vec![(f.text, 1.0)],
        HitKind::Claim => vec![(f.evidence, 1.0), (f.args, 1.0)],
    }
}

/// The kind, entity, relation and date filters.
fn filters(f: &Fields, req: &SearchRequest, entities: &[String]) -> Result<Vec<Box<dyn Query>>> {
    let mut out: Vec<Box<dyn Query>> = vec![term_query(f.kind, req.kind.as_str())];
    out.extend(entities.iter().map(|id| term_query(f.entity, id)));
    if let Some(relation) = req.relation {
        if req.kind != HitKind::Claim {
            return Err(Error::Invalid("a relation filter only applies to claims".into()));
        }
        out.push(term_query(f.relation, relation.as_str()));
    }
    if let (Some(from), Some(to)) = (req.from, req.to)
        && from > to
    {
        return Err(Error::Invalid(format!("the date range is empty: {from} is after {to}")));
    }
    // Overlap: entry.start <= to && entry.end >= from.
    if let Some(from) = req.from {
        out.push(date_range(f.date_end, from, DATE_MAX));
    }
    if let Some(to) = req.to {
        out.push(date_range(f.date_start, DATE_MIN, to));
    }
    Ok(out)
}

fn term_query(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
}

fn date_range(field: Field, lo: NaiveDate, hi: NaiveDate) -> Box<dyn Query> {
    let bound = |d| Bound::Included(Term::from_field_date(field, to_tantivy(d)));
    Box::new(RangeQuery::new(bound(lo), bound(hi)))
}

fn has_term(searcher: &Searcher, field: Field, value: &str) -> bool {
    searcher.doc_freq(&Term::from_field_text(field, value)).is_ok_and(|n| n > 0)
}

/// Parses the query text (with alias expansion), or `None` when it is
/// empty.
fn text_query(
    ix: &CorpusIndex,
    req: &SearchRequest,
    catalog: &dyn EntityCatalog,
    expansions: &mut Vec<Expansion>,
) -> Result<Option<Box<dyn Query>>> {
    let q = req.query.trim();
    if q.is_empty() {
        return Ok(None);
    }
    let q = &escape_inner_apostrophes(q);
    let ast = parse_query(q).map_err(|_| syntax_error(q))?;
    if matches!(&ast, UserInputAst::Clause(c) if c.is_empty()) {
        return Ok(None);
    }
    let ast =
        if req.expand_aliases { expand_aliases(ast, catalog, "entity", expansions) } else { ast };
    let fields = default_fields(&ix.fields, req.kind);
    let mut parser = QueryParser::for_index(&ix.index, fields.iter().map(|f| f.0).collect());
    parser.set_conjunction_by_default();
    for (field, boost) in fields {
        parser.set_field_boost(field, boost);
    }
    let query = parser
        .build_query_from_user_input_ast(ast)
        .map_err(|e| Error::Query(format!("`{q}`: {e}")))?;
    Ok(Some(query))
}

/// Escapes a straight apostrophe between two letters (`TTP's`, `don't`):
/// tantivy's grammar reads `'` as a phrase quote and would reject them.
fn escape_inner_apostrophes(q: &str) -> String {
    let chars: Vec<char> = q.chars().collect();
    let mut out = String::with_capacity(q.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let inner = i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c == '\'' && inner {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn syntax_error(q: &str) -> Error {
    let (_, errors) = parse_query_lenient(q);
    let detail = errors
        .first()
        .map(|e| format!(": {} (at character {})", e.message, e.pos))
        .unwrap_or_default();
    Error::Query(format!("cannot parse `{q}`{detail}; check quotes and parentheses"))
}

/// Analyzed term text → weight (BM25 idf) for the query's terms on `field`.
fn term_weights(searcher: &Searcher, q: &dyn Query, field: Field) -> Result<HashMap<String, f32>> {
    let mut terms: Vec<Term> = Vec::new();
    q.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.push(term.clone());
        }
    });
    let n = searcher.num_docs() as f32;
    let mut out = HashMap::new();
    for term in terms {
        let Some(word) = term.value().as_str().map(str::to_string) else { continue };
        let df = searcher.doc_freq(&term)? as f32;
        if df > 0.0 {
            out.insert(word, (1.0 + (n - df + 0.5) / (df + 0.5)).ln());
        }
    }
    Ok(out)
}

/// Marks for the stored mentions that lie inside the snippet source (which
/// starts at byte `base`): those of the matched entities, or every one for
/// a claim (its subject and object, so a claim always shows who and whom).
fn entity_marks(
    f: &Fields,
    stored: &TantivyDocument,
    (base, len): (usize, usize),
    entities: &HashSet<&str>,
    all: bool,
) -> Vec<Mark> {
    if entities.is_empty() && !all {
        return Vec::new();
    }
    let json = text(stored, f.mentions).unwrap_or_default();
    let mentions: Vec<(String, usize, usize)> = serde_json::from_str(&json).unwrap_or_default();
    mentions
        .into_iter()
        .filter(|(id, s, e)| {
            (all || entities.contains(id.as_str())) && *s >= base && *e <= base + len
        })
        .map(|(id, s, e)| Mark { span: Span::new(s - base, e - base), weight: 1.0, key: id })
        .collect()
}

fn text(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string)
}

fn texts(doc: &TantivyDocument, field: Field) -> Vec<String> {
    doc.get_all(field).filter_map(|v| v.as_str()).map(str::to_string).collect()
}

/// A hit from a stored entry (the snippet is filled in by the caller).
fn read_hit(f: &Fields, kind: HitKind, score: f32, stored: &TantivyDocument) -> Hit {
    let num = |field| stored.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0) as usize;
    let date = |field| stored.get_first(field).and_then(|v| v.as_datetime());
    let interval = match (date(f.date_start), date(f.date_end)) {
        (Some(s), Some(e)) => Some(Interval { start: from_tantivy(s), end: from_tantivy(e) }),
        _ => None,
    };
    let claim = text(stored, f.claim)
        .and_then(|json| serde_json::from_str::<Claim>(&json).ok())
        .map(|claim| ClaimHit { claim, status: text(stored, f.status).unwrap_or_default() });
    let offsets = Span::new(num(f.start), num(f.end).max(num(f.start)));
    Hit {
        doc: text(stored, f.doc).unwrap_or_default(),
        kind,
        score,
        offsets,
        snippet: Snippet {
            text: String::new(),
            offsets: Span::new(offsets.start, offsets.start),
            highlights: Vec::new(),
        },
        section: text(stored, f.section),
        title: text(stored, f.title),
        authors: texts(stored, f.authors),
        published: date(f.published).and_then(from_tantivy),
        entities: texts(stored, f.entity),
        date: interval,
        claim,
    }
}
