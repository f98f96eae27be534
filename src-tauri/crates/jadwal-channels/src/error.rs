//! What went wrong talking to a network, in words a person can act on, with a
//! stable code for the web view and a class for the outbox's retry rules.
//!
//! No variant holds a secret: messages quoted from a server go through
//! [`crate::redact`] first, and request URLs never carry one.

use std::time::Duration;

use chrono::{DateTime, Utc};
use thiserror::Error;

/// What the outbox does with an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// The network or the server had a bad moment (no connection, timeout,
    /// 5xx, 429): keep the post scheduled and retry with backoff. Never a
    /// reason to flag the account.
    Temporary,
    /// The login no longer works (wrong or revoked app password, a token that
    /// could not be renewed, a suspended account): hold the account's posts
    /// and ask the person to reconnect.
    LoginNeeded,
    /// The post itself, or a setting, is refused: retrying the same thing
    /// fails the same way. Mark the post failed with the message.
    Permanent,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ChannelError {
    #[error("“{input}” is not a web address Jadwal can use")]
    InvalidUrl { input: String },

    #[error(
        "Jadwal connects to {url} only over HTTPS (plain HTTP is allowed only to this computer)"
    )]
    InsecureUrl { url: String },

    #[error("“{input}” is not a Bluesky handle (it looks like name.bsky.social)")]
    InvalidHandle { input: String },

    #[error("could not connect to {host}; check the internet connection (Jadwal will try again)")]
    Unreachable { host: String },

    #[error(
        "could not find {host} (the name lookup failed); check the address and the internet \
         connection"
    )]
    DnsFailed { host: String },

    #[error(
        "the secure connection to {host} failed ({detail}); a network that intercepts \
         connections, or a wrong clock, can cause this"
    )]
    TlsFailed { host: String, detail: String },

    #[error("{host} did not answer in time (Jadwal will try again)")]
    Timeout { host: String },

    #[error("{host} asks Jadwal to slow down{}", wait_words(*retry_after))]
    RateLimited {
        host: String,
        /// From `Retry-After` in seconds.
        retry_after: Option<Duration>,
        /// From `Retry-After` as a date or `RateLimit-Reset`; turned into a
        /// wait with the caller's clock ([`ChannelError::retry_delay`]).
        reset_at: Option<DateTime<Utc>>,
    },

    #[error("{host} had a server error ({status}); Jadwal will try again")]
    ServerError { host: String, status: u16 },

    #[error("{host} sent an answer Jadwal could not read ({detail})")]
    MalformedResponse { host: String, detail: String },

    #[error("{host} sent an answer larger than {limit} bytes, so Jadwal stopped reading it")]
    ResponseTooLarge { host: String, limit: usize },

    /// Anything else that broke the connection mid-request.
    #[error("the connection to {host} broke ({detail}); Jadwal will try again")]
    Network { host: String, detail: String },

    #[error(
        "Bluesky did not accept this handle and app password; check them, or create a new app \
         password in Bluesky's settings (Privacy and security → App passwords)"
    )]
    WrongPassword,

    #[error(
        "the login to {network} has expired and could not be renewed; connect the account again"
    )]
    LoginExpired { network: &'static str },

    #[error("{network} says the account cannot post: {message}")]
    AccountUnavailable {
        network: &'static str,
        message: String,
    },

    #[error("the text is too long for {network}: {message}")]
    TextTooLong {
        network: &'static str,
        message: String,
    },

    #[error("an image is too large for {network}: {message}")]
    ImageTooLarge {
        network: &'static str,
        message: String,
    },

    /// The post breaks a rule Jadwal knows before sending (see `Problem`).
    #[error("{0}")]
    Invalid(crate::Problem),

    /// Any other refusal (4xx), with the network's own words.
    #[error("{network} refused the request ({status} {error}): {message}")]
    Rejected {
        network: &'static str,
        status: u16,
        error: String,
        message: String,
    },

    #[error("{network} does not give Jadwal its figures; type them in or import a CSV")]
    MetricsNotAvailable { network: &'static str },

    #[error(
        "{host} does not count likes and followers (it has no AppView); set the AppView's address for Bluesky figures"
    )]
    NoAppView { host: String },

    #[error("{network} no longer has this post (it was deleted or hidden)")]
    PostNotFound { network: &'static str },

    #[error("{what} is not available for {network} yet")]
    NotYetSupported {
        network: &'static str,
        what: &'static str,
    },

    /// A login that is not a password (a bot token, a webhook secret, an
    /// OAuth client) was refused.
    #[error("{network} did not accept the {what}; check it and connect again")]
    BadCredentials {
        network: &'static str,
        what: &'static str,
    },

    #[error(
        "{host} does not look like a Mastodon server (it has no Mastodon instance information); \
         check the address"
    )]
    NotMastodon { host: String },

    #[error(
        "{network} takes a post into its own schedule only {minutes} minutes or more ahead; \
         choose a later time or publish it now"
    )]
    ScheduleTooSoon { network: &'static str, minutes: u32 },

    /// The server-side scheduled post no longer exists: it went out, or it
    /// was deleted on the server.
    #[error("{network} no longer has this scheduled post (it was published or deleted there)")]
    ScheduledPostGone { network: &'static str },

    #[error("{network} is still processing an image; Jadwal will try again")]
    MediaProcessing { network: &'static str },

    #[error(
        "Telegram cannot find the channel {chat}; check its name, and that the bot is an \
         administrator of it"
    )]
    ChatNotFound { chat: String },

    #[error("the sign-in was not completed: {reason}")]
    AuthorizationFailed { reason: String },
}

fn wait_words(retry_after: Option<Duration>) -> String {
    match retry_after {
        Some(d) => format!("; Jadwal will try again in {} s", d.as_secs().max(1)),
        None => "; Jadwal will try again later".to_owned(),
    }
}

impl ChannelError {
    /// A stable code the web view and scripts branch on.
    pub fn code(&self) -> &'static str {
        match self {
            ChannelError::InvalidUrl { .. } => "invalid_url",
            ChannelError::InsecureUrl { .. } => "insecure_url",
            ChannelError::InvalidHandle { .. } => "invalid_handle",
            ChannelError::Unreachable { .. } => "unreachable",
            ChannelError::DnsFailed { .. } => "dns_failed",
            ChannelError::TlsFailed { .. } => "tls_failed",
            ChannelError::Timeout { .. } => "timeout",
            ChannelError::RateLimited { .. } => "rate_limited",
            ChannelError::ServerError { .. } => "server_error",
            ChannelError::MalformedResponse { .. } => "malformed_response",
            ChannelError::ResponseTooLarge { .. } => "response_too_large",
            ChannelError::Network { .. } => "network_error",
            ChannelError::WrongPassword => "wrong_password",
            ChannelError::LoginExpired { .. } => "login_expired",
            ChannelError::AccountUnavailable { .. } => "account_unavailable",
            ChannelError::TextTooLong { .. } => "text_too_long",
            ChannelError::ImageTooLarge { .. } => "image_too_large",
            ChannelError::Invalid(problem) => problem.code(),
            ChannelError::Rejected { .. } => "rejected",
            ChannelError::NotYetSupported { .. } => "not_yet_supported",
            ChannelError::MetricsNotAvailable { .. } => "metrics_not_available",
            ChannelError::PostNotFound { .. } => "post_not_found",
            ChannelError::NoAppView { .. } => "no_appview",
            ChannelError::BadCredentials { .. } => "bad_credentials",
            ChannelError::NotMastodon { .. } => "not_mastodon",
            ChannelError::ScheduleTooSoon { .. } => "schedule_too_soon",
            ChannelError::ScheduledPostGone { .. } => "scheduled_post_gone",
            ChannelError::MediaProcessing { .. } => "media_processing",
            ChannelError::ChatNotFound { .. } => "chat_not_found",
            ChannelError::AuthorizationFailed { .. } => "authorization_failed",
        }
    }

    /// The facts a message needs, by name, for the window to say it in the
    /// person's language (`host`, `network`, `what`, `chat`, …). Never a
    /// secret: every field here is already in the English message.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        match self {
            ChannelError::InvalidUrl { input } | ChannelError::InvalidHandle { input } => {
                p.push(("input", input.clone()));
            }
            ChannelError::InsecureUrl { url } => p.push(("url", url.clone())),
            ChannelError::Unreachable { host }
            | ChannelError::DnsFailed { host }
            | ChannelError::Timeout { host }
            | ChannelError::NotMastodon { host }
            | ChannelError::NoAppView { host } => p.push(("host", host.clone())),
            ChannelError::TlsFailed { host, detail }
            | ChannelError::MalformedResponse { host, detail }
            | ChannelError::Network { host, detail } => {
                p.push(("host", host.clone()));
                p.push(("detail", detail.clone()));
            }
            ChannelError::RateLimited { host, .. }
            | ChannelError::ResponseTooLarge { host, .. } => {
                p.push(("host", host.clone()));
            }
            ChannelError::ServerError { host, status } => {
                p.push(("host", host.clone()));
                p.push(("status", status.to_string()));
            }
            ChannelError::LoginExpired { network }
            | ChannelError::MetricsNotAvailable { network }
            | ChannelError::PostNotFound { network }
            | ChannelError::ScheduledPostGone { network }
            | ChannelError::MediaProcessing { network } => {
                p.push(("network", (*network).to_owned()))
            }
            ChannelError::AccountUnavailable { network, message }
            | ChannelError::TextTooLong { network, message }
            | ChannelError::ImageTooLarge { network, message }
            | ChannelError::Rejected {
                network, message, ..
            } => {
                p.push(("network", (*network).to_owned()));
                p.push(("message", message.clone()));
            }
            ChannelError::NotYetSupported { network, what }
            | ChannelError::BadCredentials { network, what } => {
                p.push(("network", (*network).to_owned()));
                p.push(("what", (*what).to_owned()));
            }
            ChannelError::ScheduleTooSoon { network, minutes } => {
                p.push(("network", (*network).to_owned()));
                p.push(("minutes", minutes.to_string()));
            }
            ChannelError::ChatNotFound { chat } => p.push(("chat", chat.clone())),
            ChannelError::AuthorizationFailed { reason } => p.push(("reason", reason.clone())),
            ChannelError::WrongPassword | ChannelError::Invalid(_) => {}
        }
        p
    }

    /// The network could not be reached at all (no connection, no name
    /// lookup): most likely this computer is offline.
    pub fn means_offline(&self) -> bool {
        matches!(
            self,
            ChannelError::Unreachable { .. } | ChannelError::DnsFailed { .. }
        )
    }

    /// The request went out and no clear answer came back (a timeout, a
    /// connection cut mid-way, an answer that could not be read): the
    /// network may have made the post. On a network that cannot recognise a
    /// repeat, sending it again could post twice.
    pub fn may_have_arrived(&self) -> bool {
        matches!(
            self,
            ChannelError::Timeout { .. }
                | ChannelError::Network { .. }
                | ChannelError::MalformedResponse { .. }
                | ChannelError::ResponseTooLarge { .. }
        )
    }

    /// The codes of [`ChannelError::means_offline`] errors.
    pub const OFFLINE_CODES: [&'static str; 2] = ["unreachable", "dns_failed"];

    /// Retry, ask for a new login, or give up on this post.
    pub fn class(&self) -> ErrorClass {
        match self {
            // A TLS failure is usually the network in between (a captive
            // portal, an intercepting proxy) or a wrong clock: it passes when
            // the person moves on, and it says nothing about the login.
            ChannelError::Unreachable { .. }
            | ChannelError::DnsFailed { .. }
            | ChannelError::TlsFailed { .. }
            | ChannelError::Timeout { .. }
            | ChannelError::RateLimited { .. }
            | ChannelError::ServerError { .. }
            | ChannelError::MalformedResponse { .. }
            | ChannelError::ResponseTooLarge { .. }
            | ChannelError::Network { .. }
            | ChannelError::MediaProcessing { .. } => ErrorClass::Temporary,
            // A channel the bot cannot reach fails every post the same way
            // until the person fixes the setup: hold them all, like a login.
            ChannelError::WrongPassword
            | ChannelError::LoginExpired { .. }
            | ChannelError::AccountUnavailable { .. }
            | ChannelError::BadCredentials { .. }
            | ChannelError::ChatNotFound { .. } => ErrorClass::LoginNeeded,
            ChannelError::InvalidUrl { .. }
            | ChannelError::InsecureUrl { .. }
            | ChannelError::InvalidHandle { .. }
            | ChannelError::TextTooLong { .. }
            | ChannelError::ImageTooLarge { .. }
            | ChannelError::Invalid(_)
            | ChannelError::Rejected { .. }
            | ChannelError::NotYetSupported { .. }
            | ChannelError::MetricsNotAvailable { .. }
            | ChannelError::PostNotFound { .. }
            | ChannelError::NoAppView { .. }
            | ChannelError::NotMastodon { .. }
            | ChannelError::ScheduleTooSoon { .. }
            | ChannelError::ScheduledPostGone { .. }
            | ChannelError::AuthorizationFailed { .. } => ErrorClass::Permanent,
        }
    }

    pub fn is_temporary(&self) -> bool {
        self.class() == ErrorClass::Temporary
    }

    /// How long to wait before retrying, when the server said so. `now` is
    /// the caller's clock, used only for a reset given as an instant.
    pub fn retry_delay(&self, now: DateTime<Utc>) -> Option<Duration> {
        match self {
            ChannelError::RateLimited {
                retry_after,
                reset_at,
                ..
            } => retry_after
                .or_else(|| reset_at.map(|at| (at - now).to_std().unwrap_or(Duration::ZERO))),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn temporary_errors_never_ask_for_a_new_login() {
        let host = || "bsky.social".to_owned();
        for e in [
            ChannelError::Unreachable { host: host() },
            ChannelError::DnsFailed { host: host() },
            ChannelError::TlsFailed {
                host: host(),
                detail: "x".into(),
            },
            ChannelError::Timeout { host: host() },
            ChannelError::ServerError {
                host: host(),
                status: 500,
            },
            ChannelError::MalformedResponse {
                host: host(),
                detail: "x".into(),
            },
            ChannelError::ResponseTooLarge {
                host: host(),
                limit: 1,
            },
            ChannelError::RateLimited {
                host: host(),
                retry_after: None,
                reset_at: None,
            },
        ] {
            assert_eq!(e.class(), ErrorClass::Temporary, "{e}");
            assert!(e.is_temporary());
        }
        assert_eq!(ChannelError::WrongPassword.class(), ErrorClass::LoginNeeded);
        assert_eq!(
            ChannelError::LoginExpired { network: "Bluesky" }.class(),
            ErrorClass::LoginNeeded
        );
        let long = ChannelError::TextTooLong {
            network: "Bluesky",
            message: "x".into(),
        };
        assert_eq!(long.class(), ErrorClass::Permanent);
        assert_eq!(long.code(), "text_too_long");
    }

    #[test]
    fn the_wait_comes_from_retry_after_or_the_reset_instant() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let seconds = ChannelError::RateLimited {
            host: "h".into(),
            retry_after: Some(Duration::from_secs(7)),
            reset_at: None,
        };
        assert_eq!(seconds.retry_delay(now), Some(Duration::from_secs(7)));
        assert!(seconds.to_string().ends_with("in 7 s"), "{seconds}");
        let reset = ChannelError::RateLimited {
            host: "h".into(),
            retry_after: None,
            reset_at: Some(now + chrono::Duration::seconds(90)),
        };
        assert_eq!(reset.retry_delay(now), Some(Duration::from_secs(90)));
        // A reset already past means "now", not a negative wait.
        let past = ChannelError::RateLimited {
            host: "h".into(),
            retry_after: None,
            reset_at: Some(now - chrono::Duration::seconds(5)),
        };
        assert_eq!(past.retry_delay(now), Some(Duration::ZERO));
        assert_eq!(ChannelError::WrongPassword.retry_delay(now), None);
    }
}
