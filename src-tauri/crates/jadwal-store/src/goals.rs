//! Goals: what the workspace's posts are for, how that is measured, the
//! target, the period and the channels it applies to.

use chrono::{DateTime, NaiveDate, Utc};
use jadwal_domain::strategy::{GoalKind, GoalMeasure};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::rows::{id_list, parse_text, to_unix};
use crate::{Change, Result, Store, StoreError};

/// Everything a save writes.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalWrite {
    pub kind: GoalKind,
    pub measure: GoalMeasure,
    pub target: f64,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    pub channel_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoalRecord {
    pub id: i64,
    pub workspace_id: i64,
    pub goal: GoalWrite,
}

const SELECT: &str = "
    SELECT g.id, g.workspace_id, g.kind, g.measure, g.target, g.starts_on, g.ends_on,
           (SELECT group_concat(gc.channel_id) FROM goal_channel gc
              JOIN channel c ON c.id = gc.channel_id AND c.deleted_at IS NULL
             WHERE gc.goal_id = g.id)
      FROM goal g";

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<GoalRecord> {
    let kind: String = row.get(2)?;
    let measure: String = row.get(3)?;
    let starts: String = row.get(5)?;
    let ends: String = row.get(6)?;
    let mut channel_ids = id_list(row.get(7)?);
    channel_ids.sort_unstable();
    Ok(GoalRecord {
        id: row.get(0)?,
        workspace_id: row.get(1)?,
        goal: GoalWrite {
            kind: parse_text(&kind, 2)?,
            measure: parse_text(&measure, 3)?,
            target: row.get(4)?,
            starts: parse_text(&starts, 5)?,
            ends: parse_text(&ends, 6)?,
            channel_ids,
        },
    })
}

fn write_channels(tx: &Transaction<'_>, goal_id: i64, channel_ids: &[i64]) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM goal_channel WHERE goal_id = ?1", [goal_id])?;
    let mut add = tx.prepare_cached(
        "INSERT OR IGNORE INTO goal_channel (goal_id, channel_id) VALUES (?1, ?2)",
    )?;
    for c in channel_ids {
        add.execute(params![goal_id, c])?;
    }
    Ok(())
}

impl Store {
    /// The workspace's goals, the earliest period first.
    pub fn goals(&self, workspace_id: i64) -> Result<Vec<GoalRecord>> {
        self.query_all(
            &format!("{SELECT} WHERE g.workspace_id = ?1 ORDER BY g.starts_on, g.id"),
            [workspace_id],
            read,
        )
    }

    pub fn goal(&self, id: i64) -> Result<GoalRecord> {
        self.conn
            .query_row(&format!("{SELECT} WHERE g.id = ?1"), [id], read)
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or(StoreError::NotFound { what: "goal", id })
    }

    pub fn insert_goal(
        &mut self,
        workspace_id: i64,
        goal: &GoalWrite,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let path = self.path.clone();
        let err = |e| crate::error::classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute(
            "INSERT INTO goal (workspace_id, kind, measure, target, starts_on, ends_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                workspace_id,
                goal.kind.as_str(),
                goal.measure.as_str(),
                goal.target,
                goal.starts.to_string(),
                goal.ends.to_string(),
                to_unix(now)
            ],
        )
        .map_err(err)?;
        let id = tx.last_insert_rowid();
        write_channels(&tx, id, &goal.channel_ids).map_err(err)?;
        tx.commit().map_err(err)?;
        self.changes.emit(Change::Strategy);
        Ok(id)
    }

    pub fn update_goal(&mut self, id: i64, goal: &GoalWrite) -> Result<()> {
        let path = self.path.clone();
        let err = |e| crate::error::classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        let n = tx
            .execute(
                "UPDATE goal SET kind = ?1, measure = ?2, target = ?3, starts_on = ?4, ends_on = ?5
                 WHERE id = ?6",
                params![
                    goal.kind.as_str(),
                    goal.measure.as_str(),
                    goal.target,
                    goal.starts.to_string(),
                    goal.ends.to_string(),
                    id
                ],
            )
            .map_err(err)?;
        if n == 0 {
            return Err(StoreError::NotFound { what: "goal", id });
        }
        write_channels(&tx, id, &goal.channel_ids).map_err(err)?;
        tx.commit().map_err(err)?;
        self.changes.emit(Change::Strategy);
        Ok(())
    }

    pub fn delete_goal(&mut self, id: i64) -> Result<()> {
        self.write_one("DELETE FROM goal WHERE id = ?1", params![id], "goal", id)
    }
}
