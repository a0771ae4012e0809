//! `claimex search`: builds the request from the flags, loads the entity
//! snapshot of the last run for alias expansion, and prints the hits as
//! JSON lines or for a reader (colour only on a terminal).

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use claimex::gazetteer::Gazetteer;
use claimex::index::{
    CorpusIndex, Hit, HitKind, Interval, PeriodEnd, SearchRequest, SearchResults, parse_period,
};
use claimex::model::{EntityCatalog, Relation};
use claimex::store::OutputDir;

use crate::cli::{Kind, SearchArgs};

/// Entities and relations listed after the hits.
const FACETS_SHOWN: usize = 8;

/// Runs `claimex search`.
pub(crate) fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let out = OutputDir::open(&args.out)?;
    let index = CorpusIndex::open(&out.index_dir())?;
    let catalog = load_catalog(&out)?;
    let req = request(&args)?;
    let results = index.search(&req, &catalog)?;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    if args.json {
        for hit in &results.hits {
            serde_json::to_writer(&mut w, hit)?;
            w.write_all(b"\n")?;
        }
    } else {
        let style = Style::new(std::io::stdout().is_terminal());
        w.write_all(render(&results, &req, &catalog, &style).as_bytes())?;
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The gazetteer snapshot of the last run (`entities.jsonl`), or an empty
/// one when the run wrote none (alias expansion is then off).
fn load_catalog(out: &OutputDir) -> anyhow::Result<Gazetteer> {
    let entities = if out.entities_path().is_file() { out.read_entities()? } else { Vec::new() };
    Gazetteer::from_entities(entities)
        .with_context(|| format!("cannot use {}", out.entities_path().display()))
}

fn request(args: &SearchArgs) -> anyhow::Result<SearchRequest> {
    let relation = args
        .relation
        .as_deref()
        .map(|r| {
            r.parse::<Relation>().map_err(|e| {
                let names: Vec<&str> = Relation::ALL.iter().map(|r| r.as_str()).collect();
                anyhow::anyhow!("{e}: {}", names.join(", "))
            })
        })
        .transpose()?;
    let kind = match (args.kind, relation) {
        (Some(Kind::Doc), _) => HitKind::Doc,
        (Some(Kind::Sentence), _) => HitKind::Sentence,
        (Some(Kind::Claim), _) | (None, Some(_)) => HitKind::Claim,
        (None, None) => HitKind::Sentence,
    };
    if relation.is_some() && kind != HitKind::Claim {
        anyhow::bail!("--relation only applies to --kind claim");
    }
    let mut req = SearchRequest::new(kind, args.query.join(" "));
    req.entities = args.entity.clone();
    req.relation = relation;
    req.from = args.from.as_deref().map(|s| parse_period(s, PeriodEnd::First)).transpose()?;
    req.to = args.to.as_deref().map(|s| parse_period(s, PeriodEnd::Last)).transpose()?;
    req.limit = args.limit;
    req.expand_aliases = !args.no_expand;
    Ok(req)
}

/// ANSI styles, or plain markers when the output is not a terminal.
struct Style {
    tty: bool,
}

impl Style {
    fn new(tty: bool) -> Style {
        Style { tty }
    }

    fn wrap(&self, code: &str, s: &str) -> String {
        if self.tty { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }

    fn mark(&self) -> (&'static str, &'static str) {
        if self.tty { ("\x1b[1;33m", "\x1b[0m") } else { ("[[", "]]") }
    }
}

/// The whole human-readable output.
fn render(res: &SearchResults, req: &SearchRequest, cat: &dyn EntityCatalog, st: &Style) -> String {
    let mut s = String::new();
    if res.hits.is_empty() {
        let what = if req.query.trim().is_empty() { "these filters" } else { req.query.trim() };
        let _ = writeln!(s, "no {} hits for {what}", req.kind.as_str());
    }
    for (i, hit) in res.hits.iter().enumerate() {
        render_hit(&mut s, i + 1, hit, st);
    }
    let shown = res.hits.len();
    let plural = if res.total == 1 { "" } else { "s" };
    let summary = format!("── {} {} hit{plural}, showing {shown}", res.total, req.kind.as_str());
    let _ = writeln!(s, "{}", st.wrap("2", &summary));
    for e in &res.expansions {
        let _ = writeln!(s, "   \"{}\" also matched entity {}", e.text, e.entities.join(", "));
    }
    let name = |id: &str| cat.entity(id).map_or(id.to_string(), |e| format!("{} ({id})", e.name));
    let list = |counts: &[(String, u64)], label: bool| -> String {
        let items: Vec<String> = counts
            .iter()
            .take(FACETS_SHOWN)
            .map(|(v, n)| format!("{} {n}", if label { name(v) } else { v.clone() }))
            .collect();
        items.join(" · ")
    };
    if !res.entities.is_empty() {
        let _ = writeln!(s, "   entities: {}", list(&res.entities, true));
    }
    if !res.relations.is_empty() {
        let _ = writeln!(s, "   relations: {}", list(&res.relations, false));
    }
    if req.kind == HitKind::Claim && shown > 0 {
        let _ = writeln!(s, "   review status as of the last `claimex run`");
    }
    s
}

fn render_hit(s: &mut String, n: usize, hit: &Hit, st: &Style) {
    let score = st.wrap("2", &format!("{} {:.2}", hit.kind.as_str(), hit.score));
    let mut head = match (&hit.claim, hit.kind) {
        (Some(c), _) => {
            let c0 = &c.claim;
            format!(
                "{} {} {} · {}, {} · {}",
                st.wrap("1", &c0.subject.name),
                st.wrap("1;36", c0.relation.as_str()),
                st.wrap("1", &c0.object.name),
                c0.polarity.as_str(),
                c0.modality.as_str(),
                c.status
            )
        }
        (None, HitKind::Doc) => {
            let mut h = st.wrap("36", &hit.doc);
            if let Some(t) = &hit.title {
                let _ = write!(h, " — {}", st.wrap("1", t));
            }
            let by: Vec<String> =
                hit.authors.iter().cloned().chain(hit.published.map(|d| d.to_string())).collect();
            if !by.is_empty() {
                let _ = write!(h, " ({})", by.join(", "));
            }
            h
        }
        (None, _) => location(hit, st),
    };
    if let Some(date) = hit.date {
        let _ = write!(head, " · {}", period(date));
    }
    let _ = writeln!(s, "{n:>3}  {head}  {score}");
    if hit.claim.is_some() {
        let _ = writeln!(s, "     {}", location(hit, st));
    }
    let (open, close) = st.mark();
    let sn = &hit.snippet;
    let text = sn.marked(open, close).replace(['\n', '\t', '\r'], " ");
    let pre = if sn.offsets.start > hit.offsets.start { "…" } else { "" };
    let post = if sn.offsets.end < hit.offsets.end { "…" } else { "" };
    let _ = writeln!(s, "     {pre}{text}{post}\n");
}

/// `doc · section · bytes a–b`.
fn location(hit: &Hit, st: &Style) -> String {
    let mut l = st.wrap("36", &hit.doc);
    if let Some(sec) = &hit.section {
        // The innermost two headings say enough; the root is often the title.
        let parts: Vec<&str> = sec.split(" › ").collect();
        let tail = parts[parts.len().saturating_sub(2)..].join(" › ");
        let _ = write!(l, " · {}{tail}", if parts.len() > 2 { "… › " } else { "" });
    }
    let _ = write!(l, " · bytes {}–{}", hit.offsets.start, hit.offsets.end);
    l
}

/// `1996–2001`, `1996-09`, `2021-08-15`, `2022–…` for an interval: each
/// end as coarse as it is exact (a whole year, a whole month, a day).
fn period(i: Interval) -> String {
    use chrono::Datelike;
    let start = |d: chrono::NaiveDate| match (d.month(), d.day()) {
        (1, 1) => d.year().to_string(),
        (_, 1) => d.format("%Y-%m").to_string(),
        _ => d.to_string(),
    };
    let end = |d: chrono::NaiveDate| {
        let last_of_month = d.succ_opt().is_none_or(|n| n.day() == 1);
        match (d.month(), d.day()) {
            (12, 31) => d.year().to_string(),
            _ if last_of_month => d.format("%Y-%m").to_string(),
            _ => d.to_string(),
        }
    };
    let a = i.start.map_or("…".to_string(), start);
    let b = i.end.map_or("…".to_string(), end);
    if a == b && i.start.is_some() { a } else { format!("{a}–{b}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn periods_print_compactly() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        let cases = [
            (d(1996, 1, 1), d(2001, 12, 31), "1996–2001"),
            (d(2009, 1, 1), d(2009, 12, 31), "2009"),
            (d(2021, 8, 1), d(2021, 8, 31), "2021-08"),
            (d(1996, 1, 1), d(2021, 8, 31), "1996–2021-08"),
            (d(2001, 10, 7), d(2001, 10, 7), "2001-10-07"),
            (d(2024, 2, 1), d(2024, 2, 29), "2024-02"),
            (None, None, "…–…"),
            (d(2022, 1, 1), None, "2022–…"),
            (None, d(2000, 12, 31), "…–2000"),
        ];
        for (start, end, want) in cases {
            assert_eq!(period(Interval { start, end }), want);
        }
    }
}
