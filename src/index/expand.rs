//! Entity-aware queries: finding gazetteer names in a parsed query and
//! OR-ing the entity id into it (so `Pakistani Taliban` also finds `TTP`),
//! and resolving `--entity` arguments given as an id or any alias.

use serde::Serialize;
use tantivy::query_grammar::{Delimiter, Occur, UserInputAst, UserInputLeaf, UserInputLiteral};

use crate::model::{Entity, EntityCatalog};
use crate::{Error, Result};

/// Longest alias, in words, looked for in a run of query words.
const MAX_ALIAS_WORDS: usize = 6;

/// A query phrase recognised as a gazetteer name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Expansion {
    /// The words of the query.
    pub text: String,
    /// The entity ids OR-ed in.
    pub entities: Vec<String>,
}

/// Rewrites `ast` so that every gazetteer name in it also matches entries
/// that mention the entity under another name; records what it expanded.
///
/// A name is either one literal (a word or a quoted phrase) or a run of
/// plain words joined by the default operator. Field-qualified, prefix
/// and slop literals, and words joined by explicit `AND`/`OR`, are left
/// alone.
pub(crate) fn expand_aliases(
    ast: UserInputAst,
    catalog: &dyn EntityCatalog,
    entity_field: &str,
    out: &mut Vec<Expansion>,
) -> UserInputAst {
    let ctx = Ctx { catalog, entity_field };
    ctx.expand(ast, out)
}

struct Ctx<'a> {
    catalog: &'a dyn EntityCatalog,
    entity_field: &'a str,
}

impl Ctx<'_> {
    fn expand(&self, ast: UserInputAst, out: &mut Vec<Expansion>) -> UserInputAst {
        match ast {
            UserInputAst::Leaf(leaf) => match *leaf {
                UserInputLeaf::Literal(lit) if plain(&lit) => match self.ids_for(&lit.phrase) {
                    Some(ids) => self.group(lit, ids, out),
                    None => UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(lit))),
                },
                other => UserInputAst::Leaf(Box::new(other)),
            },
            UserInputAst::Boost(inner, boost) => {
                UserInputAst::Boost(Box::new(self.expand(*inner, out)), boost)
            }
            UserInputAst::Clause(children) => UserInputAst::Clause(self.clause(children, out)),
        }
    }

    fn clause(
        &self,
        children: Vec<(Option<Occur>, UserInputAst)>,
        out: &mut Vec<Expansion>,
    ) -> Vec<(Option<Occur>, UserInputAst)> {
        let mut result = Vec::with_capacity(children.len());
        let mut run: Vec<UserInputLiteral> = Vec::new();
        for (occur, child) in children {
            match (occur, child) {
                (None, UserInputAst::Leaf(leaf)) if bare_word(&leaf) => {
                    let UserInputLeaf::Literal(lit) = *leaf else { unreachable!() };
                    run.push(lit);
                }
                (occur, child) => {
                    self.flush_run(&mut run, &mut result, out);
                    result.push((occur, self.expand(child, out)));
                }
            }
        }
        self.flush_run(&mut run, &mut result, out);
        result
    }

    /// Greedy leftmost-longest matching of names over a run of plain words.
    fn flush_run(
        &self,
        run: &mut Vec<UserInputLiteral>,
        result: &mut Vec<(Option<Occur>, UserInputAst)>,
        out: &mut Vec<Expansion>,
    ) {
        let words = std::mem::take(run);
        let mut i = 0;
        while i < words.len() {
            let longest = (1..=MAX_ALIAS_WORDS.min(words.len() - i)).rev().find_map(|n| {
                let phrase = join(&words[i..i + n]);
                self.ids_for(&phrase).map(|ids| (n, phrase, ids))
            });
            match longest {
                Some((n, phrase, ids)) => {
                    let delimiter = if n > 1 { Delimiter::DoubleQuotes } else { Delimiter::None };
                    let lit = UserInputLiteral { phrase, delimiter, ..words[i].clone() };
                    result.push((None, self.group(lit, ids, out)));
                    i += n;
                }
                None => {
                    let leaf = UserInputLeaf::Literal(words[i].clone());
                    result.push((None, UserInputAst::Leaf(Box::new(leaf))));
                    i += 1;
                }
            }
        }
    }

    /// `(literal OR entity:"id" …)`.
    fn group(
        &self,
        lit: UserInputLiteral,
        ids: Vec<String>,
        out: &mut Vec<Expansion>,
    ) -> UserInputAst {
        out.push(Expansion { text: lit.phrase.clone(), entities: ids.clone() });
        let mut alternatives = vec![(Some(Occur::Should), leaf(lit))];
        for id in ids {
            let term = UserInputLiteral {
                field_name: Some(self.entity_field.to_string()),
                phrase: id,
                delimiter: Delimiter::DoubleQuotes,
                slop: 0,
                prefix: false,
            };
            alternatives.push((Some(Occur::Should), leaf(term)));
        }
        UserInputAst::Clause(alternatives)
    }

    /// The ids of the entities `phrase` names, if any.
    fn ids_for(&self, phrase: &str) -> Option<Vec<String>> {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            return None;
        }
        let mut ids: Vec<String> = Vec::new();
        let mut found = self.catalog.lookup_name(phrase);
        if found.is_empty()
            && let Some(stem) = strip_possessive(phrase)
        {
            found = self.catalog.lookup_name(stem);
        }
        for e in found {
            if !ids.contains(&e.id) {
                ids.push(e.id.clone());
            }
        }
        (!ids.is_empty()).then_some(ids)
    }
}

fn leaf(lit: UserInputLiteral) -> UserInputAst {
    UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(lit)))
}

/// A literal on the default fields, matched exactly (no prefix, no slop).
fn plain(lit: &UserInputLiteral) -> bool {
    lit.field_name.is_none() && lit.slop == 0 && !lit.prefix
}

/// A plain unquoted word that may be part of a multi-word name.
fn bare_word(leaf: &UserInputLeaf) -> bool {
    matches!(leaf, UserInputLeaf::Literal(lit) if plain(lit) && lit.delimiter == Delimiter::None)
}

fn join(words: &[UserInputLiteral]) -> String {
    words.iter().map(|w| w.phrase.as_str()).collect::<Vec<_>>().join(" ")
}

fn strip_possessive(s: &str) -> Option<&str> {
    ["'s", "’s", "'", "’"].iter().find_map(|p| s.strip_suffix(p)).filter(|r| !r.is_empty())
}

/// Resolves an `--entity` argument: a gazetteer id, any alias or acronym,
/// or (without a gazetteer entry) an id the index holds. Unknown names get
/// an error that lists close matches.
pub(crate) fn resolve_entity(
    name: &str,
    catalog: &dyn EntityCatalog,
    in_index: &dyn Fn(&str) -> bool,
) -> Result<String> {
    let name = name.trim();
    if let Some(e) = catalog.entity(name) {
        return Ok(e.id.clone());
    }
    let mut found: Vec<&Entity> = catalog.lookup_name(name);
    found.dedup_by(|a, b| a.id == b.id);
    match found.as_slice() {
        [one] => return Ok(one.id.clone()),
        [] => {}
        many => {
            let list: Vec<String> = many.iter().map(|e| describe(e)).collect();
            return Err(Error::Invalid(format!(
                "entity `{name}` is ambiguous: {}; give an id",
                list.join(", ")
            )));
        }
    }
    if in_index(name) {
        return Ok(name.to_string());
    }
    let close = close_matches(name, catalog, 5);
    let hint = if close.is_empty() {
        "it is neither a gazetteer id nor an alias".to_string()
    } else {
        format!(
            "close matches: {}",
            close.iter().map(|e| describe(e)).collect::<Vec<_>>().join(", ")
        )
    };
    Err(Error::Invalid(format!("unknown entity `{name}`; {hint}")))
}

fn describe(e: &Entity) -> String {
    format!("{} ({})", e.id, e.name)
}

/// The entities whose id or some name is closest to `name`.
fn close_matches<'a>(name: &str, catalog: &'a dyn EntityCatalog, n: usize) -> Vec<&'a Entity> {
    let want = name.to_lowercase();
    let mut scored: Vec<(f64, &Entity)> = catalog
        .entities()
        .iter()
        .filter_map(|e| {
            let names = std::iter::once(&e.id)
                .chain(std::iter::once(&e.name))
                .chain(&e.aliases)
                .chain(&e.acronyms);
            let best = names
                .map(|cand| {
                    let cand = cand.to_lowercase();
                    let sim = strsim::jaro_winkler(&want, &cand);
                    let contains = want.len() >= 3 && cand.contains(&want);
                    if contains { sim.max(0.9) } else { sim }
                })
                .fold(0.0, f64::max);
            (best >= 0.8).then_some((best, e))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    scored.into_iter().take(n).map(|(_, e)| e).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use tantivy::query_grammar::parse_query;

    /// A tiny catalog: aliases match case-insensitively, acronyms exactly.
    pub(crate) struct TestCatalog(pub Vec<Entity>);

    impl TestCatalog {
        pub(crate) fn sample() -> TestCatalog {
            let e = |id: &str, name: &str, aliases: &[&str], acronyms: &[&str]| Entity {
                id: id.into(),
                etype: "actor".into(),
                name: name.into(),
                aliases: aliases.iter().map(|s| s.to_string()).collect(),
                acronyms: acronyms.iter().map(|s| s.to_string()).collect(),
                ..Entity::default()
            };
            TestCatalog(vec![
                e(
                    "ttp",
                    "Tehreek-e-Taliban Pakistan",
                    &["Tehreek-e-Taliban Pakistan", "Pakistani Taliban"],
                    &["TTP"],
                ),
                e("afghan_taliban", "Afghan Taliban", &["Afghan Taliban", "Taliban"], &["IEA"]),
                e("pakistan", "Pakistan", &["Pakistan", "Islamabad"], &[]),
                e("kabul", "Kabul", &["Kabul", "Kābul"], &[]),
            ])
        }
    }

    impl EntityCatalog for TestCatalog {
        fn entity(&self, id: &str) -> Option<&Entity> {
            self.0.iter().find(|e| e.id == id)
        }
        fn lookup_name(&self, name: &str) -> Vec<&Entity> {
            let fold = |s: &str| s.to_lowercase().replace(['-', '–'], " ");
            self.0
                .iter()
                .filter(|e| {
                    e.aliases.iter().any(|a| fold(a) == fold(name))
                        || e.acronyms.iter().any(|a| a == name)
                })
                .collect()
        }
        fn entities(&self) -> &[Entity] {
            &self.0
        }
    }

    fn expanded(q: &str) -> (String, Vec<Expansion>) {
        let mut out = Vec::new();
        let ast =
            expand_aliases(parse_query(q).unwrap(), &TestCatalog::sample(), "entity", &mut out);
        (format!("{ast:?}"), out)
    }

    #[test]
    fn expands_names_in_queries() {
        type Case<'a> = (&'a str, &'a [(&'a str, &'a [&'a str])]);
        let cases: &[Case] = &[
            ("Pakistani Taliban", &[("Pakistani Taliban", &["ttp"])]),
            ("\"Pakistani Taliban\" ceasefire", &[("Pakistani Taliban", &["ttp"])]),
            ("talks with the pakistani taliban", &[("pakistani taliban", &["ttp"])]),
            ("Afghan Taliban TTP", &[("Afghan Taliban", &["afghan_taliban"]), ("TTP", &["ttp"])]),
            ("ttp", &[]),
            ("TTP’s", &[("TTP’s", &["ttp"])]),
            ("Pakistani OR Taliban", &[("Taliban", &["afghan_taliban"])]),
            ("text:Pakistan", &[]),
            ("Pakist*", &[]),
            (
                "(Islamabad AND talks) OR Kabul",
                &[("Islamabad", &["pakistan"]), ("Kabul", &["kabul"])],
            ),
        ];
        for (q, want) in cases {
            let (_, got) = expanded(q);
            let got: Vec<(&str, Vec<&str>)> = got
                .iter()
                .map(|e| (e.text.as_str(), e.entities.iter().map(String::as_str).collect()))
                .collect();
            let want: Vec<(&str, Vec<&str>)> =
                want.iter().map(|(t, ids)| (*t, ids.to_vec())).collect();
            assert_eq!(got, want, "query {q}");
        }
    }

    #[test]
    fn expansion_keeps_other_words_and_phrases_the_name() {
        let (ast, _) = expanded("Pakistani Taliban ceasefire");
        assert!(ast.contains("\"Pakistani Taliban\""), "{ast}");
        assert!(ast.contains("\"entity\":\"ttp\""), "{ast}");
        assert!(ast.contains("ceasefire"), "{ast}");
    }

    #[test]
    fn resolves_ids_aliases_and_explains_unknown_names() {
        let cat = TestCatalog::sample();
        let none = |_: &str| false;
        assert_eq!(resolve_entity("ttp", &cat, &none).unwrap(), "ttp");
        assert_eq!(resolve_entity("Pakistani Taliban", &cat, &none).unwrap(), "ttp");
        assert_eq!(resolve_entity("TTP", &cat, &none).unwrap(), "ttp");
        assert_eq!(resolve_entity("haqqani", &cat, &|s| s == "haqqani").unwrap(), "haqqani");
        let err = resolve_entity("Talibn", &cat, &none).unwrap_err().to_string();
        assert!(err.contains("unknown entity `Talibn`") && err.contains("afghan_taliban"), "{err}");
        let err = resolve_entity("zzzz", &cat, &none).unwrap_err().to_string();
        assert!(err.contains("neither a gazetteer id nor an alias"), "{err}");
    }
}
