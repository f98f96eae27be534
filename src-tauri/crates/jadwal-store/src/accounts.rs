//! Connected accounts: who each channel posts as. No secret is stored here.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use crate::rows::{from_unix, to_unix};
use crate::{Change, Result, Store};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountStatus {
    Connected,
    /// The login was refused; the person must sign in again.
    LoginNeeded,
}

impl AccountStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            AccountStatus::Connected => "connected",
            AccountStatus::LoginNeeded => "login_needed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRecord {
    pub channel_id: i64,
    pub remote_id: String,
    pub handle: String,
    pub display_name: Option<String>,
    pub avatar_url: Option<String>,
    pub service_url: Option<String>,
    pub status: AccountStatus,
    pub verified_at: DateTime<Utc>,
}

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<AccountRecord> {
    let status: String = row.get(6)?;
    Ok(AccountRecord {
        channel_id: row.get(0)?,
        remote_id: row.get(1)?,
        handle: row.get(2)?,
        display_name: row.get(3)?,
        avatar_url: row.get(4)?,
        service_url: row.get(5)?,
        status: if status == "login_needed" {
            AccountStatus::LoginNeeded
        } else {
            AccountStatus::Connected
        },
        verified_at: from_unix(row.get(7)?, 7)?,
    })
}

const COLUMNS: &str = "a.channel_id, a.remote_id, a.handle, a.display_name, a.avatar_url, a.service_url, a.status, a.verified_at";

impl Store {
    pub fn put_account(&mut self, a: &AccountRecord) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO account (channel_id, remote_id, handle, display_name, avatar_url, service_url, status, verified_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (channel_id) DO UPDATE SET remote_id = excluded.remote_id, handle = excluded.handle,
                   display_name = excluded.display_name, avatar_url = excluded.avatar_url,
                   service_url = excluded.service_url, status = excluded.status, verified_at = excluded.verified_at",
                params![
                    a.channel_id,
                    a.remote_id,
                    a.handle,
                    a.display_name,
                    a.avatar_url,
                    a.service_url,
                    a.status.as_str(),
                    to_unix(a.verified_at)
                ],
            )
            .map_err(|e| self.err(e))?;
        self.changes.emit(Change::Accounts);
        Ok(())
    }

    pub fn account(&self, channel_id: i64) -> Result<Option<AccountRecord>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM account a WHERE a.channel_id = ?1"),
                [channel_id],
                read,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The accounts of a workspace's live channels.
    pub fn accounts(&self, workspace_id: i64) -> Result<Vec<AccountRecord>> {
        self.query_all(
            &format!(
                "SELECT {COLUMNS} FROM account a JOIN channel c ON c.id = a.channel_id
                 WHERE c.workspace_id = ?1 AND c.deleted_at IS NULL ORDER BY a.channel_id"
            ),
            [workspace_id],
            read,
        )
    }

    pub fn set_account_status(&mut self, channel_id: i64, status: AccountStatus) -> Result<()> {
        self.conn
            .execute(
                "UPDATE account SET status = ?1 WHERE channel_id = ?2",
                params![status.as_str(), channel_id],
            )
            .map_err(|e| self.err(e))?;
        self.changes.emit(Change::Accounts);
        Ok(())
    }

    pub fn delete_account(&mut self, channel_id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM account WHERE channel_id = ?1", [channel_id])
            .map_err(|e| self.err(e))?;
        self.changes.emit(Change::Accounts);
        Ok(())
    }
}
