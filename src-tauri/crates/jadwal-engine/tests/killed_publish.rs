//! A process killed (SIGKILL) at a random point of a publish to the real
//! local Bluesky server: after each restart the post is on the server
//! exactly once and Jadwal's status matches it.
//!
//! ```text
//! bash src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh \
//!     cargo test -p jadwal-engine --test killed_publish -- --ignored --skip child_
//! ```
//!
//! The test runs itself again as a child that publishes one post; the
//! parent kills it after a random wait, then opens the data folder as the
//! app would on its next start, publishes again, and asks the server.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // the child reports on stdout; a panic is how a test reports
#![cfg(unix)]

mod common;

use common::input;
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::{ChannelInput, ConnectBlueskyInput};
use jadwal_engine::{Engine, EngineConfig, SystemClock};
use jadwal_secrets::{MemoryStore, Secret, SecretStore};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const DIR_ENV: &str = "JADWAL_KILL_PUBLISH_DIR";
const POST_ENV: &str = "JADWAL_KILL_PUBLISH_POST";
const CHANNEL_ENV: &str = "JADWAL_KILL_PUBLISH_CHANNEL";

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("needs a local PDS: run via src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh")
    })
}

/// The engine as the app opens it, with the app password where the
/// keychain would have it.
fn open(dir: &std::path::Path, channel: i64) -> Engine {
    let secrets = MemoryStore::new();
    secrets
        .set(
            &format!("bluesky/{channel}/app-password"),
            &Secret::new(env("JADWAL_TEST_PDS_APP_PASSWORD")),
        )
        .unwrap();
    Engine::open(EngineConfig {
        data_dir: dir.to_path_buf(),
        clock: Arc::new(SystemClock),
        default_time_zone: "Asia/Jakarta".parse().unwrap(),
        secrets: Arc::new(secrets),
    })
    .unwrap()
}

/// The child's work. Ignored in a normal run; the parent starts it.
#[tokio::test]
#[ignore = "started by killing_the_process_mid_publish_posts_exactly_once"]
async fn child_publishes_until_killed() {
    let Some(dir) = std::env::var_os(DIR_ENV) else {
        return;
    };
    let channel: i64 = env(CHANNEL_ENV).parse().unwrap();
    let post: i64 = env(POST_ENV).parse().unwrap();
    let engine = open(std::path::Path::new(&dir), channel);
    println!("publishing");
    let results = engine.publish_now(post).await.unwrap();
    println!("done {}", results[0].published);
}

async fn copies_on_server(pds: &str, did: &str, text: &str) -> Vec<serde_json::Value> {
    let url = format!(
        "{pds}/xrpc/com.atproto.repo.listRecords?repo={did}&collection=app.bsky.feed.post&limit=100"
    );
    let body: serde_json::Value = reqwest::get(url).await.unwrap().json().await.unwrap();
    body["records"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r["value"]["text"] == text)
        .collect()
}

#[tokio::test]
#[ignore = "needs a local PDS: run via src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh"]
async fn killing_the_process_mid_publish_posts_exactly_once() {
    let pds = env("JADWAL_TEST_PDS_URL");
    let dir = tempfile::tempdir().unwrap();
    let channel = {
        let engine = open(dir.path(), 0);
        let id = engine
            .create_channel(&ChannelInput {
                name: "Toko Bluesky".into(),
                network: Network::Bluesky,
                color: None,
            })
            .unwrap()
            .id;
        engine
            .connect_bluesky(&ConnectBlueskyInput {
                channel_id: id,
                identifier: env("JADWAL_TEST_PDS_HANDLE"),
                app_password: env("JADWAL_TEST_PDS_APP_PASSWORD"),
                service: Some(pds.clone()),
            })
            .await
            .unwrap();
        id
    };
    let did = env("JADWAL_TEST_PDS_DID");
    let me = std::env::current_exe().unwrap();
    let mut seed: u64 = u64::from(std::process::id()) ^ 0x9e37_79b9_7f4a_7c15;
    // Where each kill landed: before the attempt was written, while it was
    // open (sent or being sent), or after it finished.
    let (mut before, mut open_attempt, mut finished) = (0, 0, 0);
    // A full publish on loopback takes a few hundred milliseconds; the kills
    // spread over that and a little beyond.
    let window_ms = 900;
    for round in 0..12 {
        let text = format!("Roti round {round} {}", std::process::id());
        let post = {
            let engine = open(dir.path(), channel);
            engine
                .create_post(&input(&text, PostStatus::Draft, None, &[channel]))
                .unwrap()
                .post
                .id
        };
        let mut child = Command::new(&me)
            .args([
                "--exact",
                "child_publishes_until_killed",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DIR_ENV, dir.path())
            .env(POST_ENV, post.to_string())
            .env(CHANNEL_ENV, channel.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let wait = Duration::from_millis((seed >> 33) % window_ms);
        let started = Instant::now();
        while started.elapsed() < wait {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let _ = child.kill(); // SIGKILL on Unix; fine if it already ended
        child.wait().unwrap();

        // Where did the kill land?
        {
            let store = jadwal_store::Store::open(dir.path()).unwrap();
            match store.last_attempt(post, channel).unwrap() {
                None => before += 1,
                Some(a) if a.outcome.is_none() => open_attempt += 1,
                Some(_) => finished += 1,
            }
        }

        // The next start: a post not yet published is published again (as
        // the scheduler or the person would); a published one is left alone.
        let engine = open(dir.path(), channel);
        if engine.post(post).unwrap().status != PostStatus::Published {
            let results = engine.publish_now(post).await.unwrap();
            assert!(results[0].published, "round {round}: {results:?}");
        }
        let url = engine
            .publish_log(post)
            .unwrap()
            .into_iter()
            .rev()
            .find_map(|a| a.url)
            .unwrap_or_else(|| panic!("round {round}: no link in the log"));
        let copies = copies_on_server(&pds, &did, &text).await;
        assert_eq!(copies.len(), 1, "round {round}: {copies:#?}");
        assert_eq!(
            engine.post(post).unwrap().status,
            PostStatus::Published,
            "round {round}"
        );
        let rkey = copies[0]["uri"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_owned();
        assert!(
            url.ends_with(&rkey),
            "round {round}: the app links to the post on the server"
        );
    }
    println!(
        "kills landed: {before} before the attempt, {open_attempt} with the attempt open, {finished} after it finished"
    );
    assert!(
        open_attempt + before > 0,
        "no kill landed before the publish finished; the test did not test a crash mid-publish"
    );
}
