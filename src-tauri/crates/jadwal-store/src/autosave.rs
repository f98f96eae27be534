//! The editor's autosave: what is being typed, kept so that closing or killing
//! the app mid-sentence loses at most the last moment. Not a post until saved,
//! so it announces no change.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use crate::Result;
use crate::Store;
use crate::rows::{from_unix, to_unix};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Autosave {
    pub body: String,
    pub saved_at: DateTime<Utc>,
}

impl Store {
    pub fn put_autosave(&mut self, slot: &str, body: &str, now: DateTime<Utc>) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO editor_autosave (slot, body, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (slot) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
                params![slot, body, to_unix(now)],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    pub fn autosave(&self, slot: &str) -> Result<Option<Autosave>> {
        self.conn
            .query_row(
                "SELECT body, saved_at FROM editor_autosave WHERE slot = ?1",
                [slot],
                |r| {
                    Ok(Autosave {
                        body: r.get(0)?,
                        saved_at: from_unix(r.get(1)?, 1)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn clear_autosave(&mut self, slot: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM editor_autosave WHERE slot = ?1", [slot])
            .map_err(|e| self.err(e))?;
        Ok(())
    }
}
