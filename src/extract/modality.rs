//! Modality: which parts of a sentence are attributed to a source (speech
//! verbs with their complements, "according to", "(Author, Year)"
//! citations, quotations, "claimed to"), which claims are hedged ("may",
//! "reportedly", "tacitly", "seems to"), and which are not claims at all
//! because a wish, a demand, a plan or a condition governs them.

use super::arguments::{Arg, Ctx};
use super::constructions::Frame;
use super::lexicon::f;
use super::syntax::ObjOpts;
use super::tokens::{Kind, Pos};

/// A stretch of the sentence attributed to a source.
#[derive(Clone, Debug)]
pub(crate) struct Report {
    /// First token in scope.
    pub from: usize,
    /// One past the last token in scope.
    pub to: usize,
    /// The source's entities (may be empty: "credible reports").
    pub args: Vec<Arg>,
    /// The source as written.
    pub text: String,
    /// The source denies it ("The Taliban deny that Al-Qaida operates …").
    pub negative: bool,
}

/// Adverbs that hedge a whole clause wherever they stand in it.
const CLAUSE_HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "possibly",
    "probably",
    "likely",
    "perhaps",
    "presumably",
    "purportedly",
    "supposedly",
    "seemingly",
    "arguably",
];

impl Ctx<'_, '_> {
    /// The text of the noun phrase that ends just before the verb group of
    /// `v` (skipping a parenthesised year: "Abbas (2008) has emphasized").
    pub(crate) fn subject_text(&self, v: usize) -> String {
        let s = self.s;
        let g = self.group_start(v);
        if g == 0 {
            return String::new();
        }
        let mut k = g - 1;
        if s.pos(k) == Pos::Close
            && let Some(o) = (0..k).rev().find(|&x| s.pos(x) == Pos::Open)
        {
            if o == 0 {
                return String::new();
            }
            k = o - 1;
        }
        if !(s.pos(k).in_np() || s.pos(k) == Pos::Pron) {
            return String::new();
        }
        let mut a = self.np_left(k);
        if a >= 2 && s.is(a - 1, "of") && s.pos(a - 2).in_np() {
            a = self.np_left(a - 2);
        }
        s.text_range(a, k).to_string()
    }

    /// End of the clause that starts at `from` (the sentence end, or a
    /// semicolon).
    fn scope_end(&self, from: usize) -> usize {
        let s = self.s;
        (from..s.len()).find(|&k| matches!(s.pos(k), Pos::Semi)).unwrap_or(s.len())
    }

    /// Every attributed stretch of the sentence.
    pub fn reports(&self, carried_speaker: Option<&Report>) -> Vec<Report> {
        let s = self.s;
        let mut out = Vec::new();
        for i in 0..s.len() {
            if s.toks[i].kind != Kind::Word {
                continue;
            }
            if let Some(m) = self.lex.according.longest(s, i) {
                let (args, e) = self.object_phrase(m.end, ObjOpts::default());
                let text = s.text_range(m.end, e.max(m.end)).to_string();
                out.push(Report { from: 0, to: s.len(), args, text, negative: false });
                continue;
            }
            // "allegations that it backed the TTP", "reports that …"
            if s.pos(i) == Pos::Noun && s.has(i, f::SOURCE_NOUN) && s.is(i + 1, "that") {
                let a = self.np_left(i);
                let text = s.text_range(a, i).to_string();
                // "Pakistan rejected allegations that …": a denial; "no
                // evidence that …" says it did not happen
                let negative = (a > 0 && s.has(a - 1, f::NEG_VERB)) || s.is(a, "no");
                out.push(Report {
                    from: i + 2,
                    to: self.scope_end(i + 2),
                    args: Vec::new(),
                    text,
                    negative,
                });
                continue;
            }
            if s.pos(i) != Pos::Verb {
                continue;
            }
            if let Some(m) = self.lex.self_report.longest(s, i)
                && (s.is(m.end - 1, "to") || s.pos(m.end) == Pos::To || s.pos(m.end - 1) == Pos::To)
            {
                let args = self.subject(i);
                let text = self.subject_text(i);
                if !args.is_empty() || !text.is_empty() {
                    out.push(Report {
                        from: m.end,
                        to: self.scope_end(m.end),
                        args,
                        text,
                        negative: false,
                    });
                }
                continue;
            }
            let Some(m) = self.lex.report_verbs.longest(s, i) else { continue };
            // "Suspected TTP militants attacked …", "the alleged plot": a
            // participle before a noun is an adjective (a hedge), no report
            let adjective = (i == 0 || matches!(s.pos(i - 1), Pos::Det | Pos::Open | Pos::Prep))
                && s.low(i).ends_with("ed")
                && s.pos(m.end).in_np()
                && m.end == i + 1;
            if adjective {
                continue;
            }
            let np_ok = *m.value;
            let mut j = m.end;
            while s.pos(j) == Pos::Adv {
                j += 1;
            }
            // "stated to U.S. ambassador David Hale that …"
            if s.is(j, "to")
                && let Some(np) = self.np_at(j + 1)
            {
                j = np.e + 1;
            }
            let that = s.is(j, "that");
            let clause = self.np_at(j).is_some_and(|np| self.followed_by_verb(np.e));
            let np_obj = np_ok && self.np_at(j).is_some();
            let colon_quote =
                matches!(s.pos(j), Pos::Comma | Pos::Colon) && s.pos(j + 1) == Pos::Quote;
            let args = self.subject(i);
            let text = self.subject_text(i);
            let negative = s.has(i, f::NEG_VERB);
            if that || clause || np_obj || colon_quote {
                let from = if that { j + 1 } else { j };
                out.push(Report { from, to: self.scope_end(from), args, text, negative });
            } else if matches!(s.pos(j), Pos::Stop | Pos::Comma) {
                // "…, officials said." / "As Ahmed Rashid has documented, …"
                let g = self.group_start(i);
                let a = if g > 0 { self.np_left(g - 1) } else { 0 };
                if a > 0 && s.is(a - 1, "as") {
                    out.push(Report {
                        from: j + 1,
                        to: self.scope_end(j + 1),
                        args,
                        text,
                        negative: false,
                    });
                } else if a > 0 && s.pos(a - 1) == Pos::Comma {
                    out.push(Report { from: 0, to: a - 1, args, text, negative: false });
                }
            }
        }
        out.extend(self.citations());
        out.extend(self.quotations(carried_speaker));
        out
    }

    /// Parenthesised citations: "(Rashid, 2010)", "(United Nations
    /// Security Council, 2022)" — a name and a year inside parentheses.
    pub fn citation_spans(&self) -> Vec<(usize, usize)> {
        let s = self.s;
        let mut out = Vec::new();
        for o in 0..s.len() {
            if s.pos(o) != Pos::Open {
                continue;
            }
            let Some(c) = (o + 1..(o + 16).min(s.len())).find(|&k| s.pos(k) == Pos::Close) else {
                continue;
            };
            let year = (o + 1..c).any(|k| is_year(s.text(k), s.pos(k)));
            let name = (o + 1..c).any(|k| {
                (s.pos(k) == Pos::Ent || (s.toks[k].cap && s.pos(k) == Pos::Noun))
                    && !is_year(s.text(k), s.pos(k))
            });
            // "Rassler (2019)": a year alone in parentheses after an
            // author's name (a capitalised word that is no gazetteer entity
            // other than a person; "Swat (2009)" stays a date)
            let author = o > 0
                && s.toks[o - 1].cap
                && (s.pos(o - 1) == Pos::Noun || s.etype(o - 1) == Some("person"))
                && (o + 1..c).all(|k| is_year(s.text(k), s.pos(k)) || s.pos(k) == Pos::Comma);
            if year && (name || author) {
                out.push((o, c));
            }
        }
        out
    }

    /// The sentence before a citation is the cited author's.
    fn citations(&self) -> Vec<Report> {
        let s = self.s;
        let mut out = Vec::new();
        for (o, c) in self.citation_spans() {
            if o == 0 {
                continue;
            }
            let args = (o + 1..c)
                .filter(|&k| matches!(s.etype(k), Some("actor" | "person")))
                .filter_map(|k| self.arg(k, super::arguments::Via::Name))
                .take(1)
                .collect();
            let text = s.text_range(o + 1, c - 1).to_string();
            out.push(Report { from: 0, to: o, args, text, negative: false });
        }
        out
    }

    /// Quoted speech (longer than a scare quote) is its speaker's.
    fn quotations(&self, carried: Option<&Report>) -> Vec<Report> {
        let s = self.s;
        let mut out = Vec::new();
        let mut k = 0;
        while k < s.len() {
            if !self.quoted[k] {
                k += 1;
                continue;
            }
            let from = k;
            while k < s.len() && self.quoted[k] {
                k += 1;
            }
            let words = (from..k).filter(|&x| s.toks[x].kind != Kind::Punct).count();
            let continues = from == 0 || (from == 1 && s.pos(0) == Pos::Quote);
            if words <= 4 && !continues {
                continue;
            }
            let speaker = self.speaker(from).or_else(|| carried.cloned());
            let (args, text) = match speaker {
                Some(r) => (r.args, r.text),
                None => (Vec::new(), "quoted statement".to_string()),
            };
            out.push(Report { from, to: k, args, text, negative: false });
        }
        out
    }

    /// The speaker of a quotation starting at `q`: the subject of a speech
    /// verb before it, else the first actor or person named before it.
    fn speaker(&self, q: usize) -> Option<Report> {
        let s = self.s;
        for v in (0..q).rev() {
            if s.pos(v) == Pos::Verb && self.lex.report_verbs.longest(s, v).is_some() {
                let args = self.subject(v);
                let text = self.subject_text(v);
                if !args.is_empty() || !text.is_empty() {
                    return Some(Report { from: q, to: q, args, text, negative: false });
                }
            }
        }
        let k =
            (0..q).find(|&k| !self.quoted[k] && matches!(s.etype(k), Some("actor" | "person")))?;
        let arg = self.arg(k, super::arguments::Via::Name)?;
        Some(Report {
            from: q,
            to: q,
            args: vec![arg],
            text: s.text(k).to_string(),
            negative: false,
        })
    }

    /// True when a hedge governs the frame.
    pub fn hedged(&self, fr: &Frame) -> bool {
        let s = self.s;
        let p = fr.pred;
        let g = self.group_start(p).min(fr.cue.0);
        let lo = g.saturating_sub(2);
        let last =
            fr.obj.iter().chain(&fr.subj).map(|a| a.tok).filter(|&t| t < s.len() && t > p).max();
        let hi = last.unwrap_or(fr.cue.1).max(fr.cue.1).min(s.len());
        if (lo..hi).any(|k| s.has(k, f::HEDGE)) {
            return true;
        }
        if (g..p).any(|k| s.has(k, f::HEDGE_VERB) && s.pos(k + 1) == Pos::To) {
            return true;
        }
        // a hedge on an argument: "suspected TTP militants", "the alleged
        // ISI funding"
        let hedged_arg = fr.subj.iter().chain(&fr.obj).filter(|a| a.tok < s.len()).any(|a| {
            let a0 = self.np_left(a.tok);
            (a0.saturating_sub(1)..=a.tok).any(|k| s.has(k, f::HEDGE))
        });
        if hedged_arg {
            return true;
        }
        // clause-level adverbs and phrases: "X reportedly funded Y", "it appears that"
        let start = self.clause_start(p);
        (start..hi).any(|k| {
            CLAUSE_HEDGES.contains(&s.low(k)) || self.lex.hedge_phrases.longest(s, k).is_some()
        })
    }

    /// Start of the clause holding token `p`.
    pub fn clause_start(&self, p: usize) -> usize {
        let s = self.s;
        (0..p)
            .rev()
            .find(|&k| matches!(s.pos(k), Pos::Semi | Pos::Colon | Pos::Sub | Pos::Rel))
            .map(|k| k + 1)
            .unwrap_or(0)
    }

    /// True when the frame states a wish, demand, plan or condition rather
    /// than a fact ("urged Pakistan to act against", "must push", "if").
    pub fn irrealis(&self, fr: &Frame) -> bool {
        if fr.realis {
            return false;
        }
        let s = self.s;
        let p = fr.pred;
        let g = self.group_start(p);
        let presupposed = (g..p).any(|k| s.has(k, f::PRESUPP) && s.low(k + 1).ends_with("ing"))
            || (s.low(p).ends_with("ing") && p > 0 && s.has(p - 1, f::PRESUPP));
        if presupposed {
            return false;
        }
        if (g..p).any(|k| s.has(k, f::MODAL_IRR)) {
            return true;
        }
        // "might try to capture", "tried to get cooperation from": an
        // attempt whose outcome the sentence does not give
        let conative = (g..p).any(|k| {
            matches!(
                s.low(k),
                "try" | "tried" | "tries" | "trying" | "attempt" | "attempted" | "attempting"
            )
        });
        let modal = (g..p).any(|k| matches!(s.low(k), "may" | "might" | "could" | "would"));
        let acquire = self.lex.inverse_light.longest(s, p).is_some();
        if conative && (modal || acquire) {
            return true;
        }
        if (g..p).any(|k| s.has(k, f::IRR_VERB) && matches!(s.pos(k + 1), Pos::To | Pos::Verb)) {
            return true;
        }
        // a condition: "if Bin Ladin remained their guest"
        let cs = self.clause_start(p);
        if cs > 0 && matches!(s.low(cs - 1), "if" | "unless" | "whether") {
            return true;
        }
        // a demand's content: "asking that he not claim responsibility …"
        if cs >= 2 && s.is(cs - 1, "that") {
            let v = cs - 2;
            if (v.saturating_sub(2)..=v)
                .any(|st| self.lex.irrealis_that.longest(s, st).is_some_and(|m| m.end == v + 1))
            {
                return true;
            }
        }
        if g == 0 {
            return false;
        }
        let before = g - 1;
        let infinitive = (g..=p).any(|k| s.pos(k) == Pos::To);
        let gerund = s.low(p).ends_with("ing") && s.pos(p) == Pos::Verb;
        let noun = !matches!(s.pos(p), Pos::Verb | Pos::Aux);
        // "plans to attack", "the need for action"
        if (infinitive && s.has(before, f::IRR_NOUN)) || (noun && s.has(before, f::IRR_NOUN)) {
            return true;
        }
        let governed = |k: usize| {
            (k.saturating_sub(2)..=k)
                .any(|st| self.lex.irrealis_verbs.longest(s, st).is_some_and(|m| m.end == k + 1))
        };
        // "discussed hosting", "wants to attack", "called for labeling"
        if (infinitive || gerund) && governed(before) {
            return true;
        }
        if gerund && s.pos(before) == Pos::Prep && before > 0 && governed(before) {
            return true;
        }
        // "urged Sharif to …", "encouraged these groups to use …"
        if infinitive && s.pos(before).in_np() {
            let a = self.np_left(before);
            if a > 0 && governed(a - 1) {
                return true;
            }
        }
        // a nominal cue in the object of "demanded", "called for"
        if noun {
            let governed_np = |k: usize| {
                (k.saturating_sub(2)..=k)
                    .any(|st| self.lex.irrealis_np.longest(s, st).is_some_and(|m| m.end == k + 1))
            };
            let a = self.np_left(p);
            if a > 0
                && (governed_np(a - 1)
                    || (s.pos(a - 1) == Pos::Prep && a > 1 && governed_np(a - 2)))
            {
                return true;
            }
        }
        false
    }
}

fn is_year(text: &str, pos: Pos) -> bool {
    let t = text.trim_end_matches(|c: char| !c.is_ascii_digit());
    let digits = t.len() >= 4 && t[..4].chars().all(|c| c.is_ascii_digit());
    (pos == Pos::Date || pos == Pos::Num) && digits && (t.starts_with("19") || t.starts_with("20"))
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::claims_of;
    use crate::model::{Modality, Polarity, Relation};

    fn modality(text: &str, rel: Relation) -> (Modality, Option<String>) {
        let c = claims_of(text);
        let c = c.iter().find(|c| c.relation == rel).unwrap_or_else(|| panic!("{rel} in {c:#?}"));
        (c.modality, c.source.as_ref().map(|s| s.text.clone()))
    }

    #[test]
    fn attribution_verbs_and_phrases() {
        let (m, src) = modality(
            "Despite formal denials, credible reports indicate that the TTP leadership operates from Kunar.",
            Relation::OperatesIn,
        );
        assert_eq!(m, Modality::Reported);
        assert_eq!(src.as_deref(), Some("credible reports"));
        let (m, _) = modality(
            "According to Pakistani authorities, the TTP attacked Quetta.",
            Relation::Attacks,
        );
        assert_eq!(m, Modality::Reported);
        let (m, src) = modality(
            "As Bin Ladin has documented, the Afghan Taliban regime funded Lashkar-e-Taiba in Kashmir (Rashid, 2010).",
            Relation::Supports,
        );
        assert_eq!(m, Modality::Reported);
        assert!(src.is_some());
    }

    #[test]
    fn hedges() {
        let (m, _) = modality("The Afghan Taliban may have funded the TTP.", Relation::Supports);
        assert_eq!(m, Modality::Hedged);
        let (m, _) = modality(
            "The Afghan Taliban maintain plausible deniability, while tacitly tolerating TTP presence.",
            Relation::Shelters,
        );
        assert_eq!(m, Modality::Hedged);
        let (m, _) = modality("The Afghan Taliban funded the TTP.", Relation::Supports);
        assert_eq!(m, Modality::Asserted);
    }

    #[test]
    fn negation_scope() {
        let c = claims_of(
            "The Afghan Taliban's refusal to formally recognize the Durand Line complicates cooperation.",
        );
        let r = c.iter().find(|c| c.relation == Relation::Recognizes).expect("recognizes");
        assert_eq!(r.polarity, Polarity::Negative);
        let c = claims_of("Despite formal denials, the Taliban harboured the TTP.");
        assert!(c.iter().all(|c| c.polarity == Polarity::Positive), "{c:#?}");
        let c = claims_of("Kabul has neither funded the TTP nor sheltered Al-Qaeda.");
        assert!(c.len() >= 2 && c.iter().all(|c| c.polarity == Polarity::Negative), "{c:#?}");
    }

    #[test]
    fn denials_are_negated_reports() {
        let c = claims_of("The Afghan Taliban continue to deny that Al-Qaeda operates in Kunar.");
        let c = c.iter().find(|c| c.relation == Relation::OperatesIn).expect("operates_in");
        assert_eq!(c.polarity, Polarity::Negative);
        assert_eq!(c.modality, Modality::Reported);
        assert_eq!(c.source.as_ref().and_then(|s| s.entity.as_deref()), Some("afghan_taliban"));
    }

    #[test]
    fn a_participle_before_a_noun_is_a_hedge_not_a_report() {
        let c = claims_of("Suspected TTP militants attacked Peshawar in 2014.");
        let attack = c.iter().find(|c| c.relation == Relation::Attacks).expect("attack");
        assert_eq!(attack.modality, Modality::Hedged);
        assert!(attack.source.is_none());
    }

    #[test]
    fn no_evidence_that_is_a_negation() {
        let c = claims_of("There is no evidence that Pakistan funded the TTP.");
        let fund = c.iter().find(|c| c.relation == Relation::Supports).expect("supports");
        assert_eq!(fund.polarity, Polarity::Negative);
        let c = claims_of("There is evidence that Pakistan funded the TTP.");
        let fund = c.iter().find(|c| c.relation == Relation::Supports).expect("supports");
        assert_eq!(fund.polarity, Polarity::Positive);
    }

    #[test]
    fn an_author_s_year_in_parentheses_is_a_citation_not_a_time() {
        let c = claims_of(
            "According to Rassler (2019), Pakistan funded the TTP. The TTP attacked Peshawar.",
        );
        let attack = c.iter().find(|c| c.relation == Relation::Attacks).expect("attack");
        assert!(attack.time.is_none(), "{:?}", attack.time);
        let c = claims_of("Pakistan funded the TTP in Peshawar (2009). The TTP attacked Quetta.");
        let attack = c.iter().find(|c| c.relation == Relation::Attacks).expect("attack");
        assert!(attack.time.is_some(), "a place's year is a date");
    }

    #[test]
    fn allegations_and_their_rejection() {
        let c = claims_of("Pakistan rejected allegations that it funded the TTP.");
        let c = c.iter().find(|c| c.relation == Relation::Supports).expect("supports");
        assert_eq!((c.polarity, c.modality), (Polarity::Negative, Modality::Reported));
        assert_eq!(c.source.as_ref().map(|s| s.text.as_str()), Some("allegations"));
    }

    #[test]
    fn wishes_and_demands_are_not_claims() {
        let c = claims_of(
            "Mullah Omar gave him a free hand, though asking that he not attack the Army Public School.",
        );
        assert!(!c.iter().any(|c| c.relation == Relation::Attacks), "{c:#?}");
        let c = claims_of("Bush must push Musharraf to take action against the TTP.");
        assert!(!c.iter().any(|c| c.relation == Relation::Fights), "{c:#?}");
        let c = claims_of("The Afghan Taliban encouraged these groups to use Kashmir as a base.");
        assert!(!c.iter().any(|c| c.relation == Relation::OperatesIn), "{c:#?}");
        let c = claims_of("The U.S. was pressing the Taliban to stop sheltering Bin Ladin.");
        assert!(c.iter().any(|c| c.relation == Relation::Shelters), "{c:#?}");
    }
}
