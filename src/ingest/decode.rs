//! Turning a text file's bytes into a `String`, or saying clearly why not.

use crate::error::IngestError;

/// Decodes a text file: UTF-8 (a BOM is dropped) or UTF-16 with a BOM;
/// line ends become `\n`. Empty, binary and invalid files are errors.
pub fn decode_text(bytes: &[u8]) -> Result<String, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest, 3)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        check_not_binary(bytes)?;
        utf8(bytes, 0)?
    };
    Ok(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text })
}

fn utf8(bytes: &[u8], shift: usize) -> Result<String, IngestError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(IngestError::InvalidUtf8 { offset: e.valid_up_to() + shift }),
    }
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> Result<String, IngestError> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
    String::from_utf16(&units)
        .map_err(|_| IngestError::Binary("invalid UTF-16 after a UTF-16 byte-order mark".into()))
}

/// Rejects data that is evidently not text: NUL bytes, or many control
/// bytes, in the first 64 KiB.
fn check_not_binary(bytes: &[u8]) -> Result<(), IngestError> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if let Some(pos) = head.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary(format!("NUL byte at offset {pos}; not a text file")));
    }
    let control =
        head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    if control * 20 > head.len() {
        return Err(IngestError::Binary(format!(
            "{control} control bytes in the first {} bytes; not a text file",
            head.len()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_crlf_and_utf16() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Kābul".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_text(&le).unwrap(), "Kābul");
    }

    #[test]
    fn rejects_empty_binary_and_invalid() {
        assert_eq!(decode_text(b" \n\t"), Err(IngestError::Empty));
        assert!(matches!(decode_text(b"PK\x03\x04\x00\x00"), Err(IngestError::Binary(_))));
        assert_eq!(decode_text(b"ok \xC3\x28 no"), Err(IngestError::InvalidUtf8 { offset: 3 }));
    }
}
