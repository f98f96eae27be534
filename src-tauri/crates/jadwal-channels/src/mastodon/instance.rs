//! An instance's own limits (`GET /api/v2/instance`), which drive the
//! editor's counter and validation: 500 characters and 4 images are only the
//! defaults, and many instances raise them.

use reqwest::Url;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::api::{self, Call, Method};
use crate::http::{host_of, parse_service_url};
use crate::{ChannelError, HttpClient};

/// What one instance allows. `Default` is stock Mastodon's, for an instance
/// not asked yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstanceLimits {
    /// `configuration.statuses.max_characters`.
    pub max_characters: u32,
    /// `configuration.statuses.max_media_attachments`.
    pub max_media_attachments: u32,
    /// `configuration.statuses.characters_reserved_per_url`.
    pub characters_reserved_per_url: u32,
    /// `configuration.media_attachments.image_size_limit`, in bytes, when
    /// the instance says.
    pub image_size_limit: Option<u64>,
    /// `configuration.media_attachments.supported_mime_types` (images and
    /// others).
    pub supported_mime_types: Vec<String>,
}

impl Default for InstanceLimits {
    fn default() -> Self {
        InstanceLimits {
            max_characters: 500,
            max_media_attachments: 4,
            characters_reserved_per_url: 23,
            image_size_limit: None,
            supported_mime_types: ["image/jpeg", "image/png", "image/gif", "image/webp"]
                .map(str::to_owned)
                .to_vec(),
        }
    }
}

impl InstanceLimits {
    /// Reads an instance document (v2, or v1 of Mastodon 3.x); None when it
    /// is not one.
    pub fn from_instance_json(doc: &Value) -> Option<Self> {
        let config = doc.get("configuration")?.as_object()?;
        let defaults = InstanceLimits::default();
        let number = |v: Option<&Value>| {
            v.and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
        };
        let statuses = config.get("statuses");
        let media = config.get("media_attachments");
        Some(InstanceLimits {
            max_characters: number(statuses.and_then(|s| s.get("max_characters")))
                // Pleroma and older forks put it at the top.
                .or_else(|| number(doc.get("max_toot_chars")))
                .unwrap_or(defaults.max_characters),
            max_media_attachments: number(statuses.and_then(|s| s.get("max_media_attachments")))
                .unwrap_or(defaults.max_media_attachments),
            characters_reserved_per_url: number(
                statuses.and_then(|s| s.get("characters_reserved_per_url")),
            )
            .unwrap_or(defaults.characters_reserved_per_url),
            image_size_limit: media
                .and_then(|m| m.get("image_size_limit"))
                .and_then(Value::as_u64),
            supported_mime_types: media
                .and_then(|m| m.get("supported_mime_types"))
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or(defaults.supported_mime_types),
        })
    }
}

/// Turns what a person typed (`mastodon.social`, `https://toot.id/about`)
/// into the instance's base address: HTTPS assumed, path dropped.
pub fn instance_url(input: &str) -> Result<Url, ChannelError> {
    let trimmed = input.trim().trim_end_matches('/');
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    let mut url = parse_service_url(&with_scheme).map_err(|e| match e {
        ChannelError::InvalidUrl { .. } => ChannelError::InvalidUrl {
            input: trimmed.to_owned(),
        },
        other => other,
    })?;
    url.set_path("/");
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

/// The instance's limits, without a login. An address that answers, but
/// not with a Mastodon instance document, is [`ChannelError::NotMastodon`].
pub async fn fetch_limits(
    http: &HttpClient,
    instance: &Url,
) -> Result<InstanceLimits, ChannelError> {
    let not_mastodon = || ChannelError::NotMastodon {
        host: host_of(instance),
    };
    // v2 since Mastodon 4.0; v1 still answers on 3.x.
    for path in ["/api/v2/instance", "/api/v1/instance"] {
        let response = api::send_raw(http, instance, &Call::new(Method::Get, path)).await?;
        match response.status {
            200 => {
                let doc: Value =
                    serde_json::from_slice(&response.body).map_err(|_| not_mastodon())?;
                return InstanceLimits::from_instance_json(&doc).ok_or_else(not_mastodon);
            }
            404 | 410 => continue,
            _ => {
                return Err(api::error_from(
                    &response,
                    api::Op::Other,
                    &host_of(instance),
                    &[],
                ));
            }
        }
    }
    Err(not_mastodon())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn limits_come_from_the_configuration() {
        let doc = json!({
            "domain": "toot.example",
            "configuration": {
                "statuses": {"max_characters": 1000, "max_media_attachments": 6,
                             "characters_reserved_per_url": 23},
                "media_attachments": {"supported_mime_types": ["image/jpeg", "image/png"],
                                      "image_size_limit": 16777216}
            }
        });
        let l = InstanceLimits::from_instance_json(&doc).unwrap();
        assert_eq!(l.max_characters, 1000);
        assert_eq!(l.max_media_attachments, 6);
        assert_eq!(l.image_size_limit, Some(16_777_216));
        assert_eq!(l.supported_mime_types, ["image/jpeg", "image/png"]);
        // Missing pieces take stock values; no configuration is not Mastodon.
        let bare = InstanceLimits::from_instance_json(&json!({"configuration": {}})).unwrap();
        assert_eq!(bare, InstanceLimits::default());
        assert!(InstanceLimits::from_instance_json(&json!({"name": "x"})).is_none());
    }

    #[test]
    fn instance_addresses_are_normalised() {
        assert_eq!(
            instance_url(" mastodon.social ").unwrap().as_str(),
            "https://mastodon.social/"
        );
        assert_eq!(
            instance_url("https://toot.id/about?x=1").unwrap().as_str(),
            "https://toot.id/"
        );
        assert_eq!(
            instance_url("http://toot.id").unwrap_err().code(),
            "insecure_url"
        );
        assert_eq!(instance_url("").unwrap_err().code(), "invalid_url");
    }
}
