//! The adapter against a fake receiver on 127.0.0.1 that does what
//! WEBHOOK.md tells receivers to do: recompute the HMAC over the raw body
//! with its own copy of the secret, compare in constant time, then parse.

use std::collections::BTreeMap;

use chrono::TimeZone;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::*;
use crate::multipart::hex;
use crate::testing::{
    Request, capture_logs, captured_logs, closed_port, fake, hanging, huge, options, reply,
    reply_with,
};
use crate::{ErrorClass, ImageInput};

const SECRET: &str = "whsec-shared-secret-qqqqqqqqqqqq";

/// The receiver's check, written from the doc, not with the adapter's code.
fn receiver_accepts(r: &Request, secret: &str) -> bool {
    let Some(header) = r.header("x-jadwal-signature") else {
        return false;
    };
    let Some(hex_sig) = header.strip_prefix("sha256=") else {
        return false;
    };
    let Ok(given) = (0..hex_sig.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex_sig[i..i + 2], 16))
        .collect::<Result<Vec<u8>, _>>()
    else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(&r.body);
    mac.verify_slice(&given).is_ok()
}

/// The JSON document, from either body form.
fn document(r: &Request) -> Value {
    if r.header("content-type") == Some("application/json") {
        r.json()
    } else {
        let parts = r.parts();
        assert_eq!(parts[0].name, "payload", "the document comes first");
        assert_eq!(parts[0].content_type.as_deref(), Some("application/json"));
        serde_json::from_slice(&parts[0].data).unwrap()
    }
}

async fn receiver(answer: &'static str) -> (String, crate::testing::Seen) {
    fake(move |r| {
        if !receiver_accepts(r, SECRET) {
            return reply(401, r#"{"error":"bad signature"}"#);
        }
        reply(200, answer)
    })
    .await
}

fn channel(base: &str) -> WebhookChannel {
    WebhookChannel::new(
        &format!("{base}/hooks/catch/123/abc"),
        Secret::new(SECRET),
        HttpClient::new(options()).unwrap(),
    )
    .unwrap()
}

fn post(text: &str) -> OutgoingPost {
    OutgoingPost {
        idempotency_key: "post-42-attempt".into(),
        created_at: chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
            .unwrap(),
        text: text.into(),
        images: Vec::new(),
        langs: vec!["id".into()],
        split_into_thread: false,
    }
}

fn with_images(mut p: OutgoingPost) -> OutgoingPost {
    p.images = vec![
        ImageInput {
            bytes: vec![0xff, 0xd8, 0xff, b'\r', b'\n', b'-', b'-'],
            mime: "image/jpeg".into(),
            width: 1080,
            height: 1350,
            alt: "Kain batik biru".into(),
        },
        ImageInput {
            bytes: vec![0x89, b'P', b'N', b'G'],
            mime: "image/png".into(),
            width: 800,
            height: 800,
            alt: String::new(),
        },
    ];
    p
}

#[tokio::test]
async fn a_text_post_is_signed_json_and_the_answer_gives_the_link() {
    let (base, seen) = receiver(r#"{"url":"https://toko.id/blog/batik-baru","id":77}"#).await;
    let published = channel(&base).publish(&post("Batik baru!")).await.unwrap();
    assert_eq!(published.url, "https://toko.id/blog/batik-baru");
    assert_eq!(published.remote_id, "77");
    let seen = seen.lock().unwrap();
    let r = &seen[0];
    assert_eq!(
        (r.method.as_str(), r.path()),
        ("POST", "/hooks/catch/123/abc")
    );
    assert_eq!(
        r.header("x-jadwal-idempotency-key"),
        Some("post-42-attempt")
    );
    assert_eq!(
        document(r),
        json!({
            "schema_version": 1,
            "event": "post.publish",
            "idempotency_key": "post-42-attempt",
            "created_at": "2026-11-23T09:30:00Z",
            "text": "Batik baru!",
            "langs": ["id"],
            "variants": {},
            "schedule": null,
            "images": [],
        })
    );
}

#[tokio::test]
async fn images_variants_and_the_schedule_travel_as_signed_multipart() {
    let (base, seen) = receiver("OK").await;
    let extras = WebhookExtras {
        variants: BTreeMap::from([("mastodon".to_owned(), "Batik baru! #batik".to_owned())]),
        scheduled_for: Some(chrono::Utc.with_ymd_and_hms(2026, 11, 24, 2, 0, 0).unwrap()),
        time_zone: Some("Asia/Jakarta".into()),
    };
    let p = with_images(post("Batik baru!"));
    let published = channel(&base).publish_with(&p, &extras).await.unwrap();
    assert_eq!(published.url, "", "a plain OK gives no link");
    assert_eq!(published.remote_id, "post-42-attempt");

    let seen = seen.lock().unwrap();
    let r = &seen[0];
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("multipart/form-data; boundary=")
    );
    let doc = document(r);
    assert_eq!(doc["variants"], json!({"mastodon": "Batik baru! #batik"}));
    assert_eq!(
        doc["schedule"],
        json!({"scheduled_for": "2026-11-24T02:00:00Z", "time_zone": "Asia/Jakarta"})
    );
    let parts = r.parts();
    assert_eq!(parts.len(), 3);
    for (i, (meta, image)) in doc["images"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&p.images)
        .enumerate()
    {
        let part = &parts[i + 1];
        assert_eq!(meta["part"], part.name.as_str());
        assert_eq!(meta["filename"], part.filename.as_deref().unwrap());
        assert_eq!(meta["mime"], image.mime.as_str());
        assert_eq!(part.content_type.as_deref(), Some(image.mime.as_str()));
        assert_eq!(meta["size"], image.bytes.len());
        assert_eq!(meta["alt"], image.alt.as_str());
        assert_eq!(meta["width"], image.width);
        assert_eq!(part.data, image.bytes);
        assert_eq!(meta["sha256"], hex(&Sha256::digest(&part.data)).as_str());
    }
}

#[test]
fn a_retry_sends_the_same_bytes_and_signature_and_tampering_breaks_it() {
    let p = with_images(post("x"));
    let secret = Secret::new(SECRET);
    let a = build_request(&p, &WebhookExtras::default(), &secret).unwrap();
    let b = build_request(&p, &WebhookExtras::default(), &secret).unwrap();
    assert_eq!(a, b);
    assert!(signature::verify(&secret, &a.body, &a.signature));
    let mut tampered = a.body.clone();
    let last = tampered.len() - 10;
    tampered[last] ^= 1;
    assert!(!signature::verify(&secret, &tampered, &a.signature));
    assert!(!signature::verify(
        &Secret::new("another secret"),
        &a.body,
        &a.signature
    ));
    assert!(!format!("{a:?}").contains(SECRET));
}

#[tokio::test]
async fn a_receiver_with_another_secret_refuses_and_the_login_needs_fixing() {
    let (base, _) = fake(|r| {
        if receiver_accepts(r, "the receiver's other secret") {
            reply(200, "{}")
        } else {
            reply(401, r#"{"error":"bad signature"}"#)
        }
    })
    .await;
    let e = channel(&base).publish(&post("x")).await.unwrap_err();
    assert_eq!(
        (e.code(), e.class()),
        ("bad_credentials", ErrorClass::LoginNeeded)
    );
}

#[tokio::test]
async fn faults_have_their_codes_and_never_show_the_secret() {
    capture_logs();
    let mut errors = Vec::new();
    let e = channel(&closed_port())
        .publish(&post("x"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), "unreachable");
    errors.push(e);
    let e = channel(&hanging().await)
        .publish(&post("x"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), "timeout");
    errors.push(e);
    let (b, _) = fake(|_| huge()).await;
    let e = channel(&b).publish(&post("x")).await.unwrap_err();
    assert_eq!(e.code(), "response_too_large");
    errors.push(e);
    let (b, _) = fake(|_| reply_with(429, "retry-after: 20\r\n", "slow down")).await;
    let e = channel(&b).publish(&post("x")).await.unwrap_err();
    assert_eq!(e.code(), "rate_limited");
    assert_eq!(
        e.retry_delay(chrono::Utc::now()),
        Some(std::time::Duration::from_secs(20))
    );
    errors.push(e);
    let (b, _) = fake(|_| reply(500, "oops")).await;
    let e = channel(&b).publish(&post("x")).await.unwrap_err();
    assert_eq!(
        (e.code(), e.class()),
        ("server_error", ErrorClass::Temporary)
    );
    errors.push(e);
    let (b, _) = fake(|_| reply(404, "no such hook")).await;
    let e = channel(&b).publish(&post("x")).await.unwrap_err();
    assert_eq!((e.code(), e.class()), ("rejected", ErrorClass::Permanent));
    assert!(e.to_string().contains("no such hook"));
    errors.push(e);
    // A 2xx whose answer is not JSON is still delivered.
    let (b, _) = fake(|_| reply(202, "{not json")).await;
    assert_eq!(channel(&b).publish(&post("x")).await.unwrap().url, "");
    // A receiver that echoes the secret back.
    let (b, _) = fake(|_| reply(400, &format!(r#"{{"error":"expected {SECRET}"}}"#))).await;
    let e = channel(&b).publish(&post("x")).await.unwrap_err();
    assert!(e.to_string().contains("[redacted]"), "{e}");
    errors.push(e);

    for e in &errors {
        let shown = format!("{e} {e:?}");
        assert!(!shown.contains(SECRET), "{shown}");
    }
    let ch = channel("http://127.0.0.1:9");
    assert!(!format!("{ch:?}").contains(SECRET));
    // Many receivers (no-code tools) ignore the key: a lost answer is the
    // person's call, not a blind resend.
    assert!(!ch.can_deduplicate());
    let logs = captured_logs();
    assert!(logs.contains("webhook:"), "{logs}");
    assert!(!logs.contains(SECRET));
    assert_eq!(
        WebhookChannel::new(
            "http://hooks.example",
            Secret::new(SECRET),
            HttpClient::new(options()).unwrap()
        )
        .unwrap_err()
        .code(),
        "insecure_url"
    );
    assert_eq!(
        WebhookChannel::new(
            "https://hooks.example",
            Secret::new(" "),
            HttpClient::new(options()).unwrap()
        )
        .unwrap_err()
        .code(),
        "bad_credentials"
    );
}
