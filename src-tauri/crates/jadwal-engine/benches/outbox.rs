//! 1,000 targets due in the same minute: 250 posts, each to four webhook
//! channels on loopback, published by one scheduler pass, next to the HTTP
//! floor (the same 1,000 POSTs sent one after another by a bare reqwest
//! loop) in the same run. While the pass runs, another thread reads the
//! calendar month over and over: how the window would feel.
//!
//! `cargo bench -p jadwal-engine --bench outbox` prints the figures. It
//! checks every receiver got each of its posts exactly once; it does not
//! time-fail.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use chrono::{TimeZone, Utc};
use jadwal_channels::testing::{Request, Seen, fake, reply};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::{ChannelInput, ConnectWebhookInput, PostInput, TargetDto};
use jadwal_engine::scheduler::SchedulerSettings;
use jadwal_engine::{Engine, EngineConfig, FixedClock};
use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const POSTS: usize = 250;
const CHANNELS: usize = 4;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn receivers() -> Vec<(String, Seen)> {
    let mut out = Vec::new();
    for _ in 0..CHANNELS {
        out.push(fake(|_r: &Request| reply(200, r#"{"url":"https://crm.example/p/1"}"#)).await);
    }
    out
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run());
}

async fn run() {
    let dir = tempfile::tempdir().unwrap();
    let due = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap();
    let clock = Arc::new(FixedClock::new(due - chrono::Duration::hours(1)));
    let engine = Arc::new(
        Engine::open(EngineConfig {
            data_dir: dir.path().to_path_buf(),
            clock: clock.clone(),
            default_time_zone: "Asia/Jakarta".parse().unwrap(),
            secrets: Arc::new(jadwal_secrets::MemoryStore::new()),
        })
        .unwrap(),
    );
    let engine_receivers = receivers().await;
    let mut channel_ids = Vec::new();
    for (i, (url, _)) in engine_receivers.iter().enumerate() {
        let id = engine
            .create_channel(&ChannelInput {
                name: format!("Hook {i}"),
                network: Network::Webhook,
                color: None,
            })
            .unwrap()
            .id;
        engine
            .connect_webhook(&ConnectWebhookInput {
                channel_id: id,
                url: format!("{url}/hook"),
                secret: "rahasia-bench".into(),
            })
            .await
            .unwrap();
        channel_ids.push(id);
    }
    let text = "Promo akhir pekan: roti sobek, kue lapis, dan kopi susu. Pesan sebelum jam 8 pagi, ambil di toko atau kirim ke rumah. ";
    for i in 0..POSTS {
        engine
            .create_post(&PostInput {
                text: format!("{text}#{i}"),
                status: PostStatus::Scheduled,
                at: Some("2026-11-23T09:00".into()),
                targets: channel_ids
                    .iter()
                    .map(|id| TargetDto {
                        channel_id: *id,
                        variant_text: None,
                        as_thread: false,
                    })
                    .collect(),
                label_ids: Vec::new(),
            })
            .unwrap();
    }
    clock.set(due);

    // The window, reading the month while the pass runs.
    let busy = Arc::new(AtomicBool::new(true));
    let reader = {
        let engine = engine.clone();
        let busy = busy.clone();
        std::thread::spawn(move || {
            let mut reads = Vec::new();
            while busy.load(Ordering::Relaxed) {
                let start = Instant::now();
                engine.calendar_posts("2026-11-01", "2026-12-06").unwrap();
                reads.push(start.elapsed());
                std::thread::sleep(Duration::from_millis(5));
            }
            reads
        })
    };
    let start = Instant::now();
    let pass = engine.run_due(&SchedulerSettings::default()).await.unwrap();
    let outbox = start.elapsed();
    busy.store(false, Ordering::Relaxed);
    let mut reads = reader.join().unwrap();
    reads.sort();

    assert_eq!(pass.published.len(), POSTS, "{pass:?}");
    for (_, seen) in &engine_receivers {
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), POSTS, "each receiver gets each post once");
        let keys: HashSet<&str> = seen
            .iter()
            .map(|r| r.header("x-jadwal-idempotency-key").unwrap())
            .collect();
        assert_eq!(keys.len(), POSTS, "no post twice");
    }
    let sample_body = engine_receivers[0].1.lock().unwrap()[0].body.clone();

    // The floor: the same number of POSTs of the same size, one after
    // another, from a bare client to fresh receivers.
    let floor_receivers = receivers().await;
    let client = reqwest::Client::new();
    let start = Instant::now();
    for _ in 0..POSTS {
        for (url, _) in &floor_receivers {
            let answer = client
                .post(format!("{url}/hook"))
                .header("content-type", "application/json")
                .body(sample_body.clone())
                .send()
                .await
                .unwrap();
            assert!(answer.status().is_success());
            answer.bytes().await.unwrap();
        }
    }
    let floor = start.elapsed();

    let targets = POSTS * CHANNELS;
    println!(
        "outbox: {targets} targets due in the same minute ({POSTS} posts x {CHANNELS} webhook channels on loopback)"
    );
    println!(
        "  one scheduler pass: {:.0} ms ({:.2} ms per target)",
        ms(outbox),
        ms(outbox) / targets as f64
    );
    println!(
        "  HTTP floor (bare reqwest loop, same requests): {:.0} ms ({:.2} ms per request)",
        ms(floor),
        ms(floor) / targets as f64
    );
    println!(
        "  ratio: {:.2}x the floor",
        outbox.as_secs_f64() / floor.as_secs_f64()
    );
    println!(
        "  month reads during the pass: {} reads, median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        reads.len(),
        ms(percentile(&reads, 0.5)),
        ms(percentile(&reads, 0.95)),
        ms(*reads.last().unwrap())
    );
}
