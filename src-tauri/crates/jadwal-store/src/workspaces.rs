//! Workspaces: a brand or a client each, with the time zone its calendar is shown in.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use crate::rows::{from_unix, to_unix};
use crate::{Change, Result, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceRecord {
    pub id: i64,
    pub name: String,
    pub time_zone: String,
    pub created_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, name, time_zone, created_at";

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<WorkspaceRecord> {
    Ok(WorkspaceRecord {
        id: row.get(0)?,
        name: row.get(1)?,
        time_zone: row.get(2)?,
        created_at: from_unix(row.get(3)?, 3)?,
    })
}

impl Store {
    /// The first workspace, created with `name` and `time_zone` on first run.
    pub fn ensure_workspace(
        &mut self,
        name: &str,
        time_zone: &str,
        now: DateTime<Utc>,
    ) -> Result<WorkspaceRecord> {
        let existing = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM workspace ORDER BY id LIMIT 1"),
                [],
                read,
            )
            .optional()
            .map_err(|e| self.err(e))?;
        if let Some(ws) = existing {
            return Ok(ws);
        }
        self.conn
            .execute(
                "INSERT INTO workspace (name, time_zone, created_at) VALUES (?1, ?2, ?3)",
                params![name, time_zone, to_unix(now)],
            )
            .map_err(|e| self.err(e))?;
        let id = self.conn.last_insert_rowid();
        self.changes.emit(Change::Workspace);
        self.workspace(id)
    }

    pub fn workspace(&self, id: i64) -> Result<WorkspaceRecord> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM workspace WHERE id = ?1"),
                [id],
                read,
            )
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or(StoreError::NotFound {
                what: "workspace",
                id,
            })
    }

    pub fn set_workspace_time_zone(&mut self, id: i64, time_zone: &str) -> Result<()> {
        let n = self
            .conn
            .execute(
                "UPDATE workspace SET time_zone = ?1 WHERE id = ?2",
                params![time_zone, id],
            )
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "workspace",
                id,
            });
        }
        self.changes.emit(Change::Workspace);
        Ok(())
    }
}
