//! End to end in a real browser: `claimex serve`, Debian's headless
//! Chromium driven through chromedriver's WebDriver HTTP API, the `a` key
//! on the first claim, and the decision found in `review.jsonl`.
//!
//! Needs `chromium` and `chromedriver` on PATH: `.ci/browser.sh` installs
//! them (CI runs it before `cargo test`). Without them this test fails.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::review_fixture::{self as fx, Server, decisions, http, wait_for};
use crate::util::Scratch;

/// WebDriver's key for an element reference in JSON.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

fn require(name: &str) -> PathBuf {
    on_path(name).unwrap_or_else(|| {
        panic!(
            "`{name}` is not installed: run `.ci/browser.sh` (it installs Debian's chromium and \
             chromium-driver; CI runs it before `cargo test`)"
        )
    })
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A chromedriver process and one browser session in it.
struct Driver {
    child: Child,
    addr: String,
    session: Option<String>,
    _profile: tempfile::TempDir,
}

impl Driver {
    fn start(chromedriver: &PathBuf, chromium: &PathBuf) -> Driver {
        let port = free_port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let addr = format!("127.0.0.1:{port}");
        let profile = tempfile::tempdir().unwrap();
        // Built first, so the driver is killed even if it never comes up.
        let mut d = Driver { child, addr, session: None, _profile: profile };
        let up = wait_for(Duration::from_secs(30), || {
            std::net::TcpStream::connect(&d.addr).ok()?;
            let r = http(&d.addr, "GET", "/status", &[], None);
            (r.status == 200 && r.json()["value"]["ready"] == true).then_some(())
        });
        assert!(up.is_some(), "chromedriver did not start");
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            &format!("--user-data-dir={}", d._profile.path().display()),
        ];
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args},
        }}});
        let v = d.call("POST", "/session", caps);
        d.session = Some(v["sessionId"].as_str().expect("session id").to_string());
        d
    }

    /// One WebDriver command; returns its `value`, panics on an error.
    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let body = (method == "POST").then(|| body.to_string());
        let headers = [("Content-Type", "application/json; charset=utf-8")];
        let r = http(&self.addr, method, path, &headers, body.as_deref());
        assert_eq!(r.status, 200, "WebDriver {method} {path}: {}", r.body);
        r.json()["value"].clone()
    }

    fn session_call(&self, method: &str, path: &str, body: Value) -> Value {
        let sid = self.session.as_deref().unwrap();
        self.call(method, &format!("/session/{sid}{path}"), body)
    }

    fn script(&self, js: &str) -> Value {
        self.session_call("POST", "/execute/sync", json!({"script": js, "args": []}))
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(sid) = self.session.take() {
            let _ = std::panic::catch_unwind(|| {
                http(&self.addr, "DELETE", &format!("/session/{sid}"), &[], None)
            });
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn pressing_a_in_chromium_accepts_the_first_claim() {
    let chromium = require("chromium");
    let chromedriver = require("chromedriver");
    let s = Scratch::new();
    let claims = fx::build(&s);
    let server = Server::start(s.path(), &s.out());
    let driver = Driver::start(&chromedriver, &chromium);

    driver.session_call("POST", "/url", json!({"url": format!("http://{}/", server.addr)}));
    let card = driver.session_call(
        "POST",
        "/element",
        json!({"using": "css selector", "value": "article.claim"}),
    );
    let eid = card[ELEMENT].as_str().expect("a claim card");
    let first = driver.session_call("GET", &format!("/element/{eid}/attribute/data-id"), json!({}));
    assert_eq!(first, claims[0].id.as_str(), "the queue starts with the first claim");
    // The page's script selects the first card on load.
    let focused = wait_for(Duration::from_secs(20), || {
        let v = driver.script("return document.activeElement.dataset.id || null");
        (v == first).then_some(())
    });
    assert!(focused.is_some(), "the first card never got the focus");

    let keys = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
        {"type": "keyDown", "value": "a"}, {"type": "keyUp", "value": "a"}
    ]}]});
    driver.session_call("POST", "/actions", keys);

    let logged = wait_for(Duration::from_secs(20), || {
        decisions(&s.out()).into_iter().find(|d| d["claim"] == first)
    })
    .expect("the decision reaches review.jsonl");
    assert_eq!(logged["status"], "accepted");
    assert_eq!(logged["reviewer"], "tester");
    assert_eq!(decisions(&s.out()).len(), 1, "one key, one decision");

    // The page shows it: the card's status and the counter, and the next
    // card is now selected.
    let shown = wait_for(Duration::from_secs(20), || {
        let v = driver.script(
            "const c = document.querySelector('article.claim');\
             return [c.dataset.status, document.getElementById('reviewed').textContent,\
                     document.activeElement.dataset.id || null];",
        );
        (v[0] == "accepted").then_some(v)
    })
    .expect("the card shows the decision");
    assert_eq!(shown[1], "1");
    assert_eq!(shown[2], claims[1].id.as_str());
}
