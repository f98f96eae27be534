//! Conversions between SQLite values and domain values.

use chrono::{DateTime, Utc};
use rusqlite::types::Type;

pub(crate) fn to_unix(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

pub(crate) fn from_unix(secs: i64, column: usize) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::from_timestamp(secs, 0).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            Type::Integer,
            format!("{secs} is not a valid time").into(),
        )
    })
}

/// Parses a value stored as text (a network, a status) with its `FromStr`.
pub(crate) fn parse_text<T>(raw: &str, column: usize) -> rusqlite::Result<T>
where
    T: std::str::FromStr,
    T::Err: std::error::Error + Send + Sync + 'static,
{
    raw.parse::<T>()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

/// Reads a `group_concat` of ids ("3,7,12"); NULL means none.
pub(crate) fn id_list(raw: Option<String>) -> Vec<i64> {
    raw.map(|s| s.split(',').filter_map(|part| part.parse().ok()).collect())
        .unwrap_or_default()
}
