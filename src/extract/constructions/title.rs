//! Titles and leadership phrases: "TTP Emir Noor Wali Mehsud", "Pakistani
//! President Musharraf", "Sher Afgan, the chief of the Frontier Corps", "an
//! al Qaeda financial official, Madani al Tayyib", "the Taliban leader"
//! (a person named before), and "X, under the supreme leader Y".

use super::Frame;
use crate::extract::arguments::{Arg, Ctx, Via};
use crate::extract::lexicon::{TitleKind, f};
use crate::extract::syntax::ObjOpts;
use crate::extract::tokens::{Kind, Pos};
use crate::model::Relation;

pub(super) fn find(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    let s = cx.s;
    for k in 0..s.len() {
        if s.etype(k) != Some("person") {
            continue;
        }
        let Some((kind, org)) = cx.title_in_name(k) else { continue };
        let Some(person) = cx.arg(k, Via::Name) else { continue };
        let rel = relation(kind);
        let mut fr = Frame::new(rel, vec![person], org, (k, k + 1), k, "title-in-name", 0.85);
        fr.realis = true;
        out.push(fr);
    }
    let mut i = 0;
    while i < s.len() {
        if s.toks[i].kind != Kind::Word {
            i += 1;
            continue;
        }
        if s.is(i, "under") {
            under(cx, i, out);
        }
        match cx.lex.titles.longest(s, i) {
            Some(m) if matches!(s.pos(m.end - 1), Pos::Noun | Pos::Adj) => {
                let mut kind = *m.value;
                if i > 0
                    && s.word(i - 1).is_some_and(|w| cx.lex.member_prefixes.iter().any(|p| p == w))
                {
                    kind = TitleKind::Member;
                }
                if let Some(fr) = title(cx, i, m.end, kind) {
                    out.push(fr);
                }
                i = m.end;
            }
            _ => i += 1,
        }
    }
}

fn relation(kind: TitleKind) -> Relation {
    match kind {
        TitleKind::Leads => Relation::Leads,
        TitleKind::Member => Relation::PartOf,
        TitleKind::Founder => Relation::Founded,
    }
}

impl Ctx<'_, '_> {
    /// The organisation last seen with `title`: earlier in this sentence
    /// ("the UN Secretary-General's Deputy Spokesman … Secretary-General Ban
    /// Ki-moon") or in the document.
    fn remembered_title(&self, title: &str, before: usize) -> Option<usize> {
        let s = self.s;
        for k in (0..before).rev() {
            if s.etype(k) != Some("actor") {
                continue;
            }
            let text = s.text(k).to_lowercase().replace('’', "'");
            let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let after_title = s.word(k + 1).is_some_and(|w| title.starts_with(w));
            if t.ends_with(&format!(" {title}")) || after_title && title.split(' ').count() == 1 {
                return s.mention_index(k);
            }
        }
        self.disc.titles.iter().rev().find(|(t, _)| t == title).map(|(_, m)| *m)
    }

    /// A title inside a person's name as tagged ("State Department
    /// Spokesperson John Kirby", "Secretary-General Ban Ki-moon", "ambassador
    /// David Hale"): what it says, and the organisation — named inside the
    /// name, just before it ("U.S. ambassador David Hale"), or met before
    /// with the same title ("the UN Secretary-General").
    pub(crate) fn title_in_name(&self, k: usize) -> Option<(TitleKind, Vec<Arg>)> {
        let s = self.s;
        let text = s.text(k);
        if !text.contains(' ') {
            return None;
        }
        let found = super::super::cache::Caches::memo(&self.caches.name_titles, text, || {
            let words: Vec<String> =
                text.split_whitespace().map(|w| w.to_lowercase().replace('’', "'")).collect();
            (0..words.len().saturating_sub(1)).find_map(|st| {
                let m = self.lex.titles.longest_at(st, |x| words.get(x).map(String::as_str))?;
                if m.end >= words.len() {
                    return None;
                }
                let mut kind = *m.value;
                if st > 0 && self.lex.member_prefixes.iter().any(|p| *p == words[st - 1]) {
                    kind = TitleKind::Member;
                }
                Some((st, m.end, kind))
            })
        });
        let (st, end, kind) = found?;
        let surface: Vec<&str> = text.split_whitespace().collect();
        {
            let title = surface[st..end].join(" ").to_lowercase().replace('’', "'");
            let mut org: Vec<Arg> = Vec::new();
            if st > 0 {
                let name = surface[..st].join(" ");
                if let Some(e) =
                    self.cat.lookup_name(&name).into_iter().find(|e| e.etype == "actor")
                    && let Some(i) = self.caches.index_of(self.cat, &e.id)
                {
                    org.push(Arg {
                        mention: usize::MAX,
                        alt: Some(i),
                        text: s.toks[k].span,
                        tok: k,
                        via: Via::Proxy,
                    });
                }
            } else if k > 0 && s.etype(k - 1) == Some("actor") {
                org.extend(self.arg(k - 1, Via::Name));
            } else if k > 0
                && s.pos(k - 1) != Pos::Ent
                && let Some(x) = self.demonym_arg(k - 1).filter(|x| self.etype(x) == "actor")
            {
                org.push(x);
            }
            if org.is_empty()
                && kind == TitleKind::Leads
                && let Some(m) = self.remembered_title(&title, k)
            {
                org.push(Arg {
                    mention: m,
                    alt: None,
                    text: s.toks[k].span,
                    tok: k,
                    via: Via::Reference,
                });
            }
            if org.is_empty() {
                return None;
            }
            Some((kind, org))
        }
    }
}

fn is_person(cx: &Ctx<'_, '_>, a: &Arg) -> bool {
    cx.etype(a) == "person"
}

/// The organisation a title names: a name before it in the same phrase
/// ("TTP Emir", "Pakistan's national security advisor", "U.S. ambassador"),
/// or "of X" after it ("the chief of the Frontier Corps").
fn organisation(cx: &Ctx<'_, '_>, a: usize, i: usize, end: usize) -> Vec<Arg> {
    let s = cx.s;
    for k in (a..i).rev() {
        match s.pos(k) {
            Pos::Ent => {
                if s.etype(k) == Some("actor") {
                    return cx.arg(k, Via::Name).into_iter().collect();
                }
                if s.etype(k) == Some("person") {
                    return Vec::new();
                }
            }
            Pos::PossPron => {
                return cx
                    .resolve_pronoun(k)
                    .into_iter()
                    .filter(|x| cx.etype(x) == "actor")
                    .collect();
            }
            Pos::Poss if k > a && s.has(k - 1, f::DESC_ACTOR) => {
                let d = (a..k).find(|&x| s.pos(x) == Pos::Det).unwrap_or(a);
                return cx
                    .resolve_description(d, k - 1)
                    .into_iter()
                    .filter(|x| cx.etype(x) == "actor")
                    .collect();
            }
            Pos::Noun | Pos::Adj if s.toks[k].cap => {
                if let Some(x) = cx.demonym_arg(k)
                    && cx.etype(&x) == "actor"
                {
                    return vec![x];
                }
            }
            Pos::Det | Pos::Adj | Pos::Noun | Pos::Poss | Pos::Hyph | Pos::Num => {}
            _ => break,
        }
    }
    if s.is(end, "of") {
        let (o, _) = cx.object_phrase(end + 1, ObjOpts::default());
        return o.into_iter().filter(|x| cx.etype(x) == "actor").collect();
    }
    Vec::new()
}

fn title(cx: &Ctx<'_, '_>, i: usize, end: usize, kind: TitleKind) -> Option<Frame> {
    let s = cx.s;
    let last = end - 1;
    let a = cx.np_left(last);
    let a = a.min(i);
    let word = s.text_range(i, last).to_lowercase();
    // the person: right after the title, in apposition before or after it
    let mut person: Vec<Arg> = Vec::new();
    let mut rule = "title";
    if s.pos(end) == Pos::Ent {
        let mut k = end;
        // "Emir ul Momineen Mullah Mohammad Omar": the last of adjacent names
        while s.pos(k + 1) == Pos::Ent {
            k += 1;
        }
        person = cx.arg(k, Via::Name).into_iter().filter(|x| is_person(cx, x)).collect();
    }
    let mut org = organisation(cx, a, i, end);
    let clause_subject = cx.followed_by_verb(last)
        || (s.is(end, "of") && {
            let (_, e) = cx.object_phrase(end + 1, ObjOpts::default());
            cx.followed_by_verb(e)
        });
    if person.is_empty()
        && !clause_subject
        && a >= 2
        && s.pos(a - 1) == Pos::Comma
        && s.pos(a - 2) == Pos::Ent
    {
        // "Sher Afgan, the chief of the Frontier Corps"
        person = cx.arg(a - 2, Via::Name).into_iter().filter(|x| is_person(cx, x)).collect();
        rule = "title-apposition";
    }
    if person.is_empty() && s.pos(end) == Pos::Comma && s.pos(end + 1) == Pos::Ent {
        // "an al Qaeda financial official, Madani al Tayyib"
        person = cx.arg(end + 1, Via::Name).into_iter().filter(|x| is_person(cx, x)).collect();
        rule = "title-apposition";
    }
    if org.is_empty() && !person.is_empty() && kind == TitleKind::Leads {
        // a title met before with its organisation ("UN Secretary-General")
        if let Some(m) = cx.remembered_title(&word, i) {
            org = vec![Arg {
                mention: m,
                alt: None,
                text: s.toks[i].span,
                tok: i,
                via: Via::Reference,
            }];
            rule = "title-remembered";
        }
    }
    if person.is_empty() && !org.is_empty() && s.is(a, "the") {
        // "the Taliban leader said no": a person named just before
        person = described_person(cx, a, cx.id(&org[0]))
            .into_iter()
            .map(|p| cx.widen(p, a, last, Via::Reference))
            .collect();
        rule = "title-description";
    }
    if person.is_empty() || org.is_empty() {
        return None;
    }
    // "Pakistan's army chief": the chief of Pakistan's army
    if let Some(first) = word.split_whitespace().next().filter(|_| word.contains(' '))
        && cx.lex.flags(first) & f::ORGAN != 0
        && let Some(e) = cx.cat.entity(cx.id(&org[0]))
        && let Some(organ) = cx
            .cat
            .lookup_name(&format!("{} {first}", e.name))
            .into_iter()
            .find(|x| x.etype == "actor")
        && let Some(i) = cx.caches.index_of(cx.cat, &organ.id)
    {
        org = vec![Arg { alt: Some(i), mention: usize::MAX, ..org[0].clone() }];
    }
    let mut fr = Frame::new(relation(kind), person, org, (i, end), last, rule, 0.85);
    fr.realis = true;
    Some(fr)
}

/// The person "the ORG leader" refers to: one the gazetteer places in that
/// organisation, or the only person in reach.
fn described_person(cx: &Ctx<'_, '_>, a: usize, org: &str) -> Vec<Arg> {
    let s = cx.s;
    let mut persons: Vec<Arg> = Vec::new();
    for k in (0..a).rev() {
        if s.etype(k) == Some("person")
            && let Some(x) = cx.arg(k, Via::Reference)
        {
            persons.push(x);
        }
    }
    for it in cx.disc.items.iter().rev() {
        let m = &s.doc.mentions[it.mention];
        if m.entity().is_some_and(|e| e.etype == "person") {
            persons.push(Arg {
                mention: it.mention,
                alt: None,
                text: s.toks[a].span,
                tok: a,
                via: Via::Reference,
            });
        }
    }
    let text = s.toks[a].span;
    if let Some(p) = persons
        .iter()
        .find(|p| cx.cat.entity(cx.id(p)).is_some_and(|e| e.part_of.iter().any(|x| x == org)))
    {
        return vec![Arg { text, ..p.clone() }];
    }
    let mut ids: Vec<&str> = persons.iter().map(|p| cx.id(p)).collect();
    ids.sort();
    ids.dedup();
    if ids.len() == 1 {
        return vec![Arg { text, ..persons[0].clone() }];
    }
    // the one person of the organisation's country
    let country = cx.cat.entity(org).and_then(|e| e.country.clone());
    if let Some(c) = country {
        let same: Vec<&Arg> = persons
            .iter()
            .filter(|p| {
                cx.cat.entity(cx.id(p)).is_some_and(|e| e.country.as_deref() == Some(c.as_str()))
            })
            .collect();
        let mut sids: Vec<&str> = same.iter().map(|p| cx.id(p)).collect();
        sids.sort();
        sids.dedup();
        if sids.len() == 1 {
            return vec![Arg { text, ..same[0].clone() }];
        }
    }
    Vec::new()
}

/// "the Afghan Taliban leadership, under the supreme leader Mullah Omar,"
/// and "under the leadership of Mullah Omar": the person leads the group
/// the phrase is attached to.
fn under(cx: &Ctx<'_, '_>, u: usize, out: &mut Vec<Frame>) {
    let s = cx.s;
    let mut j = u + 1;
    while matches!(s.pos(j), Pos::Det | Pos::Adj | Pos::PossPron)
        && cx.lex.under_leads.longest(s, j).is_none()
    {
        j += 1;
    }
    let Some(m) = cx.lex.under_leads.longest(s, j) else { return };
    let mut k = m.end;
    if s.is(k, "of") {
        k += 1;
    }
    while s.pos(k) == Pos::Det {
        k += 1;
    }
    // skip further title words before the name
    while matches!(s.pos(k), Pos::Noun | Pos::Adj) && s.toks[k].cap {
        k += 1;
    }
    if s.pos(k) != Pos::Ent {
        return;
    }
    while s.pos(k + 1) == Pos::Ent {
        k += 1;
    }
    let person: Vec<Arg> = cx.arg(k, Via::Name).into_iter().filter(|x| is_person(cx, x)).collect();
    if person.is_empty() {
        return;
    }
    // the group: the noun phrase before "under" (", under"), else the clause subject
    let mut group = Vec::new();
    let mut b = u;
    if b > 0 && s.pos(b - 1) == Pos::Comma {
        b -= 1;
    }
    if b > 0 && s.pos(b - 1).in_np() {
        let a = cx.np_left(b - 1);
        group = cx.referent(a, b - 1);
    }
    if group.is_empty() {
        group = cx.main_subject(u);
    }
    group.retain(|g| cx.etype(g) == "actor");
    if group.is_empty() || s.has(u + 1, f::NEG) {
        return;
    }
    let mut fr = Frame::new(Relation::Leads, person, group, (u, m.end), u, "under-leader", 0.8);
    fr.realis = true;
    out.push(fr);
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::triples;
    use crate::model::Relation::*;

    #[test]
    fn org_title_person() {
        let t = triples("TTP Emir Noor Wali Mehsud was openly roaming in Kabul.");
        assert!(t.contains(&("noor_wali", Leads, "ttp")), "{t:?}");
        let t = triples("Bush must push Pakistani President Musharraf to act.");
        assert!(t.contains(&("musharraf", Leads, "pakistan")), "{t:?}");
    }

    #[test]
    fn apposition_titles() {
        let t = triples("Sher Afgan, the chief of the Frontier Corps in Quetta, said nothing.");
        assert!(t.contains(&("sher_afgan", Leads, "frontier_corps")), "{t:?}");
        let t = triples(
            "They could not reach an important al Qaeda financial official, Bin Ladin, in 1997.",
        );
        assert!(t.contains(&("bin_laden", PartOf, "al_qaeda")), "{t:?}");
    }

    #[test]
    fn under_the_leader() {
        let t = triples(
            "During this period, the Afghan Taliban leadership, under the supreme leader Mullah Mohammad Omar, consolidated its rule over much of Afghanistan.",
        );
        assert!(t.contains(&("mullah_omar", Leads, "afghan_taliban")), "{t:?}");
        assert!(t.contains(&("afghan_taliban", Controls, "afghanistan")), "{t:?}");
    }

    #[test]
    fn the_org_leader_refers_back() {
        let t = triples("Mullah Omar was asked to expel the ISI, and the Taliban leader said no.");
        assert!(t.contains(&("mullah_omar", Leads, "afghan_taliban")), "{t:?}");
    }
}
