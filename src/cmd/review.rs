//! `claimex review`: list claims with their review status, accept, reject,
//! correct, undo.

use std::process::ExitCode;

use anyhow::{Context, bail};
use claimex::model::{Decision, DecisionStatus, ReviewedClaim};
use claimex::review::{EditRequest, Filter, Session, default_reviewer};

use crate::cli::{Decide, Edit, ReviewAction, ReviewArgs};

/// Runs `claimex review`.
pub(crate) fn run(args: ReviewArgs) -> anyhow::Result<ExitCode> {
    let session = Session::open(&args.out)?;
    match args.action {
        ReviewAction::List { status, doc, relation, entity, modality, json } => {
            let filter = Filter {
                status: status.unwrap_or_default(),
                doc: doc.unwrap_or_default(),
                relation: relation.unwrap_or_default(),
                entity: entity.unwrap_or_default(),
                modality: modality.unwrap_or_default(),
                q: String::new(),
            };
            list(&session, &filter, json)
        }
        ReviewAction::Accept(d) => decide(&session, d, DecisionStatus::Accepted),
        ReviewAction::Reject(d) => decide(&session, d, DecisionStatus::Rejected),
        ReviewAction::Edit(e) => edit(&session, e),
        ReviewAction::Undo { id, reviewer } => {
            let who = reviewer.unwrap_or_else(default_reviewer);
            let d = session.undo(&id, &who)?;
            let (joined, _) = session.joined()?;
            let now = joined.get(&d.claim).map_or("pending", |rc| rc.status.as_str());
            println!("undone {} (now {now})", d.claim);
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn list(session: &Session, filter: &Filter, json: bool) -> anyhow::Result<ExitCode> {
    let matcher = filter.compile()?;
    let (joined, log) = session.joined()?;
    for w in &log.warnings {
        eprintln!("claimex: warning: {}:{}: {}", session.log().path().display(), w.line, w.message);
    }
    let hits = matcher.apply(&joined.claims);
    let mut out = std::io::stdout().lock();
    for rc in &hits {
        if json {
            let line = serde_json::json!({
                "status": rc.status,
                "claim": rc.reviewed(),
                "decision": rc.decision,
            });
            writeln_out(&mut out, &line.to_string())?;
        } else {
            writeln_out(&mut out, &table_line(rc))?;
        }
    }
    let counts = joined.counts();
    eprintln!(
        "{} claims listed; {} of {} reviewed{}",
        hits.len(),
        counts.reviewed,
        counts.total,
        match joined.orphans.len() {
            0 => String::new(),
            n => format!("; {n} decisions concern claims no longer extracted (kept in the log)"),
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn writeln_out(out: &mut impl std::io::Write, line: &str) -> anyhow::Result<()> {
    writeln!(out, "{line}").context("writing to standard output")
}

fn table_line(rc: &ReviewedClaim) -> String {
    let c = rc.reviewed();
    let mut sentence: String = c.evidence.sentence.chars().take(80).collect();
    if sentence.len() < c.evidence.sentence.len() {
        sentence.push('…');
    }
    format!(
        "{}\t{:<8}\t{}\t{} —{}→ {}\t{}",
        c.id,
        rc.status.as_str(),
        c.doc,
        c.subject.entity,
        c.relation.as_str(),
        c.object.entity,
        sentence
    )
}

fn print_decision(d: &Decision, session: &Session) {
    let what = session
        .claim(&d.claim)
        .map(|c| {
            let c = match d.status {
                DecisionStatus::Edited => d.edits.apply(c),
                _ => c.clone(),
            };
            format!("{} —{}→ {}", c.subject.entity, c.relation.as_str(), c.object.entity)
        })
        .unwrap_or_default();
    println!("{} {}  {what}", d.status.as_str(), d.claim);
}

fn decide(session: &Session, d: Decide, status: DecisionStatus) -> anyhow::Result<ExitCode> {
    let who = d.reviewer.unwrap_or_else(default_reviewer);
    for decision in session.decide(&d.ids, status, d.note, &who)? {
        print_decision(&decision, session);
    }
    Ok(ExitCode::SUCCESS)
}

fn edit(session: &Session, e: Edit) -> anyhow::Result<ExitCode> {
    let request = EditRequest {
        relation: e.relation,
        subject: e.subject,
        object: e.object,
        polarity: e.polarity,
        modality: e.modality,
        start_date: e.start_date,
        end_date: e.end_date,
    };
    if request.is_empty() {
        bail!(
            "nothing to correct: give --relation, --subject, --object, --polarity, --modality, \
             --start-date or --end-date"
        );
    }
    let who = e.reviewer.unwrap_or_else(default_reviewer);
    let d = session.edit(&e.id, &request, e.note, &who)?;
    print_decision(&d, session);
    Ok(ExitCode::SUCCESS)
}
