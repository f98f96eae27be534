//! Mastodon: any instance, signed in with OAuth (see [`oauth`]).
//!
//! Reads the instance's own limits ([`instance`]), uploads images with
//! `POST /api/v2/media` (waiting while the instance processes them), and
//! posts with `POST /api/v1/statuses` under an `Idempotency-Key` derived from
//! the post's key: Mastodon answers a repeat of the same key with the status
//! it already made, for an hour, instead of posting twice. Posts at least five
//! minutes ahead can be handed to the instance's own scheduler
//! (`scheduled_at`), and cancelled or moved there.
//!
//! What the app keeps per account: the instance address, the app
//! registration (client id; client secret in the keychain), the access token
//! (keychain), and optionally the last [`InstanceLimits`] for the editor.

mod api;
pub mod instance;
pub mod oauth;
pub mod pkce;

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, SecondsFormat, Utc};
use jadwal_domain::Network;
use jadwal_domain::text_count::measure;
use jadwal_secrets::Secret;
use reqwest::Url;
use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::multipart::{Multipart, hex};
use crate::{
    AccountInfo, AccountMetrics, Channel, ChannelError, HttpClient, ImageInput, Metrics,
    OutgoingPost, Problem, Published, PublishedPart,
};
use api::{Body, Call, Method, NETWORK, Op};
pub use instance::{InstanceLimits, fetch_limits, instance_url};

/// How far ahead a post must be for the instance's scheduler to take it.
pub const MIN_SCHEDULE_AHEAD_MINUTES: u32 = 5;

/// Waiting for an image the instance processes after a 202.
#[derive(Debug, Clone)]
pub struct MastodonOptions {
    pub media_poll_interval: Duration,
    /// Polls before giving up with a temporary error (the post is retried
    /// later; the media may be ready by then).
    pub media_max_polls: u32,
}

impl Default for MastodonOptions {
    fn default() -> Self {
        MastodonOptions {
            media_poll_interval: Duration::from_secs(1),
            media_max_polls: 30,
        }
    }
}

/// A post the instance holds in its own schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledOnServer {
    /// The ScheduledStatus id, for cancelling or moving it.
    pub id: String,
    pub scheduled_at: DateTime<Utc>,
}

/// What `POST /api/v1/statuses` made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusOutcome {
    Published(Published),
    Scheduled(ScheduledOnServer),
}

/// One connected Mastodon account.
pub struct MastodonChannel {
    http: HttpClient,
    instance: Url,
    token: Secret,
    options: MastodonOptions,
    limits: Mutex<Option<InstanceLimits>>,
}

impl std::fmt::Debug for MastodonChannel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MastodonChannel")
            .field("instance", &self.instance.as_str())
            .field("token", &self.token)
            .finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
struct Account {
    id: String,
    acct: String,
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    avatar: Option<String>,
}

/// The counts of a status (`GET /api/v1/statuses/:id`).
#[derive(Deserialize)]
struct StatusCounts {
    #[serde(default)]
    favourites_count: u64,
    #[serde(default)]
    reblogs_count: u64,
    #[serde(default)]
    replies_count: u64,
}

#[derive(Deserialize)]
struct AccountCounts {
    #[serde(default)]
    followers_count: u64,
}

#[derive(Deserialize)]
struct Media {
    id: String,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Deserialize)]
struct Status {
    id: String,
    #[serde(default)]
    url: Option<String>,
    uri: String,
}

#[derive(Deserialize)]
struct ScheduledStatus {
    id: String,
    scheduled_at: DateTime<Utc>,
}

impl MastodonChannel {
    /// `instance` as a person typed it; `access_token` from
    /// [`oauth::exchange_code`].
    pub fn new(
        instance: &str,
        access_token: Secret,
        http: HttpClient,
    ) -> Result<Self, ChannelError> {
        Ok(MastodonChannel {
            http,
            instance: instance_url(instance)?,
            token: access_token,
            options: MastodonOptions::default(),
            limits: Mutex::new(None),
        })
    }

    pub fn with_options(mut self, options: MastodonOptions) -> Self {
        self.options = options;
        self
    }

    /// Starts from limits read earlier (kept by the app), so validation
    /// uses them before the next `verify`.
    pub fn with_limits(self, limits: InstanceLimits) -> Self {
        self.set_limits(limits);
        self
    }

    pub fn instance(&self) -> &Url {
        &self.instance
    }

    /// The instance's limits as last read, or stock Mastodon's.
    pub fn limits(&self) -> InstanceLimits {
        self.limits
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .unwrap_or_default()
    }

    fn set_limits(&self, limits: InstanceLimits) {
        *self.limits.lock().unwrap_or_else(PoisonError::into_inner) = Some(limits);
    }

    /// Reads the instance's limits again (also done by `verify`).
    pub async fn refresh_limits(&self) -> Result<InstanceLimits, ChannelError> {
        let limits = fetch_limits(&self.http, &self.instance).await?;
        self.set_limits(limits.clone());
        Ok(limits)
    }

    /// The `Idempotency-Key` for a post: the same for every retry of it.
    pub fn idempotency_key(post: &OutgoingPost) -> String {
        let hash = Sha256::digest(format!("jadwal/mastodon/{}", post.idempotency_key));
        format!("jadwal-{}", hex(&hash[..16]))
    }

    fn secrets(&self) -> [&Secret; 1] {
        [&self.token]
    }

    async fn call(&self, mut call: Call<'_>) -> Result<(u16, Value), ChannelError> {
        call.token = Some(&self.token);
        api::send(&self.http, &self.instance, &call, &self.secrets()).await
    }

    /// Publishes now.
    pub async fn publish_now(&self, post: &OutgoingPost) -> Result<Published, ChannelError> {
        match self.post_status(post, None).await? {
            StatusOutcome::Published(p) => Ok(p),
            // Only a scheduled_at makes a ScheduledStatus.
            StatusOutcome::Scheduled(_) => Err(ChannelError::MalformedResponse {
                host: crate::http::host_of(&self.instance),
                detail: "a scheduled post came back for a post sent now".into(),
            }),
        }
    }

    /// Hands the post to the instance's scheduler for `at`, which must be at
    /// least [`MIN_SCHEDULE_AHEAD_MINUTES`] after `now`.
    pub async fn schedule_on_server(
        &self,
        post: &OutgoingPost,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<ScheduledOnServer, ChannelError> {
        check_schedule(at, now)?;
        match self.post_status(post, Some(at)).await? {
            StatusOutcome::Scheduled(s) => Ok(s),
            StatusOutcome::Published(_) => Err(ChannelError::MalformedResponse {
                host: crate::http::host_of(&self.instance),
                detail: "the instance published at once a post meant for later".into(),
            }),
        }
    }

    /// `DELETE /api/v1/scheduled_statuses/:id`.
    pub async fn cancel_scheduled(&self, id: &str) -> Result<(), ChannelError> {
        let mut call = Call::new(Method::Delete, "/api/v1/scheduled_statuses/");
        call.id = Some(id);
        call.op = Op::Scheduled;
        self.call(call).await?;
        log::info!("mastodon: cancelled scheduled post {id}");
        Ok(())
    }

    /// `PUT /api/v1/scheduled_statuses/:id` with a new time.
    pub async fn move_scheduled(
        &self,
        id: &str,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<ScheduledOnServer, ChannelError> {
        check_schedule(at, now)?;
        let mut call = Call::new(Method::Put, "/api/v1/scheduled_statuses/");
        call.id = Some(id);
        call.op = Op::Scheduled;
        call.body = Body::Form(vec![("scheduled_at".into(), timestamp(at))]);
        let (_, answer) = self.call(call).await?;
        let s: ScheduledStatus = api::parse(answer, &self.instance, "scheduled status")?;
        Ok(ScheduledOnServer {
            id: s.id,
            scheduled_at: s.scheduled_at,
        })
    }

    async fn post_status(
        &self,
        post: &OutgoingPost,
        at: Option<DateTime<Utc>>,
    ) -> Result<StatusOutcome, ChannelError> {
        let text = post.text.trim();
        if text.is_empty() && post.images.is_empty() {
            return Err(ChannelError::Invalid(Problem::Empty));
        }
        let mut media_ids = Vec::new();
        for (i, image) in post.images.iter().enumerate() {
            media_ids.push(self.upload(image, i).await?);
        }
        let key = Self::idempotency_key(post);
        let mut call = Call::new(Method::Post, "/api/v1/statuses");
        call.idempotency_key = Some(&key);
        call.body = Body::Form(status_form(text, &media_ids, &post.langs, at));
        let (_, answer) = self.call(call).await?;
        if at.is_some() {
            let s: ScheduledStatus = api::parse(answer, &self.instance, "scheduled status")?;
            log::info!("mastodon: scheduled {} on the server", s.id);
            return Ok(StatusOutcome::Scheduled(ScheduledOnServer {
                id: s.id,
                scheduled_at: s.scheduled_at,
            }));
        }
        let status: Status = api::parse(answer, &self.instance, "status")?;
        log::info!("mastodon: published {}", status.id);
        let url = status.url.unwrap_or(status.uri);
        Ok(StatusOutcome::Published(Published {
            remote_id: status.id.clone(),
            url: url.clone(),
            parts: vec![PublishedPart {
                remote_id: status.id,
                url,
                cid: String::new(),
            }],
            // The instance answers a repeated key with the earlier status,
            // and does not say which it was.
            already_published: false,
        }))
    }

    /// Uploads one image and waits until the instance has processed it: a
    /// status cannot carry media still processing (422).
    async fn upload(&self, image: &ImageInput, index: usize) -> Result<String, ChannelError> {
        let filename = format!("image{}.{}", index + 1, extension(&image.mime));
        let mut form = Multipart::new().file("file", &filename, &image.mime, &image.bytes);
        if !image.alt.trim().is_empty() {
            form = form.text("description", image.alt.trim());
        }
        let (content_type, bytes) = form.finish();
        let mut call = Call::new(Method::Post, "/api/v2/media");
        call.op = Op::Media;
        call.body = Body::Multipart {
            content_type,
            bytes,
        };
        let (status, answer) = self.call(call).await?;
        let media: Media = api::parse(answer, &self.instance, "media")?;
        if status == 200 && media.url.is_some() {
            return Ok(media.id);
        }
        // 202: processing; `GET /api/v1/media/:id` answers 206 until done.
        for _ in 0..self.options.media_max_polls {
            tokio::time::sleep(self.options.media_poll_interval).await;
            let mut poll = Call::new(Method::Get, "/api/v1/media/");
            poll.id = Some(&media.id);
            let (status, answer) = self.call(poll).await?;
            if status == 206 {
                continue;
            }
            let polled: Media = api::parse(answer, &self.instance, "media")?;
            if polled.url.is_some() {
                return Ok(polled.id);
            }
        }
        Err(ChannelError::MediaProcessing { network: NETWORK })
    }
}

/// Refuses a time the instance's scheduler would not take.
fn check_schedule(at: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), ChannelError> {
    if at - now < chrono::Duration::minutes(i64::from(MIN_SCHEDULE_AHEAD_MINUTES)) {
        return Err(ChannelError::ScheduleTooSoon {
            network: NETWORK,
            minutes: MIN_SCHEDULE_AHEAD_MINUTES,
        });
    }
    Ok(())
}

fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The form of `POST /api/v1/statuses`, as the API documents it.
fn status_form(
    text: &str,
    media_ids: &[String],
    langs: &[String],
    at: Option<DateTime<Utc>>,
) -> Vec<(String, String)> {
    let mut form = vec![("status".to_owned(), text.to_owned())];
    for id in media_ids {
        form.push(("media_ids[]".to_owned(), id.clone()));
    }
    if let Some(lang) = langs.first().and_then(|l| iso_639(l)) {
        form.push(("language".to_owned(), lang));
    }
    if let Some(at) = at {
        form.push(("scheduled_at".to_owned(), timestamp(at)));
    }
    form
}

/// The ISO 639 part of a BCP-47 tag (`pt-BR` -> `pt`), which is what
/// Mastodon's `language` takes.
fn iso_639(tag: &str) -> Option<String> {
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()))
        .then_some(primary)
}

fn extension(mime: &str) -> &'static str {
    match mime {
        "image/png" => "png",
        "image/gif" => "gif",
        "image/webp" => "webp",
        _ => "jpg",
    }
}

#[async_trait]
impl Channel for MastodonChannel {
    fn network(&self) -> Network {
        Network::Mastodon
    }

    /// Checks the instance is Mastodon (and reads its limits), then the
    /// token (`verify_credentials`).
    async fn verify(&self) -> Result<AccountInfo, ChannelError> {
        self.refresh_limits().await?;
        let (_, answer) = self
            .call(Call::new(
                Method::Get,
                "/api/v1/accounts/verify_credentials",
            ))
            .await?;
        let account: Account = api::parse(answer, &self.instance, "account")?;
        let host = self.instance.host_str().unwrap_or_default();
        let handle = if account.acct.contains('@') {
            account.acct
        } else {
            format!("{}@{host}", account.acct)
        };
        Ok(AccountInfo {
            remote_id: account.id,
            handle,
            display_name: account
                .display_name
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty()),
            avatar_url: account.avatar.filter(|a| !a.is_empty()),
        })
    }

    fn validate(&self, post: &OutgoingPost) -> Vec<Problem> {
        validate_post(post, &self.limits())
    }

    async fn publish(&self, post: &OutgoingPost) -> Result<Published, ChannelError> {
        self.publish_now(post).await
    }

    /// `GET /api/v1/statuses/:id`: favourites, boosts and replies (Mastodon
    /// has no quotes).
    async fn fetch_metrics(&self, remote_id: &str) -> Result<Metrics, ChannelError> {
        let mut call = Call::new(Method::Get, "/api/v1/statuses/");
        call.id = Some(remote_id);
        call.op = Op::Status;
        let (_, answer) = self.call(call).await?;
        let status: StatusCounts = api::parse(answer, &self.instance, "status")?;
        Ok(Metrics {
            likes: Some(status.favourites_count),
            reposts: Some(status.reblogs_count),
            replies: Some(status.replies_count),
            quotes: None,
        })
    }

    /// `GET /api/v1/accounts/verify_credentials`: the token's own account.
    async fn fetch_account_metrics(&self) -> Result<AccountMetrics, ChannelError> {
        let (_, answer) = self
            .call(Call::new(
                Method::Get,
                "/api/v1/accounts/verify_credentials",
            ))
            .await?;
        let account: AccountCounts = api::parse(answer, &self.instance, "account")?;
        Ok(AccountMetrics {
            followers: Some(account.followers_count),
        })
    }

    /// Mastodon cannot look a post up by Jadwal's key. A retry of `publish`
    /// is what reconciles: within the hour the instance keeps the
    /// `Idempotency-Key`, it answers with the status already made.
    async fn find_published(&self, post: &OutgoingPost) -> Result<Option<Published>, ChannelError> {
        let _ = post;
        Ok(None)
    }
}

/// The instance's limits, checked before anything is sent.
pub fn validate_post(post: &OutgoingPost, limits: &InstanceLimits) -> Vec<Problem> {
    let mut problems = Vec::new();
    let text = post.text.trim();
    if text.is_empty() && post.images.is_empty() {
        problems.push(Problem::Empty);
    }
    let m = measure(Network::Mastodon, text, Some(limits.max_characters));
    if m.is_over() {
        problems.push(Problem::TextTooLong {
            network: NETWORK,
            used: m.used as usize,
            limit: limits.max_characters as usize,
            unit: "characters",
        });
    }
    let max_images = limits.max_media_attachments as usize;
    if post.images.len() > max_images {
        problems.push(Problem::TooManyImages {
            network: NETWORK,
            count: post.images.len(),
            max: max_images,
        });
    }
    for (i, image) in post.images.iter().enumerate() {
        let number = i + 1;
        if let Some(max) = limits.image_size_limit
            && image.bytes.len() as u64 > max
        {
            problems.push(Problem::ImageTooLarge {
                network: NETWORK,
                number,
                bytes: image.bytes.len(),
                max: usize::try_from(max).unwrap_or(usize::MAX),
            });
        }
        if !limits.supported_mime_types.contains(&image.mime) {
            problems.push(Problem::UnsupportedImageType {
                network: NETWORK,
                number,
                mime: image.mime.clone(),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests;
