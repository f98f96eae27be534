//! Labels: content pillars and campaigns, each with a colour.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use crate::named::LABELS;
use crate::rows::to_unix;
use crate::{Change, Result, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelRecord {
    pub id: i64,
    pub workspace_id: i64,
    pub name: String,
    pub color: String,
    /// Set when the label is a content pillar: its target share of posts, in percent.
    pub target_share: Option<u32>,
}

const COLUMNS: &str = "id, workspace_id, name, color, target_share";

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<LabelRecord> {
    Ok(LabelRecord {
        id: row.get(0)?,
        workspace_id: row.get(1)?,
        name: row.get(2)?,
        color: row.get(3)?,
        target_share: row.get(4)?,
    })
}

impl Store {
    pub fn labels(&self, workspace_id: i64) -> Result<Vec<LabelRecord>> {
        self.query_all(
            &format!(
                "SELECT {COLUMNS} FROM label
                 WHERE workspace_id = ?1 AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id"
            ),
            [workspace_id],
            read,
        )
    }

    pub fn label(&self, id: i64) -> Result<LabelRecord> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM label WHERE id = ?1 AND deleted_at IS NULL"),
                [id],
                read,
            )
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or(StoreError::NotFound { what: "label", id })
    }

    pub fn insert_label(
        &mut self,
        workspace_id: i64,
        name: &str,
        color: &str,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO label (workspace_id, name, color, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![workspace_id, name, color, to_unix(now)],
            )
            .map_err(|e| self.err(e))?;
        let id = self.conn.last_insert_rowid();
        self.changes.emit(Change::Labels);
        Ok(id)
    }

    pub fn update_label(&mut self, id: i64, name: &str, color: &str) -> Result<()> {
        self.rename_and_recolor(&LABELS, id, name, color)
    }

    /// Makes a label a content pillar with `share` percent of posts, or (with
    /// None) an ordinary label again.
    pub fn set_label_share(&mut self, id: i64, share: Option<u32>) -> Result<()> {
        let n = self
            .conn
            .execute(
                "UPDATE label SET target_share = ?1 WHERE id = ?2 AND deleted_at IS NULL",
                params![share, id],
            )
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::NotFound { what: "label", id });
        }
        self.changes.emit(Change::Labels);
        self.changes.emit(Change::Strategy);
        Ok(())
    }

    pub fn delete_label(&mut self, id: i64, now: DateTime<Utc>) -> Result<()> {
        self.soft_delete_named(&LABELS, id, now)
    }
}
