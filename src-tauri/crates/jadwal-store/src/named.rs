//! What channels and labels share: a name and a colour that can change, and
//! a soft delete that keeps old posts' history intact.

use chrono::{DateTime, Utc};
use rusqlite::params;

use crate::rows::to_unix;
use crate::{Change, Result, Store, StoreError};

pub(crate) struct NamedTable {
    pub table: &'static str,
    pub what: &'static str,
    pub change: fn() -> Change,
}

pub(crate) const CHANNELS: NamedTable = NamedTable {
    table: "channel",
    what: "channel",
    change: || Change::Channels,
};

pub(crate) const LABELS: NamedTable = NamedTable {
    table: "label",
    what: "label",
    change: || Change::Labels,
};

impl Store {
    pub(crate) fn rename_and_recolor(
        &mut self,
        t: &NamedTable,
        id: i64,
        name: &str,
        color: &str,
    ) -> Result<()> {
        let sql = format!(
            "UPDATE {} SET name = ?1, color = ?2 WHERE id = ?3 AND deleted_at IS NULL",
            t.table
        );
        let n = self
            .conn
            .execute(&sql, params![name, color, id])
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::NotFound { what: t.what, id });
        }
        self.changes.emit((t.change)());
        Ok(())
    }

    pub(crate) fn soft_delete_named(
        &mut self,
        t: &NamedTable,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let sql = format!(
            "UPDATE {} SET deleted_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
            t.table
        );
        let n = self
            .conn
            .execute(&sql, params![to_unix(now), id])
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::NotFound { what: t.what, id });
        }
        self.changes.emit((t.change)());
        // Posts show their channels and labels; they must refresh too.
        self.changes.emit(Change::Posts { ids: Vec::new() });
        Ok(())
    }
}
