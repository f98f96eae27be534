//! Bluesky's (XRPC) error answers in Jadwal's words.
//!
//! The PDS answers `{"error": "Name", "message": "…"}`. What matters is which
//! of three things happened: the login needs renewing, the server had a bad
//! moment, or the post is refused. A rejected token is 400 `InvalidToken` or
//! `ExpiredToken` (and 401 on some routes), not only 401; a wrong app
//! password is 401 at `createSession`.

use jadwal_secrets::Secret;
use serde::Deserialize;

use crate::http::{RawResponse, rate_limit};
use crate::{ChannelError, redact};

pub(crate) const NETWORK: &str = "Bluesky";

/// Which call answered, because the same status means different things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    CreateSession,
    RefreshSession,
    UploadBlob,
    /// Any other call.
    Other,
}

#[derive(Debug, Default, Deserialize)]
struct ErrorBody {
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

/// The error for a non-2xx answer. `secrets` are scrubbed from the quoted
/// message.
pub(crate) fn error_from(
    response: &RawResponse,
    op: Op,
    host: &str,
    secrets: &[&Secret],
) -> ChannelError {
    let body: ErrorBody = serde_json::from_slice(&response.body).unwrap_or_default();
    let name = body.error.unwrap_or_default();
    let message = redact::scrub(body.message.as_deref().unwrap_or(""), secrets);
    classify(
        response.status,
        &name,
        &message,
        op,
        host,
        &response.headers,
    )
}

fn classify(
    status: u16,
    name: &str,
    message: &str,
    op: Op,
    host: &str,
    headers: &reqwest::header::HeaderMap,
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
        429 => rate_limit(headers, host),
        500..=599 => ChannelError::ServerError {
            host: host.to_owned(),
            status,
        },
        413 if op == Op::UploadBlob => ChannelError::ImageTooLarge {
            network: NETWORK,
            message: said("the upload is larger than the server takes"),
        },
        401 if op == Op::CreateSession && name == "AuthFactorTokenRequired" => {
            ChannelError::Rejected {
                network: NETWORK,
                status,
                error: name.to_owned(),
                message: "the account asks for an e-mail code; use an app password instead".into(),
            }
        }
        401 if op == Op::CreateSession => ChannelError::WrongPassword,
        401 => ChannelError::LoginExpired { network: NETWORK },
        400 if matches!(name, "ExpiredToken" | "InvalidToken") => {
            ChannelError::LoginExpired { network: NETWORK }
        }
        400 if matches!(
            name,
            "AccountTakedown" | "AccountDeactivated" | "AccountSuspended"
        ) =>
        {
            ChannelError::AccountUnavailable {
                network: NETWORK,
                message: said(name),
            }
        }
        // A PDS without an AppView behind it, asked for an app.bsky read
        // (what @atproto/pds 0.4 answers; see tests/bluesky_pds_metrics.rs).
        400 if lower.starts_with("no service configured for app.bsky") => ChannelError::NoAppView {
            host: host.to_owned(),
        },
        400 if name == "BlobTooLarge" || lower.contains("blob too big") => {
            ChannelError::ImageTooLarge {
                network: NETWORK,
                message: said("the image is larger than Bluesky takes"),
            }
        }
        400 if lower.contains("record.text")
            && ["too big", "too long", "longer than"]
                .iter()
                .any(|w| lower.contains(w)) =>
        {
            ChannelError::TextTooLong {
                network: NETWORK,
                message: said("the text is over the limit"),
            }
        }
        _ => ChannelError::Rejected {
            network: NETWORK,
            status,
            error: if name.is_empty() {
                "Error".to_owned()
            } else {
                name.to_owned()
            },
            message: said("no reason given"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderMap;

    fn answer(status: u16, body: &str, op: Op) -> ChannelError {
        let response = RawResponse {
            status,
            headers: HeaderMap::new(),
            body: body.as_bytes().to_vec(),
        };
        error_from(&response, op, "bsky.social", &[])
    }

    #[test]
    fn rejected_tokens_mean_renew_the_login_whatever_the_status() {
        for (status, body) in [
            (
                400,
                r#"{"error":"ExpiredToken","message":"Token has expired"}"#,
            ),
            (
                400,
                r#"{"error":"InvalidToken","message":"Token could not be verified"}"#,
            ),
            (
                401,
                r#"{"error":"AuthenticationRequired","message":"Authentication Required"}"#,
            ),
        ] {
            let e = answer(status, body, Op::Other);
            assert_eq!(e.code(), "login_expired", "{status} {body}");
        }
        let e = answer(400, r#"{"error":"ExpiredToken"}"#, Op::RefreshSession);
        assert_eq!(e.code(), "login_expired");
    }

    #[test]
    fn a_malformed_token_answered_with_500_is_temporary_not_a_dead_login() {
        let e = answer(
            500,
            r#"{"error":"InternalServerError","message":"Internal Server Error"}"#,
            Op::Other,
        );
        assert_eq!(e.code(), "server_error");
        assert!(e.is_temporary());
        // A 502 from a proxy with an HTML page is the same.
        assert_eq!(
            answer(502, "<html>Bad Gateway</html>", Op::Other).code(),
            "server_error"
        );
    }

    #[test]
    fn a_wrong_password_is_only_said_by_create_session() {
        let body =
            r#"{"error":"AuthenticationRequired","message":"Invalid identifier or password"}"#;
        let e = answer(401, body, Op::CreateSession);
        assert_eq!(e, ChannelError::WrongPassword);
        assert!(e.to_string().contains("app password"));
    }

    #[test]
    fn the_real_pds_refusals_map_to_their_codes() {
        // These bodies are what @atproto/pds 0.4 answers (see tests/bluesky_pds.rs).
        let long = r#"{"error":"InvalidRequest","message":"Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text"}"#;
        let e = answer(400, long, Op::Other);
        assert_eq!(e.code(), "text_too_long");
        assert!(e.to_string().contains("maximum 300, got 301"), "{e}");
        let bytes = r#"{"error":"InvalidRequest","message":"Invalid app.bsky.feed.post record: string too big (maximum 3000, got 3025) at $.record.text"}"#;
        assert_eq!(answer(400, bytes, Op::Other).code(), "text_too_long");
        let blob = r#"{"error":"InvalidRequest","message":"Invalid app.bsky.feed.post record: blob too big (maximum 1000000, got 1100003) at $.record.embed.images[0].image"}"#;
        assert_eq!(answer(400, blob, Op::Other).code(), "image_too_large");
        let upload = r#"{"error":"PayloadTooLarge","message":"request entity too large"}"#;
        assert_eq!(
            answer(413, upload, Op::UploadBlob).code(),
            "image_too_large"
        );
        let takedown = r#"{"error":"AccountTakedown","message":"Account has been taken down"}"#;
        assert_eq!(
            answer(400, takedown, Op::CreateSession).code(),
            "account_unavailable"
        );
        let no_appview = r#"{"error":"InvalidRequest","message":"No service configured for app.bsky.feed.getPosts"}"#;
        assert_eq!(answer(400, no_appview, Op::Other).code(), "no_appview");
        let other = r#"{"error":"InvalidRequest","message":"Invalid record key"}"#;
        let e = answer(400, other, Op::Other);
        assert_eq!(e.code(), "rejected");
        assert!(e.to_string().contains("Invalid record key"));
    }

    #[test]
    fn a_429_carries_the_wait() {
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", "12".parse().unwrap());
        let response = RawResponse {
            status: 429,
            headers,
            body: br#"{"error":"RateLimitExceeded"}"#.to_vec(),
        };
        let e = error_from(&response, Op::Other, "bsky.social", &[]);
        assert_eq!(e.code(), "rate_limited");
        assert_eq!(
            e.retry_delay(chrono::Utc::now()),
            Some(std::time::Duration::from_secs(12))
        );
    }

    #[test]
    fn secrets_echoed_by_a_server_are_scrubbed() {
        let password = Secret::new("abcd-efgh-ijkl-mnop");
        let response = RawResponse {
            status: 400,
            headers: HeaderMap::new(),
            body: br#"{"error":"InvalidRequest","message":"bad password abcd-efgh-ijkl-mnop"}"#
                .to_vec(),
        };
        let e = error_from(&response, Op::Other, "h", &[&password]);
        let shown = format!("{e} {e:?}");
        assert!(!shown.contains("abcd-efgh"), "{shown}");
        assert!(shown.contains("[redacted]"));
    }
}
