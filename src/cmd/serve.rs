//! `claimex serve`: the local review web page.

use std::io::Write;
use std::net::IpAddr;
use std::process::ExitCode;

use anyhow::Context;
use claimex::gazetteer::Gazetteer;
use claimex::model::EntityCatalog;
use claimex::review::web::{self, AppState, WebOptions, guard::loopback_hosts};
use claimex::review::{Session, default_reviewer};

use crate::cli::ServeArgs;

/// Runs `claimex serve` until Ctrl-C.
pub(crate) fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let mut session = Session::open(&args.out)?;
    if !session.has_run_entities() && has_tsv(&args.gazetteers) {
        let gaz = Gazetteer::load_dir(&args.gazetteers)?;
        if !gaz.entities().is_empty() {
            session = session.with_entities(gaz.entities().to_vec())?;
        }
    }
    let ip: IpAddr = match args.bind.as_str() {
        "localhost" => IpAddr::from([127, 0, 0, 1]),
        other => other.parse().with_context(|| format!("--bind {other}: not an IP address"))?,
    };
    let claims = session.claims().len();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind((ip, args.port))
            .await
            .with_context(|| format!("cannot listen on {ip}:{}", args.port))?;
        let addr = listener.local_addr()?;
        let allowed_hosts = if ip.is_loopback() {
            Some(loopback_hosts(addr.port()))
        } else {
            eprintln!(
                "claimex: warning: listening on {addr}, reachable from other machines; \
                 anyone who can open the page can record decisions"
            );
            None
        };
        let reviewer = args.reviewer.unwrap_or_else(default_reviewer);
        let options = WebOptions { reviewer, allowed_hosts, search: None };
        let state = AppState::new(session, options)?;
        let mut out = std::io::stdout().lock();
        writeln!(out, "claimex: reviewing {claims} claims at http://{addr}/ (Ctrl-C to stop)")?;
        out.flush()?;
        drop(out);
        web::serve(listener, state).await.context("serving the review page")
    })?;
    Ok(ExitCode::SUCCESS)
}

fn has_tsv(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir)
        .is_ok_and(|rd| rd.flatten().any(|e| e.path().extension().is_some_and(|x| x == "tsv")))
}
