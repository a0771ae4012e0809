//! Turning an HTML file's bytes into text: byte-order mark, then the
//! `<meta charset>` (or `http-equiv` Content-Type) of the head, then UTF-8
//! when the bytes are valid UTF-8, else Windows-1252 (what browsers assume
//! for unlabelled legacy pages).

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;

use crate::error::IngestError;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)"#).unwrap()
});

/// Decodes an HTML page.
pub(super) fn decode(bytes: &[u8]) -> Result<String, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((enc, len)) => (enc, len),
        None => (declared(bytes).unwrap_or_else(|| guess(bytes)), 0),
    };
    let body = &bytes[skip..];
    let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
    if !utf16 && let Some(pos) = body[..body.len().min(64 * 1024)].iter().position(|&b| b == 0) {
        return Err(IngestError::Binary(format!("NUL byte at offset {pos}; not an HTML file")));
    }
    let (text, _) = encoding.decode_without_bom_handling(body);
    Ok(text.into_owned())
}

/// The charset named in the first 4 KiB, if it is one we know. A page that
/// says UTF-16 in a meta tag but reached us as ASCII-compatible bytes is
/// really UTF-8 (the HTML standard's rule).
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let label = META_CHARSET.captures(head)?;
    let enc = Encoding::for_label(&label[1])?;
    Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE { UTF_8 } else { enc })
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() { UTF_8 } else { WINDOWS_1252 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_meta_and_fallbacks() {
        assert_eq!(decode("\u{FEFF}<p>Kābul</p>".as_bytes()).unwrap(), "<p>Kābul</p>");
        let latin = b"<meta charset=\"iso-8859-1\"><p>Caf\xe9</p>";
        assert_eq!(decode(latin).unwrap(), "<meta charset=\"iso-8859-1\"><p>Café</p>");
        let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\x93q\x94";
        assert!(decode(equiv).unwrap().ends_with("\u{201C}q\u{201D}"));
        assert_eq!(decode(b"<p>caf\xe9</p>").unwrap(), "<p>café</p>");
        assert_eq!(decode("<p>Kābul</p>".as_bytes()).unwrap(), "<p>Kābul</p>");
        assert!(matches!(decode(b"<p>\x00\x01</p>"), Err(IngestError::Binary(_))));
        assert_eq!(decode(b"  \n"), Err(IngestError::Empty));
    }
}
