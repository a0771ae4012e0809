//! Loading the extractor's rule files (`rules/relations.toml`,
//! `rules/modality.toml`, `rules/reference.toml`, `rules/grammar.toml`)
//! into lookup tables: word flags, and phrase tables keyed by first word.

use std::collections::HashMap;
use std::path::Path;

use rustc_hash::FxHashMap;

use serde::Deserialize;

use super::morph::{noun_forms, verb_forms};
use crate::error::RulesError;
use crate::lexicon::RulesDir;
use crate::model::Relation;

const RELATIONS: &str = include_str!("../../rules/relations.toml");
const MODALITY: &str = include_str!("../../rules/modality.toml");
const REFERENCE: &str = include_str!("../../rules/reference.toml");
const GRAMMAR: &str = include_str!("../../rules/grammar.toml");

/// Word flags: what a (lowercase) word can be. One word may carry several.
pub(crate) mod f {
    pub const DET: u64 = 1;
    pub const PREP: u64 = 1 << 1;
    pub const CONJ: u64 = 1 << 2;
    pub const SUB: u64 = 1 << 3;
    pub const REL: u64 = 1 << 4;
    pub const AUX: u64 = 1 << 5;
    pub const COPULA: u64 = 1 << 6;
    pub const ADV: u64 = 1 << 7;
    pub const VERB: u64 = 1 << 8;
    pub const NOUN: u64 = 1 << 9;
    pub const PRON: u64 = 1 << 10;
    pub const POSSPRON: u64 = 1 << 11;
    pub const MODAL_IRR: u64 = 1 << 12;
    pub const NEG: u64 = 1 << 13;
    pub const NEG_VERB: u64 = 1 << 14;
    pub const NEG_NOUN: u64 = 1 << 15;
    pub const NEG_ADJ: u64 = 1 << 16;
    pub const NEG_QTY: u64 = 1 << 17;
    pub const HEDGE: u64 = 1 << 18;
    pub const HEDGE_VERB: u64 = 1 << 19;
    pub const SOURCE_NOUN: u64 = 1 << 20;
    pub const IRR_NOUN: u64 = 1 << 21;
    pub const IRR_QUANT: u64 = 1 << 22;
    pub const PRESUPP: u64 = 1 << 23;
    pub const ORGAN: u64 = 1 << 24;
    pub const MEMBER: u64 = 1 << 25;
    pub const OF_HEAD: u64 = 1 << 26;
    pub const LOCATION: u64 = 1 << 27;
    pub const DESC_ACTOR: u64 = 1 << 28;
    pub const DESC_PERSON: u64 = 1 << 29;
    pub const DESC_PLACE: u64 = 1 << 30;
    pub const TRANSPARENT: u64 = 1 << 31;
    pub const OBJ_CONTROL: u64 = 1 << 32;
    pub const DESIGNATION: u64 = 1 << 33;
    pub const REFLEXIVE: u64 = 1 << 34;
    pub const VERB_ED: u64 = 1 << 36;
    pub const VERB_ING: u64 = 1 << 37;
    pub const VERB_BASE: u64 = 1 << 38;
    pub const MODAL: u64 = 1 << 39;
    pub const BE: u64 = 1 << 40;
    pub const HAVE: u64 = 1 << 41;
    pub const IRR_VERB: u64 = 1 << 42;
}

/// How a verb form was made from its lemma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// Base or present (`support`, `supports`).
    Base,
    /// Past or past participle (`supported`, `fought`).
    Ed,
    /// Gerund or present participle (`supporting`).
    Ing,
}

/// One object marker: a preposition (possibly several words) or nothing
/// (a direct object), optionally limited to places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    pub words: Vec<String>,
    pub place_only: bool,
}

impl Marker {
    fn parse(s: &str) -> Marker {
        let (w, place_only) = match s.strip_suffix(":place") {
            Some(w) => (w, true),
            None => (s, false),
        };
        Marker { words: w.split_whitespace().map(str::to_lowercase).collect(), place_only }
    }
}

/// A verb cue as read from `[[verb]]` (shared by all its phrases).
#[derive(Clone, Debug)]
pub(crate) struct VerbCue {
    pub relation: Relation,
    pub object: Vec<Marker>,
    pub passive: bool,
    pub inverse: bool,
    pub by_type: Vec<(String, Relation)>,
    pub subject_types: Option<Vec<String>>,
    pub object_types: Option<Vec<String>>,
    pub double_object: bool,
    pub particle: Option<String>,
    pub needs_designation: bool,
    pub negative: bool,
}

/// A nominal cue from `[[noun]]`.
#[derive(Clone, Debug)]
pub(crate) struct NounCue {
    pub relation: Relation,
    pub object: Vec<Marker>,
    pub agent: Vec<String>,
    pub object_types: Option<Vec<String>>,
}

/// An agent noun from `[[agent_noun]]`.
#[derive(Clone, Debug)]
pub(crate) struct AgentNoun {
    pub relation: Relation,
    pub object: Vec<String>,
}

/// A hyphenated compound from `[[compound]]`.
#[derive(Clone, Debug)]
pub(crate) struct Compound {
    pub relation: Relation,
    pub subject_is_head: bool,
    pub object_types: Option<Vec<String>>,
    pub subject_types: Option<Vec<String>>,
}

/// What a title says about the person who holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TitleKind {
    Leads,
    Member,
    Founder,
}

/// A phrase entry: the words after the first, and what it means.
#[derive(Clone, Debug)]
struct Entry<T> {
    rest: Vec<String>,
    form: Form,
    value: T,
}

/// Multi-word phrases keyed by their first word (lowercase).
#[derive(Clone, Debug)]
pub(crate) struct PhraseTable<T> {
    map: FxHashMap<String, Vec<Entry<T>>>,
    /// The bit tokens carry in `Token::starts` when some phrase of this
    /// table starts with their word (a quick test before the lookup).
    bit: u32,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable { map: FxHashMap::default(), bit: 0 }
    }
}

/// One phrase found in a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PhraseMatch<'a, T> {
    /// One past the last token.
    pub end: usize,
    /// The inflection of the first word.
    pub form: Form,
    pub value: &'a T,
}

impl<T> PhraseTable<T> {
    fn insert(&mut self, first: String, rest: Vec<String>, form: Form, value: T) {
        self.map.entry(first).or_default().push(Entry { rest, form, value });
    }

    /// Every phrase starting at token `i` (`word(k)` gives token k's
    /// lowercase word, `None` for non-words), longest first.
    pub fn matches_at<'a, 'w>(
        &'a self,
        i: usize,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Vec<PhraseMatch<'a, T>> {
        let mut out = Vec::new();
        let Some(first) = word(i) else { return out };
        let Some(entries) = self.map.get(first) else { return out };
        for e in entries {
            if e.rest.iter().enumerate().all(|(k, w)| word(i + 1 + k) == Some(w.as_str())) {
                out.push(PhraseMatch { end: i + 1 + e.rest.len(), form: e.form, value: &e.value });
            }
        }
        out.sort_by_key(|m| std::cmp::Reverse(m.end));
        out
    }

    /// Every phrase starting at token `i` of the sentence, longest first.
    pub fn at<'a>(&'a self, s: &super::tokens::Sent<'_>, i: usize) -> Vec<PhraseMatch<'a, T>> {
        if self.bit != 0 && s.toks.get(i).is_none_or(|t| t.starts & self.bit == 0) {
            return Vec::new();
        }
        self.matches_at(i, |k| s.word(k))
    }

    /// The longest phrase starting at token `i` of the sentence.
    pub fn longest<'a>(
        &'a self,
        s: &super::tokens::Sent<'_>,
        i: usize,
    ) -> Option<PhraseMatch<'a, T>> {
        if self.bit != 0 && s.toks.get(i).is_none_or(|t| t.starts & self.bit == 0) {
            return None;
        }
        self.matches_at(i, |k| s.word(k)).into_iter().next()
    }

    /// The first words of every phrase.
    fn firsts(&self) -> impl Iterator<Item = &String> {
        self.map.keys()
    }

    /// The longest phrase starting at `i`.
    pub fn longest_at<'a, 'w>(
        &'a self,
        i: usize,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<PhraseMatch<'a, T>> {
        self.matches_at(i, word).into_iter().next()
    }
}

/// Expands "declare (the) creation|formation of" into every phrase it
/// stands for: parenthesised words are optional, `a|b` alternatives.
fn expand(pattern: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for tok in pattern.split_whitespace() {
        let (optional, body) = match tok.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            Some(b) => (true, b),
            None => (false, tok),
        };
        let alts: Vec<String> = body.split('|').map(str::to_lowercase).collect();
        let mut next = Vec::new();
        for prefix in &out {
            if optional {
                next.push(prefix.clone());
            }
            for a in &alts {
                let mut p = prefix.clone();
                p.push(a.clone());
                next.push(p);
            }
        }
        out = next;
    }
    out.retain(|p| !p.is_empty());
    out
}

// ------------------------------------------------------------------ files

#[derive(Deserialize)]
struct GrammarFile {
    determiners: Vec<String>,
    prepositions: Vec<String>,
    conjunctions: Vec<String>,
    subordinators: Vec<String>,
    relatives: Vec<String>,
    auxiliaries: Vec<String>,
    copulas: Vec<String>,
    adverbs: Vec<String>,
    verbs: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
    transparent: Vec<String>,
    object_control: Vec<String>,
    irregular: HashMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbEntry {
    relation: Relation,
    lemmas: Vec<String>,
    object: Vec<String>,
    passive: Option<bool>,
    #[serde(default)]
    inverse: bool,
    #[serde(default)]
    by_type: HashMap<String, Relation>,
    subject_types: Option<Vec<String>>,
    object_types: Option<Vec<String>>,
    #[serde(default)]
    double_object: bool,
    particle: Option<String>,
    #[serde(default)]
    needs_designation: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NounEntry {
    relation: Relation,
    nouns: Vec<String>,
    object: Vec<String>,
    #[serde(default)]
    agent: Vec<String>,
    object_types: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgentNounEntry {
    relation: Relation,
    nouns: Vec<String>,
    object: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompoundEntry {
    relation: Relation,
    #[serde(default)]
    suffixes: Vec<String>,
    #[serde(default)]
    prefixes: Vec<String>,
    subject: String,
    object_types: Option<Vec<String>>,
    subject_types: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct UnderEntry {
    leads: Vec<String>,
}

#[derive(Deserialize)]
struct EventsEntry {
    relation: Relation,
    verbs: Vec<String>,
}

#[derive(Deserialize)]
struct BasesEntry {
    nouns: Vec<String>,
    copulas: Vec<String>,
    #[serde(rename = "use")]
    use_verbs: Vec<String>,
}

#[derive(Deserialize)]
struct VictimsEntry {
    verbs: Vec<String>,
}

#[derive(Deserialize)]
struct UndergoEntry {
    verbs: Vec<String>,
}

#[derive(Deserialize)]
struct DesignationEntry {
    nouns: Vec<String>,
}

#[derive(Deserialize)]
struct LightEntry {
    verbs: Vec<String>,
    inverse: Vec<String>,
    inverse_preps: Vec<String>,
    agent_suffixes: Vec<String>,
}

#[derive(Deserialize)]
struct TitlesEntry {
    leads: Vec<String>,
    part_of: Vec<String>,
    founded: Vec<String>,
    member_prefixes: Vec<String>,
}

#[derive(Deserialize)]
struct RelationsFile {
    verb: Vec<VerbEntry>,
    noun: Vec<NounEntry>,
    agent_noun: Vec<AgentNounEntry>,
    under: UnderEntry,
    events: EventsEntry,
    bases: BasesEntry,
    undergo: UndergoEntry,
    victims: VictimsEntry,
    designation: DesignationEntry,
    light: LightEntry,
    titles: TitlesEntry,
    compound: Vec<CompoundEntry>,
}

#[derive(Deserialize)]
struct AttributionEntry {
    verbs: Vec<String>,
    source_nouns: Vec<String>,
    according: Vec<String>,
    self_report: Vec<String>,
    accusation: Vec<String>,
    #[serde(default)]
    np_verbs: Vec<String>,
}

#[derive(Deserialize)]
struct HedgeEntry {
    words: Vec<String>,
    verbs: Vec<String>,
    phrases: Vec<String>,
}

#[derive(Deserialize)]
struct NegationEntry {
    words: Vec<String>,
    verbs: Vec<String>,
    nouns: Vec<String>,
    adjectives: Vec<String>,
    quantities: Vec<String>,
}

#[derive(Deserialize)]
struct IrrealisEntry {
    modals: Vec<String>,
    verbs: Vec<String>,
    #[serde(default)]
    np_verbs: Vec<String>,
    #[serde(default)]
    that_verbs: Vec<String>,
    nouns: Vec<String>,
    quantifiers: Vec<String>,
    presupposing: Vec<String>,
}

#[derive(Deserialize)]
struct ModalityFile {
    attribution: AttributionEntry,
    hedges: HedgeEntry,
    negation: NegationEntry,
    irrealis: IrrealisEntry,
}

#[derive(Deserialize)]
struct DescriptionsEntry {
    actor: Vec<String>,
    #[serde(default)]
    nonstate: Vec<String>,
    #[serde(default)]
    governing: Vec<String>,
    person: Vec<String>,
    place: Vec<String>,
}

#[derive(Deserialize)]
struct ProxiesEntry {
    organs: Vec<String>,
    members: Vec<String>,
    of_heads: Vec<String>,
    locations: Vec<String>,
}

#[derive(Deserialize)]
struct ListsEntry {
    openers: Vec<String>,
}

#[derive(Deserialize)]
struct DemonymEntry {
    endings: Vec<String>,
    words: Vec<String>,
    #[serde(default)]
    map: HashMap<String, String>,
}

#[derive(Deserialize)]
struct ReferenceFile {
    pronouns: HashMap<String, Vec<String>>,
    descriptions: DescriptionsEntry,
    proxies: ProxiesEntry,
    lists: ListsEntry,
    demonyms: DemonymEntry,
}

// ------------------------------------------------------------------ lexicon

/// Everything the extractor knows about words, built once per run.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    flags: FxHashMap<String, u64>,
    starts: FxHashMap<String, u32>,
    pub verb_cues: Vec<VerbCue>,
    pub verbs: PhraseTable<usize>,
    pub noun_cues: Vec<NounCue>,
    pub nouns: PhraseTable<usize>,
    pub agent_nouns: PhraseTable<AgentNoun>,
    pub titles: PhraseTable<TitleKind>,
    pub member_prefixes: Vec<String>,
    pub under_leads: PhraseTable<()>,
    pub event_relation: Option<Relation>,
    pub event_verbs: PhraseTable<()>,
    pub base_nouns: PhraseTable<()>,
    pub base_copulas: PhraseTable<()>,
    pub base_use: PhraseTable<()>,
    pub undergo: PhraseTable<()>,
    pub victims: PhraseTable<()>,
    pub light: PhraseTable<()>,
    pub inverse_light: PhraseTable<()>,
    pub inverse_preps: Vec<String>,
    pub agent_suffixes: Vec<String>,
    pub compounds_suffix: HashMap<String, Vec<Compound>>,
    pub compounds_prefix: HashMap<String, Vec<Compound>>,
    pub copulas: PhraseTable<()>,
    pub report_verbs: PhraseTable<bool>,
    pub according: PhraseTable<()>,
    pub self_report: PhraseTable<()>,
    pub accusation: PhraseTable<()>,
    pub hedge_phrases: PhraseTable<()>,
    pub neg_phrases: PhraseTable<()>,
    pub irrealis_verbs: PhraseTable<()>,
    pub irrealis_np: PhraseTable<()>,
    pub irrealis_that: PhraseTable<()>,
    pub openers: PhraseTable<()>,
    pub object_control: PhraseTable<()>,
    pub pronouns: HashMap<String, Vec<String>>,
    pub organ_phrases: PhraseTable<()>,
    pub demonym_endings: Vec<String>,
    pub demonym_words: Vec<String>,
    pub demonym_map: HashMap<String, String>,
    pub nonstate: Vec<String>,
    pub governing: Vec<String>,
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, path: &Path) -> Result<T, RulesError> {
    toml::from_str(text)
        .map_err(|e| RulesError { path: path.to_path_buf(), message: e.to_string() })
}

fn lower(v: &[String]) -> impl Iterator<Item = String> + '_ {
    v.iter().map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty())
}

impl Lexicon {
    /// Reads the four rule files from `rules` (built-in copies fill gaps).
    pub fn load(rules: &RulesDir) -> Result<Lexicon, RulesError> {
        let (g, gp) = rules.read("grammar.toml", GRAMMAR)?;
        let (r, rp) = rules.read("relations.toml", RELATIONS)?;
        let (m, mp) = rules.read("modality.toml", MODALITY)?;
        let (x, xp) = rules.read("reference.toml", REFERENCE)?;
        let grammar: GrammarFile = parse(&g, &gp)?;
        let relations: RelationsFile = parse(&r, &rp)?;
        let modality: ModalityFile = parse(&m, &mp)?;
        let reference: ReferenceFile = parse(&x, &xp)?;
        let mut lex = Lexicon::default();
        lex.add_grammar(&grammar);
        lex.add_relations(&relations, &grammar.irregular);
        lex.add_modality(&modality, &grammar.irregular);
        lex.add_reference(&reference);
        lex.mark_starts();
        Ok(lex)
    }

    /// Gives every phrase table a bit and records, per first word, which
    /// tables have phrases starting with it.
    fn mark_starts(&mut self) {
        let mut starts: FxHashMap<String, u32> = FxHashMap::default();
        let mut bit = 1u32;
        macro_rules! mark {
            ($($t:ident),*) => {$(
                for w in self.$t.firsts() {
                    *starts.entry(w.clone()).or_insert(0) |= bit;
                }
                self.$t.bit = bit;
                bit <<= 1;
            )*};
        }
        mark!(
            verbs,
            nouns,
            agent_nouns,
            titles,
            under_leads,
            event_verbs,
            base_nouns,
            base_copulas,
            base_use,
            undergo,
            victims,
            light,
            inverse_light,
            copulas,
            report_verbs,
            according,
            self_report,
            accusation,
            hedge_phrases,
            neg_phrases,
            irrealis_verbs,
            irrealis_np,
            irrealis_that,
            openers,
            object_control,
            organ_phrases
        );
        let _ = bit;
        self.starts = starts;
    }

    /// The flags of a lowercase word (0 when unknown).
    pub fn flags(&self, w: &str) -> u64 {
        self.flags.get(w).copied().unwrap_or(0)
    }

    /// The phrase tables (bits) that have a phrase starting with `w`.
    pub fn starts(&self, w: &str) -> u32 {
        self.starts.get(w).copied().unwrap_or(0)
    }

    fn flag(&mut self, w: &str, bits: u64) {
        *self.flags.entry(w.to_string()).or_insert(0) |= bits;
    }

    /// Flags every form of verb `lemma` (single-word lemmas only) with `bits`
    /// and the form flags.
    fn flag_verb(&mut self, lemma: &str, bits: u64, irr: &HashMap<String, Vec<String>>) {
        if lemma.contains(' ') {
            return;
        }
        let irregular = irr.get(lemma).cloned().unwrap_or_default();
        for (form, w) in inflect(lemma, &irregular) {
            let fb = match form {
                Form::Base => f::VERB_BASE,
                Form::Ed => f::VERB_ED,
                Form::Ing => f::VERB_ING,
            };
            self.flag(&w, bits | f::VERB | fb);
        }
    }

    fn add_grammar(&mut self, g: &GrammarFile) {
        for (list, bits) in [
            (&g.determiners, f::DET),
            (&g.prepositions, f::PREP),
            (&g.conjunctions, f::CONJ),
            (&g.subordinators, f::SUB),
            (&g.relatives, f::REL),
            (&g.adverbs, f::ADV),
        ] {
            for w in lower(list) {
                self.flag(&w, bits);
            }
        }
        for w in lower(&g.auxiliaries) {
            let mut bits = f::AUX;
            if matches!(w.as_str(), "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am")
            {
                bits |= f::BE;
            }
            if matches!(w.as_str(), "has" | "have" | "had" | "having") {
                bits |= f::HAVE;
            }
            if matches!(
                w.as_str(),
                "will"
                    | "would"
                    | "shall"
                    | "should"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "ought"
                    | "wo"
                    | "ca"
            ) {
                bits |= f::MODAL;
            }
            self.flag(&w, bits);
        }
        for c in lower(&g.copulas) {
            let words: Vec<String> = c.split_whitespace().map(String::from).collect();
            if words.len() == 1 {
                self.flag(&words[0], f::COPULA);
            }
            let first = words[0].clone();
            self.copulas.insert(first, words[1..].to_vec(), Form::Base, ());
        }
        for v in lower(&g.verbs) {
            self.flag_verb(&v, 0, &g.irregular);
        }
        for n in lower(&g.nouns) {
            self.flag(&n, f::NOUN);
        }
        for v in lower(&g.transparent) {
            self.flag_verb(&v, f::TRANSPARENT, &g.irregular);
        }
        for v in lower(&g.object_control) {
            add_verb_phrase(&mut self.object_control, &v, &g.irregular, ());
            self.flag_verb(&v, f::OBJ_CONTROL, &g.irregular);
        }
    }

    fn add_relations(&mut self, r: &RelationsFile, irr: &HashMap<String, Vec<String>>) {
        for e in &r.verb {
            let direct = e.object.iter().any(|o| o.trim().is_empty());
            let idx = self.verb_cues.len();
            self.verb_cues.push(VerbCue {
                relation: e.relation,
                object: e.object.iter().map(|o| Marker::parse(o)).collect(),
                passive: e.passive.unwrap_or(direct),
                inverse: e.inverse,
                by_type: e.by_type.iter().map(|(k, v)| (k.clone(), *v)).collect(),
                subject_types: e.subject_types.clone(),
                object_types: e.object_types.clone(),
                double_object: e.double_object,
                particle: e.particle.clone(),
                needs_designation: false,
                negative: false,
            });
            for lemma in lower(&e.lemmas) {
                let needs = e.needs_designation.iter().any(|n| n.eq_ignore_ascii_case(&lemma));
                let neg = lemma.split_whitespace().any(|w| matches!(w, "little" | "nothing"));
                let cue_idx = if needs || neg {
                    let mut c = self.verb_cues[idx].clone();
                    c.needs_designation = needs;
                    c.negative = neg;
                    self.verb_cues.push(c);
                    self.verb_cues.len() - 1
                } else {
                    idx
                };
                add_verb_phrase(&mut self.verbs, &lemma, irr, cue_idx);
                self.flag_verb(&lemma, 0, irr);
                if let Some(first) = lemma.split_whitespace().next() {
                    self.flag_verb(first, 0, irr);
                }
            }
        }
        for e in &r.noun {
            let idx = self.noun_cues.len();
            self.noun_cues.push(NounCue {
                relation: e.relation,
                object: e.object.iter().map(|o| Marker::parse(o)).collect(),
                agent: lower(&e.agent).collect(),
                object_types: e.object_types.clone(),
            });
            for n in lower(&e.nouns) {
                for form in noun_forms(&n) {
                    self.flag_last(&form, f::NOUN);
                    add_phrase(&mut self.nouns, &form, idx);
                }
            }
        }
        for e in &r.agent_noun {
            let an = AgentNoun { relation: e.relation, object: lower(&e.object).collect() };
            for n in lower(&e.nouns) {
                for form in noun_forms(&n) {
                    self.flag_last(&form, f::NOUN);
                    add_phrase(&mut self.agent_nouns, &form, an.clone());
                }
            }
        }
        for n in lower(&r.under.leads) {
            add_phrase(&mut self.under_leads, &n, ());
        }
        self.event_relation = Some(r.events.relation);
        for v in lower(&r.events.verbs) {
            add_verb_phrase(&mut self.event_verbs, &v, irr, ());
            if let Some(first) = v.split_whitespace().next() {
                self.flag_verb(first, 0, irr);
            }
        }
        for n in lower(&r.bases.nouns) {
            for form in noun_forms(&n) {
                self.flag_last(&form, f::NOUN);
                add_phrase(&mut self.base_nouns, &form, ());
            }
        }
        for v in lower(&r.bases.copulas) {
            add_verb_phrase(&mut self.base_copulas, &v, irr, ());
        }
        for v in lower(&r.bases.use_verbs) {
            add_verb_phrase(&mut self.base_use, &v, irr, ());
            self.flag_verb(&v, 0, irr);
        }
        for v in lower(&r.undergo.verbs) {
            add_verb_phrase(&mut self.undergo, &v, irr, ());
            if let Some(first) = v.split_whitespace().next() {
                self.flag_verb(first, 0, irr);
            }
        }
        for v in lower(&r.victims.verbs) {
            add_verb_phrase(&mut self.victims, &v, irr, ());
        }
        for n in lower(&r.designation.nouns) {
            self.flag(&n, f::DESIGNATION);
        }
        for v in lower(&r.light.verbs) {
            add_verb_phrase(&mut self.light, &v, irr, ());
            if let Some(first) = v.split_whitespace().next() {
                self.flag_verb(first, 0, irr);
            }
        }
        for v in lower(&r.light.inverse) {
            add_verb_phrase(&mut self.inverse_light, &v, irr, ());
            if let Some(first) = v.split_whitespace().next() {
                self.flag_verb(first, 0, irr);
            }
        }
        self.inverse_preps = lower(&r.light.inverse_preps).collect();
        self.agent_suffixes = lower(&r.light.agent_suffixes).collect();
        for (list, kind) in [
            (&r.titles.leads, TitleKind::Leads),
            (&r.titles.part_of, TitleKind::Member),
            (&r.titles.founded, TitleKind::Founder),
        ] {
            for t in lower(list) {
                for form in noun_forms(&t) {
                    add_phrase(&mut self.titles, &form, kind);
                }
            }
        }
        self.member_prefixes = lower(&r.titles.member_prefixes).collect();
        for c in &r.compound {
            let comp = Compound {
                relation: c.relation,
                subject_is_head: c.subject.eq_ignore_ascii_case("head"),
                object_types: c.object_types.clone(),
                subject_types: c.subject_types.clone(),
            };
            for s in lower(&c.suffixes) {
                self.compounds_suffix.entry(s).or_default().push(comp.clone());
            }
            for p in lower(&c.prefixes) {
                self.compounds_prefix.entry(p).or_default().push(comp.clone());
            }
        }
    }

    /// Flags the last word of a (possibly multi-word) phrase.
    fn flag_last(&mut self, phrase: &str, bits: u64) {
        if let Some(last) = phrase.split_whitespace().last() {
            self.flag(last, bits);
        }
    }

    fn add_modality(&mut self, m: &ModalityFile, irr: &HashMap<String, Vec<String>>) {
        let a = &m.attribution;
        let np: Vec<String> = lower(&a.np_verbs).collect();
        for v in lower(&a.verbs) {
            let np_ok = np.contains(&v) || NP_REPORT_DEFAULT.contains(&v.as_str());
            add_verb_phrase(&mut self.report_verbs, &v, irr, np_ok);
            self.flag_verb(&v, 0, irr);
            if let Some(first) = v.split_whitespace().next() {
                self.flag_verb(first, 0, irr);
            }
        }
        for v in &np {
            add_verb_phrase(&mut self.report_verbs, v, irr, true);
            self.flag_verb(v, 0, irr);
        }
        for n in lower(&a.source_nouns) {
            self.flag(&n, f::SOURCE_NOUN | f::NOUN);
        }
        for p in lower(&a.according) {
            add_phrase(&mut self.according, &p, ());
        }
        for p in lower(&a.self_report) {
            add_verb_phrase(&mut self.self_report, &p, irr, ());
        }
        for p in lower(&a.accusation) {
            add_verb_phrase(&mut self.accusation, &p, irr, ());
        }
        for w in lower(&m.hedges.words) {
            self.flag(&w, f::HEDGE);
        }
        for v in lower(&m.hedges.verbs) {
            self.flag_verb(&v, f::HEDGE_VERB, irr);
        }
        for p in lower(&m.hedges.phrases) {
            add_phrase(&mut self.hedge_phrases, &p, ());
        }
        for w in lower(&m.negation.words) {
            if w.contains(' ') {
                add_phrase(&mut self.neg_phrases, &w, ());
            } else {
                self.flag(&w, f::NEG);
            }
        }
        for v in lower(&m.negation.verbs) {
            self.flag_verb(&v, f::NEG_VERB, irr);
        }
        for n in lower(&m.negation.nouns) {
            self.flag(&n, f::NEG_NOUN);
        }
        for n in lower(&m.negation.adjectives) {
            self.flag(&n, f::NEG_ADJ);
        }
        for n in lower(&m.negation.quantities) {
            self.flag(&n, f::NEG_QTY);
        }
        for w in lower(&m.irrealis.modals) {
            self.flag(&w, f::MODAL_IRR);
        }
        for v in lower(&m.irrealis.verbs) {
            add_verb_phrase(&mut self.irrealis_verbs, &v, irr, ());
            if !v.contains(' ') {
                self.flag_verb(&v, f::IRR_VERB, irr);
            }
        }
        for v in lower(&m.irrealis.np_verbs) {
            add_verb_phrase(&mut self.irrealis_np, &v, irr, ());
        }
        for v in lower(&m.irrealis.that_verbs) {
            add_verb_phrase(&mut self.irrealis_that, &v, irr, ());
        }
        for n in lower(&m.irrealis.nouns) {
            self.flag(&n, f::IRR_NOUN);
        }
        for n in lower(&m.irrealis.quantifiers) {
            self.flag(&n, f::IRR_QUANT);
        }
        for v in lower(&m.irrealis.presupposing) {
            self.flag_verb(&v, f::PRESUPP, irr);
        }
    }

    fn add_reference(&mut self, x: &ReferenceFile) {
        for (p, types) in &x.pronouns {
            let p = p.to_lowercase();
            let mut bits = f::PRON;
            if matches!(p.as_str(), "its" | "their" | "his" | "her" | "our") {
                bits |= f::POSSPRON;
            }
            if p.ends_with("self") || p.ends_with("selves") {
                bits |= f::REFLEXIVE;
            }
            self.flag(&p, bits);
            self.pronouns.insert(p, types.iter().map(|t| t.to_lowercase()).collect());
        }
        for (list, bits) in [
            (&x.descriptions.actor, f::DESC_ACTOR),
            (&x.descriptions.person, f::DESC_PERSON),
            (&x.descriptions.place, f::DESC_PLACE),
        ] {
            for w in lower(list) {
                self.flag_last(&w, bits | f::NOUN);
            }
        }
        for w in lower(&x.proxies.organs) {
            self.flag_last(&w, f::ORGAN | f::NOUN);
            add_phrase(&mut self.organ_phrases, &w, ());
        }
        for (list, bits) in [
            (&x.proxies.members, f::MEMBER),
            (&x.proxies.of_heads, f::OF_HEAD),
            (&x.proxies.locations, f::LOCATION),
        ] {
            for w in lower(list) {
                let noun = if bits == f::OF_HEAD { 0 } else { f::NOUN };
                self.flag_last(&w, bits | noun);
            }
        }
        for p in lower(&x.lists.openers) {
            add_phrase(&mut self.openers, &p, ());
        }
        self.demonym_endings = lower(&x.demonyms.endings).collect();
        self.demonym_words = lower(&x.demonyms.words).collect();
        self.demonym_map =
            x.demonyms.map.iter().map(|(k, v)| (k.to_lowercase(), v.to_lowercase())).collect();
        self.nonstate = lower(&x.descriptions.nonstate).collect();
        self.governing = lower(&x.descriptions.governing).collect();
    }
}

/// Speech verbs that also report through a noun phrase ("UN reports
/// highlighted the presence of …", "described the ISI's support of …").
const NP_REPORT_DEFAULT: &[&str] = &[
    "report",
    "highlight",
    "describe",
    "reveal",
    "document",
    "detail",
    "confirm",
    "note",
    "mention",
    "record",
    "corroborate",
    "disclose",
    "uncover",
    "cite",
];

/// Every form of a verb lemma with its form kind.
fn inflect(lemma: &str, irregular: &[String]) -> Vec<(Form, String)> {
    verb_forms(lemma, irregular)
        .into_iter()
        .map(|w| {
            let form = if w == lemma || (w.ends_with('s') && !irregular.contains(&w)) {
                Form::Base
            } else if w.ends_with("ing") && w != lemma {
                Form::Ing
            } else {
                Form::Ed
            };
            (form, w)
        })
        .collect()
}

/// Adds a literal phrase (with `(optional)` and `a|b` groups).
fn add_phrase<T: Clone>(table: &mut PhraseTable<T>, pattern: &str, value: T) {
    for words in expand(pattern) {
        table.insert(words[0].clone(), words[1..].to_vec(), Form::Base, value.clone());
    }
}

/// Adds a phrase whose first word is a verb lemma, in every inflection.
fn add_verb_phrase<T: Clone>(
    table: &mut PhraseTable<T>,
    pattern: &str,
    irr: &HashMap<String, Vec<String>>,
    value: T,
) {
    for words in expand(pattern) {
        let irregular = irr.get(&words[0]).cloned().unwrap_or_default();
        for (form, w) in inflect(&words[0], &irregular) {
            table.insert(w, words[1..].to_vec(), form, value.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::load(&RulesDir::embedded()).expect("built-in rules parse")
    }

    #[test]
    fn expands_optional_and_alternatives() {
        let e = expand("declare (the) creation|formation of");
        assert_eq!(e.len(), 4);
        assert!(e.contains(&vec!["declare".into(), "creation".into(), "of".into()]));
        assert!(e.contains(&vec!["declare".into(), "the".into(), "formation".into(), "of".into()]));
    }

    #[test]
    fn builtin_rules_load_with_inflections() {
        let l = lex();
        let words = ["harboured"];
        let m = l.verbs.matches_at(0, |i| words.get(i).copied());
        assert_eq!(m.len(), 1);
        assert_eq!(l.verb_cues[*m[0].value].relation, Relation::Shelters);
        assert_eq!(m[0].form, Form::Ed);
        let words = ["declared", "the", "creation", "of"];
        let m = l.verbs.longest_at(0, |i| words.get(i).copied()).unwrap();
        assert_eq!(m.end, 4);
        assert_eq!(l.verb_cues[*m.value].relation, Relation::Founded);
        assert!(l.flags("the") & f::DET != 0);
        assert!(l.flags("attacks") & f::NOUN != 0 && l.flags("attacks") & f::VERB != 0);
        assert!(l.flags("its") & f::POSSPRON != 0);
        let words = ["safe", "havens"];
        assert!(l.nouns.longest_at(0, |i| words.get(i).copied()).is_some());
    }

    #[test]
    fn a_broken_rules_file_names_itself() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("relations.toml"), "verb = 3").unwrap();
        let err = Lexicon::load(&RulesDir::new(tmp.path())).unwrap_err();
        assert!(err.path.ends_with("relations.toml"), "{err}");
    }
}
