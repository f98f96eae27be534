//! Channels: where a workspace posts (a Bluesky account, an Instagram page, …).

use chrono::{DateTime, Utc};
use jadwal_domain::Network;
use rusqlite::{OptionalExtension, params};

use crate::named::CHANNELS;
use crate::rows::{parse_text, to_unix};
use crate::{Change, Result, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelRecord {
    pub id: i64,
    pub workspace_id: i64,
    pub name: String,
    pub network: Network,
    pub color: String,
}

const COLUMNS: &str = "id, workspace_id, name, network, color";

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<ChannelRecord> {
    let network: String = row.get(3)?;
    Ok(ChannelRecord {
        id: row.get(0)?,
        workspace_id: row.get(1)?,
        name: row.get(2)?,
        network: parse_text(&network, 3)?,
        color: row.get(4)?,
    })
}

impl Store {
    pub fn channels(&self, workspace_id: i64) -> Result<Vec<ChannelRecord>> {
        self.query_all(
            &format!(
                "SELECT {COLUMNS} FROM channel
                 WHERE workspace_id = ?1 AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id"
            ),
            [workspace_id],
            read,
        )
    }

    pub fn channel(&self, id: i64) -> Result<ChannelRecord> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM channel WHERE id = ?1 AND deleted_at IS NULL"),
                [id],
                read,
            )
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or(StoreError::NotFound {
                what: "channel",
                id,
            })
    }

    pub fn insert_channel(
        &mut self,
        workspace_id: i64,
        name: &str,
        network: Network,
        color: &str,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO channel (workspace_id, name, network, color, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![workspace_id, name, network.as_str(), color, to_unix(now)],
            )
            .map_err(|e| self.err(e))?;
        let id = self.conn.last_insert_rowid();
        self.changes.emit(Change::Channels);
        Ok(id)
    }

    pub fn update_channel(&mut self, id: i64, name: &str, color: &str) -> Result<()> {
        self.rename_and_recolor(&CHANNELS, id, name, color)
    }

    /// Hides the channel. Posts keep their history; they no longer list it.
    pub fn delete_channel(&mut self, id: i64, now: DateTime<Utc>) -> Result<()> {
        self.soft_delete_named(&CHANNELS, id, now)
    }
}
