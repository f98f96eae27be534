//! The calendar's two hot paths on a store of 100,000 posts, against SQLite
//! itself: reading one month through the engine versus the same indexed
//! query run directly, and a reschedule (a drag on the calendar).
//!
//! `cargo bench -p jadwal-engine --bench calendar` prints the figures; the
//! targets are a month read within 2x of raw SQLite and a reschedule under
//! a millisecond. It prints, it does not fail: timings belong in reports.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

mod shop;
mod timing;

use chrono::{TimeZone, Utc};
use jadwal_engine::{Engine, EngineConfig, FixedClock};
use rusqlite::params;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};
use timing::{measure, ms};

const POSTS: i64 = 100_000;
const CHANNELS: i64 = 6;
const LABELS: i64 = 4;
/// Posts spread over four years, 2024 to 2027: about 2,100 a month.
const FIRST_DAY_UNIX: i64 = 1_704_067_200; // 2024-01-01T00:00:00Z
const SPAN_SECONDS: i64 = 4 * 365 * 86_400;

fn seed(dir: &std::path::Path) {
    let store = jadwal_store::Store::open(dir).unwrap();
    let conn = store.connection();
    shop::begin_shop(conn, CHANNELS, &[None; LABELS as usize]);
    let mut post = conn
        .prepare("INSERT INTO post (id, workspace_id, text, status, scheduled_at, time_zone, created_at, updated_at) VALUES (?1, 1, ?2, ?3, ?4, 'Asia/Jakarta', 0, 0)")
        .unwrap();
    let mut target = conn
        .prepare("INSERT INTO post_channel (post_id, channel_id) VALUES (?1, ?2)")
        .unwrap();
    let mut label = conn
        .prepare("INSERT INTO post_label (post_id, label_id) VALUES (?1, ?2)")
        .unwrap();
    let mut rng: u64 = 42;
    let mut next = || {
        rng = rng
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        rng >> 33
    };
    for id in 1..=POSTS {
        let at = FIRST_DAY_UNIX + (next() as i64 % SPAN_SECONDS) / 900 * 900;
        let status = ["draft", "scheduled", "published", "scheduled"][(next() % 4) as usize];
        let text = format!(
            "Post {id}: roti sobek, kue lapis dan kopi susu hangat setiap pagi. Pesan lewat DM atau datang ke toko! #{}",
            next() % 1000
        );
        post.execute(params![id, text, status, at]).unwrap();
        let first = (next() % CHANNELS as u64) as i64 + 1;
        for k in 0..(1 + next() % 3) as i64 {
            target
                .execute(params![id, (first + k - 1) % CHANNELS + 1])
                .unwrap();
        }
        if next() % 2 == 0 {
            label
                .execute(params![id, (next() % LABELS as u64) as i64 + 1])
                .unwrap();
        }
    }
    drop((post, target, label));
    conn.execute_batch("COMMIT; ANALYZE;").unwrap();
}

/// Median and 95th percentile of `runs` timings of `f`, after a warm-up.
/// The store's month query, run straight on SQLite: the same statement, the
/// same index, rows read into plain tuples.
fn raw_month(conn: &rusqlite::Connection, from: i64, to: i64) -> usize {
    let mut stmt = conn
        .prepare_cached(
            "SELECT p.id, p.status, p.scheduled_at, p.time_zone, substr(p.text, 1, 120),
                    (SELECT group_concat(pc.channel_id) FROM post_channel pc
                       JOIN channel c ON c.id = pc.channel_id AND c.deleted_at IS NULL
                      WHERE pc.post_id = p.id),
                    (SELECT group_concat(pl.label_id) FROM post_label pl
                       JOIN label l ON l.id = pl.label_id AND l.deleted_at IS NULL
                      WHERE pl.post_id = p.id)
               FROM post p
              WHERE p.workspace_id = ?3 AND p.deleted_at IS NULL
                AND p.scheduled_at >= ?1 AND p.scheduled_at < ?2
              ORDER BY p.scheduled_at, p.id",
        )
        .unwrap();
    let rows = stmt
        .query_map(params![from, to, 1], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        })
        .unwrap();
    // Collected like the engine collects, so both sides allocate their rows.
    rows.collect::<Result<Vec<_>, _>>().unwrap().len()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    seed(dir.path());
    println!(
        "seeded {POSTS} posts in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let clock = Arc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
    ));
    let engine = Engine::open(EngineConfig {
        data_dir: dir.path().to_path_buf(),
        clock,
        default_time_zone: "Asia/Jakarta".parse().unwrap(),
        secrets: std::sync::Arc::new(jadwal_secrets::MemoryStore::new()),
    })
    .unwrap();
    let month = engine.calendar_posts("2026-11-01", "2026-12-01").unwrap();
    println!(
        "one month (November 2026, Asia/Jakarta): {} posts",
        month.len()
    );

    let raw = rusqlite::Connection::open(dir.path().join(jadwal_store::DB_FILE_NAME)).unwrap();
    // Opened the way the store opens its own, so neither side starts colder:
    // the quick_check reads the whole file once, which alone makes the month
    // query about 3x faster afterwards.
    raw.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
        .unwrap();
    let check: String = raw
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // November 2026 in Jakarta (UTC+7), as the engine computes it.
    let (from, to) = (1_793_466_000_i64, 1_796_058_000_i64);
    assert_eq!(
        raw_month(&raw, from, to),
        month.len(),
        "both sides must read the same rows"
    );

    let runs = 200;
    let (engine_med, engine_p95) = measure(runs, || {
        black_box(engine.calendar_posts("2026-11-01", "2026-12-01").unwrap());
    });
    let (raw_med, raw_p95) = measure(runs, || {
        black_box(raw_month(&raw, from, to));
    });

    let id = month
        .iter()
        .find(|p| p.status == jadwal_domain::PostStatus::Scheduled)
        .unwrap()
        .id;
    let mut flip = false;
    let (move_med, move_p95) = measure(2_000, || {
        flip = !flip;
        let at = if flip {
            "2026-11-20T10:00"
        } else {
            "2026-11-21T11:15"
        };
        black_box(engine.reschedule_post(id, at).unwrap());
    });

    let ratio = engine_med.as_secs_f64() / raw_med.as_secs_f64();
    println!();
    println!("{:<44} {:>12} {:>12}", "", "median", "p95");
    println!(
        "{:<44} {:>12} {:>12}",
        "month read, raw SQLite (the peer)",
        ms(raw_med),
        ms(raw_p95)
    );
    println!(
        "{:<44} {:>12} {:>12}",
        "month read, through the engine",
        ms(engine_med),
        ms(engine_p95)
    );
    println!(
        "{:<44} {:>12} {:>12}",
        "reschedule one post (engine, WAL commit)",
        ms(move_med),
        ms(move_p95)
    );
    println!();
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    println!(
        "engine / raw month read: {ratio:.2}x (target <= 2x: {})",
        verdict(ratio <= 2.0)
    );
    println!(
        "reschedule median: {} (target < 1 ms: {})",
        ms(move_med),
        verdict(move_med < Duration::from_millis(1))
    );
}
