//! Reading the CSV files people export from a network's insights page or ad
//! manager: the file itself, the numbers and dates in its cells, the words
//! its headers use, and what a preview shows of it. Shared by the figures
//! import and the campaign results import.

pub(crate) mod file;
pub(crate) mod headers;
pub(crate) mod values;

use std::collections::HashSet;

use crate::dto::{CsvColumnDto, CsvRowProblemDto};
use crate::error::{EngineError, Result};
use file::CsvTable;

/// Rows a preview shows.
pub(crate) const PREVIEW_ROWS: usize = 20;

/// The columns as a preview lists them.
pub(crate) fn preview_columns(table: &CsvTable) -> Vec<CsvColumnDto> {
    table
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| CsvColumnDto {
            index: u32::try_from(i).unwrap_or(u32::MAX),
            header: h.clone(),
        })
        .collect()
}

/// The first rows, as text.
pub(crate) fn preview_rows(table: &CsvTable) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|(_, cells)| cells.clone())
        .collect()
}

pub(crate) fn row_count(table: &CsvTable) -> u32 {
    u32::try_from(table.rows.len()).unwrap_or(u32::MAX)
}

/// Refuses a mapping that names a column the file lacks or gives one
/// column two meanings.
pub(crate) fn check_columns(
    table: &CsvTable,
    columns: impl IntoIterator<Item = u32>,
) -> Result<()> {
    let count = table.headers.len();
    let mut used = HashSet::new();
    for c in columns {
        if c as usize >= count {
            return Err(EngineError::CsvMapping(format!(
                "the file has {count} columns; there is no column {}",
                c + 1
            )));
        }
        if !used.insert(c) {
            return Err(EngineError::CsvMapping(format!(
                "the column “{}” is given two meanings",
                table.headers[c as usize]
            )));
        }
    }
    Ok(())
}

/// What is wrong with a row: on `line`, in `column` (its header) where one
/// cell is to blame, with the cell's text as found and the English words.
pub(crate) fn row_problem(
    table: &CsvTable,
    line: u32,
    column: Option<u32>,
    code: &str,
    value: &str,
    message: String,
) -> CsvRowProblemDto {
    CsvRowProblemDto {
        row: line,
        column: column.and_then(|c| table.headers.get(c as usize).cloned()),
        code: code.to_owned(),
        value: value.to_owned(),
        message,
    }
}
