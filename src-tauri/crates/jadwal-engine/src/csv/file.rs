//! A CSV file as exported by a network's insights page: UTF-8 with or
//! without a byte-order mark, separated by commas or semicolons, fields
//! quoted where they hold the separator, the first row naming the columns.

use std::path::Path;

use crate::error::{EngineError, Result};

/// Larger than any insights export; a bigger file is most likely the wrong one.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

pub(crate) struct CsvTable {
    pub separator: u8,
    pub headers: Vec<String>,
    /// Each data row with its line number in the file (the header is 1).
    pub rows: Vec<(u32, Vec<String>)>,
}

impl CsvTable {
    /// The cells of one column, for guessing how it is written.
    pub(crate) fn column(&self, index: usize) -> impl Iterator<Item = &str> {
        self.rows
            .iter()
            .filter_map(move |(_, cells)| cells.get(index).map(String::as_str))
            .filter(|c| !c.trim().is_empty())
    }
}

pub(crate) fn read_csv(path: &Path) -> Result<CsvTable> {
    let unreadable = |detail: String| EngineError::CsvFile {
        path: path.to_path_buf(),
        detail,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| unreadable(e.to_string()))?
        .len();
    if size > MAX_BYTES {
        return Err(unreadable(format!(
            "it is {size} bytes, more than an export holds"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    parse_csv(&bytes).map_err(unreadable)
}

pub(crate) fn parse_csv(bytes: &[u8]) -> std::result::Result<CsvTable, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err("it is saved as UTF-16; save it as CSV UTF-8 and try again".into());
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "it is not UTF-8 text; save it as CSV UTF-8 and try again".to_owned())?;
    let separator = guess_separator(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| format!("it cannot be read as CSV ({e})"))?;
        if !more {
            break;
        }
        let line = record.position().map_or(0, |p| {
            line_at(text, usize::try_from(p.byte()).unwrap_or(usize::MAX))
        });
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if headers.is_none() {
            headers = Some(cells);
        } else {
            rows.push((line, cells));
        }
    }
    let headers = headers.ok_or_else(|| "it is empty".to_owned())?;
    Ok(CsvTable {
        separator,
        headers,
        rows,
    })
}

/// The line (from 1) a record starting at byte `at` is on. The reader may
/// report a record's start just before the line breaks (and blank lines)
/// that precede it, so those are stepped over.
fn line_at(text: &str, at: usize) -> u32 {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len());
    let mut line = 1 + bytes[..at].iter().filter(|b| **b == b'\n').count();
    line += bytes[at..]
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .filter(|b| **b == b'\n')
        .count();
    u32::try_from(line).unwrap_or(u32::MAX)
}

/// The separator of the first line: whichever of `;` and `,` occurs more
/// often outside quotes.
fn guess_separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_semicolons_and_quoted_fields_are_read() {
        let file = "\u{feff}Tanggal;Suka;\"Catatan; bebas\"\r\n01/03/2026;\"1.234\";\"a \"\"b\"\"; c\"\r\n\r\n02/03/2026;5;x\r\n";
        let t = parse_csv(file.as_bytes()).unwrap();
        assert_eq!(t.separator, b';');
        assert_eq!(t.headers, vec!["Tanggal", "Suka", "Catatan; bebas"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(
            t.rows[0],
            (
                2,
                vec!["01/03/2026".into(), "1.234".into(), "a \"b\"; c".into()]
            )
        );
        assert_eq!(t.rows[1].0, 4, "the blank line still counts");
        let unix = parse_csv(b"a,b\n1,2\n\n\n3,\"x\ny\"\n4,5\n").unwrap();
        let lines: Vec<u32> = unix.rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, vec![2, 5, 7]);
    }

    #[test]
    fn commas_and_an_empty_file() {
        let t = parse_csv(b"Date,Likes\n2026-03-01,\"1,234\"\n").unwrap();
        assert_eq!(t.separator, b',');
        assert_eq!(t.rows[0].1, vec!["2026-03-01", "1,234"]);
        assert!(parse_csv(b"").is_err());
        assert!(parse_csv(b"\xFF\xFED\x00").is_err());
    }
}
