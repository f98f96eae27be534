//! The shop the engine's benchmarks seed before their posts and figures:
//! a workspace in Jakarta, its Bluesky channels and its content pillars,
//! written straight into SQLite inside a transaction the caller commits.

use rusqlite::{Connection, params};

/// Opens a transaction and writes the workspace, `channels` channels (ids
/// from 1) and one label per entry of `label_shares` (ids from 1, with
/// that target share of posts, if any).
pub fn begin_shop(conn: &Connection, channels: i64, label_shares: &[Option<i64>]) {
    conn.execute_batch("BEGIN").unwrap();
    conn.execute(
        "INSERT INTO workspace (id, name, time_zone, created_at) VALUES (1, 'Toko', 'Asia/Jakarta', 0)",
        [],
    )
    .unwrap();
    for c in 1..=channels {
        conn.execute(
            "INSERT INTO channel (id, workspace_id, name, network, color, created_at) VALUES (?1, 1, ?2, 'bluesky', '#1185fe', 0)",
            params![c, format!("Channel {c}")],
        )
        .unwrap();
    }
    for (l, share) in (1i64..).zip(label_shares) {
        conn.execute(
            "INSERT INTO label (id, workspace_id, name, color, created_at, target_share) VALUES (?1, 1, ?2, '#00aa00', 0, ?3)",
            params![l, format!("Pillar {l}"), share],
        )
        .unwrap();
    }
}
