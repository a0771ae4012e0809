//! The route handlers. Each runs its file work on the blocking pool and
//! answers a decision only once it is durably in the log.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::{AppState, page};
use crate::error::Error;
use crate::model::{Decision, DecisionStatus};
use crate::review::edit::EditRequest;
use crate::review::output;
use crate::review::queue::Filter;
use crate::review::session::Session;

/// Cards per page.
const PAGE: usize = 100;

/// An error answered as JSON (API) or as a small HTML page.
pub(super) struct AppError {
    status: StatusCode,
    message: String,
    html: bool,
}

impl AppError {
    fn new(status: StatusCode, message: impl Into<String>) -> AppError {
        AppError { status, message: message.into(), html: false }
    }

    fn html(mut self) -> AppError {
        self.html = true;
        self
    }
}

impl From<Error> for AppError {
    fn from(e: Error) -> AppError {
        let status = match e {
            Error::Invalid(_) | Error::Review(_) => StatusCode::UNPROCESSABLE_ENTITY,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        AppError::new(status, e.to_string())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if self.html {
            (self.status, Html(page::error_page(&self.message).into_string())).into_response()
        } else {
            (self.status, Json(json!({ "error": self.message }))).into_response()
        }
    }
}

/// Runs `f` with the session on the blocking pool, after picking up a new
/// run's files.
async fn with_session<T, F>(state: &AppState, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&Session) -> Result<T, AppError> + Send + 'static,
{
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let lock = state.session();
        lock.write().unwrap_or_else(|p| p.into_inner()).refresh()?;
        let session = lock.read().unwrap_or_else(|p| p.into_inner());
        f(&session)
    })
    .await
    .map_err(|e| AppError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
}

/// The query of the queue page.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct IndexQuery {
    status: Option<String>,
    doc: String,
    relation: String,
    entity: String,
    modality: String,
    q: String,
    from: Option<usize>,
}

impl IndexQuery {
    fn filter(&self) -> Filter {
        Filter {
            status: self.status.clone().unwrap_or_else(|| "todo".into()),
            doc: self.doc.clone(),
            relation: self.relation.clone(),
            entity: self.entity.clone(),
            modality: self.modality.clone(),
            q: self.q.clone(),
        }
    }
}

/// `GET /`: the queue page.
pub(super) async fn index(
    State(state): State<AppState>,
    Query(query): Query<IndexQuery>,
) -> Result<Html<String>, AppError> {
    let st = state.clone();
    with_session(&state, move |s| render_index(&st, s, &query).map_err(AppError::html)).await
}

fn render_index(
    state: &AppState,
    s: &Session,
    query: &IndexQuery,
) -> Result<Html<String>, AppError> {
    let filter = query.filter();
    let (joined, log) = s.joined()?;
    let mut warnings: Vec<String> = log
        .warnings
        .iter()
        .map(|w| format!("{}:{}: {}", s.log().path().display(), w.line, w.message))
        .collect();
    if !joined.orphans.is_empty() {
        warnings.push(format!(
            "{} decisions concern claims no longer in this run; they stay in the log.",
            joined.orphans.len()
        ));
    }
    let mut matcher = filter.compile().map_err(|e| AppError::from(e).html())?;
    if let Some(search) = state.search().filter(|_| !filter.q.trim().is_empty()) {
        match search.claim_ids(&filter.q) {
            Ok(ids) => matcher = matcher.with_ids(ids),
            Err(e) => warnings.push(format!("search failed ({e}); matching words instead")),
        }
    }
    let hits = matcher.apply(&joined.claims);
    let from = query.from.unwrap_or(0).min(hits.len());
    let shown = &hits[from..(from + PAGE).min(hits.len())];
    let cards: Vec<_> = shown.iter().map(|rc| (*rc, s.documents().get(&rc.claim.doc))).collect();
    let mut docs: Vec<&str> = s.documents().keys().map(String::as_str).collect();
    docs.extend(s.claims().iter().map(|c| c.doc.as_str()));
    docs.sort_unstable();
    docs.dedup();
    let next = (from + PAGE < hits.len()).then(|| next_query(&filter, from + PAGE));
    let counts = joined.counts();
    let data = page::PageData {
        token: state.token(),
        reviewer: state.reviewer(),
        filter: &filter,
        counts: &counts,
        docs,
        entities: s.catalog().entities(),
        matching: hits.len(),
        from,
        next,
        warnings,
    };
    Ok(Html(page::page(&data, &cards).into_string()))
}

fn next_query(f: &Filter, from: usize) -> String {
    let pairs = [
        ("status", f.status.as_str()),
        ("doc", &f.doc),
        ("relation", &f.relation),
        ("entity", &f.entity),
        ("modality", &f.modality),
        ("q", &f.q),
    ];
    let mut out: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    out.push(format!("from={from}"));
    out.join("&")
}

/// Percent-encodes a query value (everything but unreserved characters).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `GET /claims/{id}/context`: the paragraph around the evidence.
pub(super) async fn context(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    with_session(&state, move |s| {
        let claim = s.claim(&id).ok_or_else(|| unknown(&id))?;
        let text = output::read_text(s.out(), &claim.doc).map_err(|e| match e {
            Error::Io { .. } => AppError::new(
                StatusCode::NOT_FOUND,
                format!("the extracted text of {} is not in the output folder", claim.doc),
            ),
            other => other.into(),
        })?;
        let html = match output::paragraph(&text, &claim.evidence) {
            Some(p) => page::context(&p),
            None => page::context_missing("The sentence is no longer in the document's text."),
        };
        Ok(Html(html.into_string()))
    })
    .await
}

fn unknown(id: &str) -> AppError {
    AppError::new(StatusCode::NOT_FOUND, format!("no claim `{id}`"))
}

/// Body of `POST /api/claims/{id}/decision`.
#[derive(Debug, Deserialize)]
pub(super) struct DecisionBody {
    status: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    reviewer: Option<String>,
}

/// Body of `POST /api/claims/{id}/edit`.
#[derive(Debug, Deserialize)]
pub(super) struct EditBody {
    #[serde(flatten)]
    edit: EditRequest,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    reviewer: Option<String>,
}

/// Body of `POST /api/claims/{id}/undo`.
#[derive(Debug, Default, Deserialize)]
pub(super) struct UndoBody {
    #[serde(default)]
    reviewer: Option<String>,
}

fn reviewer(state: &AppState, given: Option<String>) -> String {
    given
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| state.reviewer().to_string())
}

/// The answer to a recorded decision: the new status, counts and card.
fn decided(s: &Session, d: Decision) -> Result<Json<serde_json::Value>, AppError> {
    let (joined, _) = s.joined()?;
    let counts = joined.counts();
    let (status, card) = match joined.get(&d.claim) {
        Some(rc) => {
            (rc.status.as_str(), page::card(rc, s.documents().get(&rc.claim.doc)).into_string())
        }
        None => ("pending", String::new()),
    };
    Ok(Json(json!({
        "claim": d.claim,
        "status": status,
        "reviewed": counts.reviewed,
        "total": counts.total,
        "decision": d,
        "card": card,
    })))
}

/// `POST /api/claims/{id}/decision`: accept or reject.
pub(super) async fn decision(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Json(body): Json<DecisionBody>,
) -> Result<Json<serde_json::Value>, AppError> {
    let status = match body.status.as_str() {
        "accepted" | "accept" => DecisionStatus::Accepted,
        "rejected" | "reject" => DecisionStatus::Rejected,
        other => {
            return Err(AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("unknown verdict `{other}` (accepted, rejected)"),
            ));
        }
    };
    let who = reviewer(&state, body.reviewer);
    with_session(&state, move |s| {
        s.claim(&id).ok_or_else(|| unknown(&id))?;
        let mut ds = s.decide(std::slice::from_ref(&id), status, body.note, &who)?;
        decided(s, ds.remove(0))
    })
    .await
}

/// `POST /api/claims/{id}/edit`: record corrections.
pub(super) async fn edit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Json(body): Json<EditBody>,
) -> Result<Json<serde_json::Value>, AppError> {
    let who = reviewer(&state, body.reviewer);
    with_session(&state, move |s| {
        s.claim(&id).ok_or_else(|| unknown(&id))?;
        let d = s.edit(&id, &body.edit, body.note, &who)?;
        decided(s, d)
    })
    .await
}

/// `POST /api/claims/{id}/undo`: withdraw the decision in force.
pub(super) async fn undo(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Json(body): Json<UndoBody>,
) -> Result<Json<serde_json::Value>, AppError> {
    let who = reviewer(&state, body.reviewer);
    with_session(&state, move |s| {
        s.claim(&id).ok_or_else(|| unknown(&id))?;
        let d = s.undo(&id, &who).map_err(|e| match e {
            Error::Review(m) => AppError::new(StatusCode::CONFLICT, m),
            other => other.into(),
        })?;
        decided(s, d)
    })
    .await
}

const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/app.css");

/// `GET /assets/app.js`.
pub(super) async fn script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], SCRIPT).into_response()
}

/// `GET /assets/app.css`.
pub(super) async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE).into_response()
}

/// Anything else.
pub(super) async fn not_found() -> AppError {
    AppError::new(StatusCode::NOT_FOUND, "no such page")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_page_query_is_encoded() {
        let f = Filter { status: "todo".into(), q: "a&b c".into(), ..Filter::default() };
        assert_eq!(next_query(&f, 100), "status=todo&q=a%26b%20c&from=100");
    }
}
