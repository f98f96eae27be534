//! The adapter against a fake Bot API on 127.0.0.1 that checks each request
//! as the Bot API documents it (`/bot<token>/<method>`, `chat_id`, multipart
//! uploads with `attach://` references) and answers `{"ok": …}`.

use serde_json::json;

use super::*;
use crate::testing::{
    Request, capture_logs, captured_logs, closed_port, fake, hanging, huge, options, reply,
};
use crate::{ErrorClass, ImageInput};

const TOKEN: &str = "123456789:AAHk-secret-token_zzzzzzzzzzzzzzzz";

fn channel(base: &str, chat: &str) -> TelegramChannel {
    TelegramChannel::new(
        Secret::new(TOKEN),
        chat,
        HttpClient::new(options()).unwrap(),
    )
    .unwrap()
    .with_api(base)
    .unwrap()
}

fn post(text: &str, photos: usize) -> OutgoingPost {
    OutgoingPost {
        idempotency_key: "k".into(),
        created_at: chrono::DateTime::UNIX_EPOCH,
        text: text.into(),
        images: (0..photos)
            .map(|i| ImageInput {
                bytes: vec![0xff, 0xd8, u8::try_from(i).unwrap()],
                mime: "image/jpeg".into(),
                width: 10,
                height: 10,
                alt: "alt".into(),
            })
            .collect(),
        langs: Vec::new(),
        split_into_thread: false,
    }
}

fn message(id: i64) -> Value {
    json!({"message_id": id, "date": 1, "chat": {"id": -1001234567890_i64, "type": "channel",
           "title": "Toko Batik", "username": "tokobatik"}})
}

fn ok(result: Value) -> Vec<u8> {
    reply(200, &json!({"ok": true, "result": result}).to_string())
}

/// The method of a request to the right token, or None.
fn method(r: &Request) -> Option<String> {
    r.path()
        .strip_prefix(&format!("/bot{TOKEN}/"))
        .map(str::to_owned)
}

/// A Bot API that knows one token and one channel.
async fn bot_api() -> (String, crate::testing::Seen) {
    fake(|r| {
        let Some(method) = method(r) else {
            return reply(
                401,
                r#"{"ok":false,"error_code":401,"description":"Unauthorized"}"#,
            );
        };
        assert_eq!(r.method, "POST");
        let chat_id = if r.header("content-type") == Some("application/json") {
            r.json()["chat_id"].as_str().map(str::to_owned)
        } else if method != "getMe" {
            r.parts()
                .iter()
                .find(|p| p.name == "chat_id")
                .map(|p| p.text())
        } else {
            None
        };
        if method != "getMe" && chat_id.as_deref() != Some("@tokobatik") {
            return reply(
                400,
                r#"{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"#,
            );
        }
        match method.as_str() {
            "getMe" => ok(
                json!({"id": 123456789, "is_bot": true, "first_name": "Toko",
                                 "username": "toko_bot"}),
            ),
            "getChat" => ok(json!({"id": -1001234567890_i64, "type": "channel",
                                   "title": "Toko Batik", "username": "tokobatik"})),
            "sendMessage" => ok(message(5)),
            "sendPhoto" => ok(message(6)),
            "sendMediaGroup" => ok(json!([message(7), message(8), message(9)])),
            _ => reply(
                404,
                r#"{"ok":false,"error_code":404,"description":"Not Found"}"#,
            ),
        }
    })
    .await
}

#[tokio::test]
async fn verify_checks_the_token_and_the_channel() {
    let (base, seen) = bot_api().await;
    let info = channel(&base, "@tokobatik").verify().await.unwrap();
    assert_eq!(info.remote_id, "-1001234567890");
    assert_eq!(info.handle, "@tokobatik");
    assert_eq!(info.display_name.as_deref(), Some("Toko Batik"));
    let methods: Vec<_> = seen.lock().unwrap().iter().filter_map(method).collect();
    assert_eq!(methods, ["getMe", "getChat"]);

    let e = channel(&base, "@someone_else").verify().await.unwrap_err();
    assert_eq!(
        (e.code(), e.class()),
        ("chat_not_found", ErrorClass::LoginNeeded)
    );
    assert!(e.to_string().contains("@someone_else"));

    let wrong = TelegramChannel::new(
        Secret::new("123456789:wrong-token-wwwwwwwwwwww"),
        "@tokobatik",
        HttpClient::new(options()).unwrap(),
    )
    .unwrap()
    .with_api(&base)
    .unwrap();
    let e = wrong.verify().await.unwrap_err();
    assert_eq!(
        (e.code(), e.class()),
        ("bad_credentials", ErrorClass::LoginNeeded)
    );
    assert!(!format!("{e} {e:?} {wrong:?}").contains("wrong-token"));
}

#[tokio::test]
async fn text_a_photo_and_an_album_use_their_methods() {
    let (base, seen) = bot_api().await;
    let ch = channel(&base, "tokobatik");
    let text = ch.publish(&post("Halo 👋", 0)).await.unwrap();
    assert_eq!(text.url, "https://t.me/tokobatik/5");
    assert_eq!(text.remote_id, "-1001234567890/5");
    let photo = ch.publish(&post("Kain baru", 1)).await.unwrap();
    assert_eq!(photo.url, "https://t.me/tokobatik/6");
    let album = ch.publish(&post("Koleksi", 3)).await.unwrap();
    assert_eq!(album.url, "https://t.me/tokobatik/7");
    assert_eq!(album.parts.len(), 3);

    let seen = seen.lock().unwrap();
    assert_eq!(method(&seen[0]).unwrap(), "sendMessage");
    assert_eq!(
        seen[0].json(),
        json!({"chat_id": "@tokobatik", "text": "Halo 👋"})
    );

    assert_eq!(method(&seen[1]).unwrap(), "sendPhoto");
    let parts = seen[1].parts();
    let names: Vec<_> = parts.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["chat_id", "caption", "photo"]);
    assert_eq!(parts[1].text(), "Kain baru");
    assert_eq!(parts[2].content_type.as_deref(), Some("image/jpeg"));
    assert_eq!(parts[2].data, [0xff, 0xd8, 0]);

    assert_eq!(method(&seen[2]).unwrap(), "sendMediaGroup");
    let parts = seen[2].parts();
    let media: Value = serde_json::from_str(&parts[1].text()).unwrap();
    assert_eq!(parts[1].name, "media");
    assert_eq!(
        media,
        json!([
            {"type": "photo", "media": "attach://photo0", "caption": "Koleksi"},
            {"type": "photo", "media": "attach://photo1"},
            {"type": "photo", "media": "attach://photo2"},
        ])
    );
    for i in 0..3 {
        let file = parts
            .iter()
            .find(|p| p.name == format!("photo{i}"))
            .unwrap();
        assert_eq!(file.data[2], u8::try_from(i).unwrap());
        assert!(file.filename.is_some());
    }
}

#[test]
fn private_channels_get_members_only_links() {
    let ch = TelegramChannel::new(
        Secret::new(TOKEN),
        "-1001234567890",
        HttpClient::new(options()).unwrap(),
    )
    .unwrap();
    assert_eq!(ch.chat(), &ChatId::Numeric(-1_001_234_567_890));
    assert_eq!(
        ch.message_url(None, -1_001_234_567_890, 42),
        "https://t.me/c/1234567890/42"
    );
    assert_eq!(
        ChatId::parse("https://t.me/tokobatik").unwrap(),
        ChatId::Username("tokobatik".into())
    );
    assert_eq!(ChatId::parse("@a b").unwrap_err().code(), "chat_not_found");
    let e = TelegramChannel::new(
        Secret::new("not a token"),
        "@tokobatik",
        HttpClient::new(options()).unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "bad_credentials");
}

#[test]
fn a_retry_after_an_unknown_outcome_needs_the_person() {
    let ch = channel("http://127.0.0.1:9", "@tokobatik");
    assert!(!ch.can_deduplicate());
}

#[test]
fn validation_counts_utf16_units_with_the_caption_limit_for_photos() {
    // An emoji outside the BMP is 2 units.
    let text = format!("{}👋", "a".repeat(4094));
    assert!(validate_post(&post(&text, 0)).is_empty());
    let over = format!("a{text}");
    assert_eq!(
        validate_post(&post(&over, 0)),
        [Problem::TextTooLong {
            network: "Telegram",
            used: 4097,
            limit: 4096,
            unit: "UTF-16 units"
        }]
    );
    let caption = "a".repeat(1025);
    let codes: Vec<_> = validate_post(&post(&caption, 11))
        .iter()
        .map(Problem::code)
        .collect();
    assert_eq!(codes, ["text_too_long", "too_many_images"]);
    let mut p = post("", 1);
    p.images[0].mime = "image/gif".into();
    p.images[0].bytes = vec![0; MAX_PHOTO_BYTES + 1];
    let codes: Vec<_> = validate_post(&p).iter().map(Problem::code).collect();
    assert_eq!(codes, ["image_too_large", "unsupported_image_type"]);
    assert_eq!(validate_post(&post("", 0)), [Problem::Empty]);
}

#[tokio::test]
async fn faults_have_their_codes_and_never_show_the_token() {
    capture_logs();
    let mut errors = Vec::new();
    let e = channel(&closed_port(), "@tokobatik")
        .verify()
        .await
        .unwrap_err();
    assert_eq!(e.code(), "unreachable");
    errors.push(e);
    let e = channel(&hanging().await, "@tokobatik")
        .verify()
        .await
        .unwrap_err();
    assert_eq!(e.code(), "timeout");
    errors.push(e);
    let (b, _) = fake(|_| huge()).await;
    let e = channel(&b, "@tokobatik").verify().await.unwrap_err();
    assert_eq!(e.code(), "response_too_large");
    errors.push(e);
    let (b, _) = fake(|_| reply(200, "{not json")).await;
    let e = channel(&b, "@tokobatik").verify().await.unwrap_err();
    assert_eq!(e.code(), "malformed_response");
    errors.push(e);
    let (b, _) = fake(|_| reply(502, "<html>Bad Gateway</html>")).await;
    let e = channel(&b, "@tokobatik").verify().await.unwrap_err();
    assert_eq!(
        (e.code(), e.class()),
        ("server_error", ErrorClass::Temporary)
    );
    errors.push(e);
    let (b, _) = fake(|_| {
        reply(
            429,
            r#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 9","parameters":{"retry_after":9}}"#,
        )
    })
    .await;
    let e = channel(&b, "@tokobatik")
        .publish(&post("x", 0))
        .await
        .unwrap_err();
    assert_eq!(e.code(), "rate_limited");
    assert_eq!(
        e.retry_delay(chrono::Utc::now()),
        Some(std::time::Duration::from_secs(9))
    );
    errors.push(e);
    // A server that echoes the token in its description.
    let (b, _) = fake(|_| {
        reply(
            400,
            &format!(
                r#"{{"ok":false,"error_code":400,"description":"Bad Request: bot{TOKEN} is odd"}}"#
            ),
        )
    })
    .await;
    let e = channel(&b, "@tokobatik")
        .publish(&post("x", 0))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("[redacted]"), "{e}");
    errors.push(e);

    let secret_part = TOKEN.split_once(':').unwrap().1;
    for e in &errors {
        let shown = format!("{e} {e:?}");
        assert!(!shown.contains(secret_part), "the token leaked: {shown}");
    }
    let ch = channel("http://127.0.0.1:9", "@tokobatik");
    assert!(!format!("{ch:?}").contains(secret_part));
    let logs = captured_logs();
    assert!(logs.contains("telegram:"), "{logs}");
    assert!(!logs.contains(secret_part), "{logs}");
}
