//! Request guards: only the expected `Host` (against DNS rebinding); state
//! changes only with the session token, from the page's own origin, as
//! JSON; strict security headers on every response.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;

/// The header a state-changing request must carry the session token in.
pub const TOKEN_HEADER: &str = "x-claimex-token";

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// 32 random bytes as hex, from the operating system.
pub fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The `Host` values a server on loopback port `port` answers to.
pub fn loopback_hosts(port: u16) -> Vec<String> {
    ["127.0.0.1", "localhost", "[::1]"].iter().map(|h| format!("{h}:{port}")).collect()
}

fn refuse(status: StatusCode, why: &str) -> Response {
    (status, axum::Json(serde_json::json!({ "error": why }))).into_response()
}

/// Equal-time comparison, so the token cannot be guessed byte by byte.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn header(h: &HeaderMap, name: impl header::AsHeaderName) -> Option<&str> {
    h.get(name).and_then(|v| v.to_str().ok())
}

/// Checks a request before it reaches a handler and hardens the response.
pub async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let h = req.headers();
    let host = header(h, header::HOST).unwrap_or_default().to_string();
    let hosts = state.allowed_hosts();
    if let Some(hosts) = hosts
        && !hosts.iter().any(|a| a.eq_ignore_ascii_case(&host))
    {
        return refuse(StatusCode::MISDIRECTED_REQUEST, "unexpected Host header");
    }
    let safe = matches!(*req.method(), Method::GET | Method::HEAD);
    if !safe && let Err(why) = check_change(&state, h, &host) {
        return refuse(StatusCode::FORBIDDEN, why);
    }
    let mut resp = next.run(req).await;
    let rh = resp.headers_mut();
    rh.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    rh.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    rh.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    rh.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    rh.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    resp
}

/// A state-changing request must come from the page itself.
fn check_change(state: &AppState, h: &HeaderMap, host: &str) -> Result<(), &'static str> {
    match header(h, "sec-fetch-site") {
        None | Some("same-origin") | Some("none") => {}
        Some(_) => return Err("cross-site request refused"),
    }
    if let Some(origin) = header(h, header::ORIGIN) {
        let origin_host = origin.strip_prefix("http://").unwrap_or("");
        let ok = match state.allowed_hosts() {
            Some(hosts) => hosts.iter().any(|a| a.eq_ignore_ascii_case(origin_host)),
            None => origin_host.eq_ignore_ascii_case(host),
        };
        if !ok {
            return Err("cross-origin request refused");
        }
    }
    let token = header(h, TOKEN_HEADER).unwrap_or_default();
    if !same(token.as_bytes(), state.token().as_bytes()) {
        return Err("missing or wrong session token (reload the page)");
    }
    let json = header(h, header::CONTENT_TYPE)
        .is_some_and(|ct| ct.split(';').next().unwrap_or("").trim() == "application/json");
    if !json {
        return Err("state changes must be sent as application/json");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_eq!(a.len(), 64);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        assert!(same(a.as_bytes(), a.as_bytes()));
        assert!(!same(a.as_bytes(), b.as_bytes()));
        assert!(!same(a.as_bytes(), &a.as_bytes()[1..]));
    }
}
