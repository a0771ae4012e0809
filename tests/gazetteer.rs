//! The repository's gazetteers on the sample article: they load, and the
//! names the article uses are tagged with the right ids at the exact
//! offsets (asserting on ids present, not on counts, so the data can grow).

use claimex::gazetteer::{Gazetteer, Hit};
use claimex::model::EntityCatalog;

use crate::util;

fn gazetteer() -> Gazetteer {
    let dir = util::repo().join("gazetteers");
    Gazetteer::load_dir(&dir).unwrap_or_else(|e| panic!("loading {}: {e}", dir.display()))
}

fn article() -> String {
    std::fs::read_to_string(util::sample_article()).expect("sample article")
}

/// (unique context in the article, name inside it, id, the hit must end
/// exactly where the name ends)
const ROWS: &[(&str, &str, &str, bool)] = &[
    ("and the Tehreek-e-Taliban Pakistan (TTP) has", "Tehreek-e-Taliban Pakistan", "ttp", true),
    ("Taliban Pakistan (TTP) has been", "TTP", "ttp", true),
    ("into the TTP: a Pakistani Taliban movement", "Pakistani Taliban", "ttp", false),
    ("nurtured in Taliban-ruled Afghanistan", "Taliban", "afghan_taliban", true),
    ("and at Al-Qaeda-run jihadi training camps", "Al-Qaeda", "al_qaeda", true),
    ("and the subsequent U.S.-led invasion", "U.S.", "usa", true),
    (
        "tribal areas and Khyber Pakhtunkhwa, such as",
        "Khyber Pakhtunkhwa",
        "khyber_pakhtunkhwa",
        true,
    ),
    ("Nowshera district of KPK province", "KPK", "khyber_pakhtunkhwa", true),
    ("in Khyber Pakhtunkhwa and Balochistan.", "Balochistan", "balochistan", true),
    ("As Ahmed Rashid has documented", "Ahmed Rashid", "ahmed_rashid", true),
    // the last name alone, in the reference list, is the same person
    ("- Rashid, A. (2010)", "Rashid", "ahmed_rashid", true),
    ("TTP Emir Noor Wali Mehsud", "TTP", "ttp", true),
];

/// The hit that starts where `name` starts inside `context`.
fn hit_at<'a>(text: &str, hits: &'a [Hit], context: &str, name: &str) -> (usize, Option<&'a Hit>) {
    let at = text.find(context).unwrap_or_else(|| panic!("article lacks {context:?}"));
    assert!(text[at + 1..].find(context).is_none(), "{context:?} is not unique");
    let start = at + context.find(name).expect("name inside context");
    (start, hits.iter().find(|h| h.span.start == start))
}

#[test]
fn sample_article_names_get_the_right_ids_and_offsets() {
    let gaz = gazetteer();
    let text = article();
    let hits = gaz.find_in_document(&text);
    for &(context, name, id, exact) in ROWS {
        let (start, hit) = hit_at(&text, &hits, context, name);
        let hit = hit.unwrap_or_else(|| panic!("{name:?} in {context:?} not tagged"));
        let end = start + name.len();
        assert_eq!(gaz.entities()[hit.entity].id, id, "{name:?} in {context:?}");
        if exact {
            assert_eq!(
                hit.span.end,
                end,
                "{name:?} in {context:?}: got {:?}",
                hit.span.slice(&text)
            );
        } else {
            assert!(
                hit.span.end >= end,
                "{name:?} in {context:?}: got {:?}",
                hit.span.slice(&text)
            );
        }
    }
}

#[test]
fn hits_sit_on_word_boundaries() {
    let gaz = gazetteer();
    let text = article();
    let hits = gaz.find_in_document(&text);
    assert!(hits.len() > 100, "only {} hits in the article", hits.len());
    let mut last_end = 0;
    for h in &hits {
        assert!(h.span.start >= last_end, "overlapping hits at {}", h.span.start);
        last_end = h.span.end;
        let before = text[..h.span.start].chars().next_back();
        let after = text[h.span.end..].chars().next();
        let inside_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        assert!(
            !inside_word(before) && !inside_word(after),
            "{:?} at {} is inside a word",
            h.span.slice(&text),
            h.span.start
        );
    }
    // `Pakistani` is not Pakistan, `Haqqania` is not the Haqqanis
    let (start, hit) = hit_at(&text, &hits, "Darul Uloom Haqqania in", "Haqqania");
    if let Some(h) = hit {
        assert!(h.span.end > start + "Haqqania".len() - 1, "{:?}", h.span.slice(&text));
    }
    let pakistani = text.find("Many Pakistani militants").unwrap() + "Many ".len();
    assert!(hits.iter().all(|h| !(h.span.start == pakistani && h.span.len() == 8)));
}

#[test]
fn spelling_variants_in_a_real_sentence() {
    let gaz = gazetteer();
    let text = article();
    let sentence_start = text.find("Since 2022, Pakistan has witnessed").expect("the sentence");
    let end = sentence_start + text[sentence_start..].find(". ").unwrap() + 1;
    // the real sentence with the other spelling of the province
    let sentence = text[sentence_start..end].replace("Balochistan", "Baluchistan");
    let hits = gaz.find(&sentence);
    let ids: Vec<&str> = hits.iter().map(|h| gaz.entities()[h.entity].id.as_str()).collect();
    for id in ["ttp", "khyber_pakhtunkhwa", "balochistan"] {
        assert!(ids.contains(&id), "{id} missing in {sentence:?}: {ids:?}");
    }
    let b = hits.iter().find(|h| gaz.entities()[h.entity].id == "balochistan").unwrap();
    assert_eq!(b.span.slice(&sentence), "Baluchistan");
}

#[test]
fn catalog_finds_entities_by_name_and_id() {
    let gaz = gazetteer();
    assert!(gaz.pattern_count() >= gaz.entities().len());
    let ttp = gaz.entity("ttp").expect("ttp");
    assert_eq!(gaz.lookup_name(&ttp.name)[0].id, "ttp");
    assert!(gaz.lookup_name("pakistani taliban").iter().any(|e| e.id == "ttp"));
    for e in gaz.entities() {
        assert!(std::ptr::eq(gaz.entity(&e.id).unwrap(), e));
        for p in e.part_of.iter().chain(e.metonym_of.iter().map(|m| &m.target)) {
            assert!(gaz.entity(p).is_some(), "{} refers to unknown {p}", e.id);
        }
    }
}
