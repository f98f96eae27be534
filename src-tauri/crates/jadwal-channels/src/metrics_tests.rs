//! Fetching counts against fakes that answer like Bluesky's AppView and a
//! Mastodon instance, and the networks that give none.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use std::collections::HashMap;

use jadwal_secrets::Secret;

use crate::bluesky::{BlueskyChannel, BlueskyConfig, BlueskyLogin};
use crate::fake_counts::{fake_appview, fake_mastodon_counts};
use crate::mastodon::MastodonChannel;
use crate::telegram::TelegramChannel;
use crate::testing::{closed_port, options};
use crate::webhook::WebhookChannel;
use crate::{AccountMetrics, Channel, HttpClient, Metrics};

const URI: &str = "at://did:plc:toko/app.bsky.feed.post/3kabc";
const TOKEN: &str = "mastodon-token-for-counts-xxxxxxxx";

fn http() -> HttpClient {
    HttpClient::new(options()).unwrap()
}

fn bluesky(appview: &str) -> BlueskyChannel {
    BlueskyChannel::new(
        // The PDS is never asked: counts come from the AppView, without login.
        BlueskyConfig::new(Some(&closed_port()))
            .unwrap()
            .with_appview(appview)
            .unwrap(),
        BlueskyLogin::new("did:plc:toko", Secret::new("app-pass-word-xxxx")).unwrap(),
        http(),
    )
}

#[tokio::test]
async fn bluesky_counts_come_from_the_appview_without_a_login() {
    let (appview, seen) = fake_appview(
        HashMap::from([(URI.to_owned(), [12, 3, 4, 1])]),
        HashMap::from([("did:plc:toko".to_owned(), 250)]),
    )
    .await;
    let channel = bluesky(&appview);
    assert_eq!(
        channel.fetch_metrics(URI).await.unwrap(),
        Metrics {
            likes: Some(12),
            reposts: Some(3),
            replies: Some(4),
            quotes: Some(1)
        }
    );
    assert_eq!(
        channel.fetch_account_metrics().await.unwrap(),
        AccountMetrics {
            followers: Some(250)
        }
    );
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert!(seen.iter().all(|r| r.header("authorization").is_none()));
    assert!(
        seen[0].target.contains("uris=at%3A%2F%2Fdid%3Aplc%3Atoko"),
        "{}",
        seen[0].target
    );
}

#[tokio::test]
async fn a_post_the_appview_does_not_return_is_gone_and_an_unreachable_one_is_temporary() {
    let (appview, _) = fake_appview(HashMap::new(), HashMap::new()).await;
    let e = bluesky(&appview).fetch_metrics(URI).await.unwrap_err();
    assert_eq!(e.code(), "post_not_found");
    assert!(!e.is_temporary());
    let e = bluesky(&closed_port())
        .fetch_metrics(URI)
        .await
        .unwrap_err();
    assert!(e.is_temporary(), "{e}");
}

#[tokio::test]
async fn mastodon_counts_favourites_boosts_replies_and_followers_with_the_token() {
    let (instance, seen) = fake_mastodon_counts(
        TOKEN,
        HashMap::from([("110123".to_owned(), [7, 2, 5])]),
        321,
    )
    .await;
    let channel = MastodonChannel::new(&instance, Secret::new(TOKEN), http()).unwrap();
    assert_eq!(
        channel.fetch_metrics("110123").await.unwrap(),
        Metrics {
            likes: Some(7),
            reposts: Some(2),
            replies: Some(5),
            quotes: None
        }
    );
    assert_eq!(
        channel.fetch_account_metrics().await.unwrap().followers,
        Some(321)
    );
    let e = channel.fetch_metrics("999").await.unwrap_err();
    assert_eq!(e.code(), "post_not_found");
    let paths: Vec<String> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|r| r.target.clone())
        .collect();
    assert_eq!(
        paths,
        [
            "/api/v1/statuses/110123",
            "/api/v1/accounts/verify_credentials",
            "/api/v1/statuses/999"
        ]
    );
    let wrong = MastodonChannel::new(&instance, Secret::new("another-token-zzzz"), http()).unwrap();
    let e = wrong.fetch_metrics("110123").await.unwrap_err();
    assert_eq!(e.code(), "login_expired");
    assert!(!format!("{e} {e:?}").contains("another-token"));
}

#[tokio::test]
async fn telegram_and_webhooks_give_no_figures_and_say_so_without_a_request() {
    let telegram = TelegramChannel::new(
        Secret::new("123456789:AAHk-bot-token_zzzz"),
        "@tokoroti",
        http(),
    )
    .unwrap()
    .with_api(&closed_port())
    .unwrap();
    let webhook = WebhookChannel::new(&closed_port(), Secret::new("hook-secret"), http()).unwrap();
    for channel in [&telegram as &dyn Channel, &webhook] {
        let e = channel.fetch_metrics("1").await.unwrap_err();
        assert_eq!(e.code(), "metrics_not_available");
        let e = channel.fetch_account_metrics().await.unwrap_err();
        assert_eq!(e.code(), "metrics_not_available");
    }
}
