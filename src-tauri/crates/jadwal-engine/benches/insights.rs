//! Opening the Results dialog on two years of a busy shop's figures: ten
//! channels, a post on each every day, each post's likes, reposts and
//! replies read four times, and each account's followers and a day's
//! impressions every day. The engine's `insights` (everything the dialog
//! shows) is timed for a month and for the whole two years, next to the same
//! SQL statements it runs, run directly on a bare SQLite connection. The
//! difference is what the engine adds: the domain's rules and the assembly.
//!
//! `cargo bench -p jadwal-engine --bench insights` prints the figures; it
//! does not fail on them.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

mod shop;
mod timing;

use chrono::{TimeZone, Utc};
use jadwal_engine::{Engine, EngineConfig, FixedClock};
use jadwal_store::insights::{
    FOLLOWERS_BEFORE_SQL, PILLAR_POSTS_SQL, latest_figures_sql, published_sql,
};
use jadwal_store::metrics::{Level, daily_sql};
use rusqlite::params;
use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;
use timing::{measure, ms};

const CHANNELS: i64 = 10;
const DAYS: i64 = 730;
/// 2025-01-01T00:00:00Z; Jakarta is seven hours ahead.
const FIRST_DAY_UNIX: i64 = 1_735_689_600;
const JAKARTA: i64 = 7 * 3600;
const DAY: i64 = 86_400;

fn seed(dir: &std::path::Path) -> usize {
    let store = jadwal_store::Store::open(dir).unwrap();
    let conn = store.connection();
    shop::begin_shop(conn, CHANNELS, &[Some(40), Some(30), Some(30)]);
    let mut post = conn
        .prepare("INSERT INTO post (id, workspace_id, text, status, scheduled_at, time_zone, created_at, updated_at) VALUES (?1, 1, 'Roti sobek cokelat keju, baru keluar dari oven', 'published', ?2, 'Asia/Jakarta', 0, 0)")
        .unwrap();
    let mut target = conn
        .prepare("INSERT INTO post_channel (post_id, channel_id) VALUES (?1, ?2)")
        .unwrap();
    let mut label = conn
        .prepare("INSERT INTO post_label (post_id, label_id) VALUES (?1, ?2)")
        .unwrap();
    let mut attempt = conn
        .prepare("INSERT INTO publish_attempt (post_id, channel_id, idempotency_key, key_created_at, started_at, finished_at, outcome, remote_id, url) VALUES (?1, ?2, ?3, ?4, ?4, ?4, 'published', 'at://x', 'https://bsky.app/x')")
        .unwrap();
    let mut sample = conn
        .prepare(
            "INSERT INTO metric_sample (channel_id, post_id, metric, value, source, taken_at, period_end, recorded_at)
             VALUES (?1, ?2, ?3, ?4, 'bluesky', ?5, ?6, ?5)",
        )
        .unwrap();
    let mut rows = 0;
    let mut id = 0;
    for day in 0..DAYS {
        let midnight = FIRST_DAY_UNIX + day * DAY - JAKARTA;
        for c in 1..=CHANNELS {
            id += 1;
            // Each channel posts at its own hour, 07:00 to 16:00 Jakarta time.
            let at = midnight + (7 + c - 1) * 3600;
            post.execute(params![id, at]).unwrap();
            target.execute(params![id, c]).unwrap();
            label.execute(params![id, 1 + id % 3]).unwrap();
            attempt
                .execute(params![id, c, format!("k{id}"), at])
                .unwrap();
            for read in 1..=4_i64 {
                let when = at + read * 6 * 3600;
                for (metric, per_read) in [("likes", 5), ("reposts", 1), ("replies", 2)] {
                    sample
                        .execute(params![
                            c,
                            id,
                            metric,
                            (per_read * read + id % 7) as f64,
                            when,
                            None::<i64>
                        ])
                        .unwrap();
                    rows += 1;
                }
            }
            sample
                .execute(params![
                    c,
                    None::<i64>,
                    "followers",
                    (1_000 + day * 3 + c) as f64,
                    midnight + 20 * 3600,
                    None::<i64>
                ])
                .unwrap();
            sample
                .execute(params![
                    c,
                    None::<i64>,
                    "impressions",
                    (400 + (day * c) % 300) as f64,
                    midnight,
                    Some(midnight + DAY)
                ])
                .unwrap();
            rows += 2;
        }
    }
    conn.execute_batch("COMMIT").unwrap();
    rows
}

fn count(conn: &rusqlite::Connection, sql: &str, args: impl rusqlite::Params) -> usize {
    let mut stmt = conn.prepare_cached(sql).unwrap();
    let mut rows = stmt.query(args).unwrap();
    let mut n = 0;
    while let Some(row) = rows.next().unwrap() {
        // Read every column, as the store does into its records.
        for i in 0..row.as_ref().column_count() {
            black_box(row.get_ref(i).unwrap());
        }
        n += 1;
    }
    n
}

/// The statements `Engine::insights` runs for `[from, to)`, in its order:
/// what went out and its figures over the range and the year before its
/// end (read once for the list, the totals and the best times), the daily
/// followers (one run of days: Jakarta keeps one offset), the six daily
/// sums and followers at both ends for the totals, and the pillars. (This
/// shop has no goals.)
fn raw_dashboard(conn: &rusqlite::Connection, from: i64, to: i64) -> usize {
    let published = published_sql();
    let latest = latest_figures_sql();
    let newest = daily_sql("s.value, MAX(s.taken_at)", "", Level::Account);
    let sums = daily_sql(
        "SUM(s.value)",
        "AND s.period_end IS NOT NULL",
        Level::Account,
    );
    let read_from = (to - 365 * DAY).min(from);
    let mut rows = 0;
    rows += count(conn, &latest, params![1, read_from, to]);
    rows += count(conn, &published, params![1, read_from, to]);
    rows += count(conn, &newest, params![1, "followers", from, to, JAKARTA]);
    for metric in [
        "impressions",
        "reach",
        "clicks",
        "conversions",
        "spend",
        "revenue",
    ] {
        rows += count(conn, &sums, params![1, metric, from, to, 0]);
    }
    rows += count(conn, FOLLOWERS_BEFORE_SQL, params![1, from]);
    rows += count(conn, FOLLOWERS_BEFORE_SQL, params![1, to]);
    rows += count(conn, PILLAR_POSTS_SQL, params![1, from, to]);
    rows
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let samples = seed(dir.path());
    println!(
        "seeded {} posts and {samples} figures ({CHANNELS} channels, {DAYS} days) in {:.1} s",
        CHANNELS * DAYS,
        started.elapsed().as_secs_f64()
    );
    let engine = Engine::open(EngineConfig {
        data_dir: dir.path().to_path_buf(),
        clock: Arc::new(FixedClock::new(
            Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap(),
        )),
        default_time_zone: "Asia/Jakarta".parse().unwrap(),
        secrets: Arc::new(jadwal_secrets::MemoryStore::new()),
    })
    .unwrap();
    let raw = rusqlite::Connection::open(dir.path().join(jadwal_store::DB_FILE_NAME)).unwrap();
    raw.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
        .unwrap();

    for (what, first, last, runs) in [
        ("one month (November 2026)", "2026-11-01", "2026-11-30", 60),
        ("two years (2025 and 2026)", "2025-01-01", "2026-12-31", 10),
    ] {
        let shown = engine.insights(first, last).unwrap();
        let posts: u32 = shown.channels.iter().map(|c| c.posts).sum();
        let from = chrono::NaiveDate::parse_from_str(first, "%Y-%m-%d").unwrap();
        let to = chrono::NaiveDate::parse_from_str(last, "%Y-%m-%d").unwrap();
        let from_unix = from.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp() - JAKARTA;
        let to_unix = to.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp() + DAY - JAKARTA;
        let rows = raw_dashboard(&raw, from_unix, to_unix);
        assert!(posts > 0 && rows > 0, "both sides must read something");
        let (engine_med, engine_p95) = measure(runs, || {
            black_box(engine.insights(first, last).unwrap());
        });
        let (raw_med, raw_p95) = measure(runs, || {
            black_box(raw_dashboard(&raw, from_unix, to_unix));
        });
        println!(
            "{what}: {posts} published targets, {rows} rows read\n  \
             engine insights: median {} (p95 {})\n  \
             same SQL on raw SQLite: median {} (p95 {})\n  \
             ratio {:.2}x",
            ms(engine_med),
            ms(engine_p95),
            ms(raw_med),
            ms(raw_p95),
            engine_med.as_secs_f64() / raw_med.as_secs_f64()
        );
    }
}
