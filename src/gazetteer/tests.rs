//! Table-driven tests of the whole gazetteer: folding, boundaries,
//! possessives, compounds, acronym case, longest match, surname linking.

use super::fold::fold_key;
use super::*;
use crate::model::{DocId, Document, Metadata, SourceFormat};

const TSV: &str = "\
# id\ttype\tname\taliases\tacronyms\tmetonym_of\tpart_of\tcountry\tactive\twikidata
ttp\tactor\tTehreek-e-Taliban Pakistan\tTehrik-e-Taliban Pakistan|Pakistani Taliban\tTTP\t\t\tPK\t2007/
afghan_taliban\tactor\tAfghan Taliban\tTaliban|Islamic Emirate of Afghanistan\tIEA
pakistan\tactor\tPakistan\tGovernment of Pakistan
afghanistan\tplace\tAfghanistan
islamabad\tplace\tIslamabad\t\t\tpakistan\tpakistan\tPK
kabul\tplace\tKabul\t\t\tafghan_taliban@2021/\tafghanistan\tAF
al_qaeda\tactor\tAl-Qaeda\tal-Qaida|Al Qaeda\tAQ
usa\tactor\tUnited States\tUnited States of America\tUS|U.S.|USA
army\tactor\tArmy
us_army\tactor\tUnited States Army\t\tUS Army
islamic_state\tactor\tIslamic State\tDaesh\tIS|ISIS
haqqani_network\tactor\tHaqqani Network\tHaqqani
kp\tplace\tKhyber Pakhtunkhwa\t\tKP|KPK\t\tpakistan
balochistan\tplace\tBalochistan\tBaluchistan\t\t\tpakistan
un\tactor\tUnited Nations\t\tUN|U.N.
let\tactor\tLashkar-e-Taiba\tLashkar-e-Toiba\tLeT
ahmed_rashid\tperson\tAhmed Rashid
vahid_brown\tperson\tVahid Brown
baitullah\tperson\tBaitullah Mehsud
noor_wali\tperson\tNoor Wali Mehsud\tMufti Noor Wali Mehsud
ali_said\tperson\tAli Said
";

fn gaz() -> Gazetteer {
    Gazetteer::from_tsv(TSV).unwrap()
}

/// The hits as (id, surface) pairs, after checking every span against the
/// text and against the entity's names.
fn tagged(g: &Gazetteer, text: &str, hits: &[Hit]) -> Vec<(String, String)> {
    let mut last_end = 0;
    hits.iter()
        .map(|h| {
            assert!(h.span.start >= last_end, "{text:?}: hits overlap or are unsorted");
            last_end = h.span.end;
            let surface = h.span.slice(text);
            (g.entities()[h.entity].id.clone(), surface.to_string())
        })
        .collect()
}

/// (text, expected (id, surface) in order)
type Row = (&'static str, &'static [(&'static str, &'static str)]);

const FIND: &[Row] = &[
    // possessives and compounds
    ("Analysts say the TTP’s leadership fled.", &[("ttp", "TTP")]),
    ("the TTP's fighters", &[("ttp", "TTP")]),
    ("the Taliban’s return", &[("afghan_taliban", "Taliban")]),
    ("at Al-Qaeda-run camps", &[("al_qaeda", "Al-Qaeda")]),
    ("the U.S.-led invasion", &[("usa", "U.S.")]),
    (
        "in Taliban-ruled Afghanistan",
        &[("afghan_taliban", "Taliban"), ("afghanistan", "Afghanistan")],
    ),
    ("pro-Taliban clerics", &[("afghan_taliban", "Taliban")]),
    ("anti‑Taliban forces", &[("afghan_taliban", "Taliban")]),
    // word boundaries
    ("Pakistani officials", &[]),
    ("Darul Uloom Haqqania in Akora", &[]),
    ("the Haqqani Network and Haqqanis", &[("haqqani_network", "Haqqani Network")]),
    ("PakistanTaliban", &[]),
    ("Taliban2", &[]),
    ("(Pakistan)", &[("pakistan", "Pakistan")]),
    ("“Taliban”", &[("afghan_taliban", "Taliban")]),
    // longest match
    ("Pakistani Taliban fighters", &[("ttp", "Pakistani Taliban")]),
    (
        "Pakistan and the Pakistani Taliban",
        &[("pakistan", "Pakistan"), ("ttp", "Pakistani Taliban")],
    ),
    ("the Government of Pakistan", &[("pakistan", "Government of Pakistan")]),
    ("Afghan Taliban–TTP nexus", &[("afghan_taliban", "Afghan Taliban"), ("ttp", "TTP")]),
    (
        "Pakistan Afghanistan Pakistan",
        &[("pakistan", "Pakistan"), ("afghanistan", "Afghanistan"), ("pakistan", "Pakistan")],
    ),
    // acronyms are case-sensitive, aliases are not
    ("it gives us time; the US said", &[("usa", "US")]),
    ("this is IS territory", &[("islamic_state", "IS")]),
    ("Is it? is it", &[]),
    ("kp and Kp and KP", &[("kp", "KP")]),
    ("LeT, LET and let", &[("let", "LeT")]),
    ("PAKISTAN and pakistan", &[("pakistan", "PAKISTAN"), ("pakistan", "pakistan")]),
    (
        "the United Nations (UN) and the U.N.",
        &[("un", "United Nations"), ("un", "UN"), ("un", "U.N.")],
    ),
    // a rejected acronym must not hide a shorter or a later match
    ("the US army", &[("usa", "US"), ("army", "army")]),
    ("the us army", &[("army", "army")]),
    ("the US Army", &[("us_army", "US Army")]),
    // dashes, whitespace, line breaks, paragraphs
    ("Tehreek e  Taliban\nPakistan", &[("ttp", "Tehreek e  Taliban\nPakistan")]),
    ("Khyber–Pakhtunkhwa", &[("kp", "Khyber–Pakhtunkhwa")]),
    ("Khyber Pakhtunkhwa−based", &[("kp", "Khyber Pakhtunkhwa")]),
    ("Lashkar—e—Toiba", &[("let", "Lashkar—e—Toiba")]),
    ("Pakistani\n\nTaliban", &[("afghan_taliban", "Taliban")]),
    ("Afghan\n\nTaliban", &[("afghan_taliban", "Taliban")]),
    // non-ASCII text: offsets stay in the original
    ("Tehrīk‑e‑Taliban Pakistan (TTP)", &[("ttp", "Tehrīk‑e‑Taliban Pakistan"), ("ttp", "TTP")]),
    ("Kābul fell; KABUL’s streets", &[("kabul", "Kābul"), ("kabul", "KABUL")]),
    ("İslamabad 🇵🇰 and «Islamabad»", &[("islamabad", "İslamabad"), ("islamabad", "Islamabad")]),
    ("🙂Kabul🙂Baluchistan🙂", &[("kabul", "Kabul"), ("balochistan", "Baluchistan")]),
    ("ﾟ＊KPK＊ and\u{a0}Al\u{2011}Qaeda", &[("kp", "KPK"), ("al_qaeda", "Al\u{2011}Qaeda")]),
    ("Bal\u{00AD}ochistan", &[("balochistan", "Bal\u{00AD}ochistan")]),
    ("Kabul\u{0301} is not Kabul", &[("kabul", "Kabul\u{0301}"), ("kabul", "Kabul")]),
];

#[test]
fn find_table() {
    let g = gaz();
    for &(text, want) in FIND {
        let got = tagged(&g, text, &g.find(text));
        let want: Vec<(String, String)> =
            want.iter().map(|(i, s)| (i.to_string(), s.to_string())).collect();
        assert_eq!(got, want, "text {text:?}");
    }
}

const DOCUMENT: &[Row] = &[
    (
        "As Ahmed Rashid has documented, the regime was weak (Rashid, 2010).",
        &[("ahmed_rashid", "Ahmed Rashid"), ("ahmed_rashid", "Rashid")],
    ),
    (
        "Rashid (2010) argues so. Ahmed Rashid’s book",
        &[("ahmed_rashid", "Rashid"), ("ahmed_rashid", "Ahmed Rashid")],
    ),
    ("Rashid (2010) argues so.", &[]),
    ("Vahid Brown argues; Brown adds that the brown hills", &[("vahid_brown", "Vahid Brown")]),
    (
        "Vahid Brown argues; Brown adds.",
        &[("vahid_brown", "Vahid Brown"), ("vahid_brown", "Brown")],
    ),
    (
        "Baitullah Mehsud and Noor Wali Mehsud; Mehsud said",
        &[("baitullah", "Baitullah Mehsud"), ("noor_wali", "Noor Wali Mehsud")],
    ),
    (
        "Mufti Noor Wali Mehsud spoke. Later Mehsud said",
        &[("noor_wali", "Mufti Noor Wali Mehsud"), ("noor_wali", "Mehsud")],
    ),
    ("Ahmed Rashid met Rashid Khan and Imran Rashid.", &[("ahmed_rashid", "Ahmed Rashid")]),
    ("Ali Said met them. Said the envoy", &[("ali_said", "Ali Said")]),
    (
        "Ahmed Rashid. RASHID’S VIEW",
        &[("ahmed_rashid", "Ahmed Rashid"), ("ahmed_rashid", "RASHID")],
    ),
];

#[test]
fn surname_table() {
    let g = gaz();
    for &(text, want) in DOCUMENT {
        let got = tagged(&g, text, &g.find_in_document(text));
        let want: Vec<(String, String)> =
            want.iter().map(|(i, s)| (i.to_string(), s.to_string())).collect();
        assert_eq!(got, want, "text {text:?}");
    }
    // plain `find` never links surnames
    let text = DOCUMENT[0].0;
    assert_eq!(g.find(text).len(), 1);
}

#[test]
fn stoplist_comes_from_the_rules_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(SURNAME_STOPLIST_FILE), "# none but\nrashid\n").unwrap();
    let g = gaz().with_rules(&RulesDir::new(dir.path())).unwrap();
    let text = "Ahmed Rashid wrote. Rashid spoke. Ali Said met them. Said the envoy";
    let got = tagged(&g, text, &g.find_in_document(text));
    let ids: Vec<&str> = got.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(ids, ["Ahmed Rashid", "Ali Said", "Said"]);
}

/// Deterministic pseudo-random text mixing names, separators and
/// non-ASCII characters: every hit must be a slice of the text on char
/// boundaries whose folding is one of its entity's names.
#[test]
fn offsets_survive_messy_text() {
    let g = gaz();
    let pieces = [
        "Tehrīk", "‑", "e", "-", "Taliban", " ", "Pakistan", "’s", "İ", "🙂", "KP", "K",
        "\u{00AD}", "Kābul", "\n", "\n\n", "“", "US", "us", "U.S.", "–", "Al", "Qaeda", "Rashid",
        "Ahmed", "ﬁ", "ǅ", "ß", "\u{0301}", " ", " ", ".", "(", ")",
    ];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut text = String::new();
    for _ in 0..20_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        text.push_str(pieces[(state % pieces.len() as u64) as usize]);
    }
    let hits = g.find_in_document(&text);
    assert!(hits.len() > 500, "only {} hits", hits.len());
    let mut last = 0;
    for h in &hits {
        assert!(h.span.start >= last);
        last = h.span.end;
        let surface = h.span.slice(&text);
        let e = &g.entities()[h.entity];
        let key = fold_key(surface).unwrap();
        let names = e.aliases.iter().chain(&e.acronyms).chain(std::iter::once(&e.name));
        let last_name = fold_key(e.name.rsplit(' ').next().unwrap());
        let known = names.filter_map(|n| fold_key(n)).any(|k| k == key) || last_name == Some(key);
        assert!(known, "{surface:?} tagged as {}", e.id);
    }
}

#[test]
fn catalog_lookups() {
    let g = gaz();
    let ids = |name: &str| -> Vec<String> {
        g.lookup_name(name).into_iter().map(|e| e.id.clone()).collect()
    };
    assert_eq!(ids("pakistani  taliban"), ["ttp"]);
    assert_eq!(ids("Tehreek–e–Taliban Pakistan"), ["ttp"]);
    assert_eq!(ids("TTP"), ["ttp"]);
    assert_eq!(ids("ttp"), ["ttp"]);
    assert_eq!(ids("U.S."), ["usa"]);
    assert_eq!(ids("Kabul’s"), Vec::<String>::new());
    assert_eq!(ids("Nowhere"), Vec::<String>::new());
    assert_eq!(g.entity("kp").unwrap().name, "Khyber Pakhtunkhwa");
    assert!(g.entity("nope").is_none());
    assert_eq!(g.entities().len(), 21);
    assert_eq!(g.entities()[0].id, "ttp");
    // names and acronyms, each counted once after folding
    assert_eq!(g.pattern_count(), 47);
}

#[test]
fn rebuilds_from_entities_and_checks_them() {
    let g = gaz();
    let again = Gazetteer::from_entities(g.entities().to_vec()).unwrap();
    let text = "Pakistani Taliban and the TTP in Khyber Pakhtunkhwa";
    assert_eq!(again.find(text), g.find(text));
    let mut dup = g.entities().to_vec();
    dup.push(dup[2].clone());
    let err = Gazetteer::from_entities(dup).unwrap_err();
    assert_eq!(
        err.to_string(),
        "<entities>:22: duplicate id `pakistan` (first defined at <entities>:3)"
    );
    let mut dangling = g.entities().to_vec();
    dangling[0].part_of.push("atlantis".into());
    let err = Gazetteer::from_entities(dangling).unwrap_err();
    assert!(err.to_string().starts_with("<entities>:1: part_of of `ttp`"), "{err}");
}

#[test]
fn recognizer_reports_exact_slices() {
    let g = gaz();
    let text = "TTP Emir Noor Wali Mehsud was hosted in Kābul; Mehsud denied it.".to_string();
    let doc = Document {
        id: DocId("d.md".into()),
        format: SourceFormat::Markdown,
        sha256: String::new(),
        bytes: text.len() as u64,
        text: text.clone(),
        meta: Metadata::default(),
        blocks: Vec::new(),
        sections: Vec::new(),
    };
    let seg = SegmentedDoc { doc, sentences: Vec::new() };
    let mut out = Vec::new();
    g.recognize(&seg, &mut out);
    let got: Vec<(&str, &str, &str)> = out
        .iter()
        .map(|m| {
            assert_eq!(m.text, &text[m.span.start..m.span.end]);
            let e = m.entity().unwrap();
            (e.id.as_str(), e.etype.as_str(), m.text.as_str())
        })
        .collect();
    assert_eq!(
        got,
        [
            ("ttp", "actor", "TTP"),
            ("noor_wali", "person", "Noor Wali Mehsud"),
            ("kabul", "place", "Kābul"),
            ("noor_wali", "person", "Mehsud"),
        ]
    );
    assert_eq!(out[0].entity().unwrap().name, "Tehreek-e-Taliban Pakistan");
}

#[test]
fn gazetteer_is_shared_across_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<Gazetteer>();
    let g = gaz();
    let texts = ["the TTP’s men", "Kābul and KPK", "Pakistani Taliban"];
    std::thread::scope(|s| {
        for t in texts {
            let g = &g;
            s.spawn(move || assert_eq!(g.find(t).len(), if t.contains("and") { 2 } else { 1 }));
        }
    });
}
