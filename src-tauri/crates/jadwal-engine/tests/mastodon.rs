//! Connecting Mastodon through the browser sign-in and publishing to it,
//! against a small Mastodon on loopback. The "browser" here follows the
//! instance's redirect as a real one would: a GET to Jadwal's loopback
//! address with the code and state.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::{data_file_holds, input, utc, world};
use jadwal_channels::testing::{Request, Seen, fake, reply};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::ConnectMastodonInput;
use std::time::Duration;

const TOKEN: &str = "tok-sekali-pakai-9f8e7d";

async fn instance() -> (String, Seen) {
    fake(|r: &Request| {
        let authed = r.header("authorization") == Some(&format!("Bearer {TOKEN}"));
        match (r.method.as_str(), r.path()) {
            ("POST", "/api/v1/apps") => reply(
                200,
                r#"{"client_id":"cid-1","client_secret":"csecret-2","name":"Jadwal"}"#,
            ),
            ("POST", "/oauth/token") => {
                let form = r.form();
                let code = form.iter().find(|(k, _)| k == "code").map(|(_, v)| v.as_str());
                let verifier = form.iter().any(|(k, v)| k == "code_verifier" && v.len() >= 43);
                if code == Some("kode-benar") && verifier {
                    reply(200, &format!(r#"{{"access_token":"{TOKEN}","token_type":"Bearer"}}"#))
                } else {
                    reply(400, r#"{"error":"invalid_grant"}"#)
                }
            }
            ("GET", "/api/v2/instance") => reply(
                200,
                r#"{"domain":"toot.test","configuration":{"statuses":{"max_characters":1000,"max_media_attachments":4,"characters_reserved_per_url":23}}}"#,
            ),
            _ if !authed => reply(401, r#"{"error":"The access token is invalid"}"#),
            ("GET", "/api/v1/accounts/verify_credentials") => reply(
                200,
                r#"{"id":"109","username":"toko","acct":"toko","display_name":"Toko Batik","avatar":""}"#,
            ),
            ("POST", "/api/v1/statuses") => reply(
                200,
                r#"{"id":"1101","uri":"https://toot.test/users/toko/statuses/1101","url":"https://toot.test/@toko/1101"}"#,
            ),
            _ => reply(404, r#"{"error":"Record not found"}"#),
        }
    })
    .await
}

type Browser = Box<dyn FnOnce(&str) -> jadwal_engine::error::Result<()>>;

/// Plays the browser: the person approves (or denies) on the instance,
/// which sends the browser to the redirect address with the answer. The
/// page Jadwal shows then comes back through the receiver.
fn browser(answer: &'static str) -> (Browser, tokio::sync::mpsc::UnboundedReceiver<String>) {
    let (page_tx, page_rx) = tokio::sync::mpsc::unbounded_channel();
    let open = move |authorize: &str| {
        let url = reqwest::Url::parse(authorize).unwrap();
        let param = |name: &str| {
            url.query_pairs()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
                .unwrap()
        };
        assert_eq!(param("code_challenge_method"), "S256");
        assert_eq!(param("client_id"), "cid-1");
        let redirect = param("redirect_uri");
        assert!(redirect.starts_with("http://127.0.0.1:"), "{redirect}");
        let back = format!("{redirect}?{answer}&state={}", param("state"));
        tokio::spawn(async move {
            // A browser asks for the favicon too; it must not end the wait.
            let origin = back.split("/callback").next().unwrap().to_owned();
            let _ = reqwest::get(format!("{origin}/favicon.ico")).await;
            let page = reqwest::get(back).await.unwrap().text().await.unwrap();
            page_tx.send(page).unwrap();
        });
        Ok(())
    };
    (Box::new(open), page_rx)
}

#[tokio::test]
async fn mastodon_signs_in_through_the_browser_and_publishes() {
    let (base, seen) = instance().await;
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 2, 0));
    let toot = w.channel("Mastodon toko", Network::Mastodon);
    let input_for = |instance: &str| ConnectMastodonInput {
        channel_id: toot,
        instance: instance.into(),
    };

    // Denied on the instance: said so, nothing kept.
    let (deny, _) = browser("error=access_denied&error_description=Ditolak");
    let denied = w
        .engine
        .connect_mastodon_within(&input_for(&base), deny, Duration::from_secs(20))
        .await
        .unwrap_err();
    assert_eq!(denied.code(), "authorization_failed");
    assert!(w.engine.accounts().unwrap().is_empty());

    // Never finished: the wait ends with its own message.
    let timed_out = w
        .engine
        .connect_mastodon_within(&input_for(&base), |_| Ok(()), Duration::from_millis(300))
        .await
        .unwrap_err();
    assert_eq!(timed_out.code(), "sign_in_timed_out");

    let (approve, page) = browser("code=kode-benar");
    let account = w
        .engine
        .connect_mastodon_within(&input_for(&base), approve, Duration::from_secs(20))
        .await
        .unwrap();
    let mut page = page;
    let page = tokio::time::timeout(Duration::from_secs(10), page.recv())
        .await
        .unwrap()
        .unwrap();
    assert!(page.contains("go back to Jadwal"), "{page}");
    assert_eq!(account.handle, "toko@127.0.0.1");
    assert_eq!(account.display_name.as_deref(), Some("Toko Batik"));
    assert!(
        !data_file_holds(w.dir.path(), TOKEN),
        "the token is only in the keychain"
    );

    // The instance takes 1,000 characters (stock Mastodon: 500): the
    // counter and the scheduling check follow it.
    let long = "Batik ".repeat(120);
    let measured = w
        .engine
        .measure_text(&jadwal_engine::dto::MeasureInput {
            text: long.clone(),
            targets: vec![jadwal_engine::dto::TargetDto {
                channel_id: toot,
                variant_text: None,
            }],
        })
        .unwrap();
    assert_eq!(measured[0].limit, Some(1000));
    assert!(!measured[0].over);
    w.engine
        .create_post(&input(
            &long,
            PostStatus::Scheduled,
            Some("2026-11-24T09:00"),
            &[toot],
        ))
        .unwrap();

    let p = w
        .engine
        .create_post(&input(
            "Batik cap motif baru",
            PostStatus::Draft,
            None,
            &[toot],
        ))
        .unwrap()
        .post;
    let results = w.engine.publish_now(p.id).await.unwrap();
    assert!(results[0].published, "{results:?}");
    assert_eq!(
        results[0].url.as_deref(),
        Some("https://toot.test/@toko/1101")
    );
    let statuses: Vec<Request> = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.path() == "/api/v1/statuses")
        .cloned()
        .collect();
    assert_eq!(statuses.len(), 1);
    assert!(statuses[0].header("idempotency-key").is_some());
    assert!(
        statuses[0]
            .form()
            .iter()
            .any(|(k, v)| k == "status" && v == "Batik cap motif baru")
    );
}
