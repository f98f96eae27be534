//! Figures about published posts and accounts in a real SQLite file:
//! appended (never overwritten), all-or-nothing, read back as a history, as
//! the newest values and as the dashboard's daily series and sums.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use chrono::{DateTime, Duration, TimeZone, Utc};
use jadwal_domain::{Metric, MetricSource, Network, PostStatus};
use jadwal_store::attempts::AttemptOutcome;
use jadwal_store::metrics::{DailyQuery, Level, NewSample};
use jadwal_store::posts::{PostWrite, StoredSchedule, Target};
use jadwal_store::{Change, Store};
use std::sync::{Arc, Mutex};

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    ws: i64,
    sky: i64,
    masto: i64,
    post: i64,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let ws = store
        .ensure_workspace("Toko", "Asia/Jakarta", at(2026, 1, 1, 0))
        .unwrap()
        .id;
    let now = at(2026, 1, 1, 0);
    let sky = store
        .insert_channel(ws, "Sky", Network::Bluesky, "#1185fe", now)
        .unwrap();
    let masto = store
        .insert_channel(ws, "Masto", Network::Mastodon, "#6364ff", now)
        .unwrap();
    let post = store
        .insert_post(
            ws,
            &PostWrite {
                text: "Roti baru!".into(),
                status: PostStatus::Scheduled,
                schedule: Some(StoredSchedule {
                    at: at(2026, 3, 1, 2),
                    time_zone: "Asia/Jakarta".into(),
                }),
                targets: vec![
                    Target {
                        channel_id: sky,
                        variant_text: None,
                        as_thread: false,
                    },
                    Target {
                        channel_id: masto,
                        variant_text: None,
                        as_thread: false,
                    },
                ],
                label_ids: vec![],
            },
            now,
        )
        .unwrap();
    Fixture {
        _dir: dir,
        store,
        ws,
        sky,
        masto,
        post,
    }
}

fn snapshot(
    channel: i64,
    post: Option<i64>,
    metric: Metric,
    value: f64,
    t: DateTime<Utc>,
) -> NewSample {
    NewSample {
        channel_id: channel,
        post_id: post,
        metric,
        value,
        source: MetricSource::Bluesky,
        taken_at: t,
        period_end: None,
    }
}

#[test]
fn every_fetch_appends_and_the_history_keeps_each_figure_with_its_source() {
    let mut f = fixture();
    let changes = Arc::new(Mutex::new(Vec::new()));
    let sink = changes.clone();
    f.store.on_change(move |c| sink.lock().unwrap().push(c));
    let first = at(2026, 3, 2, 0);
    let second = at(2026, 3, 3, 0);
    f.store
        .append_samples(
            &[snapshot(f.sky, Some(f.post), Metric::Likes, 3.0, first)],
            first,
        )
        .unwrap();
    let mut typed = snapshot(f.sky, Some(f.post), Metric::Likes, 9.0, second);
    typed.source = MetricSource::Manual;
    f.store
        .append_samples(&[typed], second + Duration::hours(1))
        .unwrap();

    let history = f.store.target_samples(f.post, f.sky).unwrap();
    let values: Vec<(f64, MetricSource, DateTime<Utc>)> = history
        .iter()
        .map(|s| (s.sample.value, s.sample.source, s.sample.taken_at))
        .collect();
    assert_eq!(
        values,
        vec![
            (3.0, MetricSource::Bluesky, first),
            (9.0, MetricSource::Manual, second)
        ]
    );
    assert_eq!(history[1].recorded_at, second + Duration::hours(1));
    assert!(f.store.target_samples(f.post, f.masto).unwrap().is_empty());
    assert_eq!(
        *changes.lock().unwrap(),
        vec![Change::Metrics, Change::Metrics]
    );
}

#[test]
fn one_impossible_figure_stores_none_of_the_batch() {
    let mut f = fixture();
    let t = at(2026, 3, 2, 0);
    let batch = [
        snapshot(f.sky, Some(f.post), Metric::Likes, 3.0, t),
        snapshot(f.sky, Some(f.post), Metric::Reposts, -2.0, t),
    ];
    let err = f.store.append_samples(&batch, t).unwrap_err();
    assert_eq!(err.code(), "store_invalid", "{err}");
    assert!(f.store.target_samples(f.post, f.sky).unwrap().is_empty());

    // A figure for a channel that does not exist breaks the foreign key:
    // the good rows before it are rolled back too.
    let batch = [
        snapshot(f.sky, Some(f.post), Metric::Likes, 3.0, t),
        snapshot(9_999, None, Metric::Followers, 10.0, t),
    ];
    assert!(f.store.append_samples(&batch, t).is_err());
    assert!(f.store.target_samples(f.post, f.sky).unwrap().is_empty());
}

#[test]
fn the_newest_value_of_each_figure_per_target() {
    let mut f = fixture();
    let day = |d| at(2026, 3, d, 0);
    f.store
        .append_samples(
            &[
                snapshot(f.sky, Some(f.post), Metric::Likes, 3.0, day(2)),
                snapshot(f.sky, Some(f.post), Metric::Likes, 7.0, day(4)),
                snapshot(f.sky, Some(f.post), Metric::Likes, 5.0, day(3)),
                snapshot(f.sky, Some(f.post), Metric::Replies, 1.0, day(2)),
                snapshot(f.masto, Some(f.post), Metric::Likes, 11.0, day(2)),
                // The account's own figures are not a post's.
                snapshot(f.sky, None, Metric::Likes, 100.0, day(5)),
            ],
            day(5),
        )
        .unwrap();
    let latest = f
        .store
        .latest_target_samples(f.ws, at(2026, 3, 1, 0), at(2026, 4, 1, 0))
        .unwrap();
    let got: Vec<(i64, Metric, f64)> = latest
        .iter()
        .map(|s| (s.sample.channel_id, s.sample.metric, s.sample.value))
        .collect();
    let mut want = vec![
        (f.sky, Metric::Likes, 7.0),
        (f.sky, Metric::Replies, 1.0),
        (f.masto, Metric::Likes, 11.0),
    ];
    want.sort_by_key(|(c, m, _)| (*c, *m));
    let mut got_sorted = got.clone();
    got_sorted.sort_by_key(|(c, m, _)| (*c, *m));
    assert_eq!(got_sorted, want);
    // A range that holds no post reads nothing.
    assert!(
        f.store
            .latest_target_samples(f.ws, at(2026, 4, 1, 0), at(2026, 5, 1, 0))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn daily_series_take_each_days_newest_value_and_sums_add_up_periods_in_the_workspace_zone() {
    let mut f = fixture();
    let jakarta = 7 * 3600;
    // 2026-03-02 in Jakarta runs from 03-01 17:00 UTC to 03-02 17:00 UTC.
    let local_midnight = at(2026, 3, 1, 17);
    let day = |n: i64| local_midnight + Duration::days(n);
    let period = |channel, post, value, start: DateTime<Utc>| NewSample {
        channel_id: channel,
        post_id: post,
        metric: Metric::Impressions,
        value,
        source: MetricSource::Csv,
        taken_at: start,
        period_end: Some(start + Duration::days(1)),
    };
    f.store
        .append_samples(
            &[
                snapshot(
                    f.sky,
                    None,
                    Metric::Followers,
                    100.0,
                    day(0) + Duration::hours(1),
                ),
                snapshot(
                    f.sky,
                    None,
                    Metric::Followers,
                    104.0,
                    day(0) + Duration::hours(20),
                ),
                snapshot(
                    f.sky,
                    None,
                    Metric::Followers,
                    110.0,
                    day(1) + Duration::hours(3),
                ),
                snapshot(f.masto, None, Metric::Followers, 50.0, day(1)),
                period(f.sky, None, 1_000.0, day(0)),
                period(f.sky, None, 1_500.0, day(1)),
                period(f.sky, Some(f.post), 300.0, day(1)),
                period(f.sky, Some(f.post), 200.0, day(1)),
                // A snapshot of impressions is a running total: not summed.
                snapshot(f.sky, None, Metric::Impressions, 99_999.0, day(1)),
            ],
            day(2),
        )
        .unwrap();
    let first_day = (day(0).timestamp() + i64::from(jakarta)) / 86_400;
    let followers = f
        .store
        .daily_latest(&DailyQuery {
            workspace_id: f.ws,
            metric: Metric::Followers,
            level: Level::Account,
            from: day(0),
            to: day(2),
            utc_offset: jakarta,
        })
        .unwrap();
    let got: Vec<(i64, i64, f64)> = followers
        .iter()
        .map(|d| (d.channel_id, d.day - first_day, d.value))
        .collect();
    let mut want = vec![(f.sky, 0, 104.0), (f.sky, 1, 110.0), (f.masto, 1, 50.0)];
    want.sort_by_key(|(c, d, _)| (*c, *d));
    assert_eq!(got, want);

    let account = f
        .store
        .daily_sums(&DailyQuery {
            workspace_id: f.ws,
            metric: Metric::Impressions,
            level: Level::Account,
            from: day(0),
            to: day(2),
            utc_offset: jakarta,
        })
        .unwrap();
    let got: Vec<(i64, f64)> = account
        .iter()
        .map(|d| (d.day - first_day, d.value))
        .collect();
    assert_eq!(got, vec![(0, 1_000.0), (1, 1_500.0)]);
    let posts = f
        .store
        .daily_sums(&DailyQuery {
            workspace_id: f.ws,
            metric: Metric::Impressions,
            level: Level::Posts,
            from: day(0),
            to: day(2),
            utc_offset: jakarta,
        })
        .unwrap();
    let got: Vec<(i64, f64)> = posts.iter().map(|d| (d.day - first_day, d.value)).collect();
    assert_eq!(got, vec![(1, 500.0)]);
    // The range's end is exclusive.
    assert_eq!(
        f.store
            .daily_sums(&DailyQuery {
                workspace_id: f.ws,
                metric: Metric::Impressions,
                level: Level::Account,
                from: day(0),
                to: day(1),
                utc_offset: jakarta
            })
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn published_targets_carry_the_networks_id_and_when_figures_were_last_fetched() {
    let mut f = fixture();
    let t = at(2026, 3, 1, 2);
    let a = f.store.start_attempt(f.post, f.sky, "k1", t, t).unwrap();
    f.store
        .finish_attempt(
            a,
            &AttemptOutcome::Published {
                remote_id: "at://did:plc:x/app.bsky.feed.post/3abc".into(),
                url: "https://bsky.app/profile/x/post/3abc".into(),
            },
            t,
        )
        .unwrap();
    let b = f.store.start_attempt(f.post, f.masto, "k2", t, t).unwrap();
    f.store
        .finish_attempt(
            b,
            &AttemptOutcome::Failed {
                code: "network".into(),
                message: "down".into(),
            },
            t,
        )
        .unwrap();
    let targets = f.store.published_targets(f.ws).unwrap();
    assert_eq!(targets.len(), 1, "the failed one is not published");
    assert_eq!(targets[0].channel_id, f.sky);
    assert_eq!(
        targets[0].remote_id,
        "at://did:plc:x/app.bsky.feed.post/3abc"
    );
    assert_eq!(targets[0].published_at, t);
    assert_eq!(targets[0].last_fetched_at, None);

    let fetched = at(2026, 3, 5, 0);
    let mut typed = snapshot(f.sky, Some(f.post), Metric::Likes, 1.0, at(2026, 3, 9, 0));
    typed.source = MetricSource::Manual;
    f.store
        .append_samples(
            &[
                snapshot(f.sky, Some(f.post), Metric::Likes, 4.0, fetched),
                typed,
            ],
            fetched,
        )
        .unwrap();
    let targets = f.store.published_targets(f.ws).unwrap();
    assert_eq!(
        targets[0].last_fetched_at,
        Some(fetched),
        "a figure typed in is not a fetch"
    );
}

#[test]
fn the_dashboard_queries_use_their_indexes() {
    let f = fixture();
    let plan = |sql: &str| -> String {
        let mut stmt = f
            .store
            .connection()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.join(" | ")
    };
    let series = plan(
        "SELECT s.channel_id, (s.taken_at + 0) / 86400 AS day, s.value, MAX(s.taken_at)
         FROM channel c JOIN metric_sample s ON s.channel_id = c.id
         WHERE c.workspace_id = 1 AND s.metric = 'followers' AND s.post_id IS NULL
           AND s.taken_at >= 0 AND s.taken_at < 100 GROUP BY s.channel_id, day",
    );
    assert!(
        series.contains("COVERING INDEX metric_sample_by_channel"),
        "{series}"
    );
    let latest = plan(
        &jadwal_store::metrics::LATEST_TARGET_SQL
            .replace("?1", "1")
            .replace("?2", "0")
            .replace("?3", "9"),
    );
    assert!(latest.contains("post_by_time"), "{latest}");
    assert!(latest.contains("SEARCH l USING PRIMARY KEY"), "{latest}");
    assert!(!latest.contains("SCAN s"), "{latest}");
}

#[test]
fn a_file_from_before_metrics_is_migrated_and_takes_figures_for_its_posts() {
    let dir = tempfile::tempdir().unwrap();
    // Metrics came with migration 9; later ones must not move this file's age.
    let before = 8;
    {
        let old = jadwal_store::OpenOptions {
            migrate_up_to: before,
            ..Default::default()
        }
        .open(dir.path())
        .unwrap();
        let has: i64 = old
            .connection()
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE name = 'metric_sample'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(has, 0, "the older file has no metrics yet");
        old.connection()
            .execute_batch(
                "INSERT INTO workspace (id, name, time_zone, created_at) VALUES (1, 'Toko', 'Asia/Jakarta', 0);
                 INSERT INTO channel (id, workspace_id, name, network, color, created_at) VALUES (5, 1, 'Sky', 'bluesky', '#1185fe', 0);
                 INSERT INTO post (id, workspace_id, text, status, scheduled_at, time_zone, created_at, updated_at)
                   VALUES (7, 1, 'Roti', 'published', 100, 'Asia/Jakarta', 0, 0);
                 INSERT INTO post_channel (post_id, channel_id) VALUES (7, 5);
                 INSERT INTO publish_attempt (post_id, channel_id, idempotency_key, key_created_at, started_at, finished_at, outcome, remote_id, url)
                   VALUES (7, 5, 'k', 100, 100, 101, 'published', 'at://did:plc:x/app.bsky.feed.post/1', 'https://bsky.app/x');",
            )
            .unwrap();
    }
    let mut store = Store::open(dir.path()).unwrap();
    let targets = store.published_targets(1).unwrap();
    assert_eq!(targets.len(), 1);
    assert_eq!(targets[0].remote_id, "at://did:plc:x/app.bsky.feed.post/1");
    let t = at(2026, 3, 1, 0);
    store
        .append_samples(&[snapshot(5, Some(7), Metric::Likes, 2.0, t)], t)
        .unwrap();
    assert_eq!(store.target_samples(7, 5).unwrap()[0].sample.value, 2.0);
}
