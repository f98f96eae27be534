//! The webhook's request: a documented JSON document (see WEBHOOK.md), sent
//! alone as `application/json`, or as the first part (`payload`) of a
//! `multipart/form-data` body whose other parts are the images.

use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, Utc};
use jadwal_secrets::Secret;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::signature::sign;
use crate::multipart::{Multipart, hex};
use crate::{ChannelError, OutgoingPost};

/// Bumped when a field changes meaning or goes away; new fields may appear
/// in the same version.
pub const SCHEMA_VERSION: u32 = 1;

/// What the webhook carries beyond the post itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebhookExtras {
    /// The post's text for other channels, by network id (`"mastodon"`).
    pub variants: BTreeMap<String, String>,
    /// When the post is planned for (the receiver may schedule it itself).
    pub scheduled_for: Option<DateTime<Utc>>,
    /// The IANA zone the person planned it in (`Asia/Jakarta`).
    pub time_zone: Option<String>,
}

/// A request ready to send: its exact body and the headers made from it.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookRequest {
    pub content_type: String,
    pub body: Vec<u8>,
    /// `sha256=<hex>`, for `X-Jadwal-Signature`.
    pub signature: String,
    pub idempotency_key: String,
}

impl std::fmt::Debug for WebhookRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookRequest")
            .field("content_type", &self.content_type)
            .field("body", &self.body.len())
            .field("signature", &self.signature)
            .finish_non_exhaustive()
    }
}

fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn extension(mime: &str) -> &'static str {
    match mime {
        "image/png" => "png",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "image/jpeg" => "jpg",
        _ => "bin",
    }
}

/// The JSON document for `post`.
pub fn payload(post: &OutgoingPost, extras: &WebhookExtras) -> Value {
    let images: Vec<Value> = post
        .images
        .iter()
        .enumerate()
        .map(|(i, image)| {
            let part = format!("image{}", i + 1);
            json!({
                "part": part,
                "filename": format!("{part}.{}", extension(&image.mime)),
                "mime": image.mime,
                "size": image.bytes.len(),
                "sha256": hex(&Sha256::digest(&image.bytes)),
                "width": image.width,
                "height": image.height,
                "alt": image.alt,
            })
        })
        .collect();
    let schedule = extras.scheduled_for.map(|at| {
        json!({
            "scheduled_for": timestamp(at),
            "time_zone": extras.time_zone,
        })
    });
    json!({
        "schema_version": SCHEMA_VERSION,
        "event": "post.publish",
        "idempotency_key": post.idempotency_key,
        "created_at": timestamp(post.created_at),
        "text": post.text.trim(),
        "langs": post.langs,
        "variants": extras.variants,
        "schedule": schedule,
        "images": images,
    })
}

/// The body for `post`, signed with `secret`. The same post gives the same
/// bytes, so a retry carries the same signature.
pub fn build_request(
    post: &OutgoingPost,
    extras: &WebhookExtras,
    secret: &Secret,
) -> Result<WebhookRequest, ChannelError> {
    let document = payload(post, extras).to_string().into_bytes();
    let (content_type, body) = if post.images.is_empty() {
        ("application/json".to_owned(), document)
    } else {
        let mut form = Multipart::new().typed("payload", "application/json", document);
        for (i, image) in post.images.iter().enumerate() {
            let part = format!("image{}", i + 1);
            let filename = format!("{part}.{}", extension(&image.mime));
            form = form.file(&part, &filename, &image.mime, &image.bytes);
        }
        form.finish()
    };
    let signature = sign(secret, &body)?;
    Ok(WebhookRequest {
        content_type,
        body,
        signature,
        idempotency_key: post.idempotency_key.clone(),
    })
}
