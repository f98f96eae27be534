//! The Bot API's answers in Jadwal's words.
//!
//! Every answer is `{"ok": true, "result": …}` or `{"ok": false,
//! "error_code": …, "description": "…", "parameters": {"retry_after": …}}`,
//! with the HTTP status equal to `error_code`.

use std::time::Duration;

use jadwal_secrets::Secret;
use serde::Deserialize;
use serde_json::Value;

use crate::http::{RawResponse, rate_limit};
use crate::{ChannelError, redact};

pub(crate) const NETWORK: &str = "Telegram";

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Answer {
    #[serde(default)]
    pub ok: bool,
    #[serde(default)]
    pub result: Option<Value>,
    #[serde(default)]
    pub error_code: Option<u16>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub parameters: Option<Parameters>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Parameters {
    #[serde(default)]
    pub retry_after: Option<u64>,
}

/// The `result` of a successful answer, or the error. `chat` is the channel
/// as configured (for "chat not found"); `token` is scrubbed from anything
/// quoted.
pub(crate) fn result_from(
    response: &RawResponse,
    host: &str,
    chat: &str,
    token: &Secret,
) -> Result<Value, ChannelError> {
    let parsed: Option<Answer> = serde_json::from_slice(&response.body).ok();
    let Some(answer) = parsed else {
        return Err(match response.status {
            500..=599 => ChannelError::ServerError {
                host: host.to_owned(),
                status: response.status,
            },
            429 => rate_limit(&response.headers, host),
            200..=299 => ChannelError::MalformedResponse {
                host: host.to_owned(),
                detail: "not a Bot API answer".into(),
            },
            // The Bot API answers a malformed token with a bare 404.
            401 | 404 => ChannelError::BadCredentials {
                network: NETWORK,
                what: "bot token",
            },
            status => ChannelError::Rejected {
                network: NETWORK,
                status,
                error: "Error".into(),
                message: "no reason given".into(),
            },
        });
    };
    if answer.ok && (200..300).contains(&response.status) {
        return answer
            .result
            .ok_or_else(|| ChannelError::MalformedResponse {
                host: host.to_owned(),
                detail: "an answer without a result".into(),
            });
    }
    let status = answer.error_code.unwrap_or(response.status);
    let message = redact::scrub(answer.description.as_deref().unwrap_or(""), &[token]);
    Err(classify(
        status,
        &message,
        answer.parameters,
        response,
        host,
        chat,
    ))
}

fn classify(
    status: u16,
    message: &str,
    parameters: Option<Parameters>,
    response: &RawResponse,
    host: &str,
    chat: &str,
) -> ChannelError {
    let lower = message.to_lowercase();
    let said = |fallback: &str| {
        if message.is_empty() {
            fallback.to_owned()
        } else {
            message.to_owned()
        }
    };
    match status {
        429 => match parameters.and_then(|p| p.retry_after) {
            Some(secs) => ChannelError::RateLimited {
                host: host.to_owned(),
                retry_after: Some(Duration::from_secs(secs)),
                reset_at: None,
            },
            None => rate_limit(&response.headers, host),
        },
        500..=599 => ChannelError::ServerError {
            host: host.to_owned(),
            status,
        },
        401 | 404 => ChannelError::BadCredentials {
            network: NETWORK,
            what: "bot token",
        },
        400 if lower.contains("chat not found") => ChannelError::ChatNotFound {
            chat: chat.to_owned(),
        },
        // Kicked, not a member, not an administrator, or without the right
        // to post: every post fails until the person fixes the channel.
        403 => ChannelError::AccountUnavailable {
            network: NETWORK,
            message: said("the bot may not post in this channel"),
        },
        400 if lower.contains("not enough rights") || lower.contains("administrator") => {
            ChannelError::AccountUnavailable {
                network: NETWORK,
                message: said("the bot may not post in this channel"),
            }
        }
        400 if lower.contains("too long") => ChannelError::TextTooLong {
            network: NETWORK,
            message: said("the text is over the limit"),
        },
        413 => ChannelError::ImageTooLarge {
            network: NETWORK,
            message: said("the upload is larger than Telegram takes"),
        },
        400 if lower.contains("photo_invalid_dimensions") || lower.contains("too big") => {
            ChannelError::ImageTooLarge {
                network: NETWORK,
                message: said("the photo is larger than Telegram takes"),
            }
        }
        _ => ChannelError::Rejected {
            network: NETWORK,
            status,
            error: "Bad Request".into(),
            message: said("no reason given"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorClass;
    use reqwest::header::HeaderMap;

    fn answer(status: u16, body: &str) -> ChannelError {
        let response = RawResponse {
            status,
            headers: HeaderMap::new(),
            body: body.as_bytes().to_vec(),
        };
        result_from(
            &response,
            "api.telegram.org",
            "@toko",
            &Secret::new("1:tok"),
        )
        .unwrap_err()
    }

    #[test]
    fn bot_api_errors_map_to_their_codes() {
        let e = answer(
            401,
            r#"{"ok":false,"error_code":401,"description":"Unauthorized"}"#,
        );
        assert_eq!(
            (e.code(), e.class()),
            ("bad_credentials", ErrorClass::LoginNeeded)
        );
        assert!(e.to_string().contains("bot token"));
        let e = answer(
            400,
            r#"{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"#,
        );
        assert_eq!(e.code(), "chat_not_found");
        assert!(e.to_string().contains("@toko"), "{e}");
        let e = answer(
            403,
            r#"{"ok":false,"error_code":403,"description":"Forbidden: bot is not a member of the channel chat"}"#,
        );
        assert_eq!(
            (e.code(), e.class()),
            ("account_unavailable", ErrorClass::LoginNeeded)
        );
        let e = answer(
            429,
            r#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 17","parameters":{"retry_after":17}}"#,
        );
        assert_eq!(e.code(), "rate_limited");
        assert_eq!(
            e.retry_delay(chrono::Utc::now()),
            Some(Duration::from_secs(17))
        );
        let e = answer(
            400,
            r#"{"ok":false,"error_code":400,"description":"Bad Request: message caption is too long"}"#,
        );
        assert_eq!(e.code(), "text_too_long");
        assert_eq!(
            answer(502, "<html>Bad Gateway</html>").code(),
            "server_error"
        );
        assert_eq!(
            answer(
                404,
                r#"{"ok":false,"error_code":404,"description":"Not Found"}"#
            )
            .code(),
            "bad_credentials"
        );
        let e = answer(
            400,
            r#"{"ok":false,"error_code":400,"description":"Bad Request: wrong file identifier"}"#,
        );
        assert_eq!((e.code(), e.class()), ("rejected", ErrorClass::Permanent));
        assert_eq!(answer(200, "{oops").code(), "malformed_response");
    }
}
