//! Claim extraction: subject – relation – object assertions from tagged
//! sentences, with polarity, modality, source, time and place.
//!
//! Each sentence is tokenised with its entity and date mentions as slots
//! ([`tokens`]); the constructions ([`constructions`]) find cues from the
//! rule files (`rules/relations.toml`, `rules/modality.toml`,
//! `rules/reference.toml`, `rules/grammar.toml`) and link each cue to its
//! arguments by walking the sentence ([`syntax`]), resolving pronouns,
//! descriptions and metonyms against the discourse ([`reference`]). Every
//! claim has a cue that links its two arguments: nothing is claimed from
//! two names merely occurring together.

mod arguments;
mod cache;
mod confidence;
mod constructions;
mod ids;
mod lexicon;
mod modality;
mod morph;
mod place;
mod polarity;
mod reference;
mod syntax;
mod time;
mod tokens;

use std::cell::RefCell;
use std::collections::HashSet;

use rustc_hash::{FxHashMap, FxHashSet};

use arguments::{Arg, Ctx, object_is_place_role, signature};
use constructions::Frame;
use lexicon::Lexicon;
use modality::Report;
use reference::{Discourse, Event, Salient};
use time::Sections;
use tokens::{Kind, Pos, Sent};

use crate::error::RulesError;
use crate::lexicon::RulesDir;
use crate::model::{
    Argument, Claim, ClaimTime, EntityCatalog, Evidence, Modality, Place, Polarity, Relation,
    Source, TaggedDoc,
};

/// The claim extractor, built from the relation-cue and modality lexicons.
#[derive(Debug)]
pub struct Extractor {
    lex: Lexicon,
}

impl Extractor {
    /// Loads the extraction rules from `rules` (or the built-in copies).
    pub fn load(rules: &RulesDir) -> Result<Extractor, RulesError> {
        Ok(Extractor { lex: Lexicon::load(rules)? })
    }

    /// Every claim in `doc`, in text order.
    pub fn extract(&self, doc: &TaggedDoc, catalog: &dyn EntityCatalog) -> Vec<Claim> {
        let mut run = DocRun::new(&self.lex, doc, catalog);
        for i in 0..doc.sentences.len() {
            run.sentence(i);
        }
        run.claims
    }

    /// How the extractor reads the sentences whose text contains `needle`:
    /// each token with its part of speech, then the frames the
    /// constructions found (for rule writers and reviewers asking "why").
    pub fn explain(&self, doc: &TaggedDoc, catalog: &dyn EntityCatalog, needle: &str) -> String {
        let mut run = DocRun::new(&self.lex, doc, catalog);
        let mut out = String::new();
        for i in 0..doc.sentences.len() {
            let sent = doc.sentences[i];
            if !sent.is_heading && sent.span.slice(&doc.doc.text).contains(needle) {
                let s = tokens::tokenize(doc, i, &self.lex);
                let cx = Ctx {
                    s: &s,
                    lex: &self.lex,
                    cat: catalog,
                    disc: &run.disc,
                    states: &run.territorial,
                    quoted: vec![false; s.len()],
                    controllers: RefCell::new(Vec::new()),
                    caches: &run.caches,
                };
                let toks: Vec<String> =
                    (0..s.len()).map(|k| format!("{}/{:?}", s.text(k), s.pos(k))).collect();
                out.push_str(&toks.join(" "));
                out.push('\n');
                for fr in constructions::find(&cx) {
                    let names = |v: &[Arg]| {
                        v.iter().map(|a| cx.id(a).to_string()).collect::<Vec<_>>().join(",")
                    };
                    out.push_str(&format!(
                        "  {} {} [{}] -> [{}] cue={:?} pred={} irrealis={} neg={} hedged={}\n",
                        fr.rule,
                        fr.rel,
                        names(&fr.subj),
                        names(&fr.obj),
                        s.text_range(fr.cue.0, fr.cue.1.saturating_sub(1).max(fr.cue.0)),
                        s.text(fr.pred),
                        cx.irrealis(&fr),
                        cx.negated(&fr),
                        cx.hedged(&fr),
                    ));
                }
            }
            run.sentence(i);
        }
        out
    }
}

/// The state of one document's extraction.
struct DocRun<'a> {
    lex: &'a Lexicon,
    doc: &'a TaggedDoc,
    cat: &'a dyn EntityCatalog,
    sections: Sections,
    territorial: HashSet<&'a str>,
    disc: Discourse,
    claims: Vec<Claim>,
    counts: FxHashMap<(String, Relation, String, Option<usize>), usize>,
    quote_open: bool,
    quote_block: usize,
    speaker: Option<Report>,
    /// The last date of the current paragraph.
    para_time: Option<ClaimTime>,
    caches: cache::Caches,
}

/// One claim before its id is known.
struct Draft {
    cue: usize,
    claim: Claim,
}

impl<'a> DocRun<'a> {
    fn new(lex: &'a Lexicon, doc: &'a TaggedDoc, cat: &'a dyn EntityCatalog) -> DocRun<'a> {
        let mut territorial = HashSet::new();
        for e in cat.entities() {
            if e.etype == "place" {
                territorial.extend(e.part_of.iter().map(String::as_str));
            }
        }
        DocRun {
            lex,
            doc,
            cat,
            sections: Sections::new(doc),
            territorial,
            disc: Discourse::default(),
            claims: Vec::new(),
            counts: FxHashMap::default(),
            quote_open: false,
            quote_block: usize::MAX,
            speaker: None,
            para_time: None,
            caches: cache::Caches::default(),
        }
    }

    fn sentence(&mut self, si: usize) {
        let doc = self.doc;
        let sent = doc.sentences[si];
        if sent.is_heading {
            self.disc.reset();
            self.quote_open = false;
            return;
        }
        if sent.block != self.quote_block {
            self.quote_open = false;
            self.quote_block = sent.block;
            self.speaker = None;
            self.para_time = None;
        }
        if self.sections.skipped(sent.section) {
            return;
        }
        let has_entity = doc.mentions_in(sent.span).iter().any(|m| m.entity().is_some());
        if !has_entity {
            scan_quotes(sent.span.slice(&doc.doc.text), &mut self.quote_open);
            return;
        }
        let whole = tokens::tokenize(doc, si, self.lex);
        for s in tokens::split(whole) {
            self.piece(si, s);
        }
        self.disc.prune(si + 1);
    }

    /// Analyses one sentence (or one part of a sentence the segmenter
    /// left whole).
    fn piece(&mut self, si: usize, s: Sent<'a>) {
        let quoted = quote_mask(&s, &mut self.quote_open);
        let cx = Ctx {
            s: &s,
            lex: self.lex,
            cat: self.cat,
            disc: &self.disc,
            states: &self.territorial,
            quoted,
            controllers: RefCell::new(Vec::new()),
            caches: &self.caches,
        };
        let mut frames = constructions::find(&cx);
        let talks = self.address_demands(&cx, &mut frames, si);
        let reports = cx.reports(self.speaker.as_ref());
        let cites = cx.citation_spans();
        let mut drafts: Vec<Draft> = Vec::new();
        let mut events: Vec<Event> = Vec::new();
        for fr in &frames {
            // an attack described as an event (not "attacking soft targets")
            let finite = fr.rule.starts_with("noun")
                || (s.pos(fr.pred) == Pos::Verb
                    && !s.low(fr.pred).ends_with("ing")
                    && !(cx.group_start(fr.pred)..fr.pred).any(|k| s.pos(k) == Pos::To));
            if fr.rel == Relation::Attacks && !fr.obj.is_empty() && finite && !cx.irrealis(fr) {
                let date = fr.date.or_else(|| first_date(&s, &cites));
                events.push(Event {
                    target: fr.obj[0].clone(),
                    date,
                    place: cx.place_of(fr),
                    sentence: si,
                });
            }
            if !fr.complete() || cx.irrealis(fr) {
                continue;
            }
            self.drafts(&cx, fr, &reports, &cites, &mut drafts);
        }
        // carry the speaker of a quotation that goes on in the next sentence
        if self.quote_open
            && let Some(r) = reports.iter().rev().find(|r| r.to == s.len())
        {
            self.speaker = Some(r.clone());
        }
        let mut subjects: Vec<(usize, bool)> = (0..s.len())
            .filter_map(|k| match s.toks[k].kind {
                Kind::Entity(m) => Some((m, cx.is_subject_token(k))),
                _ => None,
            })
            .collect();
        // what pronouns and descriptions were taken to mean stays salient
        // ("it" … "The group" …)
        for fr in &frames {
            for a in fr.subj.iter().chain(&fr.obj) {
                if a.via == arguments::Via::Reference
                    && a.alt.is_none()
                    && a.mention < self.doc.mentions.len()
                {
                    subjects.push((a.mention, cx.followed_by_verb(a.tok)));
                }
            }
        }
        if let Some(t) = cx.last_time(&cites) {
            self.para_time = Some(t);
        }
        let titles = self.titles_in(&cx);
        drop(cx);
        self.disc.talks = talks;
        self.disc.titles.extend(titles);
        self.finish_sentence(si, drafts);
        self.disc.events.extend(events);
        for (m, subject) in subjects {
            self.disc.items.push(Salient { mention: m, sentence: si, subject });
        }
    }

    /// A demand with no one named to answer it goes to the other side of
    /// talks the subject was in lately ("Pakistan sought to negotiate with
    /// the TTP … talks collapsed when the TTP demanded …").
    fn address_demands(
        &self,
        cx: &Ctx<'_, '_>,
        frames: &mut [Frame],
        si: usize,
    ) -> Vec<(usize, usize, usize)> {
        let id = |m: usize| self.doc.mentions.get(m).and_then(|x| x.entity()).map(|e| e.id.clone());
        let mut talks: Vec<(usize, usize, usize)> = self.disc.talks.clone();
        for f in frames.iter().filter(|f| f.rel == Relation::NegotiatesWith && f.complete()) {
            for a in &f.subj {
                for b in &f.obj {
                    if a.alt.is_none() && b.alt.is_none() {
                        talks.push((si, a.mention, b.mention));
                    }
                }
            }
        }
        for f in frames.iter_mut().filter(|f| f.rel == Relation::Demands && f.obj.is_empty()) {
            let Some(who) = f.subj.first().filter(|a| a.alt.is_none()).and_then(|a| id(a.mention))
            else {
                continue;
            };
            let other = talks.iter().rev().find_map(|&(_, a, b)| {
                if id(a).as_deref() == Some(who.as_str()) {
                    Some(b)
                } else if id(b).as_deref() == Some(who.as_str()) {
                    Some(a)
                } else {
                    None
                }
            });
            if let Some(m) = other {
                let tok = f.cue.0;
                f.obj = vec![Arg {
                    mention: m,
                    alt: None,
                    text: cx.s.toks[tok].span,
                    tok,
                    via: arguments::Via::Reference,
                }];
            }
        }
        talks
    }

    /// Remembers "ORG title" pairs ("UN Secretary-General") for later
    /// mentions of the title alone.
    fn titles_in(&self, cx: &Ctx<'_, '_>) -> Vec<(String, usize)> {
        let s = cx.s;
        let mut out = Vec::new();
        for k in 0..s.len() {
            // a name that ends in a title: "UN Secretary-General"
            if s.pos(k) == Pos::Ent && s.etype(k) == Some("actor") && s.text(k).contains(' ') {
                let title = cache::Caches::memo(&self.caches.name_end_titles, s.text(k), || {
                    let words: Vec<String> = s
                        .text(k)
                        .split_whitespace()
                        .map(|w| w.to_lowercase().replace('’', "'"))
                        .collect();
                    (1..words.len()).find_map(|st| {
                        let m =
                            self.lex.titles.longest_at(st, |x| words.get(x).map(String::as_str))?;
                        (m.end == words.len()).then(|| words[st..].join(" "))
                    })
                });
                if let (Some(t), Some(idx)) = (title, s.mention_index(k)) {
                    out.push((t, idx));
                }
            }
            let Some(m) = self.lex.titles.longest(s, k + 1) else { continue };
            if s.pos(k) == Pos::Ent
                && s.etype(k) == Some("actor")
                && let Some(idx) = s.mention_index(k)
            {
                let title = s.text_range(k + 1, m.end - 1).to_lowercase();
                out.push((title, idx));
            }
        }
        out
    }

    /// Turns one frame into claim drafts (one per subject–object pair).
    fn drafts(
        &self,
        cx: &Ctx<'_, '_>,
        fr: &Frame,
        reports: &[Report],
        cites: &[(usize, usize)],
        out: &mut Vec<Draft>,
    ) {
        let s = cx.s;
        let doc = self.doc;
        let sent = doc.sentences[s.index];
        let negative = cx.negated(fr);
        if negative && cx.negation_on_adverbial(fr) {
            return;
        }
        // names, titles and compounds are the author's way of referring,
        // not what a source says (unless quoted)
        let plain = fr.realis && !cx.quoted.get(fr.cue.0).copied().unwrap_or(false);
        let hedged = !plain && cx.hedged(fr);
        // a nominal inside a prepositional phrase refers to something the
        // author takes as given ("a dialogue on Bin Ladin's presence in
        // Afghanistan", "the man behind the London bombings"), even when the
        // sentence reports what someone said
        let nominal = fr.rule.starts_with("noun-")
            && !matches!(fr.rule, "noun-light" | "noun-inverse" | "noun-undergo");
        let np = cx.np_left(fr.cue.0);
        let presupposed =
            nominal && (fr.rule == "noun-behind" || (np > 0 && s.pos(np - 1) == Pos::Prep));
        let report: Option<Report> = match &fr.attribution {
            _ if plain => None,
            Some(a) => Some(Report {
                from: a.from,
                to: a.to,
                args: a.args.clone(),
                text: a.text.clone(),
                negative: false,
            }),
            None if presupposed && !cx.quoted.get(fr.cue.0).copied().unwrap_or(false) => None,
            None => reports.iter().find(|r| r.from <= fr.cue.0 && fr.cue.0 < r.to).cloned(),
        };
        // the sentence's date, else the heading's period, else the date the
        // paragraph's narrative reached
        let (own, elsewhere) = cx.frame_time(fr, cites);
        let time = own
            .or_else(|| self.sections.time(sent.section))
            .or_else(|| self.para_time.clone())
            .or(elsewhere);
        let year = time
            .as_ref()
            .and_then(|t| t.start_date.or(t.end_date))
            .or(doc.doc.meta.published)
            .map(|d| chrono::Datelike::year(&d));
        let place = cx.place_of(fr).and_then(|m| {
            let e = doc.mentions[m].entity()?;
            Some(Place {
                entity: e.id.clone(),
                name: e.name.clone(),
                text: doc.mentions[m].text.clone(),
            })
        });
        let section = sent.section.map(|i| doc.doc.section_path(i)).unwrap_or_default();
        for sa in &fr.subj {
            for oa in &fr.obj {
                let Some((rel, subject, object, metonym)) = self.arguments(cx, fr, sa, oa, year)
                else {
                    continue;
                };
                // an official's title says they serve a state: known, and
                // not worth a reviewer's time; a member of a group is kept
                if rel == Relation::PartOf
                    && fr.rule.starts_with("title")
                    && self
                        .lineage(&object.entity)
                        .iter()
                        .any(|x| self.territorial.contains(x.as_str()))
                {
                    continue;
                }
                let (modality, source) = match &report {
                    Some(r) => (Modality::Reported, Some(self.source(cx, r, year))),
                    None if hedged => (Modality::Hedged, None),
                    None => (Modality::Asserted, None),
                };
                let denied = report.as_ref().is_some_and(|r| r.negative);
                let claim = Claim {
                    id: String::new(),
                    doc: doc.doc.id.0.clone(),
                    subject,
                    relation: rel,
                    object,
                    polarity: if negative != denied {
                        Polarity::Negative
                    } else {
                        Polarity::Positive
                    },
                    modality,
                    source,
                    time: time.clone(),
                    place: place.clone(),
                    evidence: Evidence {
                        start: sent.span.start,
                        end: sent.span.end,
                        sentence: sent.span.slice(&doc.doc.text).to_string(),
                    },
                    section: section.clone(),
                    confidence: confidence::score(fr, sa, oa, metonym, hedged),
                    rule: fr.rule.to_string(),
                    cue: Some(
                        s.text_range(fr.cue.0, fr.cue.1.saturating_sub(1).max(fr.cue.0))
                            .to_string(),
                    ),
                };
                // "western Pakistan" is still Pakistan
                let region = if matches!(rel, Relation::OperatesIn | Relation::Controls) {
                    self.region_parent(&claim.object)
                } else {
                    None
                };
                if let Some(parent) = region {
                    let mut wider = claim.clone();
                    wider.object = parent;
                    wider.rule = format!("{}+region", claim.rule);
                    out.push(Draft { cue: fr.cue.0, claim });
                    out.push(Draft { cue: fr.cue.0, claim: wider });
                } else {
                    out.push(Draft { cue: fr.cue.0, claim });
                }
            }
        }
    }

    /// The country a region named by a compass point belongs to ("western
    /// Pakistan" → Pakistan).
    fn region_parent(&self, a: &Argument) -> Option<Argument> {
        const POINTS: &[&str] = &[
            "northern",
            "southern",
            "eastern",
            "western",
            "north",
            "south",
            "east",
            "west",
            "central",
            "northwestern",
            "northeastern",
            "southwestern",
            "southeastern",
            "north-western",
            "north-eastern",
            "south-western",
            "south-eastern",
            "upper",
            "lower",
        ];
        let e = self.cat.entity(&a.entity)?;
        // a description ("eastern Afghanistan"), not a proper name ("North Waziristan")
        if e.name.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let name = e.name.to_lowercase();
        let (first, rest) = name.split_once(' ')?;
        if !POINTS.contains(&first) {
            return None;
        }
        let parent = e
            .part_of
            .iter()
            .filter_map(|p| self.cat.entity(p))
            .find(|p| p.name.to_lowercase() == rest)?;
        Some(Argument {
            entity: parent.id.clone(),
            name: parent.name.clone(),
            text: a.text.clone(),
            etype: parent.etype.clone(),
            span: a.span,
        })
    }

    /// The source of a reported claim.
    fn source(&self, cx: &Ctx<'_, '_>, r: &Report, year: Option<i32>) -> Source {
        let entity =
            r.args.first().and_then(|a| self.resolve(cx, a, true, year)).map(|(x, _)| x.entity);
        let text = if r.text.trim().is_empty() {
            r.args.first().map(|a| a.text.slice(&self.doc.doc.text).to_string()).unwrap_or_default()
        } else {
            r.text.clone()
        };
        Source { entity, text }
    }

    /// The claim's relation and arguments after type checks and metonyms,
    /// or `None` when the types do not fit.
    fn arguments(
        &self,
        cx: &Ctx<'_, '_>,
        fr: &Frame,
        sa: &Arg,
        oa: &Arg,
        year: Option<i32>,
    ) -> Option<(Relation, Argument, Argument, bool)> {
        let mut rel = fr.rel;
        let raw_otype = cx.etype(oa);
        if let Some((_, r)) = fr.by_type.iter().find(|(t, _)| t == raw_otype) {
            rel = *r;
        }
        let (sig_s, sig_o) = signature(rel);
        let (subject, sm) = self.resolve(cx, sa, true, year)?;
        let place_like = matches!(cx.etype(oa), "place" | "facility");
        // what a person leads or belongs to is that organisation itself
        // ("the army chief" leads the army, not the state)
        let membership = matches!(
            rel,
            Relation::Leads | Relation::PartOf | Relation::Founded | Relation::SplitsFrom
        );
        let actor = !membership
            && (!object_is_place_role(rel) || (rel == Relation::Attacks && !place_like));
        let (object, om) = self.resolve(cx, oa, actor, year)?;
        if subject.entity == object.entity || self.same_side(rel, &subject, &object) {
            return None;
        }
        let s_ok = match &fr.subj_types {
            Some(t) => self.fits(&subject, &t.iter().map(String::as_str).collect::<Vec<_>>()),
            None => self.fits(&subject, sig_s),
        };
        let o_ok = match &fr.obj_types {
            Some(t) => self.fits(&object, &t.iter().map(String::as_str).collect::<Vec<_>>()),
            None => self.fits(&object, sig_o),
        } && self.fits(&object, sig_o);
        if !s_ok || !o_ok {
            return None;
        }
        Some((rel, subject, object, sm || om))
    }

    /// True when a diplomatic relation would link an entity to its own
    /// side: an organisation and its part, two parts of one state, or a
    /// person and an organ of their country's state.
    fn same_side(&self, rel: Relation, a: &Argument, b: &Argument) -> bool {
        if !matches!(
            rel,
            Relation::Demands
                | Relation::NegotiatesWith
                | Relation::AlliedWith
                | Relation::Mediates
        ) {
            return false;
        }
        let la = self.lineage(&a.entity);
        let lb = self.lineage(&b.entity);
        if la.iter().any(|x| lb.contains(x)) {
            return true;
        }
        let country = |id: &str| self.cat.entity(id).and_then(|x| x.country.clone());
        // a person and an organ of their own country's state ("the State
        // Department urged President Clinton")
        let own_state = |p: &Argument, lo: &[String]| {
            p.etype == "person"
                && country(&p.entity).is_some()
                && lo.iter().skip(1).any(|x| {
                    self.territorial.contains(x.as_str()) && country(x) == country(&p.entity)
                })
        };
        own_state(a, &lb) || own_state(b, &la)
    }

    /// An entity and every entity it is part of.
    fn lineage(&self, id: &str) -> Vec<String> {
        let mut out = vec![id.to_string()];
        let mut i = 0;
        while i < out.len() && out.len() < 16 {
            if let Some(e) = self.cat.entity(&out[i]) {
                for p in &e.part_of {
                    if !out.contains(p) {
                        out.push(p.clone());
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// True if an argument's type is one of `allowed` ("territory": a place,
    /// a facility, or a state).
    fn fits(&self, a: &Argument, allowed: &[&str]) -> bool {
        let t = a.etype.as_str();
        allowed.iter().any(|x| {
            *x == t
                || (*x == "territory"
                    && (t == "place"
                        || t == "facility"
                        || (t == "actor"
                            && (self.territorial.is_empty()
                                || self.territorial.contains(a.entity.as_str())))))
        })
    }

    /// The model argument for `a`; an entity that stands for another when
    /// it acts (a capital, a country's forces) becomes that other entity
    /// when `actor` is asked for.
    fn resolve(
        &self,
        cx: &Ctx<'_, '_>,
        a: &Arg,
        actor: bool,
        year: Option<i32>,
    ) -> Option<(Argument, bool)> {
        let text = a.text.slice(&self.doc.doc.text).to_string();
        let owned;
        let e = match a.alt {
            Some(i) => {
                let ent = self.cat.entities().get(i)?;
                owned = crate::model::EntityRef {
                    id: ent.id.clone(),
                    etype: ent.etype.clone(),
                    name: ent.name.clone(),
                };
                &owned
            }
            None => self.doc.mentions.get(a.mention)?.entity()?,
        };
        if actor {
            let target = self.cat.entity(&e.id).and_then(|ent| ent.metonym_for(year));
            if let Some(t) = target.filter(|t| *t != e.id).and_then(|t| self.cat.entity(t)) {
                let arg = Argument {
                    entity: t.id.clone(),
                    name: t.name.clone(),
                    text,
                    etype: t.etype.clone(),
                    span: Some(a.text),
                };
                return Some((arg, true));
            }
        }
        let _ = cx;
        let arg = Argument {
            entity: e.id.clone(),
            name: e.name.clone(),
            text,
            etype: e.etype.clone(),
            span: Some(a.text),
        };
        Some((arg, false))
    }

    /// Orders a sentence's drafts, drops duplicates, gives them ids.
    fn finish_sentence(&mut self, si: usize, mut drafts: Vec<Draft>) {
        drafts.sort_by_key(|d| d.cue);
        // duplicates of claims already made from the same sentence
        let start = self.doc.sentences[si].span.start;
        let earlier: Vec<(String, Relation, String, Polarity)> = self
            .claims
            .iter()
            .rev()
            .take_while(|c| c.evidence.start == start)
            .map(|c| {
                let (a, b) = ordered(c);
                (a, c.relation, b, c.polarity)
            })
            .collect();
        let mut seen: FxHashSet<(String, Relation, String, Polarity)> =
            earlier.into_iter().collect();
        let section = self.doc.sentences[si].section;
        for d in drafts {
            let c = d.claim;
            let (a, b) = ordered(&c);
            if !seen.insert((a.clone(), c.relation, b.clone(), c.polarity)) {
                continue;
            }
            let key = (a, c.relation, b, section);
            let k = self.counts.entry(key).or_insert(0);
            let mut c = c;
            c.id = ids::claim_id(
                &c.doc,
                &c.subject.entity,
                c.relation,
                &c.object.entity,
                &c.section,
                *k,
            );
            *k += 1;
            self.claims.push(c);
        }
    }
}

/// Subject and object ids, sorted for symmetric relations.
fn ordered(c: &Claim) -> (String, String) {
    let (s, o) = (c.subject.entity.clone(), c.object.entity.clone());
    if c.relation.is_symmetric() && o < s { (o, s) } else { (s, o) }
}

/// The first date of the sentence outside citations (an event's date).
fn first_date(s: &Sent<'_>, cites: &[(usize, usize)]) -> Option<usize> {
    (0..s.len()).find_map(|k| match s.toks[k].kind {
        Kind::Date(m) if !cites.iter().any(|&(a, b)| a <= k && k <= b) => Some(m),
        _ => None,
    })
}

/// Follows quotation marks through a sentence without tokenising it.
fn scan_quotes(text: &str, open: &mut bool) {
    let mut prev = '\0';
    for c in text.chars() {
        match c {
            '“' => *open = true,
            '”' => *open = false,
            '"' => *open = !*open,
            '\'' if prev == '\'' => *open = !*open,
            _ => {}
        }
        prev = if prev == '\'' && c == '\'' { '\0' } else { c };
    }
}

/// Which tokens lie inside quotation marks (`open`: a quotation carried in
/// from the previous sentence; updated for the next one).
fn quote_mask(s: &Sent<'_>, open: &mut bool) -> Vec<bool> {
    let mut mask = vec![false; s.len()];
    for (k, m) in mask.iter_mut().enumerate() {
        if s.pos(k) == Pos::Quote && s.low(k) != "'" {
            match s.low(k) {
                "“" => *open = true,
                "”" => *open = false,
                _ => *open = !*open,
            }
            continue;
        }
        *m = *open;
    }
    mask
}

#[cfg(test)]
pub(crate) mod tests {
    use super::Extractor;
    use super::tokens::testdoc::{ENTS, doc};
    use crate::lexicon::RulesDir;
    use crate::model::{Claim, Entity, EntityCatalog, Metonym, Relation};

    /// A catalog for the test entities, with capitals as metonyms and a
    /// few places inside countries.
    pub struct TestCatalog {
        ents: Vec<Entity>,
    }

    impl EntityCatalog for TestCatalog {
        fn entity(&self, id: &str) -> Option<&Entity> {
            self.ents.iter().find(|e| e.id == id)
        }
        fn lookup_name(&self, _name: &str) -> Vec<&Entity> {
            Vec::new()
        }
        fn entities(&self) -> &[Entity] {
            &self.ents
        }
    }

    pub fn catalog() -> TestCatalog {
        let mut ents: Vec<Entity> = ENTS
            .iter()
            .map(|e| Entity {
                id: e.id.into(),
                etype: e.etype.into(),
                name: e.names[0].into(),
                aliases: e.names.iter().map(|n| n.to_string()).collect(),
                ..Entity::default()
            })
            .collect();
        for e in &mut ents {
            match e.id.as_str() {
                "kabul" => {
                    e.metonym_of = vec![
                        Metonym {
                            target: "afghan_taliban".into(),
                            from: Some(1996),
                            to: Some(2001),
                        },
                        Metonym { target: "afghan_taliban".into(), from: Some(2021), to: None },
                    ];
                    e.part_of = vec!["afghanistan".into()];
                }
                "islamabad" => {
                    e.metonym_of = vec![Metonym { target: "pakistan".into(), from: None, to: None }]
                }
                "quetta" | "peshawar" | "north_waziristan" | "fata" => {
                    e.part_of = vec!["pakistan".into()]
                }
                "isi" | "frontier_corps" => e.part_of = vec!["pakistan".into()],
                _ => {}
            }
        }
        TestCatalog { ents }
    }

    /// Every claim of a small document (see `testdoc::doc`).
    pub fn claims_of(text: &str) -> Vec<Claim> {
        let ex = Extractor::load(&RulesDir::embedded()).unwrap();
        ex.extract(&doc(text, ENTS), &catalog())
    }

    /// (subject, relation, object) of every claim, with the test ids.
    pub fn triples(text: &str) -> Vec<(&'static str, Relation, &'static str)> {
        let id = |s: &str| ENTS.iter().find(|e| e.id == s).map(|e| e.id).unwrap_or("?");
        claims_of(text)
            .iter()
            .map(|c| (id(&c.subject.entity), c.relation, id(&c.object.entity)))
            .collect()
    }

    #[test]
    fn no_claim_from_mere_co_occurrence() {
        assert!(triples("The TTP and the Afghan Taliban were in Kabul in 2022.").is_empty());
        assert!(triples("Pakistan, India and the TTP are discussed in this article.").is_empty());
    }

    #[test]
    fn metonyms_resolve_only_as_actors() {
        let t = triples("In 2022, Islamabad funded the TTP, and the TTP captured Kabul.");
        assert!(t.contains(&("pakistan", Relation::Supports, "ttp")), "{t:?}");
        assert!(t.contains(&("ttp", Relation::Controls, "kabul")), "{t:?}");
        let c = claims_of("In 2022, Islamabad funded the TTP.");
        assert_eq!(c[0].subject.text, "Islamabad");
        assert_eq!(c[0].subject.entity, "pakistan");
    }

    #[test]
    fn ids_survive_edits_elsewhere_and_in_the_evidence() {
        let a = claims_of("# Intro\n\nThe TTP attacked the Army Public School in 2014.");
        let b = claims_of(
            "# Intro\n\nSome new words come first here. The TTP brutally attacked the Army Public School in 2014.",
        );
        assert_eq!(a.len(), 1);
        let same = b.iter().find(|c| c.relation == Relation::Attacks).unwrap();
        assert_eq!(a[0].id, same.id);
        assert_ne!(a[0].evidence.start, same.evidence.start);
        let c = claims_of(
            "# Intro\n\nThe TTP attacked the Army Public School. The TTP attacked the Army Public School again.",
        );
        assert_eq!(c.len(), 2);
        assert_ne!(c[0].id, c[1].id);
    }

    #[test]
    fn extractor_is_shareable_across_threads() {
        fn assert_sync<T: Sync + Send>() {}
        assert_sync::<Extractor>();
    }
}

#[cfg(test)]
mod debug {
    //! `CLAIMEX_DEBUG="text" cargo test --lib extract::debug -- --nocapture --ignored`
    //! prints the tokens, parts of speech and claims of a text.
    use super::tests::claims_of;
    use super::tokens::testdoc::{ENTS, doc};
    use super::tokens::tokenize;
    use crate::lexicon::RulesDir;

    #[test]
    #[ignore]
    fn dump() {
        let text = std::env::var("CLAIMEX_DEBUG").unwrap_or_default();
        let lex = super::Lexicon::load(&RulesDir::embedded()).unwrap();
        let d = doc(&text, ENTS);
        for i in 0..d.sentences.len() {
            let s = tokenize(&d, i, &lex);
            let line: Vec<String> =
                (0..s.len()).map(|k| format!("{}/{:?}", s.text(k), s.pos(k))).collect();
            println!("{}", line.join(" "));
        }
        print!(
            "{}",
            super::Extractor::load(&RulesDir::embedded()).unwrap().explain(
                &d,
                &super::tests::catalog(),
                ""
            )
        );
        for c in claims_of(&text) {
            println!(
                "{} {} {} {:?} {:?} {:?} [{}] src={:?} time={:?}",
                c.subject.entity,
                c.relation,
                c.object.entity,
                c.polarity,
                c.modality,
                c.cue,
                c.rule,
                c.source.map(|s| s.text),
                c.time.map(|t| t.text)
            );
        }
    }
}
