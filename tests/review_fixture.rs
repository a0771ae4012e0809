//! Shared by the review, serve, export and browser tests: a run's
//! `output/` (claims, documents, entities, extracted text) built from real
//! sentences of the sample article read through the real ingest, a tiny
//! HTTP/1.1 client, and a way to start `claimex serve`.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use claimex::ingest::{IngestOptions, discover, extract};
use claimex::model::{
    Argument, Claim, ClaimTime, Entity, Evidence, Modality, Place, Polarity, Relation, Source,
    Span, TimeOrigin,
};
use sha2::{Digest, Sha256};

use crate::util::Scratch;

/// The sample article's document id.
pub const SAMPLE: &str = "zahid-2026-taliban-ttp-nexus.md";
/// A document whose text contains markup.
pub const HOSTILE: &str = "notes/hostile.txt";
const HOSTILE_TEXT: &str = "Field notes\n\nThe leaflet, pasted into the report as \
    <script>alert(1)</script>, said the TTP attacked Pakistani forces in Bannu.\n";

fn entity(id: &str, etype: &str, name: &str, aliases: &[&str]) -> Entity {
    Entity {
        id: id.into(),
        etype: etype.into(),
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        ..Entity::default()
    }
}

/// The entities of the fixture run.
pub fn entities() -> Vec<Entity> {
    vec![
        entity("afghan_taliban", "actor", "Afghan Taliban", &["Taliban", "Taliban regime"]),
        entity("ttp", "actor", "Tehreek-e-Taliban Pakistan", &["TTP", "Pakistani Taliban"]),
        entity("pakistan", "actor", "Pakistan", &["Pakistani state", "Pakistani forces"]),
        entity("al_qaeda", "actor", "Al-Qaeda", &["al-Qaeda"]),
        entity("usa", "actor", "United States", &["U.S.", "US forces"]),
        entity("afghanistan", "place", "Afghanistan", &[]),
        entity("kabul", "place", "Kabul", &[]),
        entity("bannu", "place", "Bannu", &[]),
    ]
}

/// What one fixture claim says.
struct Spec {
    doc: &'static str,
    sentence: &'static str,
    subject: (&'static str, &'static str),
    relation: Relation,
    object: (&'static str, &'static str),
    polarity: Polarity,
    modality: Modality,
    source: Option<&'static str>,
    time: Option<(&'static str, &'static str, &'static str, TimeOrigin)>,
    place: Option<(&'static str, &'static str)>,
    rule: &'static str,
}

fn specs() -> Vec<Spec> {
    let base = |sentence, subject, relation, object, rule| Spec {
        doc: SAMPLE,
        sentence,
        subject,
        relation,
        object,
        polarity: Polarity::Positive,
        modality: Modality::Asserted,
        source: None,
        time: None,
        place: None,
        rule,
    };
    vec![
        Spec {
            time: Some(("September 1996", "1996-09-01", "1996-09-30", TimeOrigin::Sentence)),
            place: Some(("Kabul", "kabul")),
            ..base(
                "When the Afghan Taliban captured Kabul in September 1996, they quickly \
                 established the Islamic Emirate of Afghanistan, which was recognized by only \
                 three countries: Pakistan, Saudi Arabia, and the United Arab Emirates.",
                ("Afghan Taliban", "afghan_taliban"),
                Relation::Controls,
                ("Kabul", "kabul"),
                "controls.captured",
            )
        },
        Spec {
            time: Some(("1996–2001", "1996-01-01", "2001-12-31", TimeOrigin::Section)),
            ..base(
                "Pakistan, at this stage, was a staunch supporter of the Taliban regime in Kabul.",
                ("Pakistan", "pakistan"),
                Relation::Supports,
                ("Taliban regime", "afghan_taliban"),
                "supports.supporter_of",
            )
        },
        base(
            "Though Pakistani forces fought against the TTP, they did not do much against the \
             Afghan Taliban.",
            ("Pakistani forces", "pakistan"),
            Relation::Fights,
            ("TTP", "ttp"),
            "fights.fought_against",
        ),
        Spec {
            polarity: Polarity::Negative,
            ..base(
                "Though Pakistani forces fought against the TTP, they did not do much against the \
                 Afghan Taliban.",
                ("Pakistani forces", "pakistan"),
                Relation::Fights,
                ("Afghan Taliban", "afghan_taliban"),
                "fights.did_not",
            )
        },
        base(
            "Conversely, the TTP received training, logistical support, and ideological guidance \
             from both the Afghan Taliban and Al-Qaeda, along with foreign fighters from various \
             Islamist groups.",
            ("Afghan Taliban", "afghan_taliban"),
            Relation::Supports,
            ("TTP", "ttp"),
            "supports.received_from",
        ),
        base(
            "Conversely, the TTP received training, logistical support, and ideological guidance \
             from both the Afghan Taliban and Al-Qaeda, along with foreign fighters from various \
             Islamist groups.",
            ("Al-Qaeda", "al_qaeda"),
            Relation::Supports,
            ("TTP", "ttp"),
            "supports.received_from",
        ),
        Spec {
            modality: Modality::Reported,
            source: Some("U.S. forces"),
            ..base(
                "U.S. forces consistently reported that Pakistani Taliban fighters took part in \
                 cross-border attacks.",
                ("Pakistani Taliban", "ttp"),
                Relation::Attacks,
                ("U.S. forces", "usa"),
                "attacks.took_part",
            )
        },
        Spec {
            time: Some(("August 2021", "2021-08-01", "2021-08-31", TimeOrigin::Section)),
            ..base(
                "More than 8,000 of its fighters, imprisoned in Afghan jails, were released by the \
                 Afghan Taliban authorities.",
                ("Afghan Taliban", "afghan_taliban"),
                Relation::Releases,
                ("its fighters", "ttp"),
                "releases.passive",
            )
        },
        Spec {
            modality: Modality::Reported,
            source: Some("credible reports"),
            time: Some(("2021–Present", "2021-01-01", "", TimeOrigin::Section)),
            ..base(
                "Despite formal denials, credible reports indicate that the TTP leadership operates \
                 from sanctuaries in eastern Afghanistan, particularly Kunar, Nangarhar, and Khost.",
                ("TTP", "ttp"),
                Relation::OperatesIn,
                ("Afghanistan", "afghanistan"),
                "operates_in.operates_from",
            )
        },
        Spec {
            doc: HOSTILE,
            place: Some(("Bannu", "bannu")),
            ..base(
                "The leaflet, pasted into the report as <script>alert(1)</script>, said the TTP \
                 attacked Pakistani forces in Bannu.",
                ("TTP", "ttp"),
                Relation::Attacks,
                ("Pakistani forces", "pakistan"),
                "attacks.attacked",
            )
        },
    ]
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn date(s: &str) -> Option<NaiveDate> {
    (!s.is_empty()).then(|| s.parse().unwrap())
}

/// A stable id the way the extractor makes one: from doc, subject,
/// relation, object, section and occurrence, not from the sentence text.
fn claim_id(doc: &str, subject: &str, relation: Relation, object: &str, n: usize) -> String {
    let key = format!("{doc}\u{1f}{subject}\u{1f}{relation}\u{1f}{object}\u{1f}\u{1f}{n}");
    hex(&Sha256::digest(key.as_bytes())[..8])
}

fn argument(text: &str, (surface, id): (&str, &str), at: usize) -> Argument {
    let e = entities().into_iter().find(|e| e.id == id).expect("fixture entity");
    let start = at + text[at..].find(surface).expect("argument in sentence");
    Argument {
        entity: e.id,
        name: e.name,
        text: surface.into(),
        etype: e.etype,
        span: Some(Span { start, end: start + surface.len() }),
    }
}

fn jsonl<T: serde::Serialize>(items: &[T]) -> String {
    items.iter().map(|i| serde_json::to_string(i).unwrap() + "\n").collect()
}

/// Writes the corpus and a run's `output/` into `s`; returns the claims.
pub fn build(s: &Scratch) -> Vec<Claim> {
    s.copy_into_corpus(&crate::util::sample_article(), SAMPLE);
    s.write(&format!("corpus/{HOSTILE}"), HOSTILE_TEXT);
    let out = s.out();
    let mut texts = std::collections::HashMap::new();
    let mut documents = Vec::new();
    for file in discover(&s.corpus()).unwrap() {
        let bytes = std::fs::read(&file.path).unwrap();
        let doc = extract(&file, &bytes, &IngestOptions::default()).expect("ingest");
        let id = doc.id.0.clone();
        s.write(&format!("output/text/{id}.txt"), &doc.text);
        documents.push(serde_json::json!({
            "doc": id,
            "sha256": doc.sha256,
            "title": doc.meta.title,
            "authors": doc.meta.authors,
            "published": doc.meta.published,
            "doi": doc.meta.doi,
            "source_format": doc.format.as_str(),
            "chars": doc.text.chars().count(),
        }));
        texts.insert(id, doc.text);
    }
    let mut seen = std::collections::HashMap::new();
    let claims: Vec<Claim> = specs()
        .into_iter()
        .map(|sp| {
            let text = &texts[sp.doc];
            let start = text
                .find(sp.sentence)
                .unwrap_or_else(|| panic!("sentence not in {}: {}", sp.doc, sp.sentence));
            let n = seen.entry((sp.doc, sp.subject.1, sp.relation, sp.object.1)).or_insert(0);
            *n += 1;
            Claim {
                id: claim_id(sp.doc, sp.subject.1, sp.relation, sp.object.1, *n),
                doc: sp.doc.into(),
                subject: argument(text, sp.subject, start),
                relation: sp.relation,
                object: argument(text, sp.object, start),
                polarity: sp.polarity,
                modality: sp.modality,
                source: sp.source.map(|t| Source { entity: None, text: t.into() }),
                time: sp.time.map(|(t, a, b, origin)| ClaimTime {
                    text: t.into(),
                    start_date: date(a),
                    end_date: date(b),
                    origin,
                }),
                place: sp.place.map(|(t, id)| {
                    let e = entities().into_iter().find(|e| e.id == id).unwrap();
                    Place { entity: e.id, name: e.name, text: t.into() }
                }),
                evidence: Evidence {
                    start,
                    end: start + sp.sentence.len(),
                    sentence: sp.sentence.into(),
                },
                section: vec![],
                confidence: 0.7,
                rule: sp.rule.into(),
                cue: None,
            }
        })
        .collect();
    std::fs::write(out.join("claims.jsonl"), jsonl(&claims)).unwrap();
    std::fs::write(out.join("documents.jsonl"), jsonl(&documents)).unwrap();
    std::fs::write(out.join("entities.jsonl"), jsonl(&entities())).unwrap();
    claims
}

/// Rewrites `output/claims.jsonl`.
pub fn write_claims(s: &Scratch, claims: &[Claim]) {
    std::fs::write(s.out().join("claims.jsonl"), jsonl(claims)).unwrap();
}

/// The lines of `output/review.jsonl`.
pub fn decisions(out: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(out.join("review.jsonl")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// An HTTP response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// One HTTP/1.1 request to `addr` (`host:port`), `Connection: close`.
pub fn http(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Response {
    let mut stream = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect {addr}: {e}"));
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    let body = body.unwrap_or("");
    req.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(req.as_bytes()).unwrap();
    read_response(&mut stream)
}

/// Reads one response: headers, then `Content-Length` bytes, the chunks,
/// or everything until the peer closes (some servers keep the connection
/// open despite `Connection: close`).
fn read_response(stream: &mut TcpStream) -> Response {
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut buf).expect("read response");
        assert!(n > 0, "connection closed before the headers ended");
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..head_end - 4]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let find = |name: &str| {
        headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone())
    };
    let mut body = raw[head_end..].to_vec();
    let done = |body: &[u8]| match find("content-length") {
        Some(len) => body.len() >= len.parse::<usize>().unwrap(),
        None if find("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) => {
            body.ends_with(b"0\r\n\r\n")
        }
        None => false,
    };
    while !done(&body) {
        match stream.read(&mut buf).expect("read body") {
            0 => break,
            n => body.extend_from_slice(&buf[..n]),
        }
    }
    if find("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body);
    }
    Response { status, headers, body: String::from_utf8_lossy(&body).into_owned() }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[..eol]).trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
    out
}

/// The session token embedded in the page.
pub fn token_of(page: &str) -> String {
    let at = page.find(r#"name="claimex-token" content=""#).expect("token meta") + 30;
    page[at..].split('"').next().unwrap().to_string()
}

/// A running `claimex serve`; killed when dropped.
pub struct Server {
    pub child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// Starts `claimex serve --out OUT --port 0` and waits until it listens.
    pub fn start(cwd: &Path, out: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimex"))
            .current_dir(cwd)
            .args(["serve", "--port", "0", "--reviewer", "tester", "--out"])
            .arg(out)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start claimex serve");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(Duration::from_secs(60)).expect("serve prints its address");
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server { child, addr }
    }

    /// The page's session token.
    pub fn token(&self) -> String {
        let page = http(&self.addr, "GET", "/?status=all", &[], None);
        assert_eq!(page.status, 200, "{}", page.body);
        token_of(&page.body)
    }

    /// POSTs JSON with the token.
    pub fn post(&self, token: &str, path: &str, body: &str) -> Response {
        http(
            &self.addr,
            "POST",
            path,
            &[("Content-Type", "application/json"), ("X-Claimex-Token", token)],
            Some(body),
        )
    }

    /// SIGKILLs the server and reaps it.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `f` until it returns `Some` or `timeout` passes.
pub fn wait_for<T>(timeout: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let until = Instant::now() + timeout;
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if Instant::now() > until {
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
