//! What the scheduler reads and writes on posts: due, missed, held, retried.

use chrono::{DateTime, Utc};
use rusqlite::params;

use crate::rows::{from_unix, to_unix};
use crate::{Change, Result, Store, StoreError};

/// Why a scheduled post waits for the person instead of going out.
pub const HOLD_MISSED: &str = "missed";

/// The most held posts one list shows.
pub const HELD_PAGE: i64 = 200;

/// A scheduled post that is due, as the scheduler needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuePost {
    pub id: i64,
    pub scheduled_at: DateTime<Utc>,
    pub retries: u32,
}

/// Some target of the post is not in a network's own schedule: Jadwal must
/// send it. (A post wholly handed over goes out on the server.)
const NEEDS_THIS_MACHINE: &str = "(SELECT COUNT(*) FROM post_channel pc WHERE pc.post_id = p.id)
     > (SELECT COUNT(*) FROM server_schedule s WHERE s.post_id = p.id)";

const LIVE_SCHEDULED: &str =
    "p.workspace_id = :ws AND p.deleted_at IS NULL AND p.status = 'scheduled' AND p.hold IS NULL";

impl Store {
    /// Scheduled posts whose time has come (and whose retry wait, if any, is
    /// over), oldest first.
    pub fn due_posts(&self, workspace_id: i64, now: DateTime<Utc>) -> Result<Vec<DuePost>> {
        self.query_all(
            &format!(
                "SELECT p.id, p.scheduled_at, p.retries FROM post p
                 WHERE {LIVE_SCHEDULED} AND p.scheduled_at <= :now
                   AND (p.retry_at IS NULL OR p.retry_at <= :now)
                 ORDER BY p.scheduled_at, p.id"
            ),
            rusqlite::named_params! { ":ws": workspace_id, ":now": to_unix(now) },
            |r| {
                Ok(DuePost {
                    id: r.get(0)?,
                    scheduled_at: from_unix(r.get(1)?, 1)?,
                    retries: r.get(2)?,
                })
            },
        )
    }

    /// When the scheduler must look next: the earliest time or retry among
    /// scheduled posts still waiting.
    pub fn next_due_at(&self, workspace_id: i64) -> Result<Option<DateTime<Utc>>> {
        let next: Option<i64> = self
            .conn
            .query_row(
                &format!(
                    "SELECT MIN(MAX(p.scheduled_at, COALESCE(p.retry_at, 0))) FROM post p
                     WHERE {LIVE_SCHEDULED}"
                ),
                rusqlite::named_params! { ":ws": workspace_id },
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        next.map(|t| from_unix(t, 0).map_err(|e| self.err(e)))
            .transpose()
    }

    /// How many scheduled posts still waiting (not held) are to go out
    /// before `until`, counting each at its next try: the posts that a quit
    /// now would keep from going out until Jadwal runs again.
    pub fn count_due_before(&self, workspace_id: i64, until: DateTime<Utc>) -> Result<u32> {
        self.conn
            .query_row(
                &format!(
                    "SELECT COUNT(*) FROM post p
                     WHERE {LIVE_SCHEDULED} AND {NEEDS_THIS_MACHINE}
                       AND MAX(p.scheduled_at, COALESCE(p.retry_at, 0)) < :until"
                ),
                rusqlite::named_params! { ":ws": workspace_id, ":until": to_unix(until) },
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// Holds every scheduled post due before `before` that was never tried,
    /// in one statement: after a long time off there may be many, and they
    /// must not come back as a stampede of single writes. Returns their ids.
    pub fn hold_missed(&mut self, workspace_id: i64, before: DateTime<Utc>) -> Result<Vec<i64>> {
        let ids: Vec<i64> = self.query_all(
            &format!(
                "UPDATE post AS p SET hold = '{HOLD_MISSED}'
                 WHERE {LIVE_SCHEDULED} AND p.scheduled_at < :before AND p.retries = 0
                   AND {NEEDS_THIS_MACHINE}
                 RETURNING id"
            ),
            rusqlite::named_params! { ":ws": workspace_id, ":before": to_unix(before) },
            |r| r.get(0),
        )?;
        if !ids.is_empty() {
            self.changes.emit(Change::Posts { ids: ids.clone() });
        }
        Ok(ids)
    }

    /// Holds back (or, with `None`, releases) a post for the person's decision.
    pub fn set_hold(&mut self, post_id: i64, hold: Option<&str>) -> Result<()> {
        let n = self
            .conn
            .execute(
                "UPDATE post SET hold = ?1, retry_at = NULL, retries = 0 WHERE id = ?2 AND deleted_at IS NULL",
                params![hold, post_id],
            )
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "post",
                id: post_id,
            });
        }
        self.changes.emit(Change::Posts { ids: vec![post_id] });
        Ok(())
    }

    /// Why the post is held, if it is.
    pub fn hold(&self, post_id: i64) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT hold FROM post WHERE id = ?1", [post_id], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))
    }

    /// Posts waiting for the person's decision, oldest first, at most
    /// [`HELD_PAGE`]: a list a person works through, never thousands at once.
    pub fn held_posts(&self, workspace_id: i64) -> Result<Vec<(i64, String)>> {
        self.query_all(
            "SELECT p.id, p.hold FROM post p
             WHERE p.workspace_id = ?1 AND p.deleted_at IS NULL AND p.status = 'scheduled' AND p.hold IS NOT NULL
             ORDER BY p.scheduled_at, p.id
             LIMIT ?2",
            params![workspace_id, HELD_PAGE],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// How many posts wait for the person's decision in all, beyond the
    /// page [`held_posts`](Self::held_posts) lists too.
    pub fn held_count(&self, workspace_id: i64) -> Result<u32> {
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM post p
                 WHERE p.workspace_id = ?1 AND p.deleted_at IS NULL AND p.status = 'scheduled' AND p.hold IS NOT NULL",
                [workspace_id],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// Puts a post back in the queue after a temporary failure.
    pub fn set_retry(&mut self, post_id: i64, retry_at: DateTime<Utc>, retries: u32) -> Result<()> {
        self.conn
            .execute(
                "UPDATE post SET retry_at = ?1, retries = ?2 WHERE id = ?3",
                params![to_unix(retry_at), retries, post_id],
            )
            .map_err(|e| self.err(e))?;
        self.changes.emit(Change::Posts { ids: vec![post_id] });
        Ok(())
    }

    /// Scheduled posts past their time whose last try could not reach a
    /// network at all (no connection, no name lookup): they wait for the
    /// internet. The count, and the earliest of their times.
    pub fn waiting_for_internet(
        &self,
        workspace_id: i64,
        now: DateTime<Utc>,
        codes: &[&str],
    ) -> Result<(u32, Option<DateTime<Utc>>)> {
        let placeholders = (0..codes.len())
            .map(|i| format!("?{}", i + 3))
            .collect::<Vec<_>>()
            .join(", ");
        let mut values: Vec<rusqlite::types::Value> =
            vec![workspace_id.into(), to_unix(now).into()];
        values.extend(
            codes
                .iter()
                .map(|c| rusqlite::types::Value::from((*c).to_owned())),
        );
        self.conn
            .query_row(
                &format!(
                    "SELECT COUNT(*), MIN(p.scheduled_at) FROM post p
                     JOIN publish_attempt a ON a.id = (
                         SELECT MAX(id) FROM publish_attempt WHERE post_id = p.id)
                     WHERE p.workspace_id = ?1 AND p.deleted_at IS NULL
                       AND p.status = 'scheduled' AND p.hold IS NULL AND p.scheduled_at <= ?2
                       AND a.outcome = 'failed' AND a.error_code IN ({placeholders})"
                ),
                rusqlite::params_from_iter(values),
                |r| {
                    let since: Option<i64> = r.get(1)?;
                    Ok((r.get(0)?, since.map(|t| from_unix(t, 1)).transpose()?))
                },
            )
            .map_err(|e| self.err(e))
    }
}
