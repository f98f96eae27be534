//! Where the data lives: `--data-dir`, else `JADWAL_DATA_DIR`, else the
//! operating system's folder for app data.

use std::path::PathBuf;

/// Matches the desktop app's identifier, so the app and the CLI find the same data.
pub const APP_IDENTIFIER: &str = "id.jadwal.app";
pub const DATA_DIR_ENV: &str = "JADWAL_DATA_DIR";

/// The data folder to use, given an explicit choice (a flag) if any.
pub fn resolve(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os(DATA_DIR_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| dirs::data_dir().map(|d| d.join(APP_IDENTIFIER)))
}
