//! Test fixtures: claims built on real sentences of the sample article, and
//! the entities they name.

use chrono::NaiveDate;

use crate::model::{
    Argument, Claim, ClaimTime, Entity, Evidence, Modality, Place, Polarity, Relation, Source,
    Span, TimeOrigin,
};

/// The sample article, used as a document's extracted text.
pub(crate) const TEXT: &str = include_str!("../../corpus/zahid-2026-taliban-ttp-nexus.md");
/// Its document id.
pub(crate) const DOC: &str = "zahid-2026-taliban-ttp-nexus.md";

pub(crate) fn entity(id: &str, etype: &str, name: &str, aliases: &[&str]) -> Entity {
    Entity {
        id: id.into(),
        etype: etype.into(),
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        ..Entity::default()
    }
}

/// The entities the fixture claims name.
pub(crate) fn entities() -> Vec<Entity> {
    vec![
        entity("afghan_taliban", "actor", "Afghan Taliban", &["Taliban", "Taliban regime"]),
        entity("ttp", "actor", "Tehreek-e-Taliban Pakistan", &["TTP", "Pakistani Taliban"]),
        entity("pakistan", "actor", "Pakistan", &["Pakistani state", "Islamabad"]),
        entity("afghanistan", "place", "Afghanistan", &[]),
        entity("kabul", "place", "Kabul", &[]),
        entity("al_qaeda", "actor", "Al-Qaeda", &["al-Qaeda"]),
    ]
}

fn arg(sentence_start: usize, sentence: &str, text: &str, id: &str) -> Argument {
    let e = entities().into_iter().find(|e| e.id == id).expect("fixture entity");
    let at = sentence.find(text).expect("argument text in sentence");
    Argument {
        entity: e.id,
        name: e.name,
        text: text.into(),
        etype: e.etype,
        span: Some(Span::new(sentence_start + at, sentence_start + at + text.len())),
    }
}

/// A claim on a sentence of [`TEXT`] (found by search, so offsets are real).
pub(crate) fn claim(
    n: usize,
    sentence: &str,
    (subj_text, subj): (&str, &str),
    relation: Relation,
    (obj_text, obj): (&str, &str),
) -> Claim {
    let start = TEXT.find(sentence).expect("sentence in the sample article");
    Claim {
        id: format!("c{n:02}"),
        doc: DOC.into(),
        subject: arg(start, sentence, subj_text, subj),
        relation,
        object: arg(start, sentence, obj_text, obj),
        polarity: Polarity::Positive,
        modality: Modality::Asserted,
        source: None,
        time: None,
        place: None,
        evidence: Evidence { start, end: start + sentence.len(), sentence: sentence.into() },
        section: vec![],
        confidence: 0.8,
        rule: "test".into(),
        cue: None,
    }
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Four claims on real sentences.
pub(crate) fn claims() -> Vec<Claim> {
    let mut c0 = claim(
        0,
        "When the Afghan Taliban captured Kabul in September 1996, they quickly established the \
         Islamic Emirate of Afghanistan",
        ("Afghan Taliban", "afghan_taliban"),
        Relation::Controls,
        ("Kabul", "kabul"),
    );
    c0.evidence.sentence =
        TEXT[c0.evidence.start..].split_inclusive(". ").next().unwrap().trim_end().to_string();
    c0.evidence.end = c0.evidence.start + c0.evidence.sentence.len();
    c0.time = Some(ClaimTime {
        text: "September 1996".into(),
        start_date: day(1996, 9, 1),
        end_date: day(1996, 9, 30),
        origin: TimeOrigin::Sentence,
    });
    c0.place = Some(Place { entity: "kabul".into(), name: "Kabul".into(), text: "Kabul".into() });
    c0.section = vec!["The First Afghan Taliban Regime (1996–2001)".into()];
    c0.rule = "controls.captured".into();

    let mut c1 = claim(
        1,
        "Despite formal denials, credible reports indicate that the TTP leadership operates from \
         sanctuaries in eastern Afghanistan, particularly Kunar, Nangarhar, and Khost.",
        ("TTP", "ttp"),
        Relation::OperatesIn,
        ("Afghanistan", "afghanistan"),
    );
    c1.modality = Modality::Reported;
    c1.source = Some(Source { entity: None, text: "credible reports".into() });
    c1.rule = "operates_in.operates_from".into();

    let mut c2 = claim(
        2,
        "Pakistan, at this stage, was a staunch supporter of the Taliban regime in Kabul.",
        ("Pakistan", "pakistan"),
        Relation::Supports,
        ("Taliban regime", "afghan_taliban"),
    );
    c2.rule = "supports.supporter_of".into();

    let mut c3 = claim(
        3,
        "More than 8,000 of its fighters, imprisoned in Afghan jails, were released by the Afghan \
         Taliban authorities.",
        ("Afghan Taliban", "afghan_taliban"),
        Relation::Releases,
        ("its fighters", "ttp"),
    );
    c3.time = Some(ClaimTime {
        text: "2021–Present".into(),
        start_date: day(2021, 1, 1),
        end_date: None,
        origin: TimeOrigin::Section,
    });
    vec![c0, c1, c2, c3]
}
