//! The network drops in the middle of a batch of due posts and comes back:
//! every post ends published exactly once on the real local Bluesky server
//! (or failed with a reason), none twice.
//!
//! ```text
//! bash src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh \
//!     cargo test -p jadwal-engine --test network_drop -- --ignored
//! ```
//!
//! Jadwal talks to the server through a small TCP relay on loopback; "the
//! network drops" is the relay cutting every open connection and refusing
//! new ones, "it comes back" is the relay listening again on the same port.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a panic is how a test reports

mod common;

use common::{input, utc, world};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::ConnectBlueskyInput;
use jadwal_engine::scheduler::SchedulerSettings;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("needs a local PDS: run via src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh")
    })
}

/// A TCP relay from a loopback port to the server, which can be cut.
struct Relay {
    port: u16,
    upstream: SocketAddr,
    tasks: Arc<Mutex<Vec<AbortHandle>>>,
}

impl Relay {
    async fn start(port: u16, upstream: SocketAddr) -> Relay {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let tasks: Arc<Mutex<Vec<AbortHandle>>> = Arc::default();
        let conns = tasks.clone();
        let accept = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                let conn = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                conns.lock().unwrap().push(conn.abort_handle());
            }
        });
        tasks.lock().unwrap().push(accept.abort_handle());
        Relay {
            port,
            upstream,
            tasks,
        }
    }

    /// The network drops: open connections break, new ones are refused.
    fn cut(&self) {
        for t in self.tasks.lock().unwrap().drain(..) {
            t.abort();
        }
    }

    /// The network is back, on the same address.
    async fn restore(&self) -> Relay {
        Relay::start(self.port, self.upstream).await
    }
}

#[tokio::test]
#[ignore = "needs a local PDS: run via src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh"]
async fn a_network_drop_mid_batch_ends_with_every_post_once() {
    let pds = env("JADWAL_TEST_PDS_URL");
    let address = reqwest::Url::parse(&pds).unwrap();
    let upstream: SocketAddr = tokio::net::lookup_host((
        address.host_str().unwrap(),
        address.port_or_known_default().unwrap(),
    ))
    .await
    .unwrap()
    .next()
    .unwrap();
    let relay = Relay::start(0, upstream).await;
    let w = world("UTC", utc(2026, 11, 23, 1, 0));
    let ch = w.channel("Toko Bluesky", Network::Bluesky);
    w.engine
        .connect_bluesky(&ConnectBlueskyInput {
            channel_id: ch,
            identifier: env("JADWAL_TEST_PDS_HANDLE"),
            app_password: env("JADWAL_TEST_PDS_APP_PASSWORD"),
            service: Some(format!("http://127.0.0.1:{}", relay.port)),
        })
        .await
        .unwrap();
    let run = std::process::id();
    let texts: Vec<String> = (0..8).map(|i| format!("Batch {run} post {i}")).collect();
    let ids: Vec<i64> = texts
        .iter()
        .map(|t| {
            w.engine
                .create_post(&input(
                    t,
                    PostStatus::Scheduled,
                    Some("2026-11-23T02:00"),
                    &[ch],
                ))
                .unwrap()
                .post
                .id
        })
        .collect();

    // The batch starts; once two posts are out, the network drops.
    w.clock.set(utc(2026, 11, 23, 2, 0));
    let dir = w.dir.path().to_path_buf();
    let watched = ids.clone();
    let relay = Arc::new(relay);
    let cutter = relay.clone();
    let watcher = tokio::spawn(async move {
        loop {
            let store = jadwal_store::Store::open(&dir).unwrap();
            let out = watched
                .iter()
                .filter(|id| store.post(**id).unwrap().status == PostStatus::Published)
                .count();
            if out >= 2 {
                cutter.cut();
                return out;
            }
            tokio::time::sleep(std::time::Duration::from_millis(3)).await;
        }
    });
    let settings = SchedulerSettings::default();
    let first = w.engine.run_due(&settings).await.unwrap();
    let out_at_cut = watcher.await.unwrap();
    println!("first pass: {first:?} (cut after {out_at_cut} were out)");
    assert!(
        first.published.len() < ids.len(),
        "the drop came too late to test anything: {first:?}"
    );
    assert!(
        !first.offline.is_empty() || !first.retrying.is_empty(),
        "{first:?}"
    );

    // Later, the network is back; the scheduler's next passes finish.
    let _back = relay.restore().await;
    let mut at = utc(2026, 11, 23, 2, 0);
    for _ in 0..12 {
        let left = ids
            .iter()
            .filter(|id| w.engine.post(**id).unwrap().status == PostStatus::Scheduled)
            .count();
        if left == 0 {
            break;
        }
        at += chrono::Duration::minutes(2);
        w.clock.set(at);
        w.engine.run_due(&settings).await.unwrap();
    }

    let did = env("JADWAL_TEST_PDS_DID");
    let url = format!(
        "{pds}/xrpc/com.atproto.repo.listRecords?repo={did}&collection=app.bsky.feed.post&limit=100"
    );
    let body: serde_json::Value = reqwest::get(url).await.unwrap().json().await.unwrap();
    let records = body["records"].as_array().cloned().unwrap_or_default();
    for (id, text) in ids.iter().zip(&texts) {
        let copies = records
            .iter()
            .filter(|r| r["value"]["text"] == text.as_str())
            .count();
        let post = w.engine.post(*id).unwrap();
        match post.status {
            PostStatus::Published => assert_eq!(copies, 1, "{text}: {copies} copies"),
            PostStatus::Failed => {
                assert_eq!(copies, 0, "{text} failed but is on the server");
                let log = w.engine.publish_log(*id).unwrap();
                assert!(
                    log.last().unwrap().message.is_some(),
                    "{text}: failed without a reason"
                );
            }
            other => panic!("{text} ended {other:?}"),
        }
    }
    let published = ids
        .iter()
        .filter(|id| w.engine.post(**id).unwrap().status == PostStatus::Published)
        .count();
    println!(
        "{published} of {} published after the drop and restore",
        ids.len()
    );
    assert_eq!(
        published,
        ids.len(),
        "the network came back well within the retries"
    );
}
