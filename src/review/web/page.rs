//! The HTML of the review page, its claim cards and the context fragment.
//! Everything from documents goes through maud's `(…)` splices, which
//! HTML-escape; nothing is ever spliced raw.

use maud::{DOCTYPE, Markup, html};

use super::highlight::segments;
use crate::model::{
    Claim, DocumentInfo, Entity, Modality, Polarity, Relation, ReviewStatus, ReviewedClaim,
};
use crate::review::join::Counts;
use crate::review::output::Paragraph;
use crate::review::queue::Filter;

/// What the page shows besides the cards.
pub struct PageData<'a> {
    /// The session token POSTs must carry.
    pub token: &'a str,
    /// The default reviewer name.
    pub reviewer: &'a str,
    /// The filter in use.
    pub filter: &'a Filter,
    /// Counts over all claims.
    pub counts: &'a Counts,
    /// Document ids for the document filter.
    pub docs: Vec<&'a str>,
    /// Entities for the pickers.
    pub entities: &'a [Entity],
    /// How many claims match the filter.
    pub matching: usize,
    /// Offset of the first card shown.
    pub from: usize,
    /// Query string of the next page, if there is one.
    pub next: Option<String>,
    /// Problems to show (unreadable log lines, a bad filter).
    pub warnings: Vec<String>,
}

/// The whole review page.
pub fn page(data: &PageData<'_>, cards: &[(&ReviewedClaim, Option<&DocumentInfo>)]) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="claimex-token" content=(data.token);
                title { "claimex review" }
                link rel="stylesheet" href="/assets/app.css";
                script src="/assets/app.js" defer {}
            }
            body {
                header.top {
                    h1 { "claimex review" }
                    p.progress {
                        span #reviewed { (data.counts.reviewed) }
                        " / "
                        span #total { (data.counts.total) }
                        " reviewed"
                    }
                    label.reviewer {
                        "Reviewer "
                        input #reviewer type="text" value=(data.reviewer) autocomplete="off";
                    }
                    (filters(data))
                }
                @for w in &data.warnings {
                    p.warning { (w) }
                }
                p #message role="status" {}
                main #queue {
                    p.showing {
                        "Showing " (cards.len()) " of " (data.matching) " matching claims"
                        @if data.from > 0 { " (from " (data.from + 1) ")" }
                    }
                    @for (rc, doc) in cards {
                        (card(rc, *doc))
                    }
                    @if cards.is_empty() {
                        p.empty { "No claim matches." }
                    }
                    @if let Some(next) = &data.next {
                        a.next href=(format!("/?{next}")) { "Next page" }
                    }
                }
                datalist #entities {
                    @for e in data.entities {
                        option value=(e.id) { (e.name) " (" (e.etype) ")" }
                    }
                }
                footer.keys {
                    kbd { "a" } " accept · " kbd { "x" } " reject · " kbd { "e" } " edit · "
                    kbd { "space" } " skip · " kbd { "u" } " undo · " kbd { "c" } " context · "
                    kbd { "j" } "/" kbd { "k" } " next/previous"
                }
            }
        }
    }
}

fn filters(data: &PageData<'_>) -> Markup {
    let f = data.filter;
    let status = if f.status.is_empty() { "todo" } else { f.status.as_str() };
    html! {
        form.filters method="get" action="/" {
            label { "Status "
                select name="status" {
                    @for s in ["todo", "all", "pending", "accepted", "rejected", "edited", "stale"] {
                        option value=(s) selected[s == status] { (s) }
                    }
                }
            }
            label { "Document "
                select name="doc" {
                    option value="" { "all" }
                    @for d in &data.docs {
                        option value=(d) selected[*d == f.doc] { (d) }
                    }
                }
            }
            label { "Relation "
                select name="relation" {
                    option value="" { "all" }
                    @for r in Relation::ALL {
                        option value=(r.as_str()) selected[r.as_str() == f.relation] { (r.as_str()) }
                    }
                }
            }
            label { "Entity "
                input name="entity" type="text" list="entities" value=(f.entity) size="14";
            }
            label { "Modality "
                select name="modality" {
                    option value="" { "all" }
                    @for m in ["asserted", "reported", "hedged"] {
                        option value=(m) selected[m == f.modality] { (m) }
                    }
                }
            }
            label { "Search "
                input name="q" type="search" value=(f.q) placeholder="words in the sentence";
            }
            button type="submit" { "Filter" }
        }
    }
}

/// One claim card, as shown in the queue and returned after a decision.
pub fn card(rc: &ReviewedClaim, doc: Option<&DocumentInfo>) -> Markup {
    let c = rc.reviewed();
    let status = rc.status.as_str();
    html! {
        article class=(format!("claim status-{status}")) data-id=(c.id) data-status=(status)
            tabindex="-1" {
            header.meta {
                span.badge { (status) }
                span.relation { (c.relation.as_str()) }
                @if c.polarity == Polarity::Negative { span.negative { "negative" } }
                span.modality { (c.modality.as_str()) }
                span.doc title=(doc.and_then(|d| d.title.as_deref()).unwrap_or("")) { (c.doc) }
                span.rule { "rule " code { (c.rule) } }
                span.confidence { "confidence " (format!("{:.2}", c.confidence)) }
                span.id { code { (c.id) } }
            }
            p.evidence {
                @for (text, class) in segments(&c) {
                    @if let Some(class) = class {
                        mark class=(class) { (text) }
                    } @else {
                        (text)
                    }
                }
            }
            (facts(&c))
            (decision_line(rc))
            div.actions {
                button type="button" data-action="accept" { "Accept " kbd { "a" } }
                button type="button" data-action="reject" { "Reject " kbd { "x" } }
                button type="button" data-action="edit" { "Edit " kbd { "e" } }
                button type="button" data-action="skip" { "Skip " kbd { "space" } }
                button type="button" data-action="undo" { "Undo " kbd { "u" } }
                button type="button" data-action="context" { "Context " kbd { "c" } }
            }
            (edit_form(&c, rc))
            div.context hidden {}
        }
    }
}

fn facts(c: &Claim) -> Markup {
    html! {
        dl.facts {
            dt { "subject" }
            dd { (c.subject.name) " " span.etype { (c.subject.etype) } " " span.eid { (c.subject.entity) } }
            dt { "relation" }
            dd { (c.relation.as_str()) }
            dt { "object" }
            dd { (c.object.name) " " span.etype { (c.object.etype) } " " span.eid { (c.object.entity) } }
            @if let Some(t) = &c.time {
                dt { "time" }
                dd {
                    (t.start_date.map_or("…".to_string(), |d| d.to_string()))
                    " – "
                    (t.end_date.map_or("…".to_string(), |d| d.to_string()))
                    @if !t.text.is_empty() { " (" q { (t.text) } ")" }
                }
            }
            @if let Some(p) = &c.place {
                dt { "place" }
                dd { (p.name) }
            }
            @if let Some(s) = &c.source {
                dt { "source" }
                dd { (s.text) }
            }
            @if !c.section.is_empty() {
                dt { "section" }
                dd { (c.section.join(" › ")) }
            }
        }
    }
}

fn decision_line(rc: &ReviewedClaim) -> Markup {
    let Some(d) = &rc.decision else {
        return html! {};
    };
    let when = d.timestamp.format("%Y-%m-%d %H:%M UTC").to_string();
    html! {
        @if rc.status == ReviewStatus::Stale {
            div.stale {
                p {
                    strong { "Stale: " }
                    "the evidence sentence changed since this claim was " (d.status.as_str())
                    " by " (d.reviewer) " on " (when) ". Re-confirm with a, x or e."
                }
                p.old { "It read: " q { (d.sentence) } }
            }
        } @else {
            p.decided {
                (d.status.as_str()) " by " (d.reviewer) " on " (when)
            }
        }
        @if let Some(note) = &d.note {
            p.note { "Note: " (note) }
        }
    }
}

fn edit_form(c: &Claim, rc: &ReviewedClaim) -> Markup {
    let (start, end) = c.time.as_ref().map_or((String::new(), String::new()), |t| {
        (
            t.start_date.map(|d| d.to_string()).unwrap_or_default(),
            t.end_date.map(|d| d.to_string()).unwrap_or_default(),
        )
    });
    let note = rc.decision.as_ref().and_then(|d| d.note.clone()).unwrap_or_default();
    html! {
        form.edit hidden {
            label { "Relation "
                select name="relation" {
                    @for r in Relation::ALL {
                        option value=(r.as_str()) selected[r == c.relation] { (r.as_str()) }
                    }
                }
            }
            label { "Subject " input name="subject" type="text" list="entities" value=(c.subject.entity); }
            label { "Object " input name="object" type="text" list="entities" value=(c.object.entity); }
            label { "From " input name="start_date" type="date" value=(start); }
            label { "To " input name="end_date" type="date" value=(end); }
            label { "Polarity "
                select name="polarity" {
                    @for p in [Polarity::Positive, Polarity::Negative] {
                        option value=(p.as_str()) selected[p == c.polarity] { (p.as_str()) }
                    }
                }
            }
            label { "Modality "
                select name="modality" {
                    @for m in [Modality::Asserted, Modality::Reported, Modality::Hedged] {
                        option value=(m.as_str()) selected[m == c.modality] { (m.as_str()) }
                    }
                }
            }
            label.wide { "Note " input name="note" type="text" value=(note); }
            button type="submit" { "Save correction" }
            button type="button" data-action="cancel" { "Cancel" }
        }
    }
}

/// The paragraph around a claim's sentence, the sentence marked.
pub fn context(p: &Paragraph) -> Markup {
    html! {
        p.paragraph { (p.before) mark.sentence { (p.sentence) } (p.after) }
    }
}

/// A short message in place of the context.
pub fn context_missing(message: &str) -> Markup {
    html! { p.missing { (message) } }
}

/// A minimal error page.
pub fn error_page(message: &str) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head { meta charset="utf-8"; title { "claimex review: error" } }
            body { h1 { "Error" } p { (message) } p { a href="/" { "Back to the queue" } } }
        }
    }
}
