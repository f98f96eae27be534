//! The dashboard's figure queries on two years of daily figures for ten
//! channels, against SQLite itself: each store method next to the same SQL
//! run directly through rusqlite, so what the repository adds is measured.
//!
//! The file holds, per channel and day, six account figures (followers as a
//! snapshot; impressions, reach, clicks, saves, conversions as day periods)
//! and one post whose four counts were fetched FETCHES times. `cargo bench
//! -p jadwal-store --bench metrics` prints the figures; the target is every
//! query well under 100 ms (no visible wait). It prints, it does not fail.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use jadwal_domain::Metric;
use jadwal_store::Store;
use jadwal_store::metrics::{DailyQuery, Level};
use rusqlite::params;
use std::hint::black_box;
use std::time::Instant;

const CHANNELS: i64 = 10;
const DAYS: i64 = 730;
/// How often each post's counts were fetched over its life.
const FETCHES: i64 = 60;
const JAKARTA: i32 = 7 * 3600;
const PERIOD_METRICS: [&str; 5] = ["impressions", "reach", "clicks", "saves", "conversions"];
const POST_METRICS: [&str; 4] = ["likes", "reposts", "replies", "quotes"];

fn first_day() -> DateTime<Utc> {
    // Local midnight in Jakarta, 2025-01-01.
    Utc.with_ymd_and_hms(2024, 12, 31, 17, 0, 0).unwrap()
}

fn seed(dir: &std::path::Path) -> usize {
    let store = Store::open(dir).unwrap();
    let conn = store.connection();
    conn.execute_batch("BEGIN").unwrap();
    conn.execute(
        "INSERT INTO workspace (id, name, time_zone, created_at) VALUES (1, 'Toko', 'Asia/Jakarta', 0)",
        [],
    )
    .unwrap();
    for c in 1..=CHANNELS {
        conn.execute(
            "INSERT INTO channel (id, workspace_id, name, network, color, created_at) VALUES (?1, 1, ?2, 'bluesky', '#1185fe', 0)",
            params![c, format!("Channel {c}")],
        )
        .unwrap();
    }
    let mut post = conn
        .prepare("INSERT INTO post (id, workspace_id, text, status, scheduled_at, time_zone, created_at, updated_at) VALUES (?1, 1, 'Roti', 'published', ?2, 'Asia/Jakarta', 0, 0)")
        .unwrap();
    let mut target = conn
        .prepare("INSERT INTO post_channel (post_id, channel_id) VALUES (?1, ?2)")
        .unwrap();
    let mut sample = conn
        .prepare(
            "INSERT INTO metric_sample (channel_id, post_id, metric, value, source, taken_at, period_end, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6)",
        )
        .unwrap();
    let start = first_day().timestamp();
    let mut rows = 0;
    let mut post_id = 0;
    for c in 1..=CHANNELS {
        for d in 0..DAYS {
            let day = start + d * 86_400;
            sample
                .execute(params![
                    c,
                    None::<i64>,
                    "followers",
                    (1_000 + d * 3 + c) as f64,
                    "bluesky",
                    day + 20 * 3600,
                    None::<i64>
                ])
                .unwrap();
            rows += 1;
            for (k, m) in PERIOD_METRICS.iter().enumerate() {
                let value = ((d * 37 + c * 11 + k as i64 * 101) % 5_000) as f64;
                sample
                    .execute(params![c, None::<i64>, m, value, "csv", day, day + 86_400])
                    .unwrap();
                rows += 1;
            }
            post_id += 1;
            let published = day + 3 * 3600;
            post.execute(params![post_id, published]).unwrap();
            target.execute(params![post_id, c]).unwrap();
            for f in 0..FETCHES {
                // Every 6 hours at first, then further apart.
                let at = published + 6 * 3600 * (f + 1) * (1 + f / 30);
                for (k, m) in POST_METRICS.iter().enumerate() {
                    let value = ((f + 1) * (k as i64 + 1) * (post_id % 7 + 1)) as f64;
                    sample
                        .execute(params![c, post_id, m, value, "bluesky", at, None::<i64>])
                        .unwrap();
                    rows += 1;
                }
            }
        }
    }
    drop((post, target, sample));
    conn.execute_batch("COMMIT; ANALYZE;").unwrap();
    rows
}

/// Median and 95th percentile of `runs` timings of `f`, after a warm-up.
fn measure(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    for _ in 0..runs / 10 + 1 {
        f();
    }
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[runs / 2], times[runs * 95 / 100])
}

/// The same statements the store runs, straight on SQLite, rows collected.
fn raw_daily(conn: &rusqlite::Connection, sum: bool, metric: &str, from: i64, to: i64) -> usize {
    let sql = if sum {
        "SELECT s.channel_id, (s.taken_at + ?5) / 86400 AS day, SUM(s.value)
         FROM channel c JOIN metric_sample s ON s.channel_id = c.id
         WHERE c.workspace_id = ?1 AND s.metric = ?2 AND s.post_id IS NULL
           AND s.period_end IS NOT NULL AND s.taken_at >= ?3 AND s.taken_at < ?4
         GROUP BY s.channel_id, day ORDER BY s.channel_id, day"
    } else {
        "SELECT s.channel_id, (s.taken_at + ?5) / 86400 AS day, s.value, MAX(s.taken_at)
         FROM channel c JOIN metric_sample s ON s.channel_id = c.id
         WHERE c.workspace_id = ?1 AND s.metric = ?2 AND s.post_id IS NULL
           AND s.taken_at >= ?3 AND s.taken_at < ?4
         GROUP BY s.channel_id, day ORDER BY s.channel_id, day"
    };
    let mut stmt = conn.prepare_cached(sql).unwrap();
    let rows = stmt
        .query_map(params![1, metric, from, to, JAKARTA], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, f64>(2)?,
            ))
        })
        .unwrap();
    rows.collect::<Result<Vec<_>, _>>().unwrap().len()
}

fn raw_latest(conn: &rusqlite::Connection, from: i64, to: i64) -> usize {
    let mut stmt = conn
        .prepare_cached(jadwal_store::metrics::LATEST_TARGET_SQL)
        .unwrap();
    let rows = stmt
        .query_map(params![1, from, to], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, f64>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
                r.get::<_, Option<i64>>(7)?,
                r.get::<_, i64>(8)?,
            ))
        })
        .unwrap();
    rows.collect::<Result<Vec<_>, _>>().unwrap().len()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let rows = seed(dir.path());
    let bytes = std::fs::metadata(dir.path().join(jadwal_store::DB_FILE_NAME))
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "seeded {rows} figures ({CHANNELS} channels × {DAYS} days; {} posts × {FETCHES} fetches × 4 counts) in {:.1} s, file {:.0} MB",
        CHANNELS * DAYS,
        started.elapsed().as_secs_f64(),
        bytes as f64 / 1e6
    );

    let store = Store::open(dir.path()).unwrap();
    let raw = rusqlite::Connection::open(dir.path().join(jadwal_store::DB_FILE_NAME)).unwrap();
    // Opened the way the store opens its own, and read once, so neither
    // side starts colder.
    raw.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
        .unwrap();
    let _: String = raw
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .unwrap();

    let end = first_day() + Duration::days(DAYS);
    let ranges = [
        ("last 30 days", end - Duration::days(30)),
        ("2 years", first_day()),
    ];
    println!(
        "{:<44} {:>8} {:>13} {:>13} {:>13} {:>13}",
        "query", "rows", "store median", "store p95", "raw median", "raw p95"
    );
    let runs = 50;
    let report = |name: &str, rows: usize, store: (f64, f64), raw: (f64, f64)| {
        println!(
            "{name:<44} {rows:>8} {:>10.3} ms {:>10.3} ms {:>10.3} ms {:>10.3} ms",
            store.0, store.1, raw.0, raw.1
        );
    };
    for (label, from) in ranges {
        let (f, t) = (from.timestamp(), end.timestamp());
        let n = store
            .daily_latest(&DailyQuery {
                workspace_id: 1,
                metric: Metric::Followers,
                level: Level::Account,
                from,
                to: end,
                utc_offset: JAKARTA,
            })
            .unwrap()
            .len();
        assert_eq!(n, raw_daily(&raw, false, "followers", f, t), "same rows");
        report(
            &format!("followers per channel per day, {label}"),
            n,
            measure(runs, || {
                black_box(
                    store
                        .daily_latest(&DailyQuery {
                            workspace_id: 1,
                            metric: Metric::Followers,
                            level: Level::Account,
                            from,
                            to: end,
                            utc_offset: JAKARTA,
                        })
                        .unwrap(),
                );
            }),
            measure(runs, || {
                black_box(raw_daily(&raw, false, "followers", f, t));
            }),
        );
        let n = store
            .daily_sums(&DailyQuery {
                workspace_id: 1,
                metric: Metric::Impressions,
                level: Level::Account,
                from,
                to: end,
                utc_offset: JAKARTA,
            })
            .unwrap()
            .len();
        assert_eq!(n, raw_daily(&raw, true, "impressions", f, t), "same rows");
        report(
            &format!("impressions summed per channel per day, {label}"),
            n,
            measure(runs, || {
                black_box(
                    store
                        .daily_sums(&DailyQuery {
                            workspace_id: 1,
                            metric: Metric::Impressions,
                            level: Level::Account,
                            from,
                            to: end,
                            utc_offset: JAKARTA,
                        })
                        .unwrap(),
                );
            }),
            measure(runs, || {
                black_box(raw_daily(&raw, true, "impressions", f, t));
            }),
        );
        let n = store.latest_target_samples(1, from, end).unwrap().len();
        assert_eq!(n, raw_latest(&raw, f, t), "same rows");
        report(
            &format!("newest counts per post target, {label}"),
            n,
            measure(runs, || {
                black_box(store.latest_target_samples(1, from, end).unwrap());
            }),
            measure(runs, || {
                black_box(raw_latest(&raw, f, t));
            }),
        );
    }
}
