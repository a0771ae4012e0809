//! Reading gazetteer TSV files (format: `gazetteers/README.md`) into
//! [`Entity`] values, and checking ids and references across files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::GazetteerError;
use crate::model::{Entity, Metonym};

/// The number of columns a line may have at most.
const MAX_COLUMNS: usize = 10;
/// The columns a line must have: id, type, name.
const MIN_COLUMNS: usize = 3;

/// Where an entity was defined, for error messages.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    /// The file (or a pseudo-name such as `<tsv>`).
    pub path: Arc<Path>,
    /// 1-based line number.
    pub line: usize,
}

impl Origin {
    fn error(&self, message: impl Into<String>) -> GazetteerError {
        GazetteerError { path: self.path.to_path_buf(), line: self.line, message: message.into() }
    }
}

/// Entities read so far and where each came from.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    pub entities: Vec<Entity>,
    pub origins: Vec<Origin>,
}

/// Reads every `*.tsv` file of `dir`, in file-name order.
pub(crate) fn read_dir(dir: &Path) -> Result<Loaded, GazetteerError> {
    let dir_error = |message: String| GazetteerError { path: dir.to_path_buf(), line: 0, message };
    let entries =
        std::fs::read_dir(dir).map_err(|e| dir_error(format!("cannot read folder: {e}")))?;
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| dir_error(format!("cannot read folder: {e}")))?.path();
        if path.extension().is_some_and(|x| x.eq_ignore_ascii_case("tsv")) && path.is_file() {
            files.push(path);
        }
    }
    if files.is_empty() {
        return Err(dir_error("no *.tsv gazetteer file in this folder".into()));
    }
    files.sort();
    let mut loaded = Loaded::default();
    for path in files {
        let bytes = std::fs::read(&path).map_err(|e| GazetteerError {
            path: path.clone(),
            line: 0,
            message: format!("cannot read file: {e}"),
        })?;
        let text = String::from_utf8(bytes).map_err(|e| GazetteerError {
            path: path.clone(),
            line: line_of_byte(e.as_bytes(), e.utf8_error().valid_up_to()),
            message: "not valid UTF-8".into(),
        })?;
        parse_tsv(&text, Arc::from(path.as_path()), &mut loaded)?;
    }
    Ok(loaded)
}

/// 1-based line number of byte `offset` in `bytes`.
fn line_of_byte(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Parses one TSV text, appending its entities to `loaded`.
pub(crate) fn parse_tsv(
    text: &str,
    path: Arc<Path>,
    loaded: &mut Loaded,
) -> Result<(), GazetteerError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    for (i, raw) in text.lines().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let origin = Origin { path: path.clone(), line: i + 1 };
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if is_header(&cols) {
            continue;
        }
        let entity = parse_line(&cols).map_err(|m| origin.error(m))?;
        loaded.entities.push(entity);
        loaded.origins.push(origin);
    }
    Ok(())
}

/// A header row naming the columns (tolerated although it is not a comment).
fn is_header(cols: &[&str]) -> bool {
    cols.len() >= MIN_COLUMNS && cols[0] == "id" && cols[1] == "type" && cols[2] == "name"
}

/// One entity from the trimmed columns of a line.
fn parse_line(cols: &[&str]) -> Result<Entity, String> {
    if cols.len() < MIN_COLUMNS {
        return Err(format!(
            "{} column(s), expected at least {MIN_COLUMNS} (id, type, name) separated by tabs",
            cols.len()
        ));
    }
    if cols.len() > MAX_COLUMNS {
        return Err(format!("{} columns, expected at most {MAX_COLUMNS}", cols.len()));
    }
    let col = |i: usize| cols.get(i).copied().unwrap_or("");
    let id = col(0);
    check_id(id, "id")?;
    if col(1).is_empty() {
        return Err(format!("`{id}`: empty type"));
    }
    let name = col(2);
    if name.is_empty() {
        return Err(format!("`{id}`: empty name"));
    }
    let mut aliases = vec![name.to_string()];
    for a in list(col(3)) {
        if !aliases.iter().any(|x| x == a) {
            aliases.push(a.to_string());
        }
    }
    let mut acronyms: Vec<String> = Vec::new();
    for a in list(col(4)) {
        if !acronyms.iter().any(|x| x == a) {
            acronyms.push(a.to_string());
        }
    }
    let metonym_of = list(col(5)).map(parse_metonym).collect::<Result<Vec<_>, _>>()?;
    let part_of = list(col(6)).map(String::from).collect::<Vec<_>>();
    for p in &part_of {
        check_id(p, "part_of id")?;
    }
    let active = optional(col(8));
    if let Some(a) = &active {
        parse_years(a).map_err(|m| format!("active `{a}`: {m}"))?;
    }
    let wikidata = optional(col(9));
    if let Some(q) = &wikidata
        && !(q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!("wikidata `{q}` is not a Q-id such as Q1061596"));
    }
    Ok(Entity {
        id: id.to_string(),
        etype: col(1).to_string(),
        name: name.to_string(),
        aliases,
        acronyms,
        metonym_of,
        part_of,
        country: optional(col(7)),
        active,
        wikidata,
    })
}

/// The non-empty `|`-separated items of a column.
fn list(col: &str) -> impl Iterator<Item = &str> {
    col.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn optional(col: &str) -> Option<String> {
    (!col.is_empty()).then(|| col.to_string())
}

/// Ids are lowercase snake_case: `[a-z0-9_]+`.
fn check_id(id: &str, what: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if ok { Ok(()) } else { Err(format!("{what} `{id}` is not lowercase snake_case")) }
}

/// `target` or `target@FROM/TO` with optional years.
fn parse_metonym(item: &str) -> Result<Metonym, String> {
    let (target, years) = match item.split_once('@') {
        Some((t, y)) => (t.trim(), Some(y.trim())),
        None => (item, None),
    };
    check_id(target, "metonym_of id")?;
    let (from, to) = match years {
        Some(y) => parse_years(y).map_err(|m| format!("metonym_of `{item}`: {m}"))?,
        None => (None, None),
    };
    Ok(Metonym { target: target.to_string(), from, to })
}

/// `FROM/TO`, `FROM/`, `/TO` or a single year.
fn parse_years(s: &str) -> Result<(Option<i32>, Option<i32>), String> {
    let year = |y: &str| -> Result<Option<i32>, String> {
        let y = y.trim();
        if y.is_empty() {
            return Ok(None);
        }
        y.parse::<i32>().map(Some).map_err(|_| format!("`{y}` is not a year"))
    };
    let (from, to) = match s.split_once('/') {
        Some((f, t)) => (year(f)?, year(t)?),
        None => {
            let y = year(s)?;
            (y, y)
        }
    };
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(format!("{f} is after {t}"));
    }
    Ok((from, to))
}

/// Checks that ids are unique and that every `metonym_of` and `part_of`
/// reference names an entity; returns the index of each id.
pub(crate) fn validate(loaded: &Loaded) -> Result<HashMap<String, usize>, GazetteerError> {
    let mut by_id: HashMap<String, usize> = HashMap::with_capacity(loaded.entities.len());
    for (i, e) in loaded.entities.iter().enumerate() {
        if let Some(&first) = by_id.get(&e.id) {
            let o = &loaded.origins[first];
            return Err(loaded.origins[i].error(format!(
                "duplicate id `{}` (first defined at {}:{})",
                e.id,
                o.path.display(),
                o.line
            )));
        }
        by_id.insert(e.id.clone(), i);
    }
    for (i, e) in loaded.entities.iter().enumerate() {
        let refs = e.metonym_of.iter().map(|m| ("metonym_of", &m.target));
        for (column, target) in refs.chain(e.part_of.iter().map(|p| ("part_of", p))) {
            if !by_id.contains_key(target) {
                return Err(loaded.origins[i]
                    .error(format!("{column} of `{}` names unknown id `{target}`", e.id)));
            }
        }
    }
    Ok(by_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Loaded, GazetteerError> {
        let mut loaded = Loaded::default();
        parse_tsv(text, Arc::from(Path::new("g.tsv")), &mut loaded)?;
        validate(&loaded)?;
        Ok(loaded)
    }

    #[test]
    fn parses_every_column() {
        let text = "# comment\n\nkabul\tplace\tKabul\tKābul|Kabul city\t\t\
                    afghan_taliban@1996/2001|afghan_taliban@2021/\tafghanistan\tAF\t\tQ5838\n\
                    afghanistan\tplace\tAfghanistan\r\n\
                    afghan_taliban\tactor\tAfghan Taliban\tTaliban\tIEA\t\t\t\t1994/\n";
        let l = parse(text).unwrap();
        let kabul = &l.entities[0];
        assert_eq!(kabul.aliases, ["Kabul", "Kābul", "Kabul city"]);
        assert_eq!(kabul.metonym_of.len(), 2);
        assert_eq!((kabul.metonym_of[0].from, kabul.metonym_of[0].to), (Some(1996), Some(2001)));
        assert_eq!((kabul.metonym_of[1].from, kabul.metonym_of[1].to), (Some(2021), None));
        assert_eq!(kabul.part_of, ["afghanistan"]);
        assert_eq!(kabul.country.as_deref(), Some("AF"));
        assert_eq!(kabul.wikidata.as_deref(), Some("Q5838"));
        assert_eq!(l.entities[1].name, "Afghanistan");
        assert_eq!(l.entities[2].acronyms, ["IEA"]);
        assert_eq!(l.entities[2].active.as_deref(), Some("1994/"));
        assert_eq!(l.origins[2].line, 5);
    }

    /// (tsv text, expected error message fragment, line)
    const ERRORS: &[(&str, &str, usize)] = &[
        ("a\tactor\n", "2 column(s), expected at least 3", 1),
        ("a\tactor\tA\t\t\t\t\t\t\t\textra\n", "11 columns, expected at most 10", 1),
        (
            "a\tactor\tA\n#\nb\tactor\tB\na\tplace\tA2\n",
            "duplicate id `a` (first defined at g.tsv:1)",
            4,
        ),
        ("a\tactor\tA\t\t\t\tnowhere\n", "part_of of `a` names unknown id `nowhere`", 1),
        ("\n\na\tactor\tA\t\t\tb@2001/1999\nb\tactor\tB\n", "2001 is after 1999", 3),
        ("a\tactor\tA\t\t\tmissing@2021/\n", "metonym_of of `a` names unknown id `missing`", 1),
        ("Bad Id\tactor\tA\n", "id `Bad Id` is not lowercase snake_case", 1),
        ("a\t\tA\n", "empty type", 1),
        ("a\tactor\t\n", "empty name", 1),
        ("a\tactor\tA\t\t\t\t\t\tsoon\n", "active `soon`", 1),
        ("a\tactor\tA\t\t\t\t\t\t\t1061596\n", "not a Q-id", 1),
    ];

    #[test]
    fn errors_name_file_and_line() {
        for &(text, fragment, line) in ERRORS {
            let err = parse(text).expect_err(text);
            assert_eq!(err.line, line, "{text:?}: {err}");
            let msg = err.to_string();
            assert!(msg.starts_with(&format!("g.tsv:{line}: ")), "{msg}");
            assert!(msg.contains(fragment), "{text:?}: {msg}");
        }
    }

    #[test]
    fn reads_a_folder_and_checks_ids_across_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.tsv"), "x\tactor\tX\n").unwrap();
        std::fs::write(dir.path().join("b.tsv"), "y\tactor\tY\t\t\t\tx\n").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a gazetteer").unwrap();
        let l = read_dir(dir.path()).unwrap();
        assert_eq!(l.entities.len(), 2);
        validate(&l).unwrap();
        std::fs::write(dir.path().join("c.tsv"), "# dup\nx\tplace\tX2\n").unwrap();
        let l = read_dir(dir.path()).unwrap();
        let err = validate(&l).unwrap_err();
        assert_eq!(err.path, dir.path().join("c.tsv"));
        assert_eq!(err.line, 2);
        assert!(err.to_string().contains("a.tsv:1"), "{err}");
        let empty = tempfile::tempdir().unwrap();
        assert!(read_dir(empty.path()).unwrap_err().to_string().contains("no *.tsv"));
        std::fs::write(empty.path().join("bad.tsv"), b"ok\tactor\tOK\nz\tactor\t\xff\n").unwrap();
        let err = read_dir(empty.path()).unwrap_err();
        assert_eq!((err.line, err.message.as_str()), (2, "not valid UTF-8"));
    }
}
