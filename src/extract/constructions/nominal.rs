//! Nominal cues: "attack on Y", "support for Y", "alliance with Y",
//! "through X's mediation". The subject is the possessor or a name before
//! the noun ("TTP attacks", "the U.S.-led invasion"), a "by"/"from" phrase,
//! the subject of a light verb ("X launched attacks on Y", "X provided safe
//! havens for Y"), or — after "receive", "gain" — the giver ("X received
//! training from Y" → Y supports X).

use super::Frame;
use crate::extract::arguments::{Arg, Ctx, Via};
use crate::extract::lexicon::{NounCue, f};
use crate::extract::syntax::ObjOpts;
use crate::extract::tokens::{Kind, Pos};
use crate::model::Relation;

pub(super) fn find(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    operations(cx, out);
    let s = cx.s;
    for i in 0..s.len() {
        if s.toks[i].kind != Kind::Word {
            continue;
        }
        let matches = cx.lex.nouns.at(s, i);
        let Some(longest) = matches.first().map(|m| m.end) else { continue };
        for m in matches.iter().filter(|m| m.end == longest) {
            let last = m.end - 1;
            let nounish = matches!(s.pos(last), Pos::Noun | Pos::Adj)
                || (s.pos(last) == Pos::Verb && s.pos(last + 1) == Pos::Prep);
            if !nounish {
                continue;
            }
            if i > 0 && s.pos(i - 1) == Pos::To {
                continue;
            }
            let cue = &cx.lex.noun_cues[*m.value];
            out.extend(frames(cx, i, m.end, cue));
        }
    }
}

/// A named military operation "against" someone: "the Pakistani military
/// launched Operation Zarb-e-Azb against the TTP" (the launcher fights).
fn operations(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    let s = cx.s;
    for k in 0..s.len() {
        if s.etype(k) != Some("operation") || !s.is(k + 1, "against") {
            continue;
        }
        let (obj, _) = cx.object_phrase(k + 2, ObjOpts::default());
        if obj.is_empty() {
            continue;
        }
        let a = cx.np_left(k);
        let Some((lv, Governor::Light)) = governing_verb(cx, a) else { continue };
        let agent = cx.subject(lv);
        if agent.is_empty() {
            continue;
        }
        out.push(Frame::new(
            Relation::Fights,
            agent,
            obj,
            (k, k + 2),
            lv,
            "operation-against",
            0.75,
        ));
    }
}

/// Whether a light verb governs the noun phrase, and of which kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Governor {
    Light,
    Inverse,
    Undergo,
}

fn frames(cx: &Ctx<'_, '_>, i: usize, end: usize, cue: &NounCue) -> Vec<Frame> {
    let s = cx.s;
    let last = end - 1;
    let a = cx.np_left(last);
    // "any attacks on Americans" is no attack; "did not provide any support" is a denial
    let negated_clause = (cx.clause_start(a)..a).any(|k| s.pos(k) == Pos::Neg);
    if (a..last).any(|k| s.has(k, f::IRR_QUANT) && !(negated_clause && s.is(k, "any"))) {
        return Vec::new();
    }
    let mut obj: Vec<Arg> = Vec::new();
    let mut agent: Vec<Arg> = Vec::new();
    let mut place_only = false;
    let mut between = false;
    let mut j = end;
    // "a war began between A and B", "talks took place between"
    if s.pos(j) == Pos::Verb
        && cue.object.iter().any(|m| m.words.len() == 1 && m.words[0] == "between")
    {
        let mut k = j + 1;
        while matches!(s.pos(k), Pos::Adv | Pos::Prep) && !s.is(k, "between") {
            k += 1;
        }
        if s.is(k, "between") {
            j = k;
        }
    }
    let mut rule = "noun-pp";
    for _ in 0..3 {
        if (!agent.is_empty() || !obj.is_empty()) && s.pos(j) == Pos::Comma {
            j += 1;
        }
        if agent.is_empty() && cue.agent.iter().any(|p| s.is(j, p)) {
            let (ag, e) = cx.object_phrase(j + 1, ObjOpts::default());
            if !ag.is_empty() {
                agent = ag;
                j = e + 1;
                continue;
            }
        }
        if obj.is_empty() {
            let mk = cue.object.iter().find(|mk| {
                mk.words.iter().enumerate().all(|(k, w)| s.word(j + k) == Some(w.as_str()))
            });
            if let Some(mk) = mk {
                let locations = mk.place_only || cue.relation == Relation::Attacks;
                let opts = ObjOpts { locations, rep_prep: Some(&mk.words), any_place: false };
                let (o, e) = cx.object_phrase(j + mk.words.len(), opts);
                if !o.is_empty() {
                    obj = o;
                    place_only = mk.place_only;
                    between = mk.words.len() == 1 && mk.words[0] == "between";
                    j = e + 1;
                    continue;
                }
            }
        }
        break;
    }
    let mut target_modifier = None;
    if agent.is_empty() {
        let (ag, r, place) = inner_agent(cx, a, last, cue.relation);
        agent = ag;
        if !agent.is_empty() {
            rule = r;
        }
        target_modifier = place;
    }
    if agent.is_empty() && a >= 2 && s.is(a - 1, "behind") {
        // "the man behind the London bombings, X" / "X, the group behind the attack"
        if s.pos(j) == Pos::Comma && s.pos(j + 1) == Pos::Ent {
            agent = cx.arg(j + 1, Via::Name).into_iter().collect();
        } else if s.pos(a - 2).in_np() {
            let b = cx.np_left(a - 2);
            agent = cx.referent(b, a - 2);
            if agent.is_empty() && b >= 2 && s.pos(b - 1) == Pos::Comma && s.pos(b - 2) == Pos::Ent
            {
                agent = cx.arg(b - 2, Via::Name).into_iter().collect();
            }
        }
        if !agent.is_empty() {
            rule = "noun-behind";
        }
    }
    let mut pred = last;
    if (agent.is_empty() || obj.is_empty())
        && let Some((lv, kind)) = governing_verb(cx, a)
    {
        match kind {
            Governor::Inverse => {
                // "received training from Al-Qaeda": the noun's own "from"
                // phrase may already have given the giver
                let giver = if agent.is_empty() {
                    giver_after(cx, j.saturating_sub(1).max(end))
                } else {
                    std::mem::take(&mut agent)
                };
                if !giver.is_empty() {
                    let receiver = cx.subject(lv);
                    if obj.is_empty() {
                        obj = receiver;
                    }
                    agent = giver;
                    rule = "noun-inverse";
                    pred = lv;
                }
            }
            Governor::Undergo if obj.is_empty() && !agent.is_empty() => {
                obj = cx.subject(lv);
                rule = "noun-undergo";
                pred = lv;
            }
            Governor::Light if agent.is_empty() => {
                agent = cx.subject(lv);
                rule = "noun-light";
                pred = lv;
            }
            _ => {}
        }
    }
    if obj.is_empty()
        && cue.relation == Relation::Attacks
        && let Some(p) = target_modifier
    {
        obj = cx.arg(p, Via::Name).into_iter().collect();
    }
    // "X was killed in a U.S. drone strike (in Kunar)": X is the target
    let mut place = None;
    if cue.relation == Relation::Attacks && a >= 2 && matches!(s.low(a - 1), "in" | "during" | "by")
    {
        let v = a - 2;
        let passive =
            (cx.group_start(v)..v).any(|k| s.has(k, f::BE)) || s.low(v).starts_with("die");
        if s.pos(v) == Pos::Verb && passive && cx.lex.victims.longest(s, v).is_some() {
            let victims = cx.subject(v);
            if !victims.is_empty() {
                if let Some(p) = obj.first().filter(|o| matches!(cx.etype(o), "place" | "facility"))
                {
                    place = Some(p.mention);
                }
                obj = victims;
                place_only = false;
                rule = "noun-victim";
            }
        }
    }
    // "with support from Al-Qaeda", "under the protection of the Taliban":
    // the clause's subject receives it
    if obj.is_empty()
        && a >= 1
        && matches!(s.low(a - 1), "with" | "under")
        && matches!(cue.relation, Relation::Supports | Relation::Shelters)
    {
        if agent.is_empty() {
            agent = giver_after(cx, end);
        }
        if !agent.is_empty() {
            obj = cx.main_subject(a - 1);
            rule = "noun-with";
        }
    }
    // "X and Y held talks": a two-sided relation between the subjects
    if obj.is_empty()
        && agent.len() >= 2
        && (cue.relation.is_symmetric() || cue.relation == Relation::Fights)
    {
        obj = agent.split_off(1);
        rule = "noun-pair";
    }
    if between && agent.is_empty() && obj.len() >= 2 {
        agent = vec![obj.remove(0)];
        rule = "noun-between";
    }
    if agent.is_empty() && cue.relation != Relation::Attacks && cue.relation != Relation::Mediates {
        return Vec::new();
    }
    if obj.is_empty() && cue.relation != Relation::Mediates {
        return Vec::new();
    }
    let date = (a..last).find_map(|k| match s.toks[k].kind {
        Kind::Date(m) => Some(m),
        _ => None,
    });
    let conf = if rule == "noun-light" || rule == "noun-inverse" { 0.7 } else { 0.75 };
    let mut fr = Frame::new(cue.relation, agent, obj, (i, end), pred, rule, conf);
    fr.date = date;
    fr.place = place.filter(|&m| m != usize::MAX);
    fr.obj_types =
        if place_only { Some(vec!["territory".into()]) } else { cue.object_types.clone() };
    let mut out = vec![fr.clone()];
    if between && cue.relation == Relation::Fights && fr.complete() {
        let mut back = fr;
        let first = back.subj.clone();
        back.subj = vec![back.obj[0].clone()];
        back.obj = first;
        out.push(back);
    }
    out
}

/// The agent named inside the noun phrase `a..last`: a hyphenated agent
/// ("U.S.-led"), a possessor ("X's", "its"), or a name before the noun
/// ("TTP attacks", "Afghan Taliban mediation"). Also returns a place
/// named before an attack noun ("the Quetta attack").
fn inner_agent(
    cx: &Ctx<'_, '_>,
    a: usize,
    last: usize,
    rel: Relation,
) -> (Vec<Arg>, &'static str, Option<usize>) {
    let s = cx.s;
    for k in a..last {
        if s.pos(k) == Pos::Ent
            && s.hyphen_between(k + 1)
            && s.word(k + 2).is_some_and(|w| cx.lex.agent_suffixes.iter().any(|x| x == w))
        {
            return (cx.arg(k, Via::Name).into_iter().collect(), "noun-led", None);
        }
    }
    let mut place = None;
    for k in (a..last).rev() {
        match s.pos(k) {
            Pos::Ent => {
                if s.pos(k + 1) == Pos::Hyph && s.glued(k + 1) {
                    continue;
                }
                // "the Afghan Taliban–TTP nexus" is a pair, not an agent
                if k > a && s.pos(k - 1) == Pos::Dash {
                    return (Vec::new(), "", None);
                }
                let t = s.etype(k).unwrap_or("");
                if t != "actor" && t != "person" {
                    if rel == Relation::Attacks {
                        place = Some(k);
                    }
                    continue;
                }
                let rule =
                    if s.pos(k + 1) == Pos::Poss { "noun-possessor" } else { "noun-modifier" };
                return (cx.arg(k, Via::Name).into_iter().collect(), rule, place);
            }
            Pos::PossPron => return (cx.resolve_pronoun(k), "noun-possessor", place),
            Pos::Noun | Pos::Adj if s.toks[k].cap && k < last => {
                if let Some(x) = cx.demonym_arg(k)
                    && cx.etype(&x) == "actor"
                {
                    return (vec![x], "noun-modifier", place);
                }
            }
            Pos::Poss if k > a && s.has(k - 1, f::DESC_ACTOR) => {
                let d = (a..k).find(|&x| s.pos(x) == Pos::Det).unwrap_or(a);
                return (cx.resolve_description(d, k - 1), "noun-possessor", place);
            }
            Pos::Det
            | Pos::Adj
            | Pos::Noun
            | Pos::Num
            | Pos::Date
            | Pos::Hyph
            | Pos::Poss
            | Pos::Adv => {}
            _ => break,
        }
    }
    (Vec::new(), "", place)
}

/// The verb whose object is the noun phrase starting at `a`: the nearest
/// verb to the left when only noun phrases, prepositions, parentheses and
/// list words ("including", "and", commas) lie between ("launching some of
/// the deadliest attacks …, including the 2009 attack on …").
fn governing_verb(cx: &Ctx<'_, '_>, a: usize) -> Option<(usize, Governor)> {
    let s = cx.s;
    let lo = a.saturating_sub(40);
    let mut k = a;
    while k > lo {
        k -= 1;
        // "bomb-making expertise": a hyphenated modifier, not a verb
        if s.pos(k) == Pos::Verb && s.text(k).contains('-') && s.pos(k + 1).in_np() {
            continue;
        }
        match s.pos(k) {
            Pos::Verb | Pos::Aux => {
                // a light verb phrase starting at or just before `k`, ending
                // at `k` or after a particle ("carried out")
                for st in k.saturating_sub(3)..=k {
                    if !matches!(s.pos(st), Pos::Verb | Pos::Aux) {
                        continue;
                    }
                    let fits = |m: Option<crate::extract::lexicon::PhraseMatch<'_, ()>>| {
                        m.is_some_and(|m| m.end > k && m.end <= (k + 3).min(a))
                    };
                    if fits(cx.lex.inverse_light.longest(s, st)) {
                        return Some((st, Governor::Inverse));
                    }
                    if fits(cx.lex.undergo.longest(s, st)) {
                        return Some((st, Governor::Undergo));
                    }
                    if fits(cx.lex.light.longest(s, st)) {
                        return Some((st, Governor::Light));
                    }
                    // "claimed responsibility for a suicide bombing", "was behind the attack"
                    if fits(cx.lex.event_verbs.longest(s, st)) {
                        return Some((st, Governor::Light));
                    }
                }
                return None;
            }
            Pos::Prep | Pos::To => {
                // a verb phrase ending in this preposition ("benefit from",
                // "claimed responsibility for")
                for st in k.saturating_sub(4)..k {
                    if !matches!(s.pos(st), Pos::Verb | Pos::Aux) {
                        continue;
                    }
                    let ends = |m: Option<crate::extract::lexicon::PhraseMatch<'_, ()>>| {
                        m.is_some_and(|m| m.end == k + 1)
                    };
                    if ends(cx.lex.inverse_light.longest(s, st)) {
                        return Some((st, Governor::Inverse));
                    }
                    if ends(cx.lex.event_verbs.longest(s, st)) || ends(cx.lex.light.longest(s, st))
                    {
                        return Some((st, Governor::Light));
                    }
                }
                // "attacks in Pakistan's history": a prepositional object
                let opener = cx.lex.openers.longest(s, k).is_some_and(|m| m.end == a);
                if k + 1 == a && !s.is(k, "of") && !s.is(k, "out") && !s.is(k, "up") && !opener {
                    return None;
                }
            }
            p if p.in_np() => {}
            Pos::Comma | Pos::Conj | Pos::Open | Pos::Close | Pos::Adv => {}
            _ => return None,
        }
    }
    None
}

/// The giver after an inverse light verb's object: "… from both the Afghan
/// Taliban and Al-Qaeda".
fn giver_after(cx: &Ctx<'_, '_>, from: usize) -> Vec<Arg> {
    let s = cx.s;
    let hi = (from + 16).min(s.len());
    for k in from..hi {
        if matches!(s.pos(k), Pos::Stop | Pos::Semi | Pos::Sub | Pos::Rel) {
            break;
        }
        if let Some(w) = s.word(k)
            && cx.lex.inverse_preps.iter().any(|p| p == w)
        {
            let mut j = k + 1;
            if s.is(j, "both") || s.is(j, "either") {
                j += 1;
            }
            let (g, _) = cx.object_phrase(j, ObjOpts::default());
            if !g.is_empty() {
                return g;
            }
        }
    }
    Vec::new()
}

/// "Pakistan sought to negotiate with the TTP through Afghan Taliban
/// mediation": a mediation without its parties takes those of a
/// negotiation in the same sentence (one claim per party).
pub(super) fn attach_mediation(_cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    let talks: Vec<(usize, Vec<Arg>)> = out
        .iter()
        .filter(|f| f.rel == Relation::NegotiatesWith && f.complete())
        .map(|f| (f.cue.0, f.subj.iter().chain(&f.obj).cloned().collect()))
        .collect();
    for fr in out.iter_mut().filter(|f| f.rel == Relation::Mediates && f.obj.is_empty()) {
        if let Some((_, parties)) = talks.iter().rfind(|(c, _)| *c < fr.cue.0) {
            fr.obj = parties.clone();
            fr.rule = "noun-mediation";
        }
    }
    out.retain(|f| f.rel != Relation::Mediates || f.complete());
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::triples;
    use crate::model::Relation::*;

    #[test]
    fn prenominal_and_hyphenated_agents() {
        let t = triples("The subsequent U.S.-led invasion of Afghanistan transformed the region.");
        assert!(t.contains(&("usa", Attacks, "afghanistan")), "{t:?}");
        let t = triples("Since 2022, Pakistan has witnessed a sharp escalation of TTP attacks.");
        assert!(t.contains(&("ttp", Attacks, "pakistan")), "{t:?}");
    }

    #[test]
    fn light_verbs_give_the_subject() {
        let t = triples(
            "The Taliban's emirate provided safe havens for jihadi groups from around the world, especially Pakistani outfits such as Lashkar-e-Taiba and Jaish-e-Muhammad.",
        );
        assert!(t.contains(&("afghan_taliban", Shelters, "let")), "{t:?}");
        assert!(t.contains(&("afghan_taliban", Shelters, "jem")), "{t:?}");
        assert!(!t.iter().any(|x| x.2 == "pakistan"), "{t:?}");
        let t = triples("Yet the TTP has waged an insurgency against the Pakistani state.");
        assert!(t.contains(&("ttp", Fights, "pakistan")), "{t:?}");
    }

    #[test]
    fn including_lists_inherit_the_light_verb_subject() {
        let t = triples(
            "The TTP responded with ferocity, launching some of the deadliest attacks in its history, including the 2009 attack on the General Headquarters and the 2014 massacre at the Army Public School in Peshawar.",
        );
        assert!(t.contains(&("ttp", Attacks, "ghq")), "{t:?}");
        assert!(t.contains(&("ttp", Attacks, "aps")), "{t:?}");
        assert!(!t.iter().any(|x| x.2 == "peshawar"), "{t:?}");
    }

    #[test]
    fn inverse_light_verbs_swap_the_roles() {
        let t = triples(
            "Conversely, the TTP received training, logistical support, and ideological guidance from both the Afghan Taliban and Al-Qaeda.",
        );
        assert!(t.contains(&("afghan_taliban", Supports, "ttp")), "{t:?}");
        assert!(t.contains(&("al_qaeda", Supports, "ttp")), "{t:?}");
        assert!(!t.iter().any(|x| x.0 == "ttp" && x.1 == Supports), "{t:?}");
    }

    #[test]
    fn inverse_light_verb_with_a_single_noun_and_its_from_phrase() {
        let t = triples("The TTP received training from Al-Qaeda.");
        assert_eq!(t, [("al_qaeda", Supports, "ttp")], "{t:?}");
        let t = triples("Al-Qaeda provided bomb-making expertise to the TTP.");
        assert_eq!(t, [("al_qaeda", Supports, "ttp")], "{t:?}");
        let t = triples("Jaish-e-Muhammad has received support from Pakistan.");
        assert!(t.contains(&("pakistan", Supports, "jem")), "{t:?}");
    }

    #[test]
    fn mediation_takes_the_parties_of_the_talks() {
        let t = triples(
            "In late 2021, Pakistan sought to negotiate with the TTP through Afghan Taliban mediation.",
        );
        assert!(t.contains(&("pakistan", NegotiatesWith, "ttp")), "{t:?}");
        assert!(t.contains(&("afghan_taliban", Mediates, "pakistan")), "{t:?}");
        assert!(t.contains(&("afghan_taliban", Mediates, "ttp")), "{t:?}");
    }

    #[test]
    fn presence_of_x_in_y() {
        let t = triples(
            "UN reports revealed the presence of terrorist groups, including Al-Qaeda, in Afghanistan.",
        );
        assert!(t.contains(&("al_qaeda", OperatesIn, "afghanistan")), "{t:?}");
    }

    #[test]
    fn the_one_killed_in_a_strike_is_its_target() {
        let t = triples(
            "Baitullah Mehsud was killed in a U.S. drone strike in North Waziristan in 2009.",
        );
        assert!(t.contains(&("usa", Attacks, "baitullah")), "{t:?}");
        assert!(!t.iter().any(|x| x.2 == "north_waziristan"), "{t:?}");
    }

    #[test]
    fn support_received_with_or_under() {
        let t = triples("The TTP, with support from Al-Qaeda, attacked Peshawar.");
        assert!(t.contains(&("al_qaeda", Supports, "ttp")), "{t:?}");
        let t = triples("Al-Qaeda remained in Kunar under the protection of the Afghan Taliban.");
        assert!(t.contains(&("afghan_taliban", Shelters, "al_qaeda")), "{t:?}");
    }

    #[test]
    fn two_sided_nouns_between_coordinated_subjects() {
        let t = triples("Pakistan and the TTP signed a peace agreement in 2022.");
        assert!(
            t.iter().any(|x| x.1 == NegotiatesWith
                && [x.0, x.2].contains(&"ttp")
                && [x.0, x.2].contains(&"pakistan")),
            "{t:?}"
        );
        let t = triples("A limited war began between India and Pakistan.");
        assert!(
            t.contains(&("india", Fights, "pakistan"))
                && t.contains(&("pakistan", Fights, "india")),
            "{t:?}"
        );
    }

    #[test]
    fn named_operations_against() {
        let t = triples(
            "In June 2014, the Pakistani military launched Operation Zarb-e-Azb against the TTP.",
        );
        assert!(t.contains(&("pakistan", Fights, "ttp")), "{t:?}");
    }

    #[test]
    fn non_specific_attacks_make_no_claim() {
        let t = triples(
            "They would be held responsible for any attacks on the TTP carried out by Al-Qaeda.",
        );
        assert!(!t.iter().any(|x| x.1 == Attacks), "{t:?}");
    }
}
