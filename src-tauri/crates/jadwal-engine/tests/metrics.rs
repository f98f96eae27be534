//! Figures through the engine on a real data file: typed in, imported from
//! CSV exports (good files, bad rows, local number and date habits), and
//! refreshed from fakes that answer like Bluesky's AppView and Mastodon,
//! with one channel failing while the others go on.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{World, input, utc};
use jadwal_channels::fake_counts::{fake_appview, fake_mastodon_counts};
use jadwal_channels::testing::closed_port;
use jadwal_domain::{Metric, MetricSource, Network, PostStatus};
use jadwal_engine::Clock;
use jadwal_engine::dto::{
    CsvMappingInput, CsvMetricColumn, MetricSampleDto, RecordMetricInput, RefreshStatus,
};
use jadwal_secrets::{Secret, SecretStore};
use jadwal_store::Store;
use jadwal_store::accounts::{AccountRecord, AccountStatus};
use jadwal_store::attempts::AttemptOutcome;
use std::collections::HashMap;

const MASTO_TOKEN: &str = "masto-token-for-metrics-aaaaaaaa";

fn world(now: DateTime<Utc>) -> World {
    common::world("Asia/Jakarta", now)
}

/// What these tests need beyond the shared world.
trait Figures {
    fn post(&self, at: &str, channels: &[i64]) -> i64;
    fn raw(&self) -> Store;
    fn published(&self, post: i64, channel: i64, remote_id: &str, url: &str, at: DateTime<Utc>);
    fn connect(&self, channel: i64, remote_id: &str, service: Option<String>, secret: (&str, &str));
}

impl Figures for World {
    fn post(&self, at: &str, channels: &[i64]) -> i64 {
        self.engine
            .create_post(&input("Roti baru!", PostStatus::Draft, Some(at), channels))
            .unwrap()
            .post
            .id
    }

    /// A second connection to the same file, for what only the networks
    /// or a publish would write (accounts, published attempts).
    fn raw(&self) -> Store {
        Store::open(self.dir.path()).unwrap()
    }

    fn published(&self, post: i64, channel: i64, remote_id: &str, url: &str, at: DateTime<Utc>) {
        let mut raw = self.raw();
        let a = raw
            .start_attempt(post, channel, &format!("k-{post}-{channel}"), at, at)
            .unwrap();
        raw.finish_attempt(
            a,
            &AttemptOutcome::Published {
                remote_id: remote_id.into(),
                url: url.into(),
            },
            at,
        )
        .unwrap();
    }

    fn connect(
        &self,
        channel: i64,
        remote_id: &str,
        service: Option<String>,
        secret: (&str, &str),
    ) {
        self.raw()
            .put_account(&AccountRecord {
                channel_id: channel,
                remote_id: remote_id.into(),
                handle: "toko.test".into(),
                display_name: None,
                avatar_url: None,
                service_url: service,
                status: AccountStatus::Connected,
                verified_at: self.clock.now(),
            })
            .unwrap();
        self.secrets
            .set(
                &secret.0.replace("{id}", &channel.to_string()),
                &Secret::new(secret.1),
            )
            .unwrap();
    }
}

/// Each figure's name and value, in the order given.
fn figures(samples: &[MetricSampleDto]) -> Vec<(Metric, f64)> {
    samples.iter().map(|s| (s.metric, s.value)).collect()
}

/// An Instagram post marked as posted by hand with its link, on 5 March.
fn posted_by_hand() -> (World, i64, i64) {
    let w = world(utc(2026, 3, 10, 0, 0));
    let ig = w.channel("Instagram", Network::Instagram);
    let post = w.post("2026-03-05T10:00", &[ig]);
    w.published(
        post,
        ig,
        "published by hand",
        "https://www.instagram.com/p/RotiBaru/",
        utc(2026, 3, 5, 3, 0),
    );
    (w, ig, post)
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_figure_typed_in_keeps_its_time_and_source_and_the_history_grows() {
    let w = world(utc(2026, 3, 10, 0, 0));
    let ig = w.channel("Instagram", Network::Instagram);
    let other = w.channel("Other", Network::Instagram);
    let post = w.post("2026-03-01T09:00", &[ig]);
    let record = |metric, value: f64, at: &str, post_id| {
        w.engine.record_metric(&RecordMetricInput {
            channel_id: ig,
            post_id,
            metric,
            value,
            at: at.into(),
        })
    };
    let first = record(Metric::Likes, 10.0, "2026-03-02T09:00", Some(post)).unwrap();
    assert_eq!(first.source, MetricSource::Manual);
    // 09:00 in Jakarta is 02:00 UTC.
    assert_eq!(first.taken_at, "2026-03-02T02:00:00Z");
    assert_eq!(first.period_end, None);
    record(Metric::Likes, 14.0, "2026-03-03T09:00", Some(post)).unwrap();
    record(Metric::Saves, 2.0, "2026-03-03T09:00", Some(post)).unwrap();
    let day = record(Metric::Followers, 1_200.0, "2026-03-03", None).unwrap();
    assert_eq!(
        day.taken_at, "2026-03-02T17:00:00Z",
        "the day starts at midnight in Jakarta"
    );
    assert_eq!(day.period_end.as_deref(), Some("2026-03-03T17:00:00Z"));

    let m = w.engine.target_metrics(post, ig).unwrap();
    let history = figures(&m.history);
    assert_eq!(
        history,
        vec![
            (Metric::Likes, 10.0),
            (Metric::Likes, 14.0),
            (Metric::Saves, 2.0)
        ]
    );
    let latest = figures(&m.latest);
    assert_eq!(latest, vec![(Metric::Likes, 14.0), (Metric::Saves, 2.0)]);
    let account = w
        .engine
        .account_metrics(ig, utc(2026, 3, 1, 0, 0), utc(2026, 4, 1, 0, 0))
        .unwrap();
    assert_eq!(account.len(), 1);

    assert_eq!(
        record(Metric::Likes, 2.5, "2026-03-03T09:00", Some(post))
            .unwrap_err()
            .code(),
        "impossible_metric_value"
    );
    assert_eq!(
        record(Metric::Likes, 1.0, "2026-02-30", Some(post))
            .unwrap_err()
            .code(),
        "invalid_date_time"
    );
    let wrong_channel = w.engine.record_metric(&RecordMetricInput {
        channel_id: other,
        post_id: Some(post),
        metric: Metric::Likes,
        value: 1.0,
        at: "2026-03-03T09:00".into(),
    });
    assert!(
        wrong_channel.is_err(),
        "the post does not go to that channel"
    );
    assert_eq!(w.engine.target_metrics(post, ig).unwrap().history.len(), 3);
}

/// An Indonesian insights export: BOM, semicolons, decimal commas, a
/// quoted field holding the separator, dates day first.
const INDONESIAN: &str = "\u{feff}Tautan postingan;Tanggal;Tayangan;Jangkauan;Suka;Rasio pentalan;Keterangan\r\n\
https://www.instagram.com/p/RotiBaru/;05/03/2026;1.234;987;45;42,5;\"Roti; manis\"\r\n\
;06/03/2026;2.000;1.500;;12,5;akun\r\n";

#[test]
fn an_indonesian_export_is_previewed_mapped_and_imported_whole() {
    let (w, ig, post) = posted_by_hand();
    let file = write(&w.dir, "insights.csv", INDONESIAN.as_bytes());

    let preview = w.engine.csv_preview(&file, Some(ig)).unwrap();
    assert_eq!(preview.separator, ";");
    assert!(preview.decimal_comma);
    assert_eq!(preview.row_count, 2);
    assert_eq!(
        preview.columns[0].header, "Tautan postingan",
        "the BOM is not part of the header"
    );
    assert_eq!(preview.rows[0][6], "Roti; manis");
    let mapping = preview.suggested;
    assert_eq!(
        (mapping.post_column, mapping.date_column),
        (Some(0), Some(1))
    );
    let mapped: Vec<Metric> = mapping.metrics.iter().map(|m| m.metric).collect();
    assert_eq!(
        mapped,
        vec![
            Metric::Impressions,
            Metric::Reach,
            Metric::Likes,
            Metric::BounceRate
        ]
    );

    let result = w.engine.csv_import(&file, &mapping).unwrap();
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    assert_eq!((result.rows, result.imported, result.skipped), (2, 7, 0));
    let m = w.engine.target_metrics(post, ig).unwrap();
    let got: Vec<(Metric, f64, MetricSource)> = m
        .latest
        .iter()
        .map(|s| (s.metric, s.value, s.source))
        .collect();
    assert_eq!(
        got,
        vec![
            (Metric::BounceRate, 0.425, MetricSource::Csv),
            (Metric::Impressions, 1_234.0, MetricSource::Csv),
            (Metric::Likes, 45.0, MetricSource::Csv),
            (Metric::Reach, 987.0, MetricSource::Csv),
        ]
    );
    assert_eq!(m.latest.len(), 4);
    let impressions = m
        .latest
        .iter()
        .find(|s| s.metric == Metric::Impressions)
        .unwrap();
    // 5 March in Jakarta: 4 March 17:00 UTC to 5 March 17:00 UTC.
    assert_eq!(impressions.taken_at, "2026-03-04T17:00:00Z");
    assert_eq!(
        impressions.period_end.as_deref(),
        Some("2026-03-05T17:00:00Z")
    );
    // The row without a post link is the account's.
    let account = w
        .engine
        .account_metrics(ig, utc(2026, 3, 1, 0, 0), utc(2026, 4, 1, 0, 0))
        .unwrap();
    let got = figures(&account);
    assert_eq!(
        got,
        vec![
            (Metric::BounceRate, 0.125),
            (Metric::Impressions, 2_000.0),
            (Metric::Reach, 1_500.0)
        ]
    );
}

#[test]
fn a_file_with_bad_rows_imports_nothing_and_names_each_row_unless_told_to_skip_them() {
    let (w, ig, post) = posted_by_hand();
    let file = write(
        &w.dir,
        "bad.csv",
        b"Permalink,Date,Likes,Impressions\n\
          https://www.instagram.com/p/RotiBaru/,2026-03-05,12,\"1,200\"\n\
          https://www.instagram.com/p/RotiBaru/,2026-02-30,3,10\n\
          https://www.instagram.com/p/RotiBaru/,2026-03-06,lots,10\n\
          https://www.instagram.com/p/SomeoneElse/,2026-03-06,1,10\n\
          https://www.instagram.com/p/RotiBaru/,2026-03-07,-4,10\n\
          https://www.instagram.com/p/RotiBaru/,2026-03-08,7,700\n",
    );
    let mut mapping = w.engine.csv_preview(&file, Some(ig)).unwrap().suggested;
    assert!(!mapping.decimal_comma);
    let refused = w.engine.csv_import(&file, &mapping).unwrap();
    assert_eq!(refused.imported, 0);
    let problems: Vec<(u32, &str, Option<&str>, &str)> = refused
        .problems
        .iter()
        .map(|p| {
            (
                p.row,
                p.code.as_str(),
                p.column.as_deref(),
                p.value.as_str(),
            )
        })
        .collect();
    assert_eq!(
        problems,
        vec![
            (3, "bad_date", Some("Date"), "2026-02-30"),
            (4, "not_a_number", Some("Likes"), "lots"),
            (
                5,
                "unknown_post",
                Some("Permalink"),
                "https://www.instagram.com/p/SomeoneElse/"
            ),
            (6, "impossible_value", Some("Likes"), "-4"),
        ]
    );
    assert!(
        refused
            .problems
            .iter()
            .all(|p| p.message.starts_with(&format!("row {}", p.row)))
    );
    assert!(
        w.engine
            .target_metrics(post, ig)
            .unwrap()
            .history
            .is_empty(),
        "nothing half-imported"
    );

    mapping.skip_bad_rows = true;
    let partial = w.engine.csv_import(&file, &mapping).unwrap();
    assert_eq!((partial.imported, partial.skipped, partial.rows), (4, 4, 6));
    let history = w.engine.target_metrics(post, ig).unwrap().history;
    let values = figures(&history);
    assert_eq!(
        values,
        vec![
            (Metric::Impressions, 1_200.0),
            (Metric::Impressions, 700.0),
            (Metric::Likes, 12.0),
            (Metric::Likes, 7.0)
        ]
    );
}

#[test]
fn a_mapping_that_cannot_work_is_refused_before_reading_rows() {
    let w = world(utc(2026, 3, 10, 0, 0));
    let ig = w.channel("Instagram", Network::Instagram);
    let file = write(&w.dir, "x.csv", b"Date;Likes\n01/03/2026;4\n");
    let mut mapping = CsvMappingInput {
        channel_id: None,
        date_column: Some(0),
        post_column: None,
        metrics: vec![CsvMetricColumn {
            column: 1,
            metric: Metric::Likes,
        }],
        day_first: true,
        decimal_comma: true,
        skip_bad_rows: false,
    };
    assert_eq!(
        w.engine.csv_import(&file, &mapping).unwrap_err().code(),
        "csv_mapping"
    );
    mapping.channel_id = Some(ig);
    mapping.metrics[0].column = 0;
    assert_eq!(
        w.engine.csv_import(&file, &mapping).unwrap_err().code(),
        "csv_mapping"
    );
    mapping.metrics[0].column = 5;
    assert_eq!(
        w.engine.csv_import(&file, &mapping).unwrap_err().code(),
        "csv_mapping"
    );
    let missing = w.dir.path().join("missing.csv");
    assert_eq!(
        w.engine.csv_preview(&missing, None).unwrap_err().code(),
        "csv_unreadable"
    );
    mapping.metrics[0].column = 1;
    let ok = w.engine.csv_import(&file, &mapping).unwrap();
    assert_eq!(ok.imported, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refresh_fetches_every_channel_it_can_and_a_failing_one_stops_no_other() {
    let now = utc(2026, 3, 10, 0, 0);
    let w = world(now);
    let sky = w.channel("Sky", Network::Bluesky);
    let masto = w.channel("Masto", Network::Mastodon);
    let down = w.channel("Masto down", Network::Mastodon);
    let tg = w.channel("Telegram", Network::Telegram);
    let _unconnected = w.channel("Sky unconnected", Network::Bluesky);
    let uri = "at://did:plc:toko/app.bsky.feed.post/3kabc";
    let old_uri = "at://did:plc:toko/app.bsky.feed.post/3kold";
    let (appview, seen_appview) = fake_appview(
        HashMap::from([
            (uri.to_owned(), [12, 3, 4, 1]),
            (old_uri.to_owned(), [1, 0, 0, 0]),
        ]),
        HashMap::from([("did:plc:toko".to_owned(), 250)]),
    )
    .await;
    let (instance, _) = fake_mastodon_counts(
        MASTO_TOKEN,
        HashMap::from([("110123".to_owned(), [7, 2, 5])]),
        321,
    )
    .await;
    w.engine.set_bluesky_appview(Some(&appview)).unwrap();
    w.connect(
        sky,
        "did:plc:toko",
        Some(closed_port()),
        ("bluesky/{id}/app-password", "app-pass-xxxx"),
    );
    w.connect(
        masto,
        "109",
        Some(instance),
        ("mastodon/{id}/access-token", MASTO_TOKEN),
    );
    w.connect(
        down,
        "109",
        Some(closed_port()),
        ("mastodon/{id}/access-token", MASTO_TOKEN),
    );
    w.connect(
        tg,
        "@tokoroti",
        None,
        ("telegram/{id}/bot-token", "123456789:AAHk-bot"),
    );

    let recent = w.post("2026-03-05T10:00", &[sky, masto, down, tg]);
    let old = w.post("2025-12-01T10:00", &[sky]);
    w.published(
        recent,
        sky,
        uri,
        "https://bsky.app/profile/toko.test/post/3kabc",
        now - Duration::days(5),
    );
    w.published(
        recent,
        masto,
        "110123",
        "https://toot.test/@toko/110123",
        now - Duration::days(5),
    );
    w.published(
        recent,
        down,
        "110123",
        "https://down.test/@toko/110123",
        now - Duration::days(5),
    );
    w.published(
        recent,
        tg,
        "77",
        "https://t.me/tokoroti/77",
        now - Duration::days(5),
    );
    w.published(
        old,
        sky,
        old_uri,
        "https://bsky.app/profile/toko.test/post/3kold",
        now - Duration::days(99),
    );

    let report = w.engine.refresh_metrics().await.unwrap();
    let by_name = |name: &str| {
        report
            .channels
            .iter()
            .find(|c| c.channel_name == name)
            .unwrap()
    };
    assert_eq!(by_name("Sky").status, RefreshStatus::Fetched);
    assert_eq!(by_name("Sky").posts, 2);
    assert_eq!(
        by_name("Sky").samples,
        9,
        "followers + 4 counts for each of 2 posts"
    );
    assert_eq!(by_name("Masto").status, RefreshStatus::Fetched);
    assert_eq!(
        by_name("Masto").samples,
        4,
        "followers + favourites, boosts, replies"
    );
    let failed = by_name("Masto down");
    assert_eq!(failed.status, RefreshStatus::Failed);
    assert_eq!(failed.failed_posts, 1);
    assert!(failed.code.is_some() && failed.message.is_some());
    assert!(!failed.message.as_deref().unwrap().contains(MASTO_TOKEN));
    assert_eq!(by_name("Telegram").status, RefreshStatus::NotAvailable);
    assert_eq!(
        by_name("Sky unconnected").status,
        RefreshStatus::NotConnected
    );
    assert_eq!(w.engine.metrics_fetched_at().unwrap(), Some(now));

    let sky_metrics = w.engine.target_metrics(recent, sky).unwrap();
    let got: Vec<(Metric, f64, MetricSource)> = sky_metrics
        .latest
        .iter()
        .map(|s| (s.metric, s.value, s.source))
        .collect();
    assert_eq!(
        got,
        vec![
            (Metric::Likes, 12.0, MetricSource::Bluesky),
            (Metric::Quotes, 1.0, MetricSource::Bluesky),
            (Metric::Replies, 4.0, MetricSource::Bluesky),
            (Metric::Reposts, 3.0, MetricSource::Bluesky),
        ]
    );
    let masto_metrics = w.engine.target_metrics(recent, masto).unwrap();
    assert_eq!(masto_metrics.latest.len(), 3);
    assert!(
        masto_metrics
            .latest
            .iter()
            .all(|s| s.source == MetricSource::Mastodon)
    );
    let followers = w
        .engine
        .account_metrics(sky, now, now + Duration::seconds(1))
        .unwrap();
    assert_eq!(followers[0].metric, Metric::Followers);
    assert_eq!(followers[0].value, 250.0);

    // An hour later: the recent post is asked again, the old one (fetched
    // an hour ago) waits a week; history grows, nothing is overwritten.
    let asked_before = seen_appview.lock().unwrap().len();
    w.clock.set(now + Duration::hours(1));
    let again = w.engine.refresh_metrics().await.unwrap();
    let sky_again = again
        .channels
        .iter()
        .find(|c| c.channel_name == "Sky")
        .unwrap();
    assert_eq!(sky_again.posts, 1);
    assert_eq!(
        seen_appview.lock().unwrap().len() - asked_before,
        2,
        "profile + the recent post"
    );
    assert_eq!(
        w.engine.target_metrics(recent, sky).unwrap().history.len(),
        8
    );
    assert_eq!(w.engine.target_metrics(old, sky).unwrap().history.len(), 4);
    assert!(!common::data_file_holds(w.dir.path(), MASTO_TOKEN));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_schedule_refreshes_at_start_when_stale_and_every_six_hours() {
    let now = utc(2026, 3, 10, 0, 0);
    let w = world(now);
    assert_eq!(
        w.engine.next_metrics_refresh().unwrap(),
        now,
        "never fetched: now"
    );
    w.engine.refresh_metrics().await.unwrap();
    assert_eq!(
        w.engine.next_metrics_refresh().unwrap(),
        now + Duration::hours(6)
    );
    // The app started again 7 hours later: the last refresh is stale.
    w.clock.set(now + Duration::hours(7));
    assert_eq!(
        w.engine.next_metrics_refresh().unwrap(),
        now + Duration::hours(6)
    );
    assert!(w.engine.next_metrics_refresh().unwrap() <= w.clock.now());
}

#[test]
fn the_dashboard_puts_followers_on_the_workspaces_days() {
    let w = world(utc(2026, 3, 10, 0, 0));
    let ig = w.channel("Instagram", Network::Instagram);
    let record = |value: f64, at: &str| {
        w.engine
            .record_metric(&RecordMetricInput {
                channel_id: ig,
                post_id: None,
                metric: Metric::Followers,
                value,
                at: at.into(),
            })
            .unwrap();
    };
    // 00:30 on 6 March in Jakarta is still 5 March in UTC.
    record(100.0, "2026-03-06T00:30");
    record(104.0, "2026-03-06T21:00");
    // 23:30 on 7 March in Jakarta is 16:30 UTC, the same day.
    record(110.0, "2026-03-07T23:30");

    let march = w.engine.insights("2026-03-01", "2026-03-31").unwrap();
    let followers: Vec<(String, f64)> = march.channels[0]
        .days
        .iter()
        .filter_map(|d| d.followers.map(|f| (d.day.to_string(), f)))
        .collect();
    assert_eq!(
        followers,
        vec![
            ("2026-03-06".to_owned(), 104.0),
            ("2026-03-07".to_owned(), 110.0)
        ]
    );
}
