//! Writing a [`Table`] as RFC 4180 CSV (CRLF line ends, quotes where
//! needed, a header row) or as JSON lines (one object per row).
//!
//! In CSV, a text cell starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return gets a leading `'`, so a spreadsheet never runs document
//! text as a formula. JSON lines are written unchanged.

use std::io::Write;

use serde_json::{Map, Value};

use super::profile::Table;
use crate::error::{Error, Result};

/// The file format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// RFC 4180 CSV with a header row.
    #[default]
    Csv,
    /// One JSON object per line.
    Jsonl,
}

fn io(e: std::io::Error) -> Error {
    Error::io("<export output>", e)
}

/// Writes `table` to `w` in `format`.
pub fn write(table: &Table, format: Format, w: impl Write) -> Result<()> {
    match format {
        Format::Csv => write_csv(table, w),
        Format::Jsonl => write_jsonl(table, w),
    }
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) if s.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{s}"),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn write_csv(table: &Table, w: impl Write) -> Result<()> {
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(w);
    let csv_err = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => io(e),
        other => Error::Invalid(format!("csv: {other:?}")),
    };
    out.write_record(&table.columns).map_err(csv_err)?;
    for row in &table.rows {
        out.write_record(row.iter().map(cell)).map_err(csv_err)?;
    }
    out.flush().map_err(io)
}

fn write_jsonl(table: &Table, mut w: impl Write) -> Result<()> {
    for row in &table.rows {
        let obj: Map<String, Value> =
            table.columns.iter().map(|c| c.to_string()).zip(row.iter().cloned()).collect();
        serde_json::to_writer(&mut w, &obj).map_err(|e| Error::Invalid(format!("jsonl: {e}")))?;
        w.write_all(b"\n").map_err(io)?;
    }
    w.flush().map_err(io)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn table() -> Table {
        Table {
            columns: vec!["id", "text", "n"],
            rows: vec![
                vec![json!("c1"), json!("He said \"no\", then left.\nNext line"), json!(0.5)],
                vec![json!("c2"), json!("=HYPERLINK(\"http://x\")"), Value::Null],
            ],
        }
    }

    #[test]
    fn csv_is_rfc4180_and_formula_safe() {
        let mut buf = Vec::new();
        write(&table(), Format::Csv, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.starts_with("id,text,n\r\n"), "{text}");
        assert!(text.contains("\"He said \"\"no\"\", then left.\nNext line\""), "{text}");
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(&rows[0][1], "He said \"no\", then left.\nNext line");
        assert_eq!(&rows[0][2], "0.5");
        assert_eq!(&rows[1][1], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&rows[1][2], "");
    }

    #[test]
    fn jsonl_keeps_values_and_nulls() {
        let mut buf = Vec::new();
        write(&table(), Format::Jsonl, &mut buf).unwrap();
        let lines: Vec<Value> = String::from_utf8(buf)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1]["text"], "=HYPERLINK(\"http://x\")");
        assert_eq!(lines[1]["n"], Value::Null);
        assert_eq!(lines[0]["n"], 0.5);
    }
}
