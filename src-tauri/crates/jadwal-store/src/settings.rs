//! Settings as key/value text: the app's (the language, …) and each
//! workspace's own (the scheduler's grace period, …).

use rusqlite::{OptionalExtension, params};

use crate::{Change, Result, Store};

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map_err(|e| self.err(e))?;
        self.changes.emit(Change::Settings);
        Ok(())
    }

    /// A setting that belongs to one workspace (a brand or a client each
    /// has its own), kept in the same table under a key naming it.
    pub fn workspace_setting(&self, workspace_id: i64, key: &str) -> Result<Option<String>> {
        self.setting(&workspace_key(workspace_id, key))
    }

    pub fn set_workspace_setting(
        &mut self,
        workspace_id: i64,
        key: &str,
        value: &str,
    ) -> Result<()> {
        self.set_setting(&workspace_key(workspace_id, key), value)
    }
}

fn workspace_key(workspace_id: i64, key: &str) -> String {
    format!("workspace/{workspace_id}/{key}")
}
