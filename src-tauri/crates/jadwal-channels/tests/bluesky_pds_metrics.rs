//! Bluesky counts with a real PDS (`@atproto/pds`) on loopback, started by
//! `tests/pds/with-pds.sh`:
//!
//! ```text
//! bash src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh \
//!     cargo test -p jadwal-channels --features test-support --test bluesky_pds_metrics -- --ignored
//! ```
//!
//! A PDS alone serves records (`com.atproto.*`) but not counts: it answers
//! `app.bsky.*` reads with "No service configured" when no AppView stands
//! behind it, as here. So the counts of a post published on the real PDS
//! are read from a fake that answers like the AppView, keyed by the real
//! post's URI and the real account's DID.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;

use chrono::{TimeZone, Utc};
use jadwal_channels::bluesky::{BlueskyChannel, BlueskyConfig, BlueskyLogin};
use jadwal_channels::fake_counts::fake_appview;
use jadwal_channels::{Channel, HttpClient, HttpOptions, Metrics, OutgoingPost};
use jadwal_secrets::Secret;

const HOW_TO_RUN: &str = "this test needs a local PDS; run it as \
     `bash src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh cargo test -p jadwal-channels --features test-support --test bluesky_pds_metrics -- --ignored`";

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{HOW_TO_RUN}"))
}

/// The account on the real PDS (logged in by DID, as the engine does),
/// with counts read from `appview`.
fn channel(appview: &str) -> BlueskyChannel {
    let config = BlueskyConfig::new(Some(&var("JADWAL_TEST_PDS_URL")))
        .unwrap()
        .with_appview(appview)
        .unwrap();
    let login = BlueskyLogin::new(
        &var("JADWAL_TEST_PDS_DID"),
        Secret::new(var("JADWAL_TEST_PDS_APP_PASSWORD")),
    )
    .unwrap();
    BlueskyChannel::new(
        config,
        login,
        HttpClient::new(HttpOptions::default()).unwrap(),
    )
}

fn post(key: &str) -> OutgoingPost {
    OutgoingPost {
        idempotency_key: key.to_owned(),
        created_at: Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap(),
        text: "Berapa yang suka roti ini?".into(),
        images: Vec::new(),
        langs: vec!["id".into()],
        split_into_thread: false,
    }
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn a_pds_without_an_appview_says_it_cannot_count() {
    let pds = var("JADWAL_TEST_PDS_URL");
    let ch = channel(&pds);
    let published = ch.publish(&post("metrics-no-appview")).await.unwrap();
    // The record itself is there: the PDS serves com.atproto reads.
    let rkey = published.remote_id.rsplit('/').next().unwrap();
    let record = reqwest::get(format!(
        "{pds}/xrpc/com.atproto.repo.getRecord?repo={}&collection=app.bsky.feed.post&rkey={rkey}",
        var("JADWAL_TEST_PDS_DID")
    ))
    .await
    .unwrap();
    assert_eq!(record.status(), 200);
    let e = ch.fetch_metrics(&published.remote_id).await.unwrap_err();
    assert_eq!(e.code(), "no_appview", "{e}");
    assert!(!e.is_temporary(), "asking again will not help");
    let e = ch.fetch_account_metrics().await.unwrap_err();
    assert_eq!(e.code(), "no_appview", "{e}");
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn a_post_published_on_the_real_pds_is_counted_by_its_uri() {
    // Published first (the URI comes from the real PDS), then the AppView
    // is told about exactly that URI and the real DID.
    let publisher = channel("http://127.0.0.1:9");
    let published = publisher.publish(&post("metrics-counted")).await.unwrap();
    assert!(
        published
            .remote_id
            .starts_with(&format!("at://{}/", var("JADWAL_TEST_PDS_DID")))
    );
    let (appview, seen) = fake_appview(
        HashMap::from([(published.remote_id.clone(), [5, 1, 2, 0])]),
        HashMap::from([(var("JADWAL_TEST_PDS_DID"), 42)]),
    )
    .await;
    let ch = channel(&appview);
    assert_eq!(
        ch.fetch_metrics(&published.remote_id).await.unwrap(),
        Metrics {
            likes: Some(5),
            reposts: Some(1),
            replies: Some(2),
            quotes: Some(0)
        }
    );
    assert_eq!(
        ch.fetch_account_metrics().await.unwrap().followers,
        Some(42)
    );
    assert_eq!(seen.lock().unwrap().len(), 2);
}
