//! The local review web page: [`app`] builds the axum router (testable
//! without a server), [`serve`] runs it on a bound listener.
//!
//! Routes:
//!
//! | method | path | what |
//! | --- | --- | --- |
//! | GET | `/` | the queue page; query `status` (`todo` by default, `all`, or a status), `doc`, `relation`, `entity`, `modality`, `q`, `from` |
//! | GET | `/claims/{id}/context` | HTML fragment: the paragraph around the evidence sentence |
//! | POST | `/api/claims/{id}/decision` | JSON `{"status": "accepted"\|"rejected", "note"?, "reviewer"?}` |
//! | POST | `/api/claims/{id}/edit` | JSON `{"relation"?, "subject"?, "object"?, "polarity"?, "modality"?, "start_date"?, "end_date"?, "note"?, "reviewer"?}` |
//! | POST | `/api/claims/{id}/undo` | JSON `{"reviewer"?}` |
//! | GET | `/assets/app.js`, `/assets/app.css` | the page's script and style |
//!
//! A POST answers, once the decision is on disk, with JSON `{"claim",
//! "status", "reviewed", "total", "decision", "card"}` (`card`: the claim's
//! re-rendered HTML). Safety: see [`guard`].

pub mod guard;
mod handlers;
mod highlight;
mod page;

use std::sync::{Arc, RwLock};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::review::queue::ClaimSearch;
use crate::review::session::Session;

/// How the page behaves.
#[derive(Clone, Default)]
pub struct WebOptions {
    /// Reviewer name used when a request gives none.
    pub reviewer: String,
    /// `Host` values to answer (e.g. [`guard::loopback_hosts`]); `None`
    /// answers any host (when bound to a non-loopback address).
    pub allowed_hosts: Option<Vec<String>>,
    /// What backs the search box (the corpus index); `None` matches the
    /// query's words as substrings of the sentence and the names.
    pub search: Option<Arc<dyn ClaimSearch>>,
}

impl std::fmt::Debug for WebOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebOptions")
            .field("reviewer", &self.reviewer)
            .field("allowed_hosts", &self.allowed_hosts)
            .field("search", &self.search.is_some())
            .finish()
    }
}

/// The state shared by every request.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    session: RwLock<Session>,
    token: String,
    options: WebOptions,
}

impl AppState {
    /// State for one server run, with a fresh random session token.
    pub fn new(session: Session, options: WebOptions) -> std::io::Result<AppState> {
        let token = guard::new_token()?;
        Ok(AppState(Arc::new(Inner { session: RwLock::new(session), token, options })))
    }

    /// The token every state-changing request must carry in the
    /// [`guard::TOKEN_HEADER`] header (it is embedded in the page).
    pub fn token(&self) -> &str {
        &self.0.token
    }

    /// The accepted `Host` values, if restricted.
    pub fn allowed_hosts(&self) -> Option<&[String]> {
        self.0.options.allowed_hosts.as_deref()
    }

    fn reviewer(&self) -> &str {
        &self.0.options.reviewer
    }

    fn search(&self) -> Option<&dyn ClaimSearch> {
        self.0.options.search.as_deref()
    }

    fn session(&self) -> &RwLock<Session> {
        &self.0.session
    }
}

/// Largest request body accepted.
const BODY_LIMIT: usize = 64 * 1024;

/// The router of the review page.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/", get(handlers::index))
        .route("/claims/{id}/context", get(handlers::context))
        .route("/api/claims/{id}/decision", post(handlers::decision))
        .route("/api/claims/{id}/edit", post(handlers::edit))
        .route("/api/claims/{id}/undo", post(handlers::undo))
        .route("/assets/app.js", get(handlers::script))
        .route("/assets/app.css", get(handlers::style))
        .fallback(handlers::not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(state.clone(), guard::guard))
        .with_state(state)
}

/// Serves the page on `listener` until Ctrl-C (or SIGTERM).
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, app(state)).with_graceful_shutdown(shutdown()).await
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
