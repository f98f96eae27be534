//! Opening real data files: fresh, older, newer, damaged, busy, read-only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use jadwal_store::migrate::{MIGRATIONS, latest_version};
use jadwal_store::{DB_FILE_NAME, OpenOptions, Store, StoreError};
use rusqlite::Connection;
use std::time::Duration;

fn file_bytes(dir: &std::path::Path) -> Vec<u8> {
    std::fs::read(dir.join(DB_FILE_NAME)).unwrap()
}

#[test]
fn a_fresh_folder_gets_a_wal_database_at_the_latest_version() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("does/not/exist/yet");
    let store = Store::open(&nested).unwrap();
    let conn = store.connection();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    let sync: i64 = conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
    assert_eq!(sync, 1, "synchronous should be NORMAL");
    assert_eq!(version, latest_version());
    assert!(nested.join(DB_FILE_NAME).exists());
}

/// The whole schema as text: it differs whenever a migration adds a table,
/// a column or an index.
const SCHEMA_SQL: &str = "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name)";

#[test]
fn a_file_from_the_previous_schema_is_migrated_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let previous = latest_version() - 1;
    let tables_before;
    {
        let old = OpenOptions {
            migrate_up_to: previous,
            ..Default::default()
        }
        .open(dir.path())
        .unwrap();
        old.connection()
            .execute_batch(
                "INSERT INTO workspace (id, name, time_zone, created_at) VALUES (1, 'Toko Roti', 'Asia/Jakarta', 0);
                 INSERT INTO post (workspace_id, text, status, created_at, updated_at) VALUES (1, 'Roti baru!', 'draft', 0, 0);",
            )
            .unwrap();
        let tables: String = old
            .connection()
            .query_row(SCHEMA_SQL, [], |r| r.get(0))
            .unwrap();
        tables_before = tables;
    }
    let mut store = Store::open(dir.path()).unwrap();
    let tables_after: String = store
        .connection()
        .query_row(SCHEMA_SQL, [], |r| r.get(0))
        .unwrap();
    // Generic on purpose: a migration may add tables, columns or indexes.
    assert_ne!(
        tables_after, tables_before,
        "the newest migration changes the schema"
    );
    let ws = store.workspace(1).unwrap();
    assert_eq!(ws.name, "Toko Roti");
    assert_eq!(store.unscheduled_posts(1).unwrap()[0].excerpt, "Roti baru!");
    store.set_setting("language", "id").unwrap();
    assert_eq!(store.setting("language").unwrap().as_deref(), Some("id"));
}

#[test]
fn a_file_from_a_newer_app_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    {
        let conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
        conn.execute(
            "INSERT INTO schema_migration (version, name, checksum) VALUES (?1, 'from_the_future', 'x')",
            [latest_version() + 1],
        )
        .unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let before = file_bytes(dir.path());
    match Store::open(dir.path()) {
        Err(StoreError::NewerVersion { found, known, .. }) => {
            assert_eq!(found, latest_version() + 1);
            assert_eq!(known, latest_version());
        }
        other => panic!("expected NewerVersion, got {:?}", other.map(|_| ())),
    }
    assert_eq!(file_bytes(dir.path()), before);
}

#[test]
fn a_changed_shipped_migration_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    {
        let conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
        conn.execute(
            "UPDATE schema_migration SET checksum = 'edited' WHERE version = 1",
            [],
        )
        .unwrap();
    }
    match Store::open(dir.path()) {
        Err(StoreError::ChangedMigration { version, name }) => {
            assert_eq!(version, 1);
            assert_eq!(name, MIGRATIONS[0].name);
        }
        other => panic!("expected ChangedMigration, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = b"this is not SQLite, it is a shopping list: flour, sugar, eggs".repeat(200);
    std::fs::write(dir.path().join(DB_FILE_NAME), &garbage).unwrap();
    let err = Store::open(dir.path())
        .err()
        .expect("a garbage file must not open");
    assert_eq!(err.code(), "store_corrupt", "{err}");
    assert!(
        err.to_string().contains(DB_FILE_NAME),
        "the message names the file: {err}"
    );
    assert_eq!(file_bytes(dir.path()), garbage);
}

#[test]
fn a_damaged_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open(dir.path()).unwrap();
        let ws = store
            .ensure_workspace("W", "UTC", chrono::Utc::now())
            .unwrap();
        for i in 0..400 {
            store
                .connection()
                .execute(
                    "INSERT INTO post (workspace_id, text, status, created_at, updated_at) VALUES (?1, ?2, 'draft', 0, 0)",
                    rusqlite::params![ws.id, format!("post number {i} with some padding text to fill pages")],
                )
                .unwrap();
        }
        store
            .connection()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    // Scribble over a page in the middle of the file, as a failing disk might.
    let path = dir.path().join(DB_FILE_NAME);
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 4096 * 4);
    for b in &mut bytes[4096 * 2..4096 * 3] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = Store::open(dir.path())
        .err()
        .expect("a damaged file must not open");
    assert_eq!(err.code(), "store_corrupt", "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_file_held_by_another_program_is_reported_as_busy() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let holder = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    let err = OpenOptions {
        busy_timeout: Duration::from_millis(50),
        ..Default::default()
    }
    .open(dir.path())
    .err()
    .expect("a locked file must not open for writing");
    assert_eq!(err.code(), "store_busy", "{err}");
    holder.execute_batch("ROLLBACK;").unwrap();
    assert!(
        Store::open(dir.path()).is_ok(),
        "once released, the file opens"
    );
}

#[test]
fn a_read_only_file_is_reported_before_any_save() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let err = OpenOptions {
        read_only: true,
        ..Default::default()
    }
    .open(dir.path())
    .err()
    .expect("a read-only file must be refused");
    assert_eq!(err.code(), "store_read_only", "{err}");
}

#[test]
fn a_folder_that_cannot_be_created_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let err = Store::open(&file.join("data"))
        .err()
        .expect("a folder under a file cannot exist");
    assert_eq!(err.code(), "store_folder");
    assert!(err.to_string().contains("a-file"), "{err}");
}
