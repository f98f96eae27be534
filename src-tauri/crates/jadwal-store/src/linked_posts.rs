//! Rows that posts are linked to through a join table (campaigns and
//! collaborations): a save writes the row and its links in one transaction,
//! so a failure keeps neither, and announces it once committed.

use rusqlite::{Transaction, params};

use crate::{Change, Result, Store, StoreError};

/// Where the posts of one kind of row are linked.
pub(crate) struct PostLinks {
    /// What the row is, as `NotFound` names it.
    pub what: &'static str,
    /// The join table, e.g. `campaign_post`.
    pub table: &'static str,
    /// The join table's column naming the row, e.g. `campaign_id`.
    pub owner: &'static str,
}

impl PostLinks {
    /// Replaces the posts linked to row `id`.
    pub(crate) fn replace(
        &self,
        tx: &Transaction<'_>,
        id: i64,
        post_ids: &[i64],
    ) -> rusqlite::Result<()> {
        let (table, owner) = (self.table, self.owner);
        tx.execute(&format!("DELETE FROM {table} WHERE {owner} = ?1"), [id])?;
        let mut add = tx.prepare_cached(&format!(
            "INSERT OR IGNORE INTO {table} ({owner}, post_id) VALUES (?1, ?2)"
        ))?;
        for p in post_ids {
            add.execute(params![id, p])?;
        }
        Ok(())
    }
}

impl Store {
    /// Adds a row with `insert` (which returns its id) and links `post_ids`
    /// to it, in one transaction; then announces it.
    pub(crate) fn insert_with_posts(
        &mut self,
        links: &PostLinks,
        post_ids: &[i64],
        insert: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<i64>,
    ) -> Result<i64> {
        let path = self.path.clone();
        let err = |e| crate::error::classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        let id = insert(&tx).map_err(err)?;
        links.replace(&tx, id, post_ids).map_err(err)?;
        tx.commit().map_err(err)?;
        self.changes.emit(Change::Strategy);
        Ok(id)
    }

    /// Changes row `id` with `sql` and `args` and replaces its posts with
    /// `post_ids`, in one transaction; then announces it.
    pub(crate) fn update_with_posts(
        &mut self,
        links: &PostLinks,
        id: i64,
        sql: &str,
        args: impl rusqlite::Params,
        post_ids: &[i64],
    ) -> Result<()> {
        let path = self.path.clone();
        let err = |e| crate::error::classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        let n = tx.execute(sql, args).map_err(err)?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: links.what,
                id,
            });
        }
        links.replace(&tx, id, post_ids).map_err(err)?;
        tx.commit().map_err(err)?;
        self.changes.emit(Change::Strategy);
        Ok(())
    }
}
