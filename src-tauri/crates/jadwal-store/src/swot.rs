//! The SWOT board: four ordered lists of short notes per workspace.

use chrono::{DateTime, Utc};
use jadwal_domain::strategy::SwotQuadrant;
use rusqlite::{OptionalExtension, params};

use crate::rows::{parse_text, to_unix};
use crate::{Change, Result, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwotRecord {
    pub id: i64,
    pub workspace_id: i64,
    pub quadrant: SwotQuadrant,
    pub text: String,
    pub position: i64,
}

const COLUMNS: &str = "id, workspace_id, quadrant, text, position";

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<SwotRecord> {
    let quadrant: String = row.get(2)?;
    Ok(SwotRecord {
        id: row.get(0)?,
        workspace_id: row.get(1)?,
        quadrant: parse_text(&quadrant, 2)?,
        text: row.get(3)?,
        position: row.get(4)?,
    })
}

impl Store {
    /// Every item, by quadrant and then in the person's order.
    pub fn swot_items(&self, workspace_id: i64) -> Result<Vec<SwotRecord>> {
        self.query_all(
            &format!(
                "SELECT {COLUMNS} FROM swot_item WHERE workspace_id = ?1
                 ORDER BY CASE quadrant WHEN 'strengths' THEN 0 WHEN 'weaknesses' THEN 1
                          WHEN 'opportunities' THEN 2 ELSE 3 END, position, id"
            ),
            [workspace_id],
            read,
        )
    }

    pub fn swot_item(&self, id: i64) -> Result<SwotRecord> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM swot_item WHERE id = ?1"),
                [id],
                read,
            )
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or(StoreError::NotFound {
                what: "SWOT item",
                id,
            })
    }

    /// Adds an item at the end of its quadrant.
    pub fn insert_swot_item(
        &mut self,
        workspace_id: i64,
        quadrant: SwotQuadrant,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO swot_item (workspace_id, quadrant, text, position, created_at)
                 VALUES (?1, ?2, ?3,
                         (SELECT COALESCE(MAX(position) + 1, 0) FROM swot_item
                           WHERE workspace_id = ?1 AND quadrant = ?2), ?4)",
                params![workspace_id, quadrant.as_str(), text, to_unix(now)],
            )
            .map_err(|e| self.err(e))?;
        let id = self.conn.last_insert_rowid();
        self.changes.emit(Change::Strategy);
        Ok(id)
    }

    pub fn update_swot_item(&mut self, id: i64, text: &str) -> Result<()> {
        self.write_one(
            "UPDATE swot_item SET text = ?1 WHERE id = ?2",
            params![text, id],
            "SWOT item",
            id,
        )
    }

    pub fn delete_swot_item(&mut self, id: i64) -> Result<()> {
        self.write_one(
            "DELETE FROM swot_item WHERE id = ?1",
            params![id],
            "SWOT item",
            id,
        )
    }

    /// Moves an item to `index` (0 = first; past the end = last) within its
    /// quadrant, renumbering the quadrant in one transaction.
    pub fn move_swot_item(&mut self, id: i64, index: usize) -> Result<()> {
        let item = self.swot_item(id)?;
        let mut ids: Vec<i64> = self
            .swot_items(item.workspace_id)?
            .into_iter()
            .filter(|i| i.quadrant == item.quadrant && i.id != id)
            .map(|i| i.id)
            .collect();
        ids.insert(index.min(ids.len()), id);
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction()
            .map_err(|e| crate::error::classify(e, &path))?;
        {
            let mut renumber = tx
                .prepare_cached("UPDATE swot_item SET position = ?1 WHERE id = ?2")
                .map_err(|e| crate::error::classify(e, &path))?;
            for (position, item_id) in ids.iter().enumerate() {
                renumber
                    .execute(params![position as i64, item_id])
                    .map_err(|e| crate::error::classify(e, &path))?;
            }
        }
        tx.commit().map_err(|e| crate::error::classify(e, &path))?;
        self.changes.emit(Change::Strategy);
        Ok(())
    }

    /// Runs a write that must touch exactly one row of the plan, then
    /// announces it.
    pub(crate) fn write_one(
        &mut self,
        sql: &str,
        args: impl rusqlite::Params,
        what: &'static str,
        id: i64,
    ) -> Result<()> {
        let n = self.conn.execute(sql, args).map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::NotFound { what, id });
        }
        self.changes.emit(Change::Strategy);
        Ok(())
    }
}
