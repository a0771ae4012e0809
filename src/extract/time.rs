//! Time and sections: a claim's time comes from the date in its sentence
//! nearest its cue (coordinated dates merged: "late 2021 and 2022"), else
//! from the nearest enclosing heading that carries a period ("The First
//! Afghan Taliban Regime (1996–2001)"), else none. Citation years are
//! publication dates, not event times. Reference lists are skipped.

use super::arguments::Ctx;
use super::constructions::Frame;
use super::tokens::{Kind, Pos};
use crate::model::{ClaimTime, Granularity, MentionKind, TaggedDoc, TimeOrigin};

/// Heading titles of sections that hold references, not prose.
const BIBLIOGRAPHY: &[&str] = &[
    "references",
    "reference",
    "bibliography",
    "notes",
    "works cited",
    "sources",
    "further reading",
    "endnotes",
    "footnotes",
    "citations",
    "literature cited",
    "reference list",
    "notes and references",
    "references and notes",
    "literature",
    "see also",
    "external links",
    "selected bibliography",
];

/// Per-section facts: the period a heading carries, and whether the section
/// is a reference list.
pub(crate) struct Sections {
    times: Vec<Option<ClaimTime>>,
    skip: Vec<bool>,
}

fn is_bibliography(title: &str) -> bool {
    let t = title
        .trim_matches(|c: char| !c.is_alphanumeric())
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ')
        .to_lowercase();
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    BIBLIOGRAPHY.contains(&t)
}

impl Sections {
    /// Reads the section tree of `doc`.
    pub fn new(doc: &TaggedDoc) -> Sections {
        let n = doc.doc.sections.len();
        let mut times: Vec<Option<ClaimTime>> = Vec::with_capacity(n);
        let mut skip = Vec::with_capacity(n);
        // a document's title names its subject ("… from the First Emirate to
        // Post-2021"); its date is a period only when it has no sections
        let titled = doc.doc.sections.get(1).is_some_and(|s| s.parent == Some(0));
        for (i, sec) in doc.doc.sections.iter().enumerate() {
            let is_title = titled && i == 0;
            // a heading's period, not a day named in a title ("The 9/11 Commission Report")
            let own = doc.mentions_in(sec.heading).iter().find_map(|m| match &m.kind {
                MentionKind::Date(d)
                    if !is_title
                        && (d.start.is_some() || d.end.is_some())
                        && d.granularity != Granularity::Day =>
                {
                    Some(ClaimTime {
                        text: m.text.clone(),
                        start_date: d.start,
                        end_date: d.end,
                        origin: TimeOrigin::Section,
                    })
                }
                _ => None,
            });
            let parent = sec.parent.filter(|&p| p < i);
            let inherited = parent.and_then(|p| times[p].clone());
            times.push(own.or(inherited));
            skip.push(is_bibliography(&sec.title) || parent.is_some_and(|p| skip[p]));
        }
        Sections { times, skip }
    }

    /// The period of the nearest enclosing heading that carries one.
    pub fn time(&self, section: Option<usize>) -> Option<ClaimTime> {
        section.and_then(|i| self.times.get(i).cloned().flatten())
    }

    /// True for sentences in a reference list.
    pub fn skipped(&self, section: Option<usize>) -> bool {
        section.is_some_and(|i| self.skip.get(i).copied().unwrap_or(false))
    }
}

fn time_of(doc: &TaggedDoc, first: usize, last: usize) -> Option<ClaimTime> {
    let a = &doc.mentions[first];
    let b = &doc.mentions[last];
    let (MentionKind::Date(da), MentionKind::Date(db)) = (&a.kind, &b.kind) else { return None };
    if da.start.is_none() && da.end.is_none() {
        return None;
    }
    let start = match (da.start, db.start) {
        (Some(x), Some(y)) if first != last => Some(x.min(y)),
        (x, _) => x,
    };
    let end = if first == last {
        da.end
    } else {
        match (da.end, db.end) {
            (Some(x), Some(y)) => Some(x.max(y)),
            _ => None,
        }
    };
    let text = doc.doc.text[a.span.start..b.span.end].to_string();
    Some(ClaimTime { text, start_date: start, end_date: end, origin: TimeOrigin::Sentence })
}

impl Ctx<'_, '_> {
    /// The last date of the sentence outside citations, as the time later
    /// sentences of the paragraph inherit.
    pub fn last_time(&self, citations: &[(usize, usize)]) -> Option<ClaimTime> {
        let s = self.s;
        (0..s.len()).rev().find_map(|k| match s.toks[k].kind {
            Kind::Date(m) if !citations.iter().any(|&(a, b)| a <= k && k <= b) => {
                time_of(s.doc, m, m).map(|t| ClaimTime { origin: TimeOrigin::Paragraph, ..t })
            }
            _ => None,
        })
    }

    /// End (exclusive) of the clause holding token `p`: a semicolon, a
    /// subordinate or relative clause, or a coordinated clause with its own
    /// subject (", and the group claimed …").
    pub fn clause_end(&self, p: usize) -> usize {
        let s = self.s;
        let mut k = p + 1;
        while k < s.len() {
            match s.pos(k) {
                Pos::Semi | Pos::Colon | Pos::Sub | Pos::Rel => return k,
                Pos::Conj | Pos::Comma => {
                    let mut j = k + 1;
                    while matches!(s.pos(j), Pos::Conj | Pos::Comma) {
                        j += 1;
                    }
                    if let Some(np) = self.np_at(j)
                        && self.followed_by_verb(np.e)
                    {
                        return k;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        s.len()
    }

    /// The time of a frame from the dates of its clause, and (second) from
    /// a date elsewhere in its sentence.
    pub fn frame_time(
        &self,
        fr: &Frame,
        citations: &[(usize, usize)],
    ) -> (Option<ClaimTime>, Option<ClaimTime>) {
        let s = self.s;
        let doc = s.doc;
        if let Some(m) = fr.date
            && let Some(t) = time_of(doc, m, m)
        {
            return (Some(t), None);
        }
        let reach = fr
            .obj
            .iter()
            .chain(&fr.subj)
            .map(|a| a.tok)
            .filter(|&t| t < s.len())
            .max()
            .unwrap_or(fr.pred);
        let (lo, hi) = (
            self.clause_start(fr.pred),
            self.clause_end(fr.pred.max(reach).max(fr.cue.1.saturating_sub(1))),
        );
        let mut inside: Option<(usize, usize)> = None;
        let mut outside: Option<(usize, usize)> = None;
        for k in 0..s.len() {
            let Kind::Date(m) = s.toks[k].kind else { continue };
            if citations.iter().any(|&(a, b)| a <= k && k <= b) {
                continue;
            }
            if time_of(doc, m, m).is_none() {
                continue;
            }
            let dist = k.abs_diff(fr.pred);
            let own_clause = lo <= k && k < hi && !self.in_closed_relative(k, fr.pred);
            let slot = if own_clause { &mut inside } else { &mut outside };
            if slot.is_none_or(|(d, _)| dist < d) {
                *slot = Some((dist, k));
            }
        }
        (inside.and_then(|(_, k)| self.date_at(k)), outside.and_then(|(_, k)| self.date_at(k)))
    }

    /// True when token `k` sits in a relative clause that closes before the
    /// predicate `p` ("X, which had signed a deal in 2006, resumed attacks"):
    /// its date is the relative clause's, not the predicate's.
    fn in_closed_relative(&self, k: usize, p: usize) -> bool {
        let s = self.s;
        if k >= p {
            return false;
        }
        let Some(r) = (0..k).rev().find(|&j| s.pos(j) == Pos::Rel) else { return false };
        r > 0 && s.pos(r - 1) == Pos::Comma && (k + 1..p).any(|j| s.pos(j) == Pos::Comma)
    }

    /// The time of the date token `k`, merged with a date coordinated with it.
    fn date_at(&self, k: usize) -> Option<ClaimTime> {
        let s = self.s;
        let doc = s.doc;
        // "late 2021 and 2022", "from 2013 to 2018" written as two dates
        let joins =
            |j: usize| matches!(s.low(j), "and" | "to" | "through" | "until" | "-" | "–" | "or");
        let (mut first, mut last) = (k, k);
        if s.pos(k + 2) == Pos::Date && joins(k + 1) {
            last = k + 2;
        } else if k >= 2 && s.pos(k - 2) == Pos::Date && joins(k - 1) {
            first = k - 2;
        }
        let (Kind::Date(a), Kind::Date(b)) = (s.toks[first].kind, s.toks[last].kind) else {
            return None;
        };
        time_of(doc, a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::is_bibliography;
    use crate::extract::tests::claims_of;
    use crate::model::{Relation, TimeOrigin};

    #[test]
    fn a_relative_clause_keeps_its_date_to_itself() {
        let c = claims_of(
            "The TTP held Swat in 2009. Lashkar-e-Jhangvi, which had signed a deal in 2006, attacked Peshawar.",
        );
        let attack = c.iter().find(|c| c.relation == Relation::Attacks).expect("attack");
        assert!(attack.time.as_ref().is_none_or(|t| t.text != "2006"), "{:?}", attack.time);
    }

    #[test]
    fn bibliography_titles() {
        assert!(is_bibliography("References"));
        assert!(is_bibliography("## **Notes**"));
        assert!(is_bibliography("7. Bibliography"));
        assert!(!is_bibliography("Failed Peace Talks"));
    }

    #[test]
    fn nearest_date_and_coordinated_dates() {
        let c = claims_of("In late 2021 and 2022, Pakistan sought to negotiate with the TTP.");
        let t = c[0].time.as_ref().expect("time");
        assert_eq!(t.start_date.unwrap().to_string(), "2021-09-01");
        assert_eq!(t.end_date.unwrap().to_string(), "2022-12-31");
        let c = claims_of(
            "The TTP launched attacks, including the 2009 attack on the General Headquarters and the 2014 massacre at the Army Public School.",
        );
        let ghq = c.iter().find(|c| c.object.entity == "ghq").unwrap();
        assert_eq!(ghq.time.as_ref().unwrap().text, "2009");
        let aps = c.iter().find(|c| c.object.entity == "aps").unwrap();
        assert_eq!(aps.time.as_ref().unwrap().text, "2014");
    }

    #[test]
    fn a_date_in_another_clause_comes_last() {
        let c = claims_of(
            "# Intro (2010–2020)\n\nAl-Qaeda maintains a presence in Kunar, and its leader was living in Kabul until July 2022.",
        );
        let ops = c.iter().find(|c| c.relation == Relation::OperatesIn).expect("operates_in");
        assert_eq!(ops.time.as_ref().unwrap().origin, TimeOrigin::Section);
    }

    #[test]
    fn section_period_when_the_sentence_has_none() {
        let c = claims_of(
            "# The First Regime (1996–2001)\n\nThe Taliban regime harboured Lashkar-e-Taiba.\n\n# References\n\nThe Taliban regime harboured Jaish-e-Muhammad.",
        );
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].relation, Relation::Shelters);
        let t = c[0].time.as_ref().unwrap();
        assert_eq!(t.origin, TimeOrigin::Section);
        assert_eq!(t.start_date.unwrap().to_string(), "1996-01-01");
    }
}
