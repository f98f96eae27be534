//! Jadwal's publishing adapters, one per network, behind one contract
//! ([`Channel`]): verify the login, check a post against the network's
//! limits, publish it (once, however often it is retried), and later fetch
//! its numbers.
//!
//! Time is never read from the clock here: a post carries the instant it was
//! created, and rate-limit waits are computed with the caller's `now`.
//! Secrets arrive as [`jadwal_secrets::Secret`] and never appear in an error,
//! a `Debug` print or a log line.

pub mod bluesky;
mod error;
#[cfg(any(test, feature = "test-support"))]
pub mod fake_counts;
pub mod http;
pub mod mastodon;
#[cfg(test)]
mod metrics_tests;
mod multipart;
pub mod picture;
pub mod redact;
pub mod telegram;
#[cfg(any(test, feature = "test-support"))]
pub mod testing;
pub mod webhook;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use jadwal_domain::Network;
use thiserror::Error;

pub use error::{ChannelError, ErrorClass};
pub use http::{HttpClient, HttpOptions};

/// Who a login belongs to, as the Accounts screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountInfo {
    /// The network's stable id for the account (a Bluesky DID); handles change.
    pub remote_id: String,
    /// `toko-batik.bsky.social`, without the `@`.
    pub handle: String,
    pub display_name: Option<String>,
    pub avatar_url: Option<String>,
}

/// One image ready to send: media processing (decode, resize, recompress) has
/// already happened elsewhere; this is the rendition for this network.
#[derive(Clone, PartialEq, Eq)]
pub struct ImageInput {
    pub bytes: Vec<u8>,
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub mime: String,
    pub width: u32,
    pub height: u32,
    /// Alt text for people using screen readers; may be empty.
    pub alt: String,
}

impl std::fmt::Debug for ImageInput {
    // A megabyte of bytes in a log line helps nobody.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImageInput")
            .field("bytes", &self.bytes.len())
            .field("mime", &self.mime)
            .field("width", &self.width)
            .field("height", &self.height)
            .field("alt", &self.alt)
            .finish()
    }
}

/// A post as the outbox hands it to an adapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingPost {
    /// Stable across retries of the same publication (the outbox records it
    /// before the first attempt). Adapters derive the network's own guard
    /// from it, so a retry can never make a second post.
    pub idempotency_key: String,
    /// When the post was first handed over: also stable across retries. It
    /// is the record's `createdAt` on Bluesky and part of its record key.
    pub created_at: DateTime<Utc>,
    pub text: String,
    pub images: Vec<ImageInput>,
    /// BCP-47 language tags (`id`, `en`), if known.
    pub langs: Vec<String>,
    /// Text over the network's limit becomes a thread (the person saw the
    /// parts first) instead of being refused.
    pub split_into_thread: bool,
}

/// A published post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The network's id of the (first) post: an `at://` URI on Bluesky.
    pub remote_id: String,
    /// The public web address of the (first) post.
    pub url: String,
    /// Every post made, in order: one, or each part of a thread.
    pub parts: Vec<PublishedPart>,
    /// True when the post was already there from an earlier attempt (the
    /// network's idempotency guard answered), so nothing new was posted.
    pub already_published: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedPart {
    pub remote_id: String,
    pub url: String,
    /// Bluesky's content id of the record (replies and likes refer to it).
    pub cid: String,
}

/// A post's numbers as the network counts them now, for the reports.
/// `None` where the network does not count that (Mastodon has no quotes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metrics {
    pub likes: Option<u64>,
    pub reposts: Option<u64>,
    pub replies: Option<u64>,
    pub quotes: Option<u64>,
}

/// The account's numbers as the network counts them now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountMetrics {
    pub followers: Option<u64>,
}

/// What is wrong with a post before anything is sent, by the network's known
/// limits. The UI shows these next to the editor; `publish` does not repeat
/// the checks (the server is the final judge, and its limits may change).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Problem {
    #[error("the post has no text and no image")]
    Empty,
    #[error("the text is {used} {unit} long; {network} takes {limit}")]
    TextTooLong {
        network: &'static str,
        used: usize,
        limit: usize,
        unit: &'static str,
    },
    #[error("the post has {count} images; {network} takes {max}")]
    TooManyImages {
        network: &'static str,
        count: usize,
        max: usize,
    },
    #[error("image {number} is {bytes} bytes; {network} takes {max} bytes per image")]
    ImageTooLarge {
        network: &'static str,
        number: usize,
        bytes: usize,
        max: usize,
    },
    #[error("image {number} is {mime}; {network} takes JPEG, PNG or WebP")]
    UnsupportedImageType {
        network: &'static str,
        number: usize,
        mime: String,
    },
    #[error("image {number} has no width or height")]
    ImageWithoutSize { number: usize },
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Empty => "empty_post",
            Problem::TextTooLong { .. } => "text_too_long",
            Problem::TooManyImages { .. } => "too_many_images",
            Problem::ImageTooLarge { .. } => "image_too_large",
            Problem::UnsupportedImageType { .. } => "unsupported_image_type",
            Problem::ImageWithoutSize { .. } => "image_without_size",
        }
    }
}

/// The adapter contract. One value per connected account; cheap to share
/// (`Arc<dyn Channel>`). Every network call is async and cancel-safe in the
/// sense that dropping it mid-way leaves nothing the next `publish` of the
/// same post cannot reconcile.
#[async_trait]
pub trait Channel: Send + Sync {
    fn network(&self) -> Network;

    /// Logs in (or checks the stored login) and says whose account it is.
    async fn verify(&self) -> Result<AccountInfo, ChannelError>;

    /// Problems with `post` by the network's known limits; empty when none.
    fn validate(&self, post: &OutgoingPost) -> Vec<Problem>;

    /// Publishes `post`. Safe to call again with the same post after any
    /// failure or crash: a post already made is found and returned with
    /// `already_published`, never made twice.
    async fn publish(&self, post: &OutgoingPost) -> Result<Published, ChannelError>;

    /// Whether a retry of a publication whose outcome is unknown (a timeout
    /// after sending, a crash) is safe: the network, or `find_published`,
    /// recognises the earlier attempt, so a retry never posts twice. When
    /// false (Telegram has no idempotency key), the outbox must not retry
    /// such a post by itself: it asks the person whether it went out.
    fn can_deduplicate(&self) -> bool {
        true
    }

    /// Whether `post` is already on the network (for reconciling after a
    /// crash before deciding anything). `None` when it is not.
    async fn find_published(&self, post: &OutgoingPost) -> Result<Option<Published>, ChannelError>;

    /// The numbers of a post this adapter published (`remote_id` is
    /// [`Published::remote_id`]). Networks that give none to Jadwal
    /// (Telegram, a webhook) answer `MetricsNotAvailable`.
    async fn fetch_metrics(&self, remote_id: &str) -> Result<Metrics, ChannelError> {
        let _ = remote_id;
        Err(ChannelError::MetricsNotAvailable {
            network: self.network().display_name(),
        })
    }

    /// The account's numbers (followers), where the network gives them.
    async fn fetch_account_metrics(&self) -> Result<AccountMetrics, ChannelError> {
        Err(ChannelError::MetricsNotAvailable {
            network: self.network().display_name(),
        })
    }
}
