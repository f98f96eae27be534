//! Jadwal's store: one SQLite file in the data folder.
//!
//! Every write goes through a method here and announces what changed to the
//! listeners registered with [`Store::on_change`], after it has committed. The
//! engine forwards those announcements to the window, which refreshes what it
//! shows; nothing polls.

pub mod accounts;
pub mod attempts;
pub mod autosave;
pub mod campaign_results;
pub mod campaigns;
pub mod changes;
pub mod channels;
pub mod due;
pub mod error;
pub mod goals;
pub mod insights;
pub mod labels;
mod linked_posts;
pub mod media;
pub mod metrics;
pub mod migrate;
mod named;
mod open;
pub mod partners;
pub mod personas;
pub mod posts;
pub mod rhythm;
mod rows;
pub mod server_schedules;
pub mod settings;
pub mod swot;
pub mod workspaces;

use rusqlite::{Connection, OptionalExtension};
use std::path::{Path, PathBuf};

pub use changes::Change;
pub use error::StoreError;
pub use open::{DB_FILE_NAME, OpenOptions};

use changes::ChangeHub;

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    changes: ChangeHub,
}

impl Store {
    /// Opens (or creates) the data file in `dir` and brings its schema up to date.
    pub fn open(dir: &Path) -> Result<Store> {
        OpenOptions::default().open(dir)
    }

    /// The data file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Calls `listener` after every committed write, with what it changed.
    pub fn on_change(&mut self, listener: impl Fn(Change) + Send + Sync + 'static) {
        self.changes.add(Box::new(listener));
    }

    /// Direct access for benchmarks and tests that compare against raw SQL.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Every row of a cached statement, mapped by `read`.
    fn query_all<T>(
        &self,
        sql: &str,
        args: impl rusqlite::Params,
        read: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        stmt.query_map(args, read)
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e))
    }

    /// The row a cached statement finds by `id` (its only parameter),
    /// mapped by `read`; `NotFound` names it `what` when there is none.
    fn query_one<T>(
        &self,
        sql: &str,
        id: i64,
        what: &'static str,
        read: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        stmt.query_row([id], read)
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or(StoreError::NotFound { what, id })
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        error::classify(e, &self.path)
    }
}
