//! The posting rhythm: posts a week wanted on each channel.

use rusqlite::params;

use crate::{Change, Result, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RhythmRecord {
    pub channel_id: i64,
    pub posts_per_week: u32,
}

impl Store {
    /// The rhythm of each live channel of the workspace that has one.
    pub fn rhythms(&self, workspace_id: i64) -> Result<Vec<RhythmRecord>> {
        self.query_all(
            "SELECT r.channel_id, r.posts_per_week FROM rhythm r
               JOIN channel c ON c.id = r.channel_id AND c.deleted_at IS NULL
              WHERE c.workspace_id = ?1 ORDER BY c.name COLLATE NOCASE, c.id",
            [workspace_id],
            |row| {
                Ok(RhythmRecord {
                    channel_id: row.get(0)?,
                    posts_per_week: row.get(1)?,
                })
            },
        )
    }

    /// Sets a channel's posts a week, or (None) removes its rhythm.
    pub fn set_rhythm(&mut self, channel_id: i64, posts_per_week: Option<u32>) -> Result<()> {
        match posts_per_week {
            Some(n) => self.conn.execute(
                "INSERT INTO rhythm (channel_id, posts_per_week) VALUES (?1, ?2)
                 ON CONFLICT (channel_id) DO UPDATE SET posts_per_week = excluded.posts_per_week",
                params![channel_id, n],
            ),
            None => self
                .conn
                .execute("DELETE FROM rhythm WHERE channel_id = ?1", [channel_id]),
        }
        .map_err(|e| self.err(e))?;
        self.changes.emit(Change::Strategy);
        Ok(())
    }
}
