//! The adapter against a fake instance on 127.0.0.1 that checks each request
//! the way the Mastodon API documents it (paths, methods, form fields,
//! headers) and answers with the documented entities, including media that
//! is processed asynchronously (202, then 206 until ready).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::TimeZone;
use serde_json::json;

use super::oauth::{
    OOB_REDIRECT_URI, SCOPES, authorize_url, code_from_callback, exchange_code,
    loopback_redirect_uri, register_app,
};
use super::pkce::Pkce;
use super::*;
use crate::testing::{
    Request, capture_logs, captured_logs, closed_port, fake, hanging, huge, options, reply,
    reply_with,
};
use crate::{ErrorClass, ImageInput};

const TOKEN: &str = "mastodon-access-token-zzzzzzzz";
const CLIENT_SECRET: &str = "client-secret-yyyyyyyyyyyy";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn post(text: &str) -> OutgoingPost {
    OutgoingPost {
        idempotency_key: "post-42".into(),
        created_at: now(),
        text: text.into(),
        images: Vec::new(),
        langs: vec!["id-ID".into()],
        split_into_thread: false,
    }
}

fn image(alt: &str) -> ImageInput {
    ImageInput {
        bytes: vec![0xff, 0xd8, 0xff, 0xe0, 1, 2, 3],
        mime: "image/jpeg".into(),
        width: 10,
        height: 10,
        alt: alt.into(),
    }
}

fn http() -> HttpClient {
    HttpClient::new(options()).unwrap()
}

fn channel(base: &str) -> MastodonChannel {
    MastodonChannel::new(base, Secret::new(TOKEN), http())
        .unwrap()
        .with_options(MastodonOptions {
            media_poll_interval: Duration::from_millis(5),
            media_max_polls: 3,
        })
}

fn instance_doc() -> String {
    json!({
        "domain": "toot.test",
        "title": "Toot",
        "version": "4.3.0",
        "configuration": {
            "urls": {"streaming": "wss://toot.test"},
            "statuses": {"max_characters": 1000, "max_media_attachments": 4,
                         "characters_reserved_per_url": 23},
            "media_attachments": {
                "supported_mime_types": ["image/jpeg", "image/png", "image/gif", "image/webp"],
                "image_size_limit": 16_777_216, "image_matrix_limit": 33_177_600
            }
        }
    })
    .to_string()
}

fn unauthorized() -> Vec<u8> {
    reply(401, r#"{"error":"The access token is invalid"}"#)
}

fn authed(r: &Request) -> bool {
    r.header("authorization") == Some(&format!("Bearer {TOKEN}"))
}

fn field<'a>(form: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    form.iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// A small Mastodon: media `m1` is ready at once, `m2` answers 202 and is
/// ready on the second poll. Statuses remember their Idempotency-Key.
async fn instance() -> (String, crate::testing::Seen) {
    let polls = Arc::new(Mutex::new(0u32));
    let keys: Arc<Mutex<HashMap<String, String>>> = Arc::default();
    let uploads = Arc::new(Mutex::new(0u32));
    fake(move |r| {
        let path = r.path().to_owned();
        match (r.method.as_str(), path.as_str()) {
            ("GET", "/api/v2/instance") => reply(200, &instance_doc()),
            _ if !authed(r) => unauthorized(),
            ("GET", "/api/v1/accounts/verify_credentials") => reply(
                200,
                r#"{"id":"109","username":"toko","acct":"toko","display_name":"Toko Batik",
                    "avatar":"https://toot.test/a.png","url":"https://toot.test/@toko"}"#,
            ),
            ("POST", "/api/v2/media") => {
                let parts = r.parts();
                let file = parts.iter().find(|p| p.name == "file").unwrap();
                assert_eq!(file.content_type.as_deref(), Some("image/jpeg"));
                assert!(file.filename.as_deref().unwrap().ends_with(".jpg"));
                assert_eq!(file.data, image("").bytes);
                let mut n = uploads.lock().unwrap();
                *n += 1;
                let description = parts.iter().find(|p| p.name == "description");
                if *n % 2 == 1 {
                    assert_eq!(description.unwrap().text(), "Kain batik biru");
                    reply(
                        200,
                        r#"{"id":"m1","type":"image","url":"https://files.test/m1.jpg"}"#,
                    )
                } else {
                    assert!(description.is_none(), "no empty description is sent");
                    reply(202, r#"{"id":"m2","type":"image","url":null}"#)
                }
            }
            ("GET", "/api/v1/media/m2") => {
                let mut p = polls.lock().unwrap();
                *p += 1;
                if *p % 2 == 1 {
                    reply(206, r#"{"id":"m2","type":"image","url":null}"#)
                } else {
                    reply(
                        200,
                        r#"{"id":"m2","type":"image","url":"https://files.test/m2.jpg"}"#,
                    )
                }
            }
            ("POST", "/api/v1/statuses") => {
                assert_eq!(
                    r.header("content-type"),
                    Some("application/x-www-form-urlencoded")
                );
                let key = r.header("idempotency-key").unwrap().to_owned();
                let form = r.form();
                if !field(&form, "scheduled_at").is_empty() {
                    return reply(
                        200,
                        &json!({"id": "s7", "scheduled_at": field(&form, "scheduled_at")[0],
                                "params": {"text": field(&form, "status")[0]},
                                "media_attachments": []})
                        .to_string(),
                    );
                }
                let mut keys = keys.lock().unwrap();
                let next = format!("1100{}", keys.len());
                let id = keys.entry(key).or_insert(next).clone();
                reply(
                    200,
                    &json!({"id": id, "uri": format!("https://toot.test/users/toko/statuses/{id}"),
                            "url": format!("https://toot.test/@toko/{id}"),
                            "content": "<p>x</p>"})
                    .to_string(),
                )
            }
            ("PUT", "/api/v1/scheduled_statuses/s7") => {
                let at = field(&r.form(), "scheduled_at")[0].to_owned();
                reply(
                    200,
                    &json!({"id": "s7", "scheduled_at": at, "params": {}}).to_string(),
                )
            }
            ("DELETE", "/api/v1/scheduled_statuses/s7") => reply(200, "{}"),
            ("DELETE", _) | ("PUT", _) => reply(404, r#"{"error":"Record not found"}"#),
            _ => reply(404, r#"{"error":"Not found"}"#),
        }
    })
    .await
}

#[tokio::test]
async fn connecting_registers_the_app_and_trades_the_code_with_pkce() {
    let challenge: Arc<Mutex<String>> = Arc::default();
    let expected = challenge.clone();
    let (base, seen) = fake(move |r| match r.path() {
        "/api/v1/apps" => {
            let form = r.form();
            assert_eq!(field(&form, "client_name"), ["Jadwal"]);
            assert_eq!(field(&form, "scopes"), [SCOPES]);
            let uris: Vec<&str> = field(&form, "redirect_uris")[0].lines().collect();
            assert_eq!(uris, [OOB_REDIRECT_URI, "http://127.0.0.1:8765/callback"]);
            reply(
                200,
                &format!(
                    r#"{{"id":"1","name":"Jadwal","client_id":"cid","client_secret":"{CLIENT_SECRET}","redirect_uri":"{}"}}"#,
                    uris.join("\\n")
                ),
            )
        }
        "/oauth/token" => {
            let form = r.form();
            assert_eq!(field(&form, "grant_type"), ["authorization_code"]);
            assert_eq!(field(&form, "client_id"), ["cid"]);
            assert_eq!(field(&form, "client_secret"), [CLIENT_SECRET]);
            assert_eq!(field(&form, "redirect_uri"), ["http://127.0.0.1:8765/callback"]);
            if field(&form, "code") != ["the-code"] {
                return reply(
                    400,
                    r#"{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."}"#,
                );
            }
            // S256, as the server checks it.
            let verifier = field(&form, "code_verifier")[0];
            let hashed = crate::mastodon::pkce::base64url(&Sha256::digest(verifier.as_bytes()));
            assert_eq!(hashed, *expected.lock().unwrap());
            reply(
                200,
                &format!(
                    r#"{{"access_token":"{TOKEN}","token_type":"Bearer","scope":"{SCOPES}","created_at":1}}"#
                ),
            )
        }
        _ => reply(404, "{}"),
    })
    .await;
    let app = register_app(&http(), &base, Some(8765)).await.unwrap();
    assert_eq!(app.client_id, "cid");
    assert_eq!(app.client_secret.expose(), CLIENT_SECRET);
    let redirect = loopback_redirect_uri(8765);
    let pkce = Pkce::from_random(&[9; 32]);
    let url = authorize_url(&app, &redirect, &pkce, "state-1").unwrap();
    assert!(
        url.as_str()
            .starts_with(&format!("{base}/oauth/authorize?"))
    );
    *challenge.lock().unwrap() = url
        .query_pairs()
        .find(|(k, _)| k == "code_challenge")
        .unwrap()
        .1
        .into_owned();
    // The browser comes back to the loopback listener.
    let code = code_from_callback("/callback?code=the-code&state=state-1", "state-1").unwrap();
    let token = exchange_code(&http(), &app, &code, &redirect, &pkce)
        .await
        .unwrap();
    assert_eq!(token.expose(), TOKEN);
    let e = exchange_code(&http(), &app, "old-code", &redirect, &pkce)
        .await
        .unwrap_err();
    assert_eq!(e.code(), "authorization_failed");
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 3);
    assert!(seen.iter().all(|r| r.method == "POST"));
    assert_no_secret(&format!("{app:?} {pkce:?} {e} {e:?}"));
}

#[tokio::test]
async fn verify_reads_the_account_and_the_instance_limits() {
    let (base, _) = instance().await;
    let ch = channel(&base);
    assert_eq!(ch.limits().max_characters, 500, "stock until read");
    let info = ch.verify().await.unwrap();
    assert_eq!(info.remote_id, "109");
    assert_eq!(info.handle, "toko@127.0.0.1");
    assert_eq!(info.display_name.as_deref(), Some("Toko Batik"));
    assert_eq!(info.avatar_url.as_deref(), Some("https://toot.test/a.png"));
    let limits = ch.limits();
    assert_eq!(limits.max_characters, 1000);
    assert_eq!(limits.image_size_limit, Some(16_777_216));
    // The editor's counter and validation now use the instance's limit.
    assert!(ch.validate(&post(&"a".repeat(900))).is_empty());
    let codes: Vec<_> = ch
        .validate(&post(&"a".repeat(1001)))
        .iter()
        .map(Problem::code)
        .collect();
    assert_eq!(codes, ["text_too_long"]);
}

#[tokio::test]
async fn publishing_uploads_media_waits_for_processing_and_posts_once() {
    let (base, seen) = instance().await;
    let ch = channel(&base);
    let mut p = post("Batik baru! https://toko.id/katalog/batik-biru-2026");
    p.images = vec![image("Kain batik biru"), image("  ")];
    let published = ch.publish(&p).await.unwrap();
    assert_eq!(published.remote_id, "11000");
    assert_eq!(published.url, "https://toot.test/@toko/11000");
    // A retry of the same post carries the same key: the instance answers
    // with the status it already made.
    let again = ch.publish(&p).await.unwrap();
    assert_eq!(again.remote_id, "11000");

    let seen = seen.lock().unwrap();
    let calls: Vec<String> = seen
        .iter()
        .map(|r| format!("{} {}", r.method, r.path()))
        .collect();
    assert_eq!(
        calls[..5],
        [
            "POST /api/v2/media",
            "POST /api/v2/media",
            "GET /api/v1/media/m2",
            "GET /api/v1/media/m2",
            "POST /api/v1/statuses",
        ]
    );
    let statuses: Vec<&Request> = seen
        .iter()
        .filter(|r| r.path() == "/api/v1/statuses")
        .collect();
    let form = statuses[0].form();
    assert_eq!(
        field(&form, "status"),
        ["Batik baru! https://toko.id/katalog/batik-biru-2026"]
    );
    assert_eq!(field(&form, "media_ids[]"), ["m1", "m2"]);
    assert_eq!(field(&form, "language"), ["id"]);
    assert!(field(&form, "scheduled_at").is_empty());
    let key = statuses[0].header("idempotency-key").unwrap();
    assert_eq!(key, MastodonChannel::idempotency_key(&p));
    assert_eq!(statuses[1].header("idempotency-key"), Some(key));
    let mut other = p.clone();
    other.idempotency_key = "post-43".into();
    assert_ne!(MastodonChannel::idempotency_key(&other), key);
}

#[tokio::test]
async fn media_that_never_finishes_is_a_temporary_error_after_bounded_polls() {
    let (base, seen) = fake(|r| match r.path() {
        "/api/v2/media" => reply(202, r#"{"id":"m9","url":null}"#),
        _ => reply(206, r#"{"id":"m9","url":null}"#),
    })
    .await;
    let mut p = post("x");
    p.images = vec![image("a")];
    let e = channel(&base).publish(&p).await.unwrap_err();
    assert_eq!(e.code(), "media_processing");
    assert_eq!(e.class(), ErrorClass::Temporary);
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 4, "one upload and three polls, no status");
}

#[tokio::test]
async fn posts_go_to_the_servers_schedule_and_can_be_moved_or_cancelled() {
    let (base, seen) = instance().await;
    let ch = channel(&base);
    let soon = now() + chrono::Duration::minutes(4);
    let e = ch
        .schedule_on_server(&post("Promo"), soon, now())
        .await
        .unwrap_err();
    assert_eq!(e.code(), "schedule_too_soon");
    assert!(seen.lock().unwrap().is_empty(), "nothing sent");

    let at = Utc.with_ymd_and_hms(2026, 11, 24, 2, 0, 0).unwrap();
    let s = ch
        .schedule_on_server(&post("Promo"), at, now())
        .await
        .unwrap();
    assert_eq!(
        s,
        ScheduledOnServer {
            id: "s7".into(),
            scheduled_at: at
        }
    );
    let form = seen.lock().unwrap()[0].form();
    assert_eq!(field(&form, "scheduled_at"), ["2026-11-24T02:00:00Z"]);

    let later = at + chrono::Duration::hours(3);
    let moved = ch.move_scheduled("s7", later, now()).await.unwrap();
    assert_eq!(moved.scheduled_at, later);
    assert!(ch.move_scheduled("s7", soon, now()).await.is_err());
    ch.cancel_scheduled("s7").await.unwrap();
    let gone = ch.cancel_scheduled("s8").await.unwrap_err();
    assert_eq!(gone.code(), "scheduled_post_gone");
    let seen = seen.lock().unwrap();
    let calls: Vec<String> = seen
        .iter()
        .map(|r| format!("{} {}", r.method, r.path()))
        .collect();
    assert_eq!(
        calls,
        [
            "POST /api/v1/statuses",
            "PUT /api/v1/scheduled_statuses/s7",
            "DELETE /api/v1/scheduled_statuses/s7",
            "DELETE /api/v1/scheduled_statuses/s8",
        ]
    );
    assert!(seen.iter().all(authed));
}

#[tokio::test]
async fn an_address_that_is_not_mastodon_says_so() {
    let (html, _) = fake(|_| {
        b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 13\r\nconnection: close\r\n\r\n<html></html>"
            .to_vec()
    })
    .await;
    let e = channel(&html).verify().await.unwrap_err();
    assert_eq!(e.code(), "not_mastodon", "{e}");
    assert_eq!(e.class(), ErrorClass::Permanent);
    let (missing, seen) = fake(|_| reply(404, "{}")).await;
    let e = channel(&missing).verify().await.unwrap_err();
    assert_eq!(e.code(), "not_mastodon");
    assert_eq!(seen.lock().unwrap().len(), 2, "v2, then v1 of Mastodon 3");
    let (other_json, _) = fake(|_| reply(200, r#"{"name":"a blog"}"#)).await;
    assert_eq!(
        fetch_limits(&http(), &instance_url(&other_json).unwrap())
            .await
            .unwrap_err()
            .code(),
        "not_mastodon"
    );
}

#[tokio::test]
async fn faults_have_their_own_codes_and_classes() {
    let e = channel(&closed_port()).verify().await.unwrap_err();
    assert_eq!(e.code(), "unreachable");
    let e = channel(&hanging().await).verify().await.unwrap_err();
    assert_eq!(e.code(), "timeout");
    let (b, _) = fake(|_| huge()).await;
    assert_eq!(
        channel(&b).verify().await.unwrap_err().code(),
        "response_too_large"
    );
    let (b, _) = fake(|_| reply(503, "")).await;
    let e = channel(&b).verify().await.unwrap_err();
    assert_eq!(
        (e.code(), e.class()),
        ("server_error", ErrorClass::Temporary)
    );

    // The rest need the instance document first.
    let with_instance = |status: u16, headers: &'static str, body: &'static str| {
        move |r: &Request| {
            if r.path() == "/api/v2/instance" {
                reply(200, &instance_doc())
            } else {
                reply_with(status, headers, body)
            }
        }
    };
    let (b, _) = fake(with_instance(
        429,
        "retry-after: 30\r\n",
        r#"{"error":"Too many requests"}"#,
    ))
    .await;
    let e = channel(&b).publish(&post("x")).await.unwrap_err();
    assert_eq!(e.code(), "rate_limited");
    assert_eq!(e.retry_delay(now()), Some(Duration::from_secs(30)));
    let (b, _) = fake(with_instance(
        429,
        "x-ratelimit-limit: 300\r\nx-ratelimit-remaining: 0\r\nx-ratelimit-reset: 2026-11-23T09:02:00.000Z\r\n",
        r#"{"error":"Too many requests"}"#,
    ))
    .await;
    let e = channel(&b).publish(&post("x")).await.unwrap_err();
    assert_eq!(e.retry_delay(now()), Some(Duration::from_secs(120)));
    let (b, _) = fake(with_instance(200, "", "{not json")).await;
    let e = channel(&b).verify().await.unwrap_err();
    assert_eq!(e.code(), "malformed_response");
    let (b, _) = fake(with_instance(
        401,
        "",
        r#"{"error":"The access token is invalid"}"#,
    ))
    .await;
    let e = channel(&b).verify().await.unwrap_err();
    assert_eq!(
        (e.code(), e.class()),
        ("login_expired", ErrorClass::LoginNeeded)
    );
    let (b, _) = fake(with_instance(
        422,
        "",
        r#"{"error":"Validation failed: Text can't be blank"}"#,
    ))
    .await;
    let e = channel(&b).publish(&post("x")).await.unwrap_err();
    assert_eq!((e.code(), e.class()), ("rejected", ErrorClass::Permanent));
    assert!(e.to_string().contains("Text can't be blank"), "{e}");
}

fn assert_no_secret(text: &str) {
    for secret in [TOKEN, CLIENT_SECRET] {
        assert!(!text.contains(secret), "a secret leaked: {text}");
    }
}

#[tokio::test]
async fn no_secret_in_errors_debug_output_or_logs() {
    capture_logs();
    let (base, _) = fake(|r| {
        if r.path() == "/api/v2/instance" {
            reply(200, &instance_doc())
        } else {
            reply(
                422,
                &format!(r#"{{"error":"Validation failed: you sent {TOKEN}"}}"#),
            )
        }
    })
    .await;
    let ch = channel(&base);
    let e = ch.publish(&post("Halo")).await.unwrap_err();
    assert!(e.to_string().contains("[redacted]"), "{e}");
    assert_no_secret(&format!("{e} {e:?} {ch:?}"));
    let logs = captured_logs();
    assert!(logs.contains("mastodon:"), "{logs}");
    assert_no_secret(&logs);
}

#[test]
fn validation_counts_links_and_mentions_the_mastodon_way() {
    let limits = InstanceLimits::default();
    // A 60-character link counts 23; a remote mention counts as @user.
    let link = format!("https://toko.id/{}", "a".repeat(44));
    let text = format!("{} {link} @toko@mastodon.social", "a".repeat(470));
    // 470 + 1 + 23 + 1 + 5 = 500.
    assert!(validate_post(&post(&text), &limits).is_empty());
    let over = format!("a{text}");
    let problems = validate_post(&post(&over), &limits);
    assert_eq!(
        problems,
        [Problem::TextTooLong {
            network: "Mastodon",
            used: 501,
            limit: 500,
            unit: "characters"
        }]
    );
    let mut p = post("x");
    p.images = vec![image("a"); 5];
    p.images[1].mime = "image/heic".into();
    let codes: Vec<_> = validate_post(&p, &limits)
        .iter()
        .map(Problem::code)
        .collect();
    assert_eq!(codes, ["too_many_images", "unsupported_image_type"]);
    let small = InstanceLimits {
        image_size_limit: Some(3),
        ..InstanceLimits::default()
    };
    let mut p = post("");
    p.images = vec![image("a")];
    let codes: Vec<_> = validate_post(&p, &small)
        .iter()
        .map(Problem::code)
        .collect();
    assert_eq!(codes, ["image_too_large"]);
    assert_eq!(validate_post(&post(" "), &limits), [Problem::Empty]);
}

#[test]
fn the_status_form_is_what_the_api_documents() {
    let at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 4, 5).unwrap();
    let form = status_form(
        "Halo",
        &["1".into(), "2".into()],
        &["pt-BR".into()],
        Some(at),
    );
    assert_eq!(
        form,
        [
            ("status".to_owned(), "Halo".to_owned()),
            ("media_ids[]".to_owned(), "1".to_owned()),
            ("media_ids[]".to_owned(), "2".to_owned()),
            ("language".to_owned(), "pt".to_owned()),
            ("scheduled_at".to_owned(), "2026-12-01T03:04:05Z".to_owned()),
        ]
    );
    assert_eq!(iso_639("zh-Hant-TW").as_deref(), Some("zh"));
    assert_eq!(iso_639("x"), None);
    // The Idempotency-Key makes a retry safe.
    assert!(
        MastodonChannel::new("toot.test", Secret::new("t"), http())
            .unwrap()
            .can_deduplicate()
    );
}
