//! Attacks referred back to: "X claimed responsibility for the attack",
//! "Y was believed to have carried out the attack", "the two groups had done
//! this attack together" — the attack's target is the one of the last attack
//! the text described.

use super::Frame;
use crate::extract::arguments::{Arg, Ctx, Via};
use crate::extract::lexicon::f;
use crate::extract::tokens::{Kind, Pos};
use crate::model::Relation;

pub(super) fn find(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    let s = cx.s;
    let Some(rel) = cx.lex.event_relation else { return };
    for i in 0..s.len() {
        if s.toks[i].kind != Kind::Word || !matches!(s.pos(i), Pos::Verb | Pos::Aux) {
            continue;
        }
        let Some(m) = cx.lex.event_verbs.longest(s, i) else { continue };
        let mut j = m.end;
        while matches!(s.pos(j), Pos::Quote | Pos::Adv) {
            j += 1;
        }
        let Some(np) = cx.np_at(j) else { continue };
        let head = np.e;
        let anaphoric = s.pos(head) == Pos::Pron && s.is(head, "it")
            || (matches!(s.low(np.a), "the" | "this" | "that" | "these" | "those")
                && is_attack_noun(cx, head));
        if !anaphoric || (np.a..head).any(|k| s.has(k, f::IRR_QUANT)) {
            continue;
        }
        // "the attack on the Russian embassy" names its own target
        if matches!(s.low(head + 1), "on" | "against" | "at" | "of" | "in")
            && s.pos(head) != Pos::Pron
        {
            continue;
        }
        let Some((target, date, place)) = target_of(cx, out, head) else { continue };
        let agent = cx.subject(i);
        if agent.is_empty() {
            continue;
        }
        let obj = vec![Arg { text: s.toks[head].span, tok: head, via: Via::Reference, ..target }];
        let mut fr = Frame::new(rel, agent.clone(), obj, (i, m.end), i, "event-reference", 0.65);
        fr.date = date;
        fr.place = place;
        out.push(fr);
        // "the two groups had done this attack together"
        let together =
            (np.e + 1..(np.e + 4).min(s.len())).any(|k| matches!(s.low(k), "together" | "jointly"));
        if together && agent.len() >= 2 {
            let mut fr = Frame::new(
                Relation::AlliedWith,
                vec![agent[0].clone()],
                agent[1..].to_vec(),
                (i, m.end),
                i,
                "event-together",
                0.65,
            );
            fr.date = date;
            out.push(fr);
        }
    }
}

fn is_attack_noun(cx: &Ctx<'_, '_>, k: usize) -> bool {
    let s = cx.s;
    (k.saturating_sub(2)..=k).any(|st| {
        cx.lex
            .nouns
            .at(s, st)
            .iter()
            .any(|m| m.end == k + 1 && cx.lex.noun_cues[*m.value].relation == Relation::Attacks)
    })
}

/// The target of the attack an anaphor at `head` refers to: one described
/// earlier in this sentence, else the last one remembered.
fn target_of(
    cx: &Ctx<'_, '_>,
    out: &[Frame],
    head: usize,
) -> Option<(Arg, Option<usize>, Option<usize>)> {
    if let Some(fr) =
        out.iter().rev().find(|f| f.rel == Relation::Attacks && !f.obj.is_empty() && f.cue.0 < head)
    {
        return Some((fr.obj[0].clone(), fr.date, fr.place));
    }
    cx.disc.events.last().map(|e| (e.target.clone(), e.date, e.place))
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::triples;
    use crate::model::Relation::*;

    #[test]
    fn responsibility_for_an_earlier_attack() {
        let t = triples(
            "In 2014, three gunmen carried out an attack on the Army Public School in Peshawar. ISKP claimed responsibility for the attack, and Lashkar-e-Jhangvi was believed to have carried out the attack.",
        );
        assert!(t.contains(&("isil_kp", Attacks, "aps")), "{t:?}");
        assert!(t.contains(&("lej", Attacks, "aps")), "{t:?}");
    }

    #[test]
    fn together_makes_allies() {
        let t = triples(
            "Gunmen stormed the Army Public School in 2014. The two groups (ISKP and Lashkar-e-Jhangvi) had done this attack together.",
        );
        assert!(t.contains(&("isil_kp", Attacks, "aps")), "{t:?}");
        assert!(t.contains(&("isil_kp", AlliedWith, "lej")), "{t:?}");
    }
}
