//! Shallow syntax over a tokenised sentence: noun phrases and what they
//! refer to, coordinated lists ("Kunar, Nangarhar, and Khost", "such as"),
//! and the subject and object of a predicate found by walking from it.

use super::arguments::{Arg, Ctx, Via};
use super::lexicon::f;
use super::tokens::Pos;

/// A noun phrase and its referents.
#[derive(Clone, Debug)]
pub(crate) struct Np {
    pub a: usize,
    /// Last token (inclusive), after any "of" extension.
    pub e: usize,
    /// The head noun (or name) token.
    pub head: usize,
    pub args: Vec<Arg>,
}

/// How an object phrase may be read.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ObjOpts<'a> {
    /// Follow "sanctuaries in X" to the place.
    pub locations: bool,
    /// A preposition repeated after a conjunction ("to the Taliban, and also to Sudan").
    pub rep_prep: Option<&'a [String]>,
    /// Any phrase naming no one may lead to a place ("killed 61 cadets in
    /// Quetta"): an attack's place is its object when nothing else is.
    pub any_place: bool,
}

/// Prepositions after which a gerund takes the main clause's subject.
const GERUND_PREPS: &[&str] = &[
    "by", "after", "before", "while", "when", "through", "without", "despite", "since", "in",
    "upon", "via",
];

/// Prepositions of place used to reach a place behind a location noun.
const LOC_PREPS: &[&str] = &["in", "inside", "across", "within", "throughout", "near", "along"];

impl<'d> Ctx<'_, 'd> {
    /// Start of the noun phrase ending at token `e`.
    pub fn np_left(&self, e: usize) -> usize {
        let s = self.s;
        let mut a = e;
        while a > 0 {
            let p = s.pos(a - 1);
            let ok = p.in_np()
                || (p == Pos::Adv && a >= 2 && s.pos(a - 2) == Pos::Det)
                || (s.is(a - 1, "than")
                    && a >= 2
                    && matches!(s.low(a - 2), "more" | "less" | "fewer"));
            if !ok {
                break;
            }
            if s.pos(a) == Pos::Det
                && matches!(p, Pos::Noun | Pos::Ent | Pos::Adj | Pos::Num | Pos::Date)
            {
                break;
            }
            if p == Pos::Hyph && !s.hyphen_between(a - 1) {
                break;
            }
            a -= 1;
        }
        a
    }

    /// End (inclusive) of the noun phrase starting at token `a`.
    pub fn np_right(&self, a: usize) -> Option<usize> {
        let s = self.s;
        if a >= s.len() {
            return None;
        }
        if matches!(s.pos(a), Pos::Pron) {
            return Some(a);
        }
        let starts = s.pos(a).in_np() && s.pos(a) != Pos::Poss && s.pos(a) != Pos::Hyph
            || (s.pos(a) == Pos::Adv && s.pos(a + 1).in_np());
        if !starts {
            return None;
        }
        let mut e = a;
        loop {
            let n = e + 1;
            if n >= s.len() {
                break;
            }
            let p = s.pos(n);
            let ok = p.in_np()
                || (s.is(n, "than") && matches!(s.low(e), "more" | "less" | "fewer"))
                || (p == Pos::Adv && s.pos(e) == Pos::Det && s.pos(n + 1).in_np());
            if !ok {
                break;
            }
            if p == Pos::Det && matches!(s.pos(e), Pos::Noun | Pos::Ent | Pos::Num | Pos::Date) {
                break;
            }
            if p == Pos::Hyph && !s.hyphen_between(n) {
                break;
            }
            if p == Pos::PossPron && s.pos(e) != Pos::Det {
                break;
            }
            e = n;
        }
        // a phrase never ends on a possessive marker or a hyphen
        while e > a && matches!(s.pos(e), Pos::Poss | Pos::Hyph) {
            e -= 1;
        }
        Some(e)
    }

    /// The noun phrase starting at `a`, extended through "of" when its head
    /// stands for its complement ("members of the Taliban", "8,000 of its
    /// fighters", "a faction of LeJ").
    pub fn np_at(&self, a: usize) -> Option<Np> {
        let s = self.s;
        let e = self.np_right(a)?;
        let head = e;
        let passes = s.has(head, f::OF_HEAD)
            || matches!(s.pos(head), Pos::Num | Pos::Det)
            || (s.pos(head) == Pos::Noun && s.has(head, f::ORGAN | f::MEMBER | f::LOCATION));
        // "efforts by the government of Pakistan": a member noun that is no cue
        // "militants from the TTP" likewise
        let by = (s.is(e + 1, "by") || s.is(e + 1, "from"))
            && s.has(head, f::MEMBER)
            && self.lex.nouns.longest(s, head).is_none();
        if passes
            && (s.is(e + 1, "of") || by)
            && let Some(inner) = self.np_at(e + 2)
            && !inner.args.is_empty()
        {
            let args =
                inner.args.into_iter().map(|x| self.widen(x, a, inner.e, Via::Proxy)).collect();
            return Some(Np { a, e: inner.e, head: inner.head, args });
        }
        let args = self.referent(a, e);
        Some(Np { a, e, head, args })
    }

    /// What the noun phrase `a..=e` refers to.
    pub fn referent(&self, a: usize, e: usize) -> Vec<Arg> {
        let s = self.s;
        let head = e;
        match s.pos(head) {
            Pos::Ent => {
                // a parenthesised acronym after a name is the same entity
                return self
                    .arg(head, Via::Name)
                    .map(|x| self.widen(x, a, e, Via::Name))
                    .into_iter()
                    .collect();
            }
            Pos::Pron => {
                if s.has(head, f::REFLEXIVE) {
                    return Vec::new();
                }
                return self.resolve_pronoun(head);
            }
            _ => {}
        }
        // "the two groups (Al-Alami and ISIL)"
        if s.pos(e + 1) == Pos::Open {
            let inner = self.paren_list(e + 1);
            if !inner.is_empty() {
                return inner;
            }
        }
        let organ = s.has(head, f::ORGAN) || self.organ_phrase_ends(a, head);
        let member = s.has(head, f::MEMBER);
        if organ || member {
            for k in (a..head).rev() {
                match s.pos(k) {
                    Pos::Ent => {
                        if member && !organ && self.is_demonym(k) {
                            return Vec::new();
                        }
                        return self
                            .arg(k, Via::Proxy)
                            .map(|x| self.widen(x, a, e, Via::Proxy))
                            .into_iter()
                            .collect();
                    }
                    Pos::PossPron => {
                        return self
                            .resolve_pronoun(k)
                            .into_iter()
                            .map(|x| self.widen(x, a, e, Via::Reference))
                            .collect();
                    }
                    Pos::Poss if k > a && s.has(k - 1, f::DESC_ACTOR) => {
                        let d0 = (a..k).find(|&x| s.pos(x) == Pos::Det).unwrap_or(a);
                        return self.resolve_description(d0, k - 1);
                    }
                    Pos::Noun | Pos::Adj if organ && s.toks[k].cap => {
                        // "American troops", "Pakistani officials"
                        if let Some(x) = self.demonym_arg(k)
                            && self.etype(&x) == "actor"
                        {
                            return vec![self.widen(x, a, e, Via::Proxy)];
                        }
                    }
                    _ => {}
                }
            }
        }
        if s.has(head, f::DESC_ACTOR | f::DESC_PERSON | f::DESC_PLACE) && s.pos(a) == Pos::Det {
            return self.resolve_description(a, head);
        }
        Vec::new()
    }

    /// True if a multi-word organ noun ("security forces") ends at `head`.
    fn organ_phrase_ends(&self, a: usize, head: usize) -> bool {
        let s = self.s;
        (a..head).any(|k| {
            self.lex
                .organ_phrases
                .longest_at(k, |i| if i <= head { s.word(i) } else { None })
                .is_some_and(|m| m.end == head + 1)
        })
    }

    /// Entities listed inside the parentheses opening at `open`.
    fn paren_list(&self, open: usize) -> Vec<Arg> {
        let s = self.s;
        let mut out = Vec::new();
        let mut k = open + 1;
        while k < s.len() && s.pos(k) != Pos::Close {
            match s.pos(k) {
                Pos::Ent => out.extend(self.arg(k, Via::Name)),
                Pos::Conj | Pos::Comma | Pos::Det => {}
                _ => return Vec::new(),
            }
            k += 1;
        }
        if out.len() < 2 {
            return Vec::new();
        }
        out
    }

    /// True when a verb group follows token `e` (a new clause starts).
    pub fn followed_by_verb(&self, e: usize) -> bool {
        let s = self.s;
        let mut j = e + 1;
        while matches!(s.pos(j), Pos::Adv | Pos::Neg) {
            j += 1;
        }
        matches!(s.pos(j), Pos::Aux | Pos::Verb)
    }

    /// Noun phrases coordinated after the one ending at `e`: ", B, and C",
    /// "and also to D". Returns their referents and the last token used.
    pub fn list_right(&self, e: usize, rep_prep: Option<&[String]>) -> (Vec<Arg>, usize) {
        let s = self.s;
        let mut args = Vec::new();
        let mut end = e;
        // items joined by commas only, kept until a conjunction confirms the list
        let mut pending: Vec<Arg> = Vec::new();
        let mut pending_end = e;
        loop {
            let mut j = end + 1;
            let mut sep = false;
            let mut conj = false;
            if s.pos(j) == Pos::Comma {
                j += 1;
                sep = true;
            }
            if s.pos(j) == Pos::Conj && !s.is(j, "but") {
                while s.pos(j) == Pos::Conj {
                    j += 1;
                }
                sep = true;
                conj = true;
            }
            if !sep {
                break;
            }
            while matches!(s.low(j), "also" | "even" | "later" | "then" | "eventually") {
                j += 1;
            }
            if let Some(p) = rep_prep
                && !p.is_empty()
                && p.iter().enumerate().all(|(k, w)| s.word(j + k) == Some(w))
            {
                j += p.len();
            }
            if self.lex.openers.longest(s, j).is_some() {
                break;
            }
            let Some(np) = self.np_at(j) else { break };
            if np.args.is_empty() || self.followed_by_verb(np.e) {
                break;
            }
            if conj {
                args.append(&mut pending);
                args.extend(np.args);
                pending_end = np.e;
            } else {
                pending.extend(np.args);
            }
            end = np.e;
        }
        if !pending.is_empty() {
            end = pending_end;
        }
        (args, end)
    }

    /// Noun phrases coordinated before the one starting at `a` ("A, B and").
    pub fn list_left(&self, a: usize) -> Vec<Arg> {
        let s = self.s;
        let mut args = Vec::new();
        let mut j = a;
        loop {
            if j == 0 {
                break;
            }
            let mut k = j - 1;
            let mut sep = false;
            while k > 0 && matches!(s.low(k), "also" | "later" | "even") {
                k -= 1;
            }
            if s.pos(k) == Pos::Conj && matches!(s.low(k), "and" | "or" | "&" | "nor") {
                sep = true;
                if k == 0 {
                    break;
                }
                k -= 1;
            }
            if s.pos(k) == Pos::Comma {
                sep = true;
                if k == 0 {
                    break;
                }
                k -= 1;
            }
            if !sep || !s.pos(k).in_np() {
                break;
            }
            let a2 = self.np_left(k);
            let refs = self.referent(a2, k);
            if refs.is_empty() {
                break;
            }
            if a2 > 0 && matches!(s.pos(a2 - 1), Pos::Prep | Pos::Verb) {
                break;
            }
            args.extend(refs);
            j = a2;
        }
        args
    }

    /// The entities an object phrase starting at `a` names: the head noun
    /// phrase, its coordinated list, and lists opened by "especially",
    /// "such as", "including" or a colon. Returns them and the last token.
    pub fn object_phrase(&self, a: usize, o: ObjOpts<'_>) -> (Vec<Arg>, usize) {
        let s = self.s;
        let mut a = a;
        while matches!(s.pos(a), Pos::Adv) && !s.pos(a + 1).in_np() {
            a += 1;
        }
        let Some(np) = self.np_at(a) else { return (Vec::new(), a) };
        let mut args = np.args.clone();
        let mut end = np.e;
        // "Shia mosques and Hazara schools in Kabul": past a list of places
        // that are no names, to the name
        if o.locations && args.is_empty() && s.has(np.head, f::LOCATION) {
            let mut k = end + 1;
            while matches!(s.pos(k), Pos::Comma | Pos::Conj) {
                match self.np_right(k + 1) {
                    Some(e2) if self.referent(k + 1, e2).is_empty() => {
                        end = e2;
                        k = e2 + 1;
                    }
                    _ => break,
                }
            }
        }
        let leads_to_place = s.has(np.head, f::LOCATION) || (args.is_empty() && o.any_place);
        if o.locations && leads_to_place && LOC_PREPS.contains(&s.low(end + 1)) {
            let opts = ObjOpts { locations: false, rep_prep: None, any_place: false };
            let (inner, e2) = self.object_phrase(end + 2, opts);
            // a place, not a person named after "in" ("killed X in a raid")
            let places = inner.iter().all(|x| {
                matches!(self.etype(x), "place" | "facility") || self.states.contains(self.id(x))
            });
            // "TTP positions in Khost": the group is the object, the place
            // only where it happened
            let named_actor = np.args.iter().any(|x| self.etype(x) == "actor");
            if !inner.is_empty() && !named_actor && (places || s.has(np.head, f::LOCATION)) {
                args = inner;
                end = e2;
            }
        }
        let (more, e2) = self.list_right(end, o.rep_prep);
        args.extend(more);
        end = e2;
        let mut hops = 0;
        loop {
            let mut j = end + 1;
            if args.is_empty() && s.pos(j) == Pos::Prep && hops < 2 && !s.is(j, "to") {
                let mut k = j + 1;
                while s.pos(k) == Pos::Prep {
                    k += 1;
                }
                if let Some(np) = self.np_at(k)
                    && np.args.is_empty()
                {
                    end = np.e;
                    hops += 1;
                    continue;
                }
                break;
            }
            if s.pos(j) == Pos::Colon && args.is_empty() {
                let (more, e3) = self.object_phrase(
                    j + 1,
                    ObjOpts { locations: false, rep_prep: None, any_place: false },
                );
                args.extend(more);
                end = e3;
                break;
            }
            if s.pos(j) == Pos::Comma {
                j += 1;
            }
            let Some(m) = self.lex.openers.longest(s, j) else { break };
            let mut k = m.end;
            if s.pos(k) == Pos::Comma {
                k += 1;
            }
            let (more, e3) = self.object_phrase(
                k,
                ObjOpts { locations: o.locations, rep_prep: None, any_place: o.any_place },
            );
            if more.is_empty() {
                break;
            }
            args.extend(more);
            end = e3;
        }
        (args, end)
    }

    /// Start of the verb group that ends with the predicate at `v`: auxiliaries,
    /// adverbs, negation, "to", and verbs that pass their subject on
    /// ("sought to", "was believed to have").
    pub fn group_start(&self, v: usize) -> usize {
        let s = self.s;
        let mut g = v;
        while g > 0 {
            let p = s.pos(g - 1);
            if matches!(p, Pos::Aux | Pos::Adv | Pos::Neg | Pos::To | Pos::Quote) {
                g -= 1;
                continue;
            }
            let ing_next = s.pos(g) == Pos::Verb && s.low(g).ends_with("ing");
            if p == Pos::Verb
                && s.has(g - 1, f::TRANSPARENT | f::HEDGE_VERB)
                && (s.pos(g) == Pos::To || ing_next)
            {
                g -= 1;
                continue;
            }
            break;
        }
        g
    }

    /// True for a gerund or participle predicate.
    pub fn is_ing(&self, v: usize) -> bool {
        self.s.low(v).ends_with("ing") && self.s.pos(v) == Pos::Verb
    }

    /// The subject of the predicate at token `v`.
    pub fn subject(&self, v: usize) -> Vec<Arg> {
        for c in self.controllers.borrow().iter() {
            if c.from <= v && v <= c.to {
                return c.args.clone();
            }
        }
        let g = self.group_start(v);
        if g == 0 {
            return if self.is_ing(v) { self.main_subject(v) } else { Vec::new() };
        }
        let bare = !(g..v).any(|k| matches!(self.s.pos(k), Pos::Aux | Pos::To));
        let found = self.subject_before(g - 1, v, bare, 0);
        // "…, partly to discuss …, but also to urge Sharif": an infinitive
        // of purpose takes the subject of its clause
        let infinitive = (g..v).any(|k| self.s.pos(k) == Pos::To)
            && (g..v).all(|k| matches!(self.s.pos(k), Pos::To | Pos::Adv));
        if found.is_empty()
            && infinitive
            && matches!(self.s.pos(g - 1), Pos::Comma | Pos::Adv | Pos::Conj)
        {
            return self.main_subject(v);
        }
        found
    }

    /// The subject ending at token `k`, for the predicate at `v` (`bare`:
    /// the predicate has no auxiliary).
    fn subject_before(&self, k: usize, v: usize, bare: bool, depth: usize) -> Vec<Arg> {
        let s = self.s;
        if depth > 4 {
            return Vec::new();
        }
        let ing = self.is_ing(v) && bare;
        match s.pos(k) {
            Pos::Close => {
                let open = (0..k).rev().find(|&x| s.pos(x) == Pos::Open);
                match open {
                    Some(o) if o > 0 => self.subject_before(o - 1, v, bare, depth + 1),
                    _ => Vec::new(),
                }
            }
            p if p.in_np() || p == Pos::Pron => {
                let mut a = if p == Pos::Pron { k } else { self.np_left(k) };
                // "the leadership of the TTP operates": extend through "of"
                if a >= 2 && s.is(a - 1, "of") && s.pos(a - 2).in_np() {
                    let a0 = self.np_left(a - 2);
                    if s.has(a - 2, f::OF_HEAD) || matches!(s.pos(a - 2), Pos::Num | Pos::Det) {
                        a = a0;
                    }
                }
                // "militants from the TTP stormed": a member noun that is no cue
                if a >= 2
                    && s.is(a - 1, "from")
                    && s.has(a - 2, f::MEMBER)
                    && s.pos(a - 2) == Pos::Noun
                    && self.lex.nouns.longest(s, a - 2).is_none()
                {
                    a = self.np_left(a - 2);
                }
                let np = if p == Pos::Pron {
                    Np { a: k, e: k, head: k, args: self.referent(k, k) }
                } else {
                    match self.np_at(a) {
                        Some(np) => np,
                        None => return Vec::new(),
                    }
                };
                let adjacent = depth == 0;
                if a > 0 && s.pos(a - 1) == Pos::Prep {
                    if adjacent && ing && (s.is(a - 1, "with") || !np.args.is_empty()) {
                        return np.args;
                    }
                    // a prepositional phrase: the subject is before it
                    if a >= 2 {
                        return self.subject_before(a - 2, v, bare, depth + 1);
                    }
                    return Vec::new();
                }
                if np.args.is_empty() && s.pos(np.e + 1) == Pos::To {
                    // "the Taliban's refusal to recognise", "Russia's readiness to enhance"
                    let owner = self.possessor(np.a, np.e);
                    if !owner.is_empty() {
                        return owner;
                    }
                }
                if a > 0 && s.pos(a - 1) == Pos::Verb {
                    let gov = a - 1;
                    let control = s.has(gov, f::OBJ_CONTROL)
                        || self.lex.report_verbs.longest(s, gov).is_some();
                    if control || (adjacent && ing && !np.args.is_empty()) {
                        return np.args;
                    }
                    if ing {
                        // "issued an executive order declaring …": the
                        // participle's subject is the one of "issued"
                        return self.subject(gov);
                    }
                    return Vec::new();
                }
                let mut args = np.args;
                if args.is_empty() && s.pos(np.e + 1) == Pos::To {
                    // "the Taliban's refusal to recognise", "Russia's readiness to enhance"
                    return self.possessor(np.a, np.e);
                }
                if args.is_empty() {
                    return if ing { self.main_subject(v) } else { Vec::new() };
                }
                args.extend(self.list_left(a));
                args
            }
            Pos::Comma | Pos::Dash => {
                if let Some(open) = self.parenthetical_start(k)
                    && open > 0
                {
                    let found = self.subject_before(open - 1, v, bare, depth + 1);
                    if !found.is_empty() || !ing {
                        return found;
                    }
                }
                // "TTP attacks, particularly targeting security forces": the
                // participle describes the attacks, whose agent acts
                if ing && k > 0 && s.pos(k - 1).in_np() {
                    let a = self.np_left(k - 1);
                    let cue = self.lex.nouns.at(s, k - 1).iter().any(|m| m.end == k);
                    if cue {
                        for x in (a..k - 1).rev() {
                            if s.pos(x) == Pos::Ent
                                && matches!(s.etype(x), Some("actor" | "person"))
                            {
                                return self.arg(x, Via::Name).into_iter().collect();
                            }
                        }
                    }
                }
                if ing { self.main_subject(v) } else { Vec::new() }
            }
            Pos::Conj => {
                // a second verb sharing the first one's subject
                let lo = k.saturating_sub(24);
                let prev = (lo..k).rev().find(|&x| {
                    s.pos(x) == Pos::Verb || (s.pos(x) == Pos::Aux && s.pos(x + 1) != Pos::Verb)
                });
                match prev {
                    Some(pv) if pv < v => self.subject(pv),
                    _ => Vec::new(),
                }
            }
            Pos::Rel => {
                if s.is(k, "that") && s.pos(k.wrapping_sub(1)) == Pos::Verb {
                    return Vec::new();
                }
                let mut j = k.wrapping_sub(1);
                if j < s.len() && s.pos(j) == Pos::Comma {
                    j = j.wrapping_sub(1);
                }
                if j >= s.len() || !(s.pos(j).in_np() || s.pos(j) == Pos::Close) {
                    return Vec::new();
                }
                if s.pos(j) == Pos::Close
                    && let Some(o) = (0..j).rev().find(|&x| s.pos(x) == Pos::Open)
                {
                    j = o.wrapping_sub(1);
                    if j >= s.len() || !s.pos(j).in_np() {
                        return Vec::new();
                    }
                }
                let a = self.np_left(j);
                let args = self.referent(a, j);
                if args.is_empty() && a > 0 && s.has(a - 1, f::COPULA | f::BE) {
                    return self.subject(a - 1);
                }
                let mut args = args;
                if !args.is_empty() {
                    args.extend(self.list_left(a));
                }
                args
            }
            Pos::Sub => {
                if ing {
                    self.main_subject(v)
                } else {
                    Vec::new()
                }
            }
            Pos::Prep => {
                let governed_by_noun = k > 0 && matches!(s.pos(k - 1), Pos::Noun | Pos::Adj);
                if ing && GERUND_PREPS.contains(&s.low(k)) && !governed_by_noun {
                    self.main_subject(v)
                } else {
                    Vec::new()
                }
            }
            _ => Vec::new(),
        }
    }

    /// The possessor inside the noun phrase `a..=e` ("X's", "its").
    pub fn possessor(&self, a: usize, e: usize) -> Vec<Arg> {
        let s = self.s;
        for k in (a..e).rev() {
            match s.pos(k) {
                Pos::Ent if s.pos(k + 1) == Pos::Poss => {
                    return self.arg(k, Via::Name).into_iter().collect();
                }
                Pos::PossPron => return self.resolve_pronoun(k),
                _ => {}
            }
        }
        Vec::new()
    }

    /// If the comma at `k` closes a parenthetical (", in turn,", ", the chief
    /// of X,", ", imprisoned in Afghan jails,"), the comma that opens it.
    pub fn parenthetical_start(&self, k: usize) -> Option<usize> {
        let s = self.s;
        let close = s.pos(k);
        let lo = k.saturating_sub(20);
        let mut depth = 0i32;
        for c in (lo..k).rev() {
            match s.pos(c) {
                Pos::Close => depth += 1,
                Pos::Open => depth -= 1,
                _ => {}
            }
            if depth != 0 {
                continue;
            }
            if s.pos(c) == close || (close == Pos::Comma && s.pos(c) == Pos::Comma) {
                let first = c + 1;
                let opens = matches!(
                    s.pos(first),
                    Pos::Prep
                        | Pos::Adv
                        | Pos::Det
                        | Pos::Rel
                        | Pos::Sub
                        | Pos::Ent
                        | Pos::Noun
                        | Pos::Adj
                ) || (s.pos(first) == Pos::Verb && !self.is_ing(first));
                let before_np = c > 0 && (s.pos(c - 1).in_np() || s.pos(c - 1) == Pos::Close);
                // a clause of its own is no parenthetical (", Pakistan has
                // witnessed …,") unless it is a relative or subordinate one
                let clause = !matches!(s.pos(first), Pos::Rel | Pos::Sub)
                    && (first..k).any(|x| s.pos(x) == Pos::Aux);
                if opens && before_np && !clause {
                    return Some(c);
                }
                return None;
            }
        }
        None
    }

    /// The subject of the main clause around token `pos`: fronted phrases
    /// ("In December 2007,", "For the TTP,", "Meeting in Islamabad with X,")
    /// are skipped.
    pub fn main_subject(&self, pos: usize) -> Vec<Arg> {
        let s = self.s;
        let mut start = 0;
        for k in (0..pos).rev() {
            if matches!(s.pos(k), Pos::Semi | Pos::Colon) {
                start = k + 1;
                break;
            }
        }
        // the clause may go on past `pos` ("Working with Russia, the United States …")
        let pos = (pos + 1..s.len())
            .find(|&k| matches!(s.pos(k), Pos::Semi | Pos::Colon))
            .unwrap_or(s.len());
        let mut i = start;
        let mut tries = 0;
        while i < pos && tries < 4 {
            while matches!(s.pos(i), Pos::Adv | Pos::Conj | Pos::Comma | Pos::Quote | Pos::Open)
                && i < pos
            {
                i += 1;
            }
            let fronted =
                matches!(s.pos(i), Pos::Prep | Pos::Sub | Pos::Date | Pos::Verb | Pos::To)
                    || (s.pos(i) == Pos::Rel && s.is(i, "that"));
            if !fronted && let Some(np) = self.np_at(i) {
                let mut j = np.e;
                if s.pos(j + 1) == Pos::Comma
                    && let Some(c) = (j + 2..pos.min(j + 22)).find(|&x| s.pos(x) == Pos::Comma)
                    && self.followed_by_verb(c)
                {
                    j = c;
                }
                if s.pos(j + 1) == Pos::Open
                    && let Some(c) = (j + 2..pos).find(|&x| s.pos(x) == Pos::Close)
                {
                    j = c;
                }
                if self.followed_by_verb(j) && !np.args.is_empty() {
                    let mut args = np.args;
                    args.extend(self.list_left(np.a));
                    return args
                        .into_iter()
                        .map(|mut a| {
                            if a.via == Via::Name {
                                a.via = Via::Control;
                            }
                            a
                        })
                        .collect();
                }
                if self.followed_by_verb(j) {
                    return Vec::new();
                }
            }
            // skip to the next comma at parenthesis depth 0
            let mut depth = 0i32;
            let mut next = None;
            for k in i..pos {
                match s.pos(k) {
                    Pos::Open => depth += 1,
                    Pos::Close => depth -= 1,
                    Pos::Comma if depth == 0 => {
                        next = Some(k + 1);
                        break;
                    }
                    _ => {}
                }
            }
            match next {
                Some(n) => i = n,
                None => break,
            }
            tries += 1;
        }
        Vec::new()
    }
}
