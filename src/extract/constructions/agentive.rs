//! Agent nouns, which name the subject's role: "X was a staunch supporter of
//! Y", "X, a faction of Y,", "X considers itself an extension of Y", "X was
//! the Taliban's primary patron", "the LeJ faction Al-Alami"; and
//! possessives that make one organisation part of another ("its Amaq media
//! wing", "Pakistan's ISI").

use super::{Attribution, Frame};
use crate::extract::arguments::{Arg, Ctx, Via};
use crate::extract::lexicon::f;
use crate::extract::syntax::ObjOpts;
use crate::extract::tokens::{Kind, Pos};
use crate::model::Relation;

pub(super) fn find(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    let s = cx.s;
    for i in 0..s.len() {
        if s.toks[i].kind != Kind::Word {
            continue;
        }
        let Some(m) = cx.lex.agent_nouns.longest(s, i) else { continue };
        let last = m.end - 1;
        if s.pos(last) != Pos::Noun {
            continue;
        }
        if let Some(fr) = agent_noun(cx, i, m.end, m.value.relation, &m.value.object) {
            out.push(fr);
        }
    }
    possessive_parts(cx, out);
    named_parts(cx, out);
}

/// A name that says it is a part ("the Lashkar-e-Jhangvi faction
/// Al-Alami", "its Amaq media wing"): the gazetteer knows of what.
fn named_parts(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    let s = cx.s;
    for k in 0..s.len() {
        if s.etype(k) != Some("actor") || !s.text(k).contains(' ') {
            continue;
        }
        let says_part =
            crate::extract::cache::Caches::memo(&cx.caches.name_parts, s.text(k), || {
                let words: Vec<String> =
                    s.text(k).split_whitespace().map(str::to_lowercase).collect();
                (0..words.len()).any(|st| {
                    cx.lex
                        .agent_nouns
                        .longest_at(st, |x| words.get(x).map(String::as_str))
                        .is_some_and(|m| m.value.relation == Relation::PartOf)
                })
            });
        if !says_part {
            continue;
        }
        let Some(part) = cx.arg(k, Via::Name) else { continue };
        let Some(ent) = cx.cat.entity(cx.id(&part)) else { continue };
        let text = s.text(k).to_lowercase();
        for parent in &ent.part_of {
            let Some(i) = cx.caches.index_of(cx.cat, parent) else { continue };
            // the name must say whose part it is ("the LeJ faction Al-Alami")
            let p = &cx.cat.entities()[i];
            let named = std::iter::once(&p.name)
                .chain(&p.aliases)
                .chain(&p.acronyms)
                .any(|n| n.len() > 2 && text.contains(&n.to_lowercase()));
            if !named {
                continue;
            }
            let whole = Arg {
                mention: usize::MAX,
                alt: Some(i),
                text: s.toks[k].span,
                tok: k,
                via: Via::Proxy,
            };
            let mut fr = Frame::new(
                Relation::PartOf,
                vec![part.clone()],
                vec![whole],
                (k, k + 1),
                k,
                "name-part",
                0.75,
            );
            fr.realis = true;
            out.push(fr);
        }
    }
}

/// The entity named before the noun inside its phrase ("the Taliban's
/// patron", "a TTP faction").
fn prenominal(cx: &Ctx<'_, '_>, a: usize, last: usize) -> Option<(usize, Arg)> {
    let s = cx.s;
    for k in (a..last).rev() {
        match s.pos(k) {
            Pos::Ent if s.etype(k) == Some("actor") || s.etype(k) == Some("person") => {
                if s.pos(k + 1) == Pos::Hyph {
                    continue;
                }
                return cx.arg(k, Via::Name).map(|x| (k, x));
            }
            Pos::PossPron => return cx.resolve_pronoun(k).into_iter().next().map(|x| (k, x)),
            Pos::Det | Pos::Adj | Pos::Noun | Pos::Num | Pos::Poss | Pos::Adv => {}
            _ => return None,
        }
    }
    None
}

fn agent_noun(
    cx: &Ctx<'_, '_>,
    i: usize,
    end: usize,
    rel: Relation,
    preps: &[String],
) -> Option<Frame> {
    let s = cx.s;
    let last = end - 1;
    let a = cx.np_left(last);
    // "the Lashkar-e-Jhangvi faction Al-Alami": named member after the noun
    if rel == Relation::PartOf
        && s.pos(end) == Pos::Ent
        && let Some((_, whole)) = prenominal(cx, a, last)
    {
        let part = cx.arg(end, Via::Name)?;
        let mut fr = Frame::new(rel, vec![part], vec![whole], (i, end), last, "agent-name", 0.8);
        fr.realis = true;
        return Some(fr);
    }
    let mut obj: Vec<Arg> = Vec::new();
    let mut oend = last;
    if let Some(w) = s.word(end)
        && preps.iter().any(|p| p == w)
    {
        let (o, e) = cx.object_phrase(end + 1, ObjOpts::default());
        obj = o;
        oend = e;
    }
    if obj.is_empty()
        && let Some((_, x)) = prenominal(cx, a, last)
    {
        obj = vec![x];
    }
    if obj.is_empty() {
        return None;
    }
    let mut attribution = None;
    let mut rule = "agent-copula";
    let mut subj = Vec::new();
    let mut k = a;
    while k > 0 && matches!(s.pos(k - 1), Pos::Adv | Pos::Neg) {
        k -= 1;
    }
    let mut pred = last;
    if k > 0 {
        let before = k - 1;
        let copula_phrase = (before.saturating_sub(2)..=before)
            .any(|st| cx.lex.copulas.longest(s, st).is_some_and(|m| m.end == k));
        if s.has(before, f::COPULA | f::BE) || copula_phrase {
            subj = cx.subject(before);
            pred = before;
        } else if s.has(before, f::REFLEXIVE)
            || (s.is(before, "as") && before > 0 && s.has(before - 1, f::REFLEXIVE))
        {
            // "the TTP considers itself an extension of the Afghan Taliban"
            let refl = if s.is(before, "as") { before - 1 } else { before };
            if refl > 0 && s.pos(refl - 1) == Pos::Verb {
                let v = refl - 1;
                subj = cx.subject(v);
                if cx.lex.self_report.longest(s, v).is_some() {
                    let text = cx.subject_text(v);
                    attribution = Some(Attribution { args: subj.clone(), from: v, to: refl, text });
                }
                rule = "agent-self";
            }
        } else if s.is(before, "as") && before > 0 && s.pos(before - 1) == Pos::Verb {
            subj = cx.subject(before - 1);
        } else if s.pos(before) == Pos::Comma && before > 0 && s.pos(before - 1).in_np() {
            let e = before - 1;
            let a2 = cx.np_left(e);
            subj = cx.referent(a2, e);
            rule = "agent-apposition";
        }
    }
    if subj.is_empty() && s.pos(oend + 1) == Pos::Comma {
        // "its chief foe, the Northern Alliance"
        if let Some(np) = cx.np_at(oend + 2)
            && np.args.iter().all(|x| cx.etype(x) != "place")
        {
            subj = np.args;
            rule = "agent-apposition";
        }
    }
    if subj.is_empty() {
        return None;
    }
    let mut fr = Frame::new(rel, subj, obj, (i, end), pred, rule, 0.8);
    fr.attribution = attribution;
    Some(fr)
}

/// "its Amaq media wing", "Pakistan's ISI": an organisation owned by a
/// possessor is part of it, when a member noun follows or the gazetteer
/// agrees.
fn possessive_parts(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    let s = cx.s;
    for k in 0..s.len() {
        let (owner, start) = match s.pos(k) {
            Pos::Ent if s.pos(k + 1) == Pos::Poss => (cx.arg(k, Via::Name), k + 2),
            Pos::PossPron => (cx.resolve_pronoun(k).into_iter().next(), k + 1),
            _ => continue,
        };
        let Some(owner) = owner else { continue };
        if cx.etype(&owner) != "actor" {
            continue;
        }
        let mut j = start;
        while matches!(s.pos(j), Pos::Adj | Pos::Noun) && j < start + 3 {
            j += 1;
        }
        if s.pos(j) != Pos::Ent || s.etype(j) != Some("actor") {
            continue;
        }
        let Some(part) = cx.arg(j, Via::Name) else { continue };
        let mut h = j + 1;
        while s.pos(h) == Pos::Noun && s.pos(h + 1) == Pos::Noun {
            h += 1;
        }
        let member_noun = s.pos(h) == Pos::Noun && s.has(h, f::MEMBER | f::ORGAN);
        let owner_id = cx.id(&owner);
        let known =
            cx.cat.entity(cx.id(&part)).is_some_and(|e| e.part_of.iter().any(|p| p == owner_id));
        if !(member_noun || known) || cx.id(&part) == owner_id {
            continue;
        }
        let mut fr = Frame::new(
            Relation::PartOf,
            vec![part],
            vec![owner],
            (k, j + 1),
            j,
            "possessive-part",
            0.75,
        );
        fr.realis = true;
        out.push(fr);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{claims_of, triples};
    use crate::model::{Modality, Relation::*};

    #[test]
    fn copula_and_apposition() {
        let t = triples(
            "Pakistan, at this stage, was a staunch supporter of the Taliban regime in Kabul.",
        );
        assert!(t.contains(&("pakistan", Supports, "afghan_taliban")), "{t:?}");
        let t = triples("But the ISI was the Taliban's primary patron.");
        assert!(t.contains(&("isi", Supports, "afghan_taliban")), "{t:?}");
        let t = triples("Sher Afgan said that Lashkar-e-Jhangvi, a faction of the TTP, did it.");
        assert!(t.contains(&("lej", PartOf, "ttp")), "{t:?}");
    }

    #[test]
    fn self_description_is_reported_by_the_subject() {
        let c = claims_of("Yet the TTP considers itself an extension of the Afghan Taliban.");
        let c = c.iter().find(|c| c.relation == PartOf).expect("part_of");
        assert_eq!(c.subject.entity, "ttp");
        assert_eq!(c.object.entity, "afghan_taliban");
        assert_eq!(c.modality, Modality::Reported);
        assert_eq!(c.source.as_ref().and_then(|s| s.entity.clone()).as_deref(), Some("ttp"));
    }

    #[test]
    fn named_faction_after_the_noun() {
        let t =
            triples("A spokesman of the Lashkar-e-Jhangvi faction ISKP told reporters nothing.");
        assert!(t.contains(&("isil_kp", PartOf, "lej")), "{t:?}");
    }
}
