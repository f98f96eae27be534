//! What can go wrong with the data file, in words a person can act on.

use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the data file {path} is in use by another program; close it and try again")]
    Busy { path: PathBuf },
    #[error("the data file {path} cannot be written (it is read-only or on a read-only drive)")]
    ReadOnly { path: PathBuf },
    #[error("the data file {path} is damaged ({detail}); Jadwal left it untouched")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "the data file {path} was written by a newer Jadwal (data version {found}, this app knows up to {known}); update Jadwal to open it"
    )]
    NewerVersion {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "built-in data update {version} ({name}) differs from the one already applied; refusing to continue"
    )]
    ChangedMigration { version: i64, name: String },
    #[error("the disk is full; free some space and try again")]
    DiskFull,
    #[error("the data folder {path} cannot be used: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: i64 },
    #[error("stored data is not valid: {0}")]
    Invalid(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Busy { .. } => "store_busy",
            StoreError::ReadOnly { .. } => "store_read_only",
            StoreError::Corrupt { .. } => "store_corrupt",
            StoreError::NewerVersion { .. } => "store_newer_version",
            StoreError::ChangedMigration { .. } => "store_changed_migration",
            StoreError::DiskFull => "disk_full",
            StoreError::Folder { .. } => "store_folder",
            StoreError::NotFound { .. } => "not_found",
            StoreError::Invalid(_) => "store_invalid",
            StoreError::Sqlite(_) => "store_error",
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    /// Errors that a person can act on get their own variant; the path is
    /// filled in by `classify` where it is known.
    fn from(e: rusqlite::Error) -> Self {
        classify(e, &PathBuf::new())
    }
}

/// Turns SQLite's error codes into the variants above.
pub(crate) fn classify(e: rusqlite::Error, path: &std::path::Path) -> StoreError {
    use rusqlite::ErrorCode as C;
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Busy { path },
        Some(C::ReadOnly) => StoreError::ReadOnly { path },
        Some(C::DatabaseCorrupt | C::NotADatabase) => StoreError::Corrupt {
            path,
            detail: e.to_string(),
        },
        Some(C::DiskFull) => StoreError::DiskFull,
        _ => StoreError::Sqlite(e),
    }
}
