//! Webhook: POST each post, signed, to an address the person gives (Zapier,
//! Make, n8n, their own site). The request is documented in WEBHOOK.md
//! beside this crate's Cargo.toml.
//!
//! Any 2xx answer means published; an optional JSON answer
//! `{"url": "…", "id": "…"}` gives the public link. Receivers are asked to
//! ignore a second request with the same `X-Jadwal-Idempotency-Key`, which
//! is what makes a retry after an unknown outcome safe.
//!
//! What the app keeps per account: the URL, and the shared secret
//! (keychain).

pub mod payload;
pub mod signature;

use async_trait::async_trait;
use jadwal_domain::Network;
use jadwal_secrets::Secret;
use reqwest::Url;
use reqwest::header::CONTENT_TYPE;
use serde::Deserialize;

use crate::http::{host_of, parse_service_url, rate_limit};
use crate::{
    AccountInfo, Channel, ChannelError, HttpClient, OutgoingPost, Problem, Published,
    PublishedPart, redact,
};
pub use payload::{SCHEMA_VERSION, WebhookExtras, WebhookRequest, build_request};

pub(crate) const NETWORK: &str = "Webhook";
pub const SIGNATURE_HEADER: &str = "X-Jadwal-Signature";
pub const IDEMPOTENCY_HEADER: &str = "X-Jadwal-Idempotency-Key";

/// One webhook.
pub struct WebhookChannel {
    http: HttpClient,
    url: Url,
    secret: Secret,
}

impl std::fmt::Debug for WebhookChannel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The path of a Zapier or Make hook is itself a bearer of access.
        f.debug_struct("WebhookChannel")
            .field("host", &host_of(&self.url))
            .field("secret", &self.secret)
            .finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
struct Answer {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    id: Option<serde_json::Value>,
}

impl WebhookChannel {
    pub fn new(url: &str, secret: Secret, http: HttpClient) -> Result<Self, ChannelError> {
        if secret.expose().trim().is_empty() {
            return Err(ChannelError::BadCredentials {
                network: NETWORK,
                what: "shared secret (it is empty)",
            });
        }
        Ok(WebhookChannel {
            http,
            url: parse_service_url(url)?,
            secret,
        })
    }

    /// Sends `post` with the variants and schedule in `extras`.
    pub async fn publish_with(
        &self,
        post: &OutgoingPost,
        extras: &WebhookExtras,
    ) -> Result<Published, ChannelError> {
        if post.text.trim().is_empty() && post.images.is_empty() {
            return Err(ChannelError::Invalid(Problem::Empty));
        }
        let request = build_request(post, extras, &self.secret)?;
        let host = host_of(&self.url);
        let sent = self
            .http
            .post(self.url.clone())
            .header(CONTENT_TYPE, request.content_type.as_str())
            .header(SIGNATURE_HEADER, request.signature.as_str())
            .header(IDEMPOTENCY_HEADER, request.idempotency_key.as_str())
            .body(request.body);
        let response = self.http.send(sent, &host).await?;
        log::debug!("webhook: POST {host} -> {}", response.status);
        if !(200..300).contains(&response.status) {
            return Err(self.error_from(&response, &host));
        }
        // Any 2xx is accepted; an answer that is not the optional JSON
        // (a plain "OK", an empty 204) just gives no link.
        let answer: Option<Answer> = serde_json::from_slice(&response.body).ok();
        let url = answer
            .as_ref()
            .and_then(|a| a.url.as_deref())
            .filter(|u| Url::parse(u).is_ok_and(|u| matches!(u.scheme(), "https" | "http")))
            .unwrap_or_default()
            .to_owned();
        let remote_id = answer
            .and_then(|a| a.id)
            .map(|id| match id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            })
            .unwrap_or_else(|| post.idempotency_key.clone());
        log::info!("webhook: delivered to {host}");
        Ok(Published {
            remote_id: remote_id.clone(),
            url: url.clone(),
            parts: vec![PublishedPart {
                remote_id,
                url,
                cid: String::new(),
            }],
            already_published: false,
        })
    }

    fn error_from(&self, response: &crate::http::RawResponse, host: &str) -> ChannelError {
        let status = response.status;
        let text = String::from_utf8_lossy(&response.body);
        let said = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| {
                ["error", "message"]
                    .iter()
                    .find_map(|k| v.get(k).and_then(|m| m.as_str()).map(str::to_owned))
            })
            .unwrap_or_else(|| text.into_owned());
        let message = redact::scrub(&said, &[&self.secret]);
        match status {
            429 => rate_limit(&response.headers, host),
            500..=599 => ChannelError::ServerError {
                host: host.to_owned(),
                status,
            },
            401 | 403 => ChannelError::BadCredentials {
                network: NETWORK,
                what: "signature (check that the shared secret is the same on both sides)",
            },
            413 => ChannelError::ImageTooLarge {
                network: NETWORK,
                message: if message.is_empty() {
                    "the receiver takes smaller requests".into()
                } else {
                    message
                },
            },
            _ => ChannelError::Rejected {
                network: NETWORK,
                status,
                error: if (300..400).contains(&status) {
                    "Redirect (use the final address)".into()
                } else {
                    "Error".into()
                },
                message: if message.is_empty() {
                    "no reason given".into()
                } else {
                    message
                },
            },
        }
    }
}

#[async_trait]
impl Channel for WebhookChannel {
    fn network(&self) -> Network {
        Network::Webhook
    }

    /// A webhook has no account to ask about; this says where posts go.
    /// (A test delivery is a real post to the receiver, so it is not sent.)
    async fn verify(&self) -> Result<AccountInfo, ChannelError> {
        let host = host_of(&self.url);
        Ok(AccountInfo {
            remote_id: host.clone(),
            handle: host,
            display_name: None,
            avatar_url: None,
        })
    }

    fn validate(&self, post: &OutgoingPost) -> Vec<Problem> {
        if post.text.trim().is_empty() && post.images.is_empty() {
            vec![Problem::Empty]
        } else {
            Vec::new()
        }
    }

    async fn publish(&self, post: &OutgoingPost) -> Result<Published, ChannelError> {
        self.publish_with(post, &WebhookExtras::default()).await
    }

    /// A receiver may well ignore the idempotency header (most no-code
    /// tools do), so a publication whose answer was lost is not sent again
    /// by itself: the person is asked whether it arrived.
    fn can_deduplicate(&self) -> bool {
        false
    }

    /// A receiver cannot be asked; the idempotency header is what
    /// reconciles a retry.
    async fn find_published(&self, post: &OutgoingPost) -> Result<Option<Published>, ChannelError> {
        let _ = post;
        Ok(None)
    }
}

#[cfg(test)]
mod tests;
