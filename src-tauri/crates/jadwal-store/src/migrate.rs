//! Embedded, forward-only migrations.
//!
//! A migration that has shipped never changes: each applied one is recorded
//! with a checksum, and opening a file whose record disagrees with the SQL
//! built into this app is refused rather than guessed at. A file written by a
//! newer app (a version this app does not know) is refused untouched.

use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;

use crate::error::{StoreError, classify};

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, in order. Append only.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "calendar",
        sql: include_str!("../migrations/0001_calendar.sql"),
    },
    Migration {
        version: 2,
        name: "settings_and_autosave",
        sql: include_str!("../migrations/0002_settings_and_autosave.sql"),
    },
    Migration {
        version: 3,
        name: "accounts_and_attempts",
        sql: include_str!("../migrations/0003_accounts_and_attempts.sql"),
    },
    Migration {
        version: 4,
        name: "media",
        sql: include_str!("../migrations/0004_media.sql"),
    },
    Migration {
        version: 5,
        name: "scheduler",
        sql: include_str!("../migrations/0005_scheduler.sql"),
    },
    Migration {
        version: 6,
        name: "send pacing",
        sql: include_str!("../migrations/0006_send_pacing.sql"),
    },
    Migration {
        version: 7,
        name: "server schedule",
        sql: include_str!("../migrations/0007_server_schedule.sql"),
    },
    Migration {
        version: 8,
        name: "strategy",
        sql: include_str!("../migrations/0008_strategy.sql"),
    },
    Migration {
        version: 9,
        name: "metrics",
        sql: include_str!("../migrations/0009_metrics.sql"),
    },
    Migration {
        version: 10,
        name: "threads",
        sql: include_str!("../migrations/0010_threads.sql"),
    },
    Migration {
        version: 11,
        name: "campaigns",
        sql: include_str!("../migrations/0011_campaigns.sql"),
    },
];

pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// FNV-1a: stable across Rust versions and platforms, which `std::hash` is not.
fn checksum(sql: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in sql.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Brings the schema up to `up_to` (all of them in the app; fewer in tests
/// that build an older file).
pub fn migrate(conn: &mut Connection, path: &Path, up_to: i64) -> Result<(), StoreError> {
    let err = |e| classify(e, path);
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migration (
             version     INTEGER PRIMARY KEY,
             name        TEXT    NOT NULL,
             checksum    TEXT    NOT NULL,
             applied_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
         );",
    )
    .map_err(err)?;

    let newest_applied: i64 = conn
        .query_row(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migration",
            [],
            |r| r.get(0),
        )
        .map_err(err)?;
    if newest_applied > latest_version() {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found: newest_applied,
            known: latest_version(),
        });
    }

    for m in MIGRATIONS.iter().filter(|m| m.version <= up_to) {
        let recorded: Option<String> = conn
            .query_row(
                "SELECT checksum FROM schema_migration WHERE version = ?1",
                [m.version],
                |r| r.get(0),
            )
            .optional()
            .map_err(err)?;
        match recorded {
            Some(sum) if sum == checksum(m.sql) => {}
            Some(_) => {
                return Err(StoreError::ChangedMigration {
                    version: m.version,
                    name: m.name.to_owned(),
                });
            }
            None => {
                let tx = conn.transaction().map_err(err)?;
                tx.execute_batch(m.sql).map_err(err)?;
                tx.execute(
                    "INSERT INTO schema_migration (version, name, checksum) VALUES (?1, ?2, ?3)",
                    params![m.version, m.name, checksum(m.sql)],
                )
                .map_err(err)?;
                tx.pragma_update(None, "user_version", m.version)
                    .map_err(err)?;
                tx.commit().map_err(err)?;
                log::info!("applied data migration {} ({})", m.version, m.name);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_are_stable_and_tell_texts_apart() {
        // Pinned so that a change to the function itself is noticed: it would
        // make every shipped database look changed.
        assert_eq!(checksum(""), "cbf29ce484222325");
        assert_eq!(checksum("a"), "af63dc4c8601ec8c");
        assert_ne!(
            checksum("CREATE TABLE a (x);"),
            checksum("CREATE TABLE a (y);")
        );
    }

    #[test]
    fn versions_are_numbered_one_by_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                m.version,
                i as i64 + 1,
                "migration {} is out of order",
                m.name
            );
        }
    }
}
