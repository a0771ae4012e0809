//! Verb cues in the active ("X harboured Y", "X fought against Y", "X
//! provided Y with arms", "X pushed Y out") and the passive voice ("Y was
//! recognised by A, B and C", "Y were released by X").

use super::Frame;
use crate::extract::arguments::{Arg, Ctx};
use crate::extract::lexicon::{Form, VerbCue, f};
use crate::extract::syntax::ObjOpts;
use crate::extract::tokens::{Kind, Pos};
use crate::model::Relation;

pub(super) fn find(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    let s = cx.s;
    for i in 0..s.len() {
        if s.toks[i].kind != Kind::Word {
            continue;
        }
        for m in cx.lex.verbs.at(s, i) {
            let cue = &cx.lex.verb_cues[*m.value];
            if !is_verbal(cx, i, m.end, m.form) {
                continue;
            }
            if let Some(f) = frame(cx, i, m.end, m.form, cue) {
                out.push(f);
            }
        }
    }
}

/// True when the cue at `i..end` is used as a verb here.
fn is_verbal(cx: &Ctx<'_, '_>, i: usize, end: usize, form: Form) -> bool {
    let s = cx.s;
    match s.pos(i) {
        Pos::Verb => true,
        Pos::Adj => form == Form::Ed && s.is(end, "by"),
        Pos::Det | Pos::Prep | Pos::Conj => false,
        _ => end > i + 1,
    }
}

/// The object after a verb cue ending at `j`: the first marker that
/// leads to entities. Returns the objects, the last token, and whether the
/// marker only takes places.
pub(super) fn object(
    cx: &Ctx<'_, '_>,
    cue: &VerbCue,
    i: usize,
    j: usize,
) -> Option<(Vec<Arg>, usize, bool)> {
    let s = cx.s;
    if let Some(found) = object_at(cx, cue, i, j) {
        return Some(found);
    }
    // "Meeting in Islamabad with William Milam": past a place or a date
    if matches!(s.low(j), "in" | "at" | "on" | "during" | "since")
        && let Some(np) = cx.np_at(j + 1)
    {
        let setting = np.args.iter().all(|a| matches!(cx.etype(a), "place" | "facility"))
            || (np.a..=np.e).any(|k| s.pos(k) == Pos::Date);
        if setting && s.pos(np.e + 1) == Pos::Prep {
            return object_at(cx, cue, i, np.e + 1);
        }
    }
    None
}

fn object_at(
    cx: &Ctx<'_, '_>,
    cue: &VerbCue,
    i: usize,
    j: usize,
) -> Option<(Vec<Arg>, usize, bool)> {
    let s = cx.s;
    // "demanded that Kabul take action": the subject of the demand's clause
    if cue.relation == Relation::Demands
        && s.is(j, "that")
        && let Some(np) = cx.np_at(j + 1)
        && !np.args.is_empty()
        && cx.followed_by_verb(np.e)
    {
        return Some((np.args, np.e, false));
    }
    for mk in &cue.object {
        if mk.words.is_empty() {
            if cue.double_object {
                continue;
            }
            if s.pos(j).in_np()
                || s.pos(j) == Pos::Pron
                || (s.pos(j) == Pos::Adv && s.pos(j + 1).in_np())
            {
                // "struck targets in Khost": an attack's place may be its
                // object; "operate training camps in Nangarhar"
                let operates = cue.relation == Relation::OperatesIn;
                let attack = cue.relation == Relation::Attacks;
                let opts =
                    ObjOpts { locations: attack || operates, rep_prep: None, any_place: attack };
                let (o, e) = cx.object_phrase(j, opts);
                if !o.is_empty() {
                    return Some((o, e, operates));
                }
            }
        } else if mk.words.iter().enumerate().all(|(k, w)| s.word(j + k) == Some(w.as_str())) {
            let opts =
                ObjOpts { locations: mk.place_only, rep_prep: Some(&mk.words), any_place: false };
            let (o, e) = cx.object_phrase(j + mk.words.len(), opts);
            if !o.is_empty() {
                return Some((o, e, mk.place_only));
            }
        }
    }
    // a phrase ending in a preposition takes its object directly
    // ("fight alongside them", "take control of Kabul")
    let multi = j > i + 1 && s.has(j - 1, f::PREP);
    if multi {
        let (o, e) = cx.object_phrase(j, ObjOpts::default());
        if !o.is_empty() {
            return Some((o, e, false));
        }
    }
    if cue.double_object {
        // "provided it oil", "supplied the Taliban with arms"
        if let Some(np) = cx.np_at(j) {
            let next = np.e + 1;
            let second_np = s.pos(next).in_np() && s.pos(next) != Pos::Poss;
            if !np.args.is_empty() && (s.is(next, "with") || second_np) {
                return Some((np.args, np.e, false));
            }
        }
    }
    None
}

fn frame(cx: &Ctx<'_, '_>, i: usize, end: usize, form: Form, cue: &VerbCue) -> Option<Frame> {
    let s = cx.s;
    let g = cx.group_start(i);
    // the auxiliary right before the participle decides the voice: "is
    // believed to have funded" is active, "has been funded" passive
    let last_aux = (g..i).rev().find(|&k| s.has(k, f::BE | f::HAVE));
    let be = last_aux.is_some_and(|k| s.has(k, f::BE));
    let have = (g..i).any(|k| s.has(k, f::HAVE));
    let by_next = s.is(end, "by");
    let passive = cue.passive && form == Form::Ed && (be || (by_next && !have && g == i));
    if passive {
        if !by_next {
            return None;
        }
        let (agents, _) = cx.object_phrase(end + 1, ObjOpts::default());
        let mut patients = cx.subject(i);
        // "The Taliban regime, backed by Pakistan, ruled Kabul"
        if patients.is_empty()
            && g == i
            && g >= 2
            && s.pos(g - 1) == Pos::Comma
            && s.pos(g - 2).in_np()
        {
            let a = cx.np_left(g - 2);
            patients = cx.referent(a, g - 2);
        }
        let (subj, obj) = if cue.inverse { (patients, agents) } else { (agents, patients) };
        let mut fr = Frame::new(cue.relation, subj, obj, (i, end), i, "verb-passive", 0.8);
        fr.subj_types = cue.subject_types.clone();
        fr.obj_types = cue.object_types.clone();
        fr.by_type = cue.by_type.clone();
        return fr.complete().then_some(fr);
    }
    let subj = cx.subject(i);
    // an attack without a named attacker is kept as an event
    if subj.is_empty() && cue.relation != Relation::Attacks {
        return None;
    }
    let mut j = end;
    while s.pos(j) == Pos::Adv && !s.pos(j + 1).in_np() {
        j += 1;
    }
    // "harbouring and facilitating the TTP": the object follows the last verb
    if s.pos(j) == Pos::Conj && matches!(s.low(j), "and" | "or") && s.pos(j + 1) == Pos::Verb {
        j += 2;
    }
    let Some((obj, oend, place_only)) = object(cx, cue, i, j) else {
        // "the two sides clashed", "X and Y negotiated": a two-sided relation
        // between the subjects
        // fighting is mutual only when said so ("clashed", "fought each other")
        let mutual = s.low(i).starts_with("clash")
            || (end..(end + 3).min(s.len())).any(|k| matches!(s.low(k), "each" | "one"));
        let together = (end..(end + 3).min(s.len()))
            .any(|k| matches!(s.low(k), "together" | "jointly" | "alongside"));
        if subj.len() >= 2
            && (cue.relation.is_symmetric()
                || (cue.relation == Relation::Fights && (mutual || together)))
        {
            let mut subj = subj;
            let rest = subj.split_off(1);
            // "fought together", "fought side by side": allies, not enemies
            let rel = if together { Relation::AlliedWith } else { cue.relation };
            let mut fr = Frame::new(rel, subj, rest, (i, end), i, "verb-pair", 0.7);
            fr.subj_types = cue.subject_types.clone();
            fr.obj_types = cue.object_types.clone();
            return Some(fr);
        }
        // "the TTP demanded the release of its prisoners": addressed to
        // someone the discourse may know (the other side of the talks)
        if cue.relation == Relation::Demands && s.pos(j).in_np() {
            return Some(Frame::new(
                cue.relation,
                subj,
                Vec::new(),
                (i, end),
                i,
                "demand-in-talks",
                0.6,
            ));
        }
        return None;
    };
    if let Some(p) = &cue.particle
        && s.word(oend + 1) != Some(p.as_str())
        && s.word(end) != Some(p.as_str())
    {
        return None;
    }
    if cue.needs_designation {
        let hi = (oend + 9).min(s.len());
        if !(oend + 1..hi).any(|k| s.has(k, f::DESIGNATION)) {
            return None;
        }
    }
    let mut fr = Frame::new(cue.relation, subj, obj, (i, end), i, "verb-active", 0.8);
    if cue.inverse {
        std::mem::swap(&mut fr.subj, &mut fr.obj);
    }
    fr.neg = cue.negative;
    fr.subj_types = cue.subject_types.clone();
    fr.obj_types =
        if place_only { Some(vec!["territory".to_string()]) } else { cue.object_types.clone() };
    fr.by_type = cue.by_type.clone();
    Some(fr)
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::triples;
    use crate::model::Relation::*;

    #[test]
    fn active_voice_with_and_without_preposition() {
        let t = triples(
            "The TTP has waged attacks, and Pakistani forces fought against the TTP in 2009.",
        );
        assert!(t.contains(&("pakistan", Fights, "ttp")), "{t:?}");
        let t = triples("In 2014, the ISI reportedly funded Lashkar-e-Taiba.");
        assert!(t.contains(&("isi", Supports, "let")), "{t:?}");
        let t = triples("Saudi Arabia never recognised the TTP.");
        assert!(t.contains(&("saudi_arabia", Recognizes, "ttp")), "{t:?}");
    }

    #[test]
    fn passive_voice_with_a_list_of_agents() {
        let t = triples(
            "They established the Taliban regime, which was recognized by only three countries: Pakistan, Saudi Arabia, and the United Arab Emirates.",
        );
        for s in ["pakistan", "saudi_arabia", "uae"] {
            assert!(t.iter().any(|x| x.0 == s && x.1 == Recognizes), "{s}: {t:?}");
        }
        let t = triples(
            "More than 8,000 TTP fighters were released by the Afghan Taliban authorities.",
        );
        assert!(t.contains(&("afghan_taliban", Releases, "ttp")), "{t:?}");
        let t = triples("Bin Ladin was sheltered by the Taliban for years.");
        assert!(t.contains(&("afghan_taliban", Shelters, "bin_laden")), "{t:?}");
    }

    #[test]
    fn agentless_passive_makes_no_claim() {
        let t = triples("The TTP was attacked in Kabul in 2022.");
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn coordinated_places_give_one_claim_each() {
        let t = triples(
            "The TTP leadership operates from sanctuaries in eastern provinces, particularly Kunar, Nangarhar, and Khost.",
        );
        for p in ["kunar", "nangarhar", "khost"] {
            assert!(t.contains(&("ttp", OperatesIn, p)), "{p}: {t:?}");
        }
    }

    #[test]
    fn object_type_picks_the_relation() {
        let t = triples("When the Afghan Taliban captured Kabul in September 1996, they ruled.");
        assert!(t.contains(&("afghan_taliban", Controls, "kabul")), "{t:?}");
        assert!(!t.iter().any(|x| x.1 == Detains), "{t:?}");
        let t = triples("Pakistani forces captured Mullah Omar.");
        assert!(t.contains(&("pakistan", Detains, "mullah_omar")), "{t:?}");
        assert!(!t.iter().any(|x| x.1 == Controls), "{t:?}");
    }

    #[test]
    fn coordinated_subjects_of_a_two_sided_verb() {
        let t = triples("The TTP and Lashkar-e-Taiba fought together in 2014.");
        assert!(t.iter().any(|x| x.1 == AlliedWith), "{t:?}");
        assert!(!t.iter().any(|x| x.1 == Fights), "{t:?}");
        let t = triples("The TTP and Lashkar-e-Taiba fought in Kashmir in 2014.");
        assert!(t.is_empty(), "{t:?}");
        let t = triples("The TTP and Lashkar-e-Taiba clashed in Kashmir in 2014.");
        assert!(t.iter().any(|x| x.1 == Fights), "{t:?}");
    }

    #[test]
    fn demands_that_someone_acts() {
        let t = triples("Pakistan demanded that the Afghan Taliban take action against the TTP.");
        assert!(t.contains(&("pakistan", Demands, "afghan_taliban")), "{t:?}");
        assert!(!t.iter().any(|x| x.1 == Fights), "{t:?}");
    }

    #[test]
    fn a_demand_in_talks_goes_to_the_other_side() {
        let t = triples(
            "In late 2021, Pakistan sought to negotiate with the TTP. Talks soon collapsed when the TTP demanded the release of its prisoners.",
        );
        assert!(t.contains(&("ttp", Demands, "pakistan")), "{t:?}");
        let t = triples("The TTP demanded the release of its prisoners.");
        assert!(!t.iter().any(|x| x.1 == Demands), "{t:?}");
    }

    #[test]
    fn members_from_a_group_stand_for_it() {
        let t =
            triples("In 2014, militants from Lashkar-e-Jhangvi stormed the Army Public School.");
        assert!(t.contains(&("lej", Attacks, "aps")), "{t:?}");
        // a cue noun's "from" phrase is no membership
        let t = triples("Support from Pakistan stormed the headlines.");
        assert!(!t.iter().any(|x| x.0 == "pakistan" && x.1 == Attacks), "{t:?}");
    }

    #[test]
    fn maintaining_links_is_an_alliance_but_maintaining_camps_is_not() {
        let t = triples("The ISI maintains close links with Lashkar-e-Jhangvi.");
        assert!(t.contains(&("isi", AlliedWith, "lej")), "{t:?}");
        let t = triples("Lashkar-e-Jhangvi and the TTP maintain camps in Kunar.");
        assert!(!t.iter().any(|x| x.1 == AlliedWith), "{t:?}");
    }

    #[test]
    fn attackers_targets_and_gatherings_stand_for_their_group() {
        let t = triples("In 2013, TTP gunmen attacked Peshawar.");
        assert!(t.contains(&("ttp", Attacks, "peshawar")), "{t:?}");
        let t = triples("Lashkar-e-Jhangvi has not attacked Pakistani targets.");
        assert!(t.contains(&("lej", Attacks, "pakistan")), "{t:?}");
        let t = triples("In 2013, the TTP bombed a rally of Lashkar-e-Jhangvi.");
        assert!(t.contains(&("ttp", Attacks, "lej")), "{t:?}");
    }

    #[test]
    fn the_army_is_a_state_s_and_a_ceasefire_agreed_to_is_a_negotiation() {
        let t = triples("Pakistan faced violence in 2014. The army then attacked the TTP.");
        assert!(t.contains(&("pakistan", Attacks, "ttp")), "{t:?}");
        let t = triples("The TTP faced losses in 2014. The army then attacked Lashkar-e-Jhangvi.");
        assert!(!t.iter().any(|x| x.0 == "ttp" && x.1 == Attacks), "{t:?}");
        let t = triples("In 2021, Pakistan agreed to a ceasefire with the TTP.");
        assert!(t.contains(&("pakistan", NegotiatesWith, "ttp")), "{t:?}");
    }

    #[test]
    fn a_perfect_infinitive_after_a_passive_hedge_is_active() {
        let t = triples("The ISI is believed to have funded Lashkar-e-Jhangvi.");
        assert!(t.contains(&("isi", Supports, "lej")), "{t:?}");
        let t = triples("Lashkar-e-Jhangvi has been funded by the ISI.");
        assert!(t.contains(&("isi", Supports, "lej")), "{t:?}");
    }

    #[test]
    fn taking_power_in_a_place_is_control() {
        let t = triples("The Taliban took power in Kabul in August 2021.");
        assert!(t.contains(&("afghan_taliban", Controls, "kabul")), "{t:?}");
    }

    #[test]
    fn particle_verbs_need_their_particle() {
        let t = triples("In late 2021, the U.S. pushed al Qaeda out of Afghanistan.");
        assert!(t.contains(&("usa", Fights, "al_qaeda")), "{t:?}");
        let t = triples("The U.S. pushed Musharraf to act.");
        assert!(!t.iter().any(|x| x.1 == Fights), "{t:?}");
    }
}
