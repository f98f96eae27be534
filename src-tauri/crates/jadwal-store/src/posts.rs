//! Posts, their targets (channels, each with an optional text of its own) and labels.

use chrono::{DateTime, Utc};
use jadwal_domain::PostStatus;
use rusqlite::{OptionalExtension, Transaction, named_params, params};

use crate::rows::{from_unix, id_list, parse_text, to_unix};
use crate::{Change, Result, Store, StoreError};

/// When a post goes out: the instant, and the IANA zone its wall time was chosen in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSchedule {
    pub at: DateTime<Utc>,
    pub time_zone: String,
}

/// One channel a post goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub channel_id: i64,
    /// This channel's own text, replacing the main text; None to use the main text.
    pub variant_text: Option<String>,
    /// Text too long for one post goes out as a thread of replies (Bluesky).
    pub as_thread: bool,
}

/// Everything a save writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostWrite {
    pub text: String,
    pub status: PostStatus,
    pub schedule: Option<StoredSchedule>,
    pub targets: Vec<Target>,
    pub label_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostRecord {
    pub id: i64,
    pub workspace_id: i64,
    pub text: String,
    pub status: PostStatus,
    pub schedule: Option<StoredSchedule>,
    pub targets: Vec<Target>,
    pub label_ids: Vec<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a calendar page needs of a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostSummary {
    pub id: i64,
    pub status: PostStatus,
    pub schedule: Option<StoredSchedule>,
    /// The first characters of the text, for the chip.
    pub excerpt: String,
    pub channel_ids: Vec<i64>,
    pub label_ids: Vec<i64>,
}

/// Characters of text a calendar chip can show; more is never drawn.
pub const EXCERPT_CHARS: i64 = 120;

const SUMMARY_SELECT: &str = "
    SELECT p.id, p.status, p.scheduled_at, p.time_zone, substr(p.text, 1, :excerpt_chars),
           (SELECT group_concat(pc.channel_id) FROM post_channel pc
              JOIN channel c ON c.id = pc.channel_id AND c.deleted_at IS NULL
             WHERE pc.post_id = p.id),
           (SELECT group_concat(pl.label_id) FROM post_label pl
              JOIN label l ON l.id = pl.label_id AND l.deleted_at IS NULL
             WHERE pl.post_id = p.id)
      FROM post p";

fn read_schedule(
    at: Option<i64>,
    zone: Option<String>,
    column: usize,
) -> rusqlite::Result<Option<StoredSchedule>> {
    match (at, zone) {
        (Some(at), Some(time_zone)) => Ok(Some(StoredSchedule {
            at: from_unix(at, column)?,
            time_zone,
        })),
        _ => Ok(None),
    }
}

fn read_summary(row: &rusqlite::Row<'_>) -> rusqlite::Result<PostSummary> {
    let status: String = row.get(1)?;
    Ok(PostSummary {
        id: row.get(0)?,
        status: parse_text(&status, 1)?,
        schedule: read_schedule(row.get(2)?, row.get(3)?, 2)?,
        excerpt: row.get(4)?,
        channel_ids: id_list(row.get(5)?),
        label_ids: id_list(row.get(6)?),
    })
}

fn write_links(tx: &Transaction<'_>, post_id: i64, post: &PostWrite) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM post_channel WHERE post_id = ?1", [post_id])?;
    tx.execute("DELETE FROM post_label WHERE post_id = ?1", [post_id])?;
    let mut add_target = tx.prepare_cached(
        "INSERT OR REPLACE INTO post_channel (post_id, channel_id, variant_text, as_thread)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for t in &post.targets {
        add_target.execute(params![post_id, t.channel_id, t.variant_text, t.as_thread])?;
    }
    let mut add_label =
        tx.prepare_cached("INSERT OR IGNORE INTO post_label (post_id, label_id) VALUES (?1, ?2)")?;
    for label in &post.label_ids {
        add_label.execute(params![post_id, label])?;
    }
    Ok(())
}

fn schedule_columns(s: &Option<StoredSchedule>) -> (Option<i64>, Option<&str>) {
    match s {
        Some(s) => (Some(to_unix(s.at)), Some(s.time_zone.as_str())),
        None => (None, None),
    }
}

impl Store {
    pub fn insert_post(
        &mut self,
        workspace_id: i64,
        post: &PostWrite,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let (at, zone) = schedule_columns(&post.schedule);
        let path = self.path.clone();
        let err = |e| crate::error::classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute(
            "INSERT INTO post (workspace_id, text, status, scheduled_at, time_zone, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![workspace_id, post.text, post.status.as_str(), at, zone, to_unix(now)],
        )
        .map_err(err)?;
        let id = tx.last_insert_rowid();
        write_links(&tx, id, post).map_err(err)?;
        tx.commit().map_err(err)?;
        self.changes.emit(Change::Posts { ids: vec![id] });
        Ok(id)
    }

    pub fn update_post(&mut self, id: i64, post: &PostWrite, now: DateTime<Utc>) -> Result<()> {
        let (at, zone) = schedule_columns(&post.schedule);
        let path = self.path.clone();
        let err = |e| crate::error::classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        let n = tx
            .execute(
                "UPDATE post SET text = ?1, status = ?2, scheduled_at = ?3, time_zone = ?4, updated_at = ?5,
                   hold = NULL, retry_at = NULL, retries = 0
                 WHERE id = ?6 AND deleted_at IS NULL",
                params![post.text, post.status.as_str(), at, zone, to_unix(now), id],
            )
            .map_err(err)?;
        if n == 0 {
            return Err(StoreError::NotFound { what: "post", id });
        }
        write_links(&tx, id, post).map_err(err)?;
        tx.commit().map_err(err)?;
        self.changes.emit(Change::Posts { ids: vec![id] });
        Ok(())
    }

    /// Moves a post in time (or back to the tray with `None`), leaving the rest alone.
    pub fn set_post_schedule(
        &mut self,
        id: i64,
        schedule: Option<&StoredSchedule>,
        status: PostStatus,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let (at, zone) = schedule.map_or((None, None), |s| {
            (Some(to_unix(s.at)), Some(s.time_zone.as_str()))
        });
        let n = self
            .conn
            .prepare_cached(
                "UPDATE post SET scheduled_at = ?1, time_zone = ?2, status = ?3, updated_at = ?4,
                   hold = NULL, retry_at = NULL, retries = 0
                 WHERE id = ?5 AND deleted_at IS NULL",
            )
            .and_then(|mut stmt| stmt.execute(params![at, zone, status.as_str(), to_unix(now), id]))
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::NotFound { what: "post", id });
        }
        self.changes.emit(Change::Posts { ids: vec![id] });
        Ok(())
    }

    pub fn post(&self, id: i64) -> Result<PostRecord> {
        let base = self
            .conn
            .query_row(
                "SELECT id, workspace_id, text, status, scheduled_at, time_zone, created_at, updated_at
                   FROM post WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                |row| {
                    let status: String = row.get(3)?;
                    Ok(PostRecord {
                        id: row.get(0)?,
                        workspace_id: row.get(1)?,
                        text: row.get(2)?,
                        status: parse_text(&status, 3)?,
                        schedule: read_schedule(row.get(4)?, row.get(5)?, 4)?,
                        targets: Vec::new(),
                        label_ids: Vec::new(),
                        created_at: from_unix(row.get(6)?, 6)?,
                        updated_at: from_unix(row.get(7)?, 7)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let mut post = base.ok_or(StoreError::NotFound { what: "post", id })?;
        post.targets = self.targets(id)?;
        post.label_ids = self.post_label_ids(id)?;
        Ok(post)
    }

    fn targets(&self, post_id: i64) -> Result<Vec<Target>> {
        self.query_all(
            "SELECT pc.channel_id, pc.variant_text, pc.as_thread FROM post_channel pc
                   JOIN channel c ON c.id = pc.channel_id AND c.deleted_at IS NULL
                  WHERE pc.post_id = ?1 ORDER BY pc.channel_id",
            [post_id],
            |r| {
                Ok(Target {
                    channel_id: r.get(0)?,
                    variant_text: r.get(1)?,
                    as_thread: r.get(2)?,
                })
            },
        )
    }

    fn post_label_ids(&self, post_id: i64) -> Result<Vec<i64>> {
        self.query_all(
            "SELECT pl.label_id FROM post_label pl
                   JOIN label l ON l.id = pl.label_id AND l.deleted_at IS NULL
                  WHERE pl.post_id = ?1 ORDER BY pl.label_id",
            [post_id],
            |r| r.get(0),
        )
    }

    /// Live posts scheduled in `[from, to)`, in time order: one calendar page.
    pub fn posts_between(
        &self,
        workspace_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<PostSummary>> {
        let sql = format!(
            "{SUMMARY_SELECT}
             WHERE p.workspace_id = :workspace AND p.deleted_at IS NULL
               AND p.scheduled_at >= :from AND p.scheduled_at < :to
             ORDER BY p.scheduled_at, p.id"
        );
        self.summaries(
            &sql,
            named_params! {
                ":workspace": workspace_id,
                ":from": to_unix(from),
                ":to": to_unix(to),
                ":excerpt_chars": EXCERPT_CHARS,
            },
        )
    }

    /// Live posts with no date yet: the tray beside the calendar, newest first.
    pub fn unscheduled_posts(&self, workspace_id: i64) -> Result<Vec<PostSummary>> {
        let sql = format!(
            "{SUMMARY_SELECT}
             WHERE p.workspace_id = :workspace AND p.deleted_at IS NULL AND p.scheduled_at IS NULL
             ORDER BY p.updated_at DESC, p.id DESC"
        );
        self.summaries(
            &sql,
            named_params! { ":workspace": workspace_id, ":excerpt_chars": EXCERPT_CHARS },
        )
    }

    fn summaries(&self, sql: &str, args: impl rusqlite::Params) -> Result<Vec<PostSummary>> {
        self.query_all(sql, args, read_summary)
    }

    /// Deletes a post so that it can still be brought back ([`Store::restore_post`]).
    pub fn delete_post(&mut self, id: i64, now: DateTime<Utc>) -> Result<()> {
        self.set_deleted(id, Some(to_unix(now)), "deleted_at IS NULL")
    }

    pub fn restore_post(&mut self, id: i64) -> Result<()> {
        self.set_deleted(id, None, "deleted_at IS NOT NULL")
    }

    fn set_deleted(&mut self, id: i64, deleted_at: Option<i64>, condition: &str) -> Result<()> {
        let sql = format!("UPDATE post SET deleted_at = ?1 WHERE id = ?2 AND {condition}");
        let n = self
            .conn
            .execute(&sql, params![deleted_at, id])
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::NotFound { what: "post", id });
        }
        self.changes.emit(Change::Posts { ids: vec![id] });
        Ok(())
    }
}
