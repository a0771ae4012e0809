//! `claimex serve`: every route at the HTTP level without a server (the
//! router driven with `oneshot`), the safety rules, and a real server
//! SIGKILLed right after acknowledging decisions.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use claimex::model::Claim;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use claimex::review::Session;
use claimex::review::queue::ClaimSearch;
use claimex::review::web::{AppState, WebOptions, app, guard::loopback_hosts};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::review_fixture::{self as fx, Server, decisions};
use crate::util::Scratch;

const HOST: &str = "127.0.0.1:8787";

struct Fixture {
    scratch: Scratch,
    claims: Vec<Claim>,
    router: Router,
    token: String,
}

fn fixture() -> Fixture {
    fixture_with(None)
}

fn fixture_with(search: Option<Arc<dyn ClaimSearch>>) -> Fixture {
    let scratch = Scratch::new();
    let claims = fx::build(&scratch);
    let session = Session::open(&scratch.out()).unwrap();
    let options =
        WebOptions { reviewer: "tester".into(), allowed_hosts: Some(loopback_hosts(8787)), search };
    let state = AppState::new(session, options).unwrap();
    let token = state.token().to_string();
    Fixture { scratch, claims, router: app(state), token }
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

impl Fixture {
    async fn send(&self, req: Request<Body>) -> Reply {
        let resp = self.router.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        Reply { status, headers, body: String::from_utf8(bytes.to_vec()).unwrap() }
    }

    async fn get(&self, uri: &str) -> Reply {
        self.send(Request::get(uri).header("host", HOST).body(Body::empty()).unwrap()).await
    }

    /// A state-changing request as the page sends it, with headers set
    /// (replaced) or dropped.
    fn change(&self, uri: &str, body: &str, set: &[(&str, &str)], drop: &[&str]) -> Request<Body> {
        let origin = format!("http://{HOST}");
        let mut headers = vec![
            ("host", HOST),
            ("content-type", "application/json"),
            ("x-claimex-token", self.token.as_str()),
            ("origin", origin.as_str()),
            ("sec-fetch-site", "same-origin"),
        ];
        for (k, v) in set {
            headers.retain(|(h, _)| h != k);
            headers.push((k, v));
        }
        headers.retain(|(h, _)| !drop.contains(h));
        let mut req = Request::post(uri);
        for (k, v) in headers {
            req = req.header(k, v);
        }
        req.body(Body::from(body.to_string())).unwrap()
    }

    async fn post(&self, uri: &str, body: Value) -> Reply {
        self.send(self.change(uri, &body.to_string(), &[], &[])).await
    }

    fn id(&self, i: usize) -> &str {
        &self.claims[i].id
    }
}

fn api(id: &str, action: &str) -> String {
    format!("/api/claims/{id}/{action}")
}

#[tokio::test]
async fn queue_page_lists_filters_and_escapes() {
    let f = fixture();
    let r = f.get("/").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.headers["content-type"].to_str().unwrap().starts_with("text/html"));
    let csp = r.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), "{csp}");
    assert_eq!(r.headers["x-frame-options"], "DENY");
    let page = &r.body;
    assert_eq!(fx::token_of(page), f.token);
    assert_eq!(page.matches("<article class=\"claim").count(), f.claims.len());
    assert!(
        page.contains(r#"<span id="reviewed">0</span> / <span id="total">10</span>"#),
        "counts"
    );
    // Highlights, rule and confidence.
    assert!(page.contains(r#"<mark class="subject">Afghan Taliban</mark>"#));
    assert!(page.contains(r#"<mark class="object">Kabul</mark>"#));
    assert!(page.contains(r#"<mark class="time">September 1996</mark>"#));
    assert!(page.contains(r#"<mark class="place">Bannu</mark>"#));
    assert!(page.contains("controls.captured") && page.contains("confidence 0.70"));
    // Document text is escaped: the <script> in the hostile note is text.
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<script>alert"));
    assert_eq!(page.matches("<script").count(), 1, "only our own script");
    // No external resources.
    for attr in ["src=\"http", "href=\"http", "url(http", "@import"] {
        assert!(!page.contains(attr), "{attr}");
    }
    // The entity picker lists the run's entities.
    assert!(page.contains(r#"<option value="ttp">Tehreek-e-Taliban Pakistan (actor)</option>"#));

    let count = |body: &str| body.matches("<article class=\"claim").count();
    let cases = [
        ("/?status=all&relation=supports", 3),
        ("/?relation=fights&modality=asserted", 2),
        ("/?modality=reported", 2),
        ("/?entity=afghanistan", 1),
        (&format!("/?doc={}", "notes%2Fhostile.txt"), 1),
        ("/?q=staunch+SUPPORTER", 1),
        ("/?status=accepted", 0),
    ];
    for (uri, n) in cases {
        let r = f.get(uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        assert_eq!(count(&r.body), n, "{uri}");
    }
    let r = f.get("/?status=finished").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("unknown review status"));
}

/// A search backend standing in for the corpus index: answers with the
/// ids it is given and records the queries.
#[derive(Default)]
struct FakeIndex {
    ids: Mutex<HashSet<String>>,
    queries: Mutex<Vec<String>>,
}

impl ClaimSearch for FakeIndex {
    fn claim_ids(&self, query: &str) -> claimex::Result<HashSet<String>> {
        self.queries.lock().unwrap().push(query.to_string());
        Ok(self.ids.lock().unwrap().clone())
    }
}

#[tokio::test]
async fn search_box_uses_the_search_backend_when_there_is_one() {
    let index = Arc::new(FakeIndex::default());
    let f = fixture_with(Some(index.clone()));
    // "safe haven" is in no sentence; the index finds the sanctuary claim.
    let sanctuary = f.claims.iter().find(|c| c.evidence.sentence.contains("sanctuaries")).unwrap();
    index.ids.lock().unwrap().insert(sanctuary.id.clone());
    let r = f.get("/?status=all&q=%22safe+haven%22").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.matches("<article class=\"claim").count(), 1);
    assert!(r.body.contains(&format!("data-id=\"{}\"", sanctuary.id)));
    assert_eq!(*index.queries.lock().unwrap(), ["\"safe haven\""]);
    // Without a query the index is not asked.
    let r = f.get("/?status=all").await;
    assert_eq!(r.body.matches("<article class=\"claim").count(), 10);
    assert_eq!(index.queries.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn assets_and_unknown_routes() {
    let f = fixture();
    let js = f.get("/assets/app.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.headers["content-type"].to_str().unwrap().starts_with("text/javascript"));
    assert!(js.body.contains("X-Claimex-Token"));
    let css = f.get("/assets/app.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.headers["content-type"].to_str().unwrap().starts_with("text/css"));
    for body in [&js.body, &css.body] {
        assert!(!body.contains("http://") && !body.contains("https://"), "no external URL");
    }
    for uri in ["/nope", "/assets/../../Cargo.toml", "/assets/%2e%2e/claims.jsonl", "/claims.jsonl"]
    {
        let r = f.get(uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(!r.body.contains("\"subject\""), "{uri} leaked a file");
    }
}

#[tokio::test]
async fn decisions_are_logged_before_they_are_acknowledged() {
    let f = fixture();
    let id = f.id(1).to_string();
    let r = f.post(&api(&id, "decision"), json!({"status": "accepted", "note": "ok"})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    assert_eq!(v["status"], "accepted");
    assert_eq!((v["reviewed"].as_u64(), v["total"].as_u64()), (Some(1), Some(10)));
    assert!(v["card"].as_str().unwrap().contains("status-accepted"));
    let log = decisions(&f.scratch.out());
    assert_eq!(log.len(), 1);
    assert_eq!(log[0]["claim"], id.as_str());
    assert_eq!(log[0]["reviewer"], "tester");
    assert_eq!(log[0]["note"], "ok");

    let r =
        f.post(&api(f.id(2), "decision"), json!({"status": "rejected", "reviewer": "ana"})).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(decisions(&f.scratch.out())[1]["reviewer"], "ana");
    let page = f.get("/?status=all").await.body;
    assert!(page.contains(r#"<span id="reviewed">2</span>"#));
    assert_eq!(f.get("/").await.body.matches("<article class=\"claim").count(), 8, "todo");

    let r = f.post(&api(f.id(0), "decision"), json!({"status": "maybe"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = f.post(&api("no-such-claim", "decision"), json!({"status": "accepted"})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(decisions(&f.scratch.out()).len(), 2);
}

#[tokio::test]
async fn edits_and_undo() {
    let f = fixture();
    let id = f.id(0).to_string();
    let body = json!({
        "relation": "controls", "subject": "afghan_taliban", "object": "Afghanistan",
        "start_date": "1996-09-01", "end_date": "2001-11-30", "polarity": "positive",
        "modality": "asserted", "note": "the country"
    });
    let r = f.post(&api(&id, "edit"), body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    assert_eq!(v["status"], "edited");
    assert_eq!(v["decision"]["edits"]["object"]["id"], "afghanistan");
    assert!(v["decision"]["edits"].get("relation").is_none(), "unchanged fields are not edits");
    assert!(v["card"].as_str().unwrap().contains("2001-11-30"));

    let r = f.post(&api(&id, "edit"), json!({"object": "Atlantis"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["error"].as_str().unwrap().contains("unknown entity"));

    let r = f.post(&api(&id, "undo"), json!({})).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["status"], "pending");
    let r = f.post(&api(&id, "undo"), json!({})).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "nothing left to undo");
    let log = decisions(&f.scratch.out());
    let statuses: Vec<_> = log.iter().map(|d| d["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["edited", "undone"]);
}

#[tokio::test]
async fn context_is_the_escaped_paragraph() {
    let f = fixture();
    let r = f.get(&format!("/claims/{}/context", f.id(1))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<mark class=\"sentence\">Pakistan, at this stage, was a staunch"));
    assert!(r.body.contains("Islamabad viewed it as a friendly government"), "{}", r.body);
    let hostile = f.claims.iter().find(|c| c.doc == fx::HOSTILE).unwrap();
    let r = f.get(&format!("/claims/{}/context", hostile.id)).await;
    assert!(r.body.contains("&lt;script&gt;") && !r.body.contains("<script"), "{}", r.body);
    assert_eq!(f.get("/claims/nope/context").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_document_id_never_leads_outside_the_output_folder() {
    let f = fixture();
    std::fs::write(f.scratch.path().join("secret.txt"), "TOP SECRET").unwrap();
    let mut claims = f.claims.clone();
    claims[0].doc = "../../secret".into();
    claims[1].doc = "/etc/passwd".into();
    fx::write_claims(&f.scratch, &claims);
    for c in &claims[..2] {
        let r = f.get(&format!("/claims/{}/context", c.id)).await;
        assert_ne!(r.status, StatusCode::OK, "{}", c.doc);
        assert!(!r.body.contains("TOP SECRET") && !r.body.contains("root:"), "{}", r.body);
    }
}

#[tokio::test]
async fn state_changes_need_the_token_the_origin_and_json() {
    let f = fixture();
    let uri = api(f.id(0), "decision");
    let body = json!({"status": "accepted"}).to_string();
    let zeros = "0".repeat(64);
    // (what, headers set, headers dropped, expected status)
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str], StatusCode);
    let cases: &[Case] = &[
        ("no token", &[], &["x-claimex-token"], StatusCode::FORBIDDEN),
        ("wrong token", &[("x-claimex-token", &zeros)], &[], StatusCode::FORBIDDEN),
        ("cross-site fetch", &[("sec-fetch-site", "cross-site")], &[], StatusCode::FORBIDDEN),
        ("same-site fetch", &[("sec-fetch-site", "same-site")], &[], StatusCode::FORBIDDEN),
        ("foreign origin", &[("origin", "http://evil.example")], &[], StatusCode::FORBIDDEN),
        ("null origin", &[("origin", "null")], &[], StatusCode::FORBIDDEN),
        (
            "form post",
            &[("content-type", "application/x-www-form-urlencoded")],
            &[],
            StatusCode::FORBIDDEN,
        ),
        ("no content type", &[], &["content-type"], StatusCode::FORBIDDEN),
        ("rebound host", &[("host", "evil.example:8787")], &[], StatusCode::MISDIRECTED_REQUEST),
    ];
    for (what, set, drop, want) in cases {
        let r = f.send(f.change(&uri, &body, set, drop)).await;
        assert_eq!(r.status, *want, "{what}: {}", r.body);
    }
    // A page from another host cannot even read the queue (DNS rebinding).
    let r = f
        .send(Request::get("/").header("host", "attacker.example").body(Body::empty()).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::MISDIRECTED_REQUEST);
    assert!(decisions(&f.scratch.out()).is_empty(), "nothing was recorded");
}

#[test]
fn sigkill_right_after_acknowledgement_loses_nothing() {
    let s = Scratch::new();
    let claims = fx::build(&s);
    let mut acknowledged = Vec::new();
    // Two server lives, each killed with SIGKILL the moment its last
    // decision is acknowledged.
    for round in 0..2 {
        let server = Server::start(s.path(), &s.out());
        let token = server.token();
        for (i, c) in claims.iter().enumerate().skip(round * 4).take(4) {
            let (action, body) = match i % 3 {
                0 => ("decision", json!({"status": "accepted"})),
                1 => ("decision", json!({"status": "rejected", "note": format!("n{i}")})),
                _ => ("edit", json!({"polarity": "negative"})),
            };
            let r = server.post(&token, &api(&c.id, action), &body.to_string());
            assert_eq!(r.status, 200, "{}", r.body);
            acknowledged.push(r.json()["decision"].clone());
        }
        server.kill();
        let log = decisions(&s.out());
        assert_eq!(log, acknowledged, "round {round}: every acknowledged decision is on disk");
    }
    // The CLI sees them all after the crash.
    let o = s.claimex(&["review", "list", "--json", "--status", "all"]);
    let statuses: Vec<Value> = crate::util::stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["status"].clone())
        .collect();
    let decided = statuses.iter().filter(|s| *s != "pending").count();
    assert_eq!(decided, 8);
}

#[test]
fn server_and_cli_write_the_same_log() {
    let s = Scratch::new();
    let claims = fx::build(&s);
    let server = Server::start(s.path(), &s.out());
    let token = server.token();
    let cli = {
        let ids: Vec<String> = claims[5..].iter().map(|c| c.id.clone()).collect();
        let dir = s.path().to_path_buf();
        std::thread::spawn(move || {
            for id in ids {
                let o = std::process::Command::new(env!("CARGO_BIN_EXE_claimex"))
                    .current_dir(&dir)
                    .args(["review", "reject", &id])
                    .output()
                    .unwrap();
                assert!(o.status.success());
            }
        })
    };
    for c in &claims[..5] {
        let r = server.post(&token, &api(&c.id, "decision"), r#"{"status":"accepted"}"#);
        assert_eq!(r.status, 200, "{}", r.body);
    }
    cli.join().unwrap();
    let log = decisions(&s.out());
    assert_eq!(log.len(), claims.len());
    // The server sees the CLI's decisions on its next request.
    let page = fx::http(&server.addr, "GET", "/?status=all", &[], None).body;
    assert!(page.contains(&format!(r#"<span id="reviewed">{}</span>"#, claims.len())), "{page}");
}
