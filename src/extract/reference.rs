//! Reference: the discourse memory of recent entities, and the resolution
//! of pronouns ("it", "their"), definite descriptions ("the group", "both
//! movements") and country adjectives ("Pakistani") against it.

use super::arguments::{Arg, Ctx, Via};
use super::lexicon::f;
use super::tokens::{Kind, Pos};
use crate::model::Span;

/// An entity mentioned recently.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Salient {
    pub mention: usize,
    pub sentence: usize,
    pub subject: bool,
}

/// An attack mentioned earlier, for "claimed responsibility for the attack".
#[derive(Clone, Debug)]
pub(crate) struct Event {
    pub target: Arg,
    pub date: Option<usize>,
    pub place: Option<usize>,
    pub sentence: usize,
}

/// What the extractor remembers while reading a document in order.
#[derive(Debug, Default)]
pub(crate) struct Discourse {
    /// Recent entities, oldest first.
    pub items: Vec<Salient>,
    /// Titles seen with their organisation ("UN Secretary-General").
    pub titles: Vec<(String, usize)>,
    /// Recent attacks.
    pub events: Vec<Event>,
    /// Recent talks: (sentence, one side, the other side), as mentions.
    pub talks: Vec<(usize, usize, usize)>,
}

/// How many sentences back a pronoun may find its antecedent.
const REACH: usize = 3;

impl Discourse {
    /// Forgets what lies beyond reach of sentence `now`.
    pub fn prune(&mut self, now: usize) {
        self.items.retain(|s| s.sentence + REACH >= now);
        self.events.retain(|e| e.sentence + 40 >= now);
        self.talks.retain(|t| t.0 + REACH >= now);
        if self.titles.len() > 32 {
            self.titles.drain(..self.titles.len() - 32);
        }
    }

    /// Forgets the entities pronouns could refer to (a new section
    /// starts); attacks are remembered across sections.
    pub fn reset(&mut self) {
        self.items.clear();
    }
}

impl Ctx<'_, '_> {
    /// True if the entity token `i` is a country adjective ("Pakistani",
    /// "Afghans") rather than the name itself.
    pub fn is_demonym(&self, i: usize) -> bool {
        let Some(m) = self.s.entity(i) else { return false };
        let text = m.text.trim();
        if text.contains(' ') || text.is_empty() {
            return false;
        }
        super::cache::Caches::memo(&self.caches.demonym_mentions, text, || self.demonym_text(m))
    }

    fn demonym_text(&self, m: &crate::model::Mention) -> bool {
        let text = m.text.trim();
        let t = text.to_lowercase();
        let stem = t.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(&t);
        let lex = self.lex;
        if lex.demonym_words.iter().any(|w| w == &t || w == stem) {
            return true;
        }
        let Some(e) = m.entity() else { return false };
        let alt = self.cat.entity(&e.id);
        for ending in lex.demonym_endings.iter().filter(|e| stem.ends_with(e.as_str())) {
            let root = &stem[..stem.len() - ending.len()];
            if root.chars().count() < 3 {
                continue;
            }
            // a name derived from the word's root that does not hold the word
            // itself: "Pakistan" for "Pakistani", not "Taliban regime" for "Taliban"
            let derived = |n: &str| {
                let n = n.to_lowercase();
                n != t && n.starts_with(root) && !n.split_whitespace().any(|w| w == t || w == stem)
            };
            if derived(&e.name) || alt.is_some_and(|ent| ent.aliases.iter().any(|a| derived(a))) {
                return true;
            }
        }
        false
    }

    /// True when the entity token `k` heads a noun phrase directly followed
    /// by a verb (a clause subject).
    pub fn is_subject_token(&self, k: usize) -> bool {
        let s = self.s;
        let mut e = k;
        while e + 1 < s.len() && matches!(s.pos(e + 1), Pos::Noun | Pos::Adj | Pos::Ent | Pos::Poss)
        {
            if s.pos(e + 1) == Pos::Noun
                && !s.has(e + 1, f::ORGAN | f::MEMBER)
                && s.pos(e) != Pos::Poss
            {
                return false;
            }
            e += 1;
        }
        if k > 0 && matches!(s.pos(k - 1), Pos::Prep | Pos::Verb) {
            return false;
        }
        let mut j = e + 1;
        if s.pos(j) == Pos::Comma {
            // a parenthetical: ", in turn," / ", the chief of X,"
            let close = (j + 1..s.len().min(j + 14)).find(|&x| s.pos(x) == Pos::Comma);
            match close {
                Some(c) => j = c + 1,
                None => return false,
            }
        }
        while matches!(s.pos(j), Pos::Adv | Pos::Neg) {
            j += 1;
        }
        matches!(s.pos(j), Pos::Aux | Pos::Verb)
    }

    /// Types a pronoun or description may refer to.
    fn types_of(&self, i: usize) -> Vec<&str> {
        let s = self.s;
        if let Some(t) = self.lex.pronouns.get(s.low(i)) {
            return t.iter().map(String::as_str).collect();
        }
        let mut out = Vec::new();
        if s.has(i, f::DESC_ACTOR) {
            out.push("actor");
        }
        if s.has(i, f::DESC_PERSON) {
            out.push("person");
        }
        if s.has(i, f::DESC_PLACE) {
            out.push("place");
        }
        out
    }

    /// Candidate antecedents before token `i`: entity tokens earlier in the
    /// sentence (nearest first), then remembered entities (newest first).
    fn candidates(&self, i: usize) -> Vec<(usize, bool, bool)> {
        let s = self.s;
        let mut out = Vec::new();
        // an object pronoun (or a possessive description: "Al-Qaeda praised
        // the group's attacks") never means its own clause's subject
        // ("LeJ claimed to have collaborated with them")
        let object = matches!(s.low(i), "them" | "him" | "us")
            || (matches!(s.low(i), "it" | "her")
                && i > 0
                && matches!(s.pos(i - 1), Pos::Verb | Pos::Prep))
            || (s.pos(i) == Pos::Det
                && (i + 1..(i + 4).min(s.len())).any(|k| s.pos(k) == Pos::Poss))
            || (s.pos(i) == Pos::Det && i > 0 && matches!(s.pos(i - 1), Pos::Prep | Pos::Verb));
        let mut own_subject_skipped = false;
        for k in (0..i).rev() {
            if let Kind::Entity(m) = s.toks[k].kind {
                // a hyphenated modifier ("Pakistan-based") is not an antecedent
                if s.pos(k + 1) == Pos::Hyph && s.glued(k + 1) {
                    continue;
                }
                let subject = self.is_subject_token(k);
                if object && subject && !own_subject_skipped {
                    own_subject_skipped = true;
                    continue;
                }
                out.push((m, subject, true));
            }
        }
        for it in self.disc.items.iter().rev() {
            out.push((it.mention, it.subject, false));
        }
        out
    }

    /// True for a state or one of its organs (an entity with places inside
    /// it, or part of one, or standing for one).
    fn is_state_like(&self, mention: usize) -> bool {
        let Some(e) = self.s.doc.mentions[mention].entity() else { return false };
        let Some(ent) = self.cat.entity(&e.id) else { return false };
        let states = |id: &str| self.states.contains(id);
        states(&ent.id)
            || ent.part_of.iter().any(|p| states(p))
            || ent.metonym_of.iter().any(|m| states(&m.target))
    }

    /// Whether a mention's entity can be meant by a governing description
    /// ("the regime", "the government"): a state, or an actor the gazetteer
    /// itself calls that ("Taliban regime" is an alias of the Taliban).
    fn can_govern(&self, mention: usize, head: &str) -> bool {
        if self.is_state_like(mention) {
            return true;
        }
        let Some(e) = self.s.doc.mentions[mention].entity() else { return false };
        let Some(ent) = self.cat.entity(&e.id) else { return false };
        let sing = head.strip_suffix('s').unwrap_or(head);
        ent.aliases.iter().chain(std::iter::once(&ent.name)).any(|a| {
            a.split_whitespace().last().is_some_and(|w| {
                let w = w.to_lowercase();
                w == head || w == sing || w.strip_suffix('s') == Some(sing)
            })
        })
    }

    /// The most recent two candidates joined by "and", "or" or a comma.
    fn coordinated_pair(
        &self,
        cands: &[(usize, bool, bool)],
        types: &[&str],
        nonstate: bool,
    ) -> Option<(usize, usize)> {
        let doc = self.s.doc;
        let ok = |m: usize| self.fits(m, types) && !(nonstate && self.is_state_like(m));
        let mut sorted: Vec<usize> = cands.iter().map(|c| c.0).filter(|&m| ok(m)).collect();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        sorted.dedup();
        for w in sorted.windows(2) {
            let (later, earlier) = (w[0], w[1]);
            let (a, b) = (&doc.mentions[earlier], &doc.mentions[later]);
            if a.span.end > b.span.start || a.entity().map(|x| &x.id) == b.entity().map(|x| &x.id) {
                continue;
            }
            let between = doc.doc.text[a.span.end..b.span.start].to_lowercase();
            let words: Vec<&str> = between.split_whitespace().collect();
            let joined = words.len() <= 3
                && words
                    .iter()
                    .all(|w| matches!(*w, "and" | "or" | "," | "the" | "and," | "as" | "well"))
                && (words.iter().any(|w| w.starts_with("and") || *w == "or")
                    || between.trim() == ",");
            if joined {
                return Some((earlier, later));
            }
        }
        None
    }

    /// A state named by its name ("Pakistan", "the United States"): "it",
    /// not "they" (unlike "the Saudis" or "Pakistani forces").
    fn singular_state(&self, mention: usize) -> bool {
        let m = &self.s.doc.mentions[mention];
        let Some(e) = m.entity() else { return false };
        if !self.states.contains(e.id.as_str()) {
            return false;
        }
        let text = m.text.trim_start_matches("the ").trim_start_matches("The ");
        text.eq_ignore_ascii_case(&e.name) || !text.ends_with('s')
    }

    fn fits(&self, mention: usize, types: &[&str]) -> bool {
        self.s.doc.mentions[mention].entity().is_some_and(|e| types.contains(&e.etype.as_str()))
    }

    /// Resolves the pronoun at token `i` (possessive pronouns pick the
    /// nearest compatible entity, subject pronouns prefer a clause subject).
    pub fn resolve_pronoun(&self, i: usize) -> Vec<Arg> {
        let types = self.types_of(i);
        if types.is_empty() {
            return Vec::new();
        }
        let w = self.s.low(i);
        let s = self.s;
        // "In his September meeting with X, Vice President Gore …": a
        // possessive in a fronted phrase points forward to the subject
        if s.has(i, f::POSSPRON) && s.pos(0) == Pos::Prep {
            let comma = (0..s.len()).find(|&k| s.pos(k) == Pos::Comma);
            if comma.is_some_and(|c| i < c) {
                let c = comma.unwrap_or(0);
                if let Some(np) = self.np_at(c + 1)
                    && (self.followed_by_verb(np.e) || s.pos(np.e + 1) == Pos::Comma)
                    && let Some(k) = (np.a..=np.e).rev().find(|&k| s.pos(k) == Pos::Ent)
                    && let Some(m) = s.mention_index(k)
                    && self.fits(m, &types)
                {
                    return vec![Arg {
                        mention: m,
                        alt: None,
                        text: s.toks[i].span,
                        tok: i,
                        via: Via::Reference,
                    }];
                }
            }
        }
        let cands = self.candidates(i);
        let plural = matches!(w, "they" | "them" | "their" | "themselves");
        let fitting: Vec<&(usize, bool, bool)> = cands
            .iter()
            .filter(|c| self.fits(c.0, &types))
            .filter(|c| !(plural && self.singular_state(c.0)))
            .collect();
        if matches!(w, "we" | "our" | "us") && !fitting.iter().any(|c| c.2) {
            // a titled official speaking for their organisation ("State
            // Department Spokesperson John Kirby … saying, "We …")
            for k in (0..i).rev() {
                if s.etype(k) == Some("person")
                    && let Some((_, org)) = self.title_in_name(k)
                {
                    return org
                        .into_iter()
                        .map(|o| Arg { text: s.toks[i].span, tok: i, via: Via::Reference, ..o })
                        .collect();
                }
            }
        }
        let chosen = if matches!(w, "we" | "our" | "us") {
            // the speaker's organisation: an actor named earlier in the
            // sentence ("As the European Union, we …")
            fitting.iter().find(|c| c.2).copied()
        } else if self.s.has(i, f::POSSPRON) {
            // "its leader": an actor before a place when both are near
            let same: Vec<&&(usize, bool, bool)> = fitting.iter().filter(|c| c.2).collect();
            same.iter()
                .find(|c| self.s.doc.mentions[c.0].entity().is_some_and(|e| e.etype != "place"))
                .map(|c| **c)
                .or(fitting.first().copied())
        } else {
            fitting.iter().find(|c| c.1).or(fitting.first()).copied()
        };
        let Some(&(m, _, _)) = chosen else { return Vec::new() };
        vec![Arg { mention: m, alt: None, text: self.s.toks[i].span, tok: i, via: Via::Reference }]
    }

    /// Resolves a definite description `a..=e` ("the group", "both
    /// movements", "the two groups") whose head noun is at `e`.
    pub fn resolve_description(&self, a: usize, e: usize) -> Vec<Arg> {
        let s = self.s;
        let det = s.low(a);
        let two = det == "both" || (a < e && (s.is(a + 1, "two") || s.is(a, "two")));
        let definite = matches!(det, "the" | "this" | "that" | "these" | "those" | "both" | "two");
        if !definite {
            return Vec::new();
        }
        // "the group" must not be followed by a name ("the group Jaish-e-Muhammad")
        if s.pos(e + 1) == Pos::Ent {
            return Vec::new();
        }
        let types = self.types_of(e);
        let nonstate = self.lex.nonstate.iter().any(|n| n == s.low(e));
        let governing = self.lex.governing.iter().any(|n| n == s.low(e));
        let text = Span::new(s.toks[a].span.start, s.toks[e].span.end);
        // "the network" after "the Haqqani Network": a name holding the noun
        if !two {
            let head = s.low(e);
            let sing = head.strip_suffix('s').unwrap_or(head);
            for (m, _, _) in self.candidates(a) {
                let Some(ent) = s.doc.mentions[m].entity() else { continue };
                let name = ent.name.to_lowercase();
                if self.fits(m, &types) && name.split_whitespace().any(|w| w == head || w == sing) {
                    return vec![Arg { mention: m, alt: None, text, tok: e, via: Via::Reference }];
                }
            }
        }
        let possessive = s.pos(e + 1) == Pos::Poss;
        let mut out: Vec<Arg> = Vec::new();
        let cands = self.candidates(a);
        if two {
            // "both movements": the last two named together ("between the
            // Afghan Taliban and TTP", "Jaish-e-Muhammad and Lashkar-e-Taiba")
            if let Some((m1, m2)) = self.coordinated_pair(&cands, &types, nonstate) {
                return vec![
                    Arg { mention: m1, alt: None, text, tok: e, via: Via::Reference },
                    Arg { mention: m2, alt: None, text, tok: e, via: Via::Reference },
                ];
            }
        }
        for (m, subj, _) in cands {
            if !self.fits(m, &types)
                || (nonstate && self.is_state_like(m))
                || (governing && !self.can_govern(m, s.low(e)))
            {
                continue;
            }
            if possessive && !two {
                // "the group's attacks": the nearest, like "its"
                return vec![Arg { mention: m, alt: None, text, tok: e, via: Via::Reference }];
            }
            let id = s.doc.mentions[m].entity().map(|x| x.id.as_str());
            if out.iter().any(|o| s.doc.mentions[o.mention].entity().map(|x| x.id.as_str()) == id) {
                continue;
            }
            let arg = Arg { mention: m, alt: None, text, tok: e, via: Via::Reference };
            if two {
                out.push(arg);
                if out.len() == 2 {
                    break;
                }
            } else if subj || out.is_empty() {
                if subj {
                    return vec![arg];
                }
                out.push(arg);
            }
        }
        if two && out.len() < 2 {
            return Vec::new();
        }
        out.truncate(if two { 2 } else { 1 });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::Extractor;
    use super::super::tokens::testdoc::{ENTS, doc};
    use crate::lexicon::RulesDir;
    use crate::model::Relation;

    fn claims(text: &str) -> Vec<(String, Relation, String)> {
        let ex = Extractor::load(&RulesDir::embedded()).unwrap();
        let d = doc(text, ENTS);
        let cat = super::super::tests::catalog();
        ex.extract(&d, &cat)
            .into_iter()
            .map(|c| (c.subject.entity, c.relation, c.object.entity))
            .collect()
    }

    #[test]
    fn possessive_pronoun_takes_the_nearest_entity() {
        let c = claims(
            "The Taliban regime collapsed within two months, and its leadership retreated into Quetta.",
        );
        assert!(
            c.contains(&("afghan_taliban".into(), Relation::OperatesIn, "quetta".into())),
            "{c:?}"
        );
    }

    #[test]
    fn subject_pronoun_prefers_the_previous_subject() {
        let c = claims(
            "Though Pakistani forces fought against the TTP, they did not do much against the Afghan Taliban.",
        );
        assert!(c.contains(&("pakistan".into(), Relation::Fights, "ttp".into())), "{c:?}");
        assert!(
            c.contains(&("pakistan".into(), Relation::Fights, "afghan_taliban".into())),
            "{c:?}"
        );
    }

    #[test]
    fn description_across_sentences() {
        let c = claims(
            "The TTP was weakened in 2014. The group later attacked the Army Public School.",
        );
        assert!(c.contains(&("ttp".into(), Relation::Attacks, "aps".into())), "{c:?}");
    }

    #[test]
    fn both_means_the_pair_named_together() {
        let c = claims(
            "Al-Qaeda mediated between the Afghan Taliban and the TTP. Osama bin Laden cultivated ties with both movements.",
        );
        assert!(
            c.contains(&("afghan_taliban".into(), Relation::AlliedWith, "bin_laden".into()))
                || c.contains(&("bin_laden".into(), Relation::AlliedWith, "afghan_taliban".into())),
            "{c:?}"
        );
        assert!(
            c.iter().any(|x| x.1 == Relation::AlliedWith && (x.0 == "ttp" || x.2 == "ttp")),
            "{c:?}"
        );
        assert!(
            !c.iter()
                .any(|x| x.1 == Relation::AlliedWith && (x.0 == "al_qaeda" || x.2 == "al_qaeda")),
            "{c:?}"
        );
    }

    #[test]
    fn country_adjective_with_a_generic_noun_is_nobody() {
        let c = claims("The Taliban regime provided safe havens for Pakistani militants.");
        assert!(c.iter().all(|(_, _, o)| o != "pakistan"), "{c:?}");
    }
}
