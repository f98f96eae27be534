//! Opening the data file safely: refuse, with a reason, anything that could
//! lose the person's data (a damaged file, one from a newer app, one another
//! program holds), and never overwrite what is there.

use rusqlite::{Connection, MAIN_DB, OpenFlags};
use std::path::Path;
use std::time::Duration;

use crate::changes::ChangeHub;
use crate::error::{StoreError, classify};
use crate::{Result, Store, migrate};

pub const DB_FILE_NAME: &str = "jadwal.sqlite3";

#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// How long a write waits for another connection to finish.
    pub busy_timeout: Duration,
    /// Apply migrations up to this version only (tests build older files).
    pub migrate_up_to: i64,
    /// Open without write access (tests of the read-only path; root ignores
    /// file permissions, so a chmod cannot stand in for it).
    pub read_only: bool,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            busy_timeout: Duration::from_secs(5),
            migrate_up_to: migrate::latest_version(),
            read_only: false,
        }
    }
}

impl OpenOptions {
    pub fn open(&self, dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(DB_FILE_NAME);
        let flags = if self.read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let mut conn = Connection::open_with_flags(&path, flags).map_err(|e| classify(e, &path))?;
        self.prepare(&mut conn, &path)?;
        Ok(Store {
            conn,
            path,
            changes: ChangeHub::default(),
        })
    }

    fn prepare(&self, conn: &mut Connection, path: &Path) -> Result<()> {
        let err = |e| classify(e, path);
        conn.busy_timeout(self.busy_timeout).map_err(err)?;
        // SQLite opens a write-protected file read-only without a word; say so
        // now rather than at the first save.
        if conn.is_readonly(MAIN_DB).map_err(err)? {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        // The first statement that reads the file: a file that is not a
        // database, or is damaged in its header, fails here.
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            log::warn!("the data file stays in {mode} journal mode (WAL is not available here)");
        }
        // NORMAL in WAL mode never corrupts the file; a power cut may lose the
        // last moment of writes, a killed process loses nothing committed.
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;

        let check: String = conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(err)?;
        if check != "ok" {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: check,
            });
        }
        // Take the write lock once: another program holding the file shows
        // up now, as "in use", instead of as a failed save later.
        conn.execute_batch("BEGIN IMMEDIATE; COMMIT;")
            .map_err(err)?;
        migrate::migrate(conn, path, self.migrate_up_to)
    }
}
