//! The append-only log of publish attempts.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use crate::rows::{from_unix, to_unix};
use crate::{Change, Result, Store};

/// How an attempt ended; `None` while it is in flight (or was cut off).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttemptOutcome {
    Published { remote_id: String, url: String },
    Failed { code: String, message: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptRecord {
    pub id: i64,
    pub post_id: i64,
    pub channel_id: i64,
    pub idempotency_key: String,
    pub key_created_at: DateTime<Utc>,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub outcome: Option<AttemptOutcome>,
}

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<AttemptRecord> {
    let outcome: Option<String> = row.get(7)?;
    let finished: Option<i64> = row.get(6)?;
    Ok(AttemptRecord {
        id: row.get(0)?,
        post_id: row.get(1)?,
        channel_id: row.get(2)?,
        idempotency_key: row.get(3)?,
        key_created_at: from_unix(row.get(4)?, 4)?,
        started_at: from_unix(row.get(5)?, 5)?,
        finished_at: finished.map(|t| from_unix(t, 6)).transpose()?,
        outcome: match outcome.as_deref() {
            Some("published") => Some(AttemptOutcome::Published {
                remote_id: row.get::<_, Option<String>>(8)?.unwrap_or_default(),
                url: row.get::<_, Option<String>>(9)?.unwrap_or_default(),
            }),
            Some(_) => Some(AttemptOutcome::Failed {
                code: row.get::<_, Option<String>>(10)?.unwrap_or_default(),
                message: row.get::<_, Option<String>>(11)?.unwrap_or_default(),
            }),
            None => None,
        },
    })
}

const COLUMNS: &str = "id, post_id, channel_id, idempotency_key, key_created_at, started_at, finished_at, outcome, remote_id, url, error_code, message";

impl Store {
    /// Records an attempt before anything is sent.
    pub fn start_attempt(
        &mut self,
        post_id: i64,
        channel_id: i64,
        idempotency_key: &str,
        key_created_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO publish_attempt (post_id, channel_id, idempotency_key, key_created_at, started_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![post_id, channel_id, idempotency_key, to_unix(key_created_at), to_unix(now)],
            )
            .map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn finish_attempt(
        &mut self,
        attempt_id: i64,
        outcome: &AttemptOutcome,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let (kind, remote_id, url, code, message) = match outcome {
            AttemptOutcome::Published { remote_id, url } => {
                ("published", Some(remote_id), Some(url), None, None)
            }
            AttemptOutcome::Failed { code, message } => {
                ("failed", None, None, Some(code), Some(message))
            }
        };
        let post_id: i64 = self
            .conn
            .query_row(
                "UPDATE publish_attempt SET finished_at = ?1, outcome = ?2, remote_id = ?3, url = ?4,
                   error_code = ?5, message = ?6 WHERE id = ?7 RETURNING post_id",
                params![to_unix(now), kind, remote_id, url, code, message, attempt_id],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        self.changes.emit(Change::Posts { ids: vec![post_id] });
        Ok(())
    }

    /// The newest attempt for a post on a channel.
    pub fn last_attempt(&self, post_id: i64, channel_id: i64) -> Result<Option<AttemptRecord>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM publish_attempt WHERE post_id = ?1 AND channel_id = ?2
                     ORDER BY id DESC LIMIT 1"
                ),
                params![post_id, channel_id],
                read,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// When each attempt on a channel after `since` started (any post): what
    /// the channel's send budget counts.
    pub fn sends_since(&self, channel_id: i64, since: DateTime<Utc>) -> Result<Vec<DateTime<Utc>>> {
        self.query_all(
            "SELECT started_at FROM publish_attempt WHERE channel_id = ?1 AND started_at > ?2",
            params![channel_id, to_unix(since)],
            |r| from_unix(r.get(0)?, 0),
        )
    }

    /// Every attempt for a post, oldest first: its publish log.
    pub fn attempts(&self, post_id: i64) -> Result<Vec<AttemptRecord>> {
        self.query_all(
            &format!("SELECT {COLUMNS} FROM publish_attempt WHERE post_id = ?1 ORDER BY id"),
            [post_id],
            read,
        )
    }
}
