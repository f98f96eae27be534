//! One Mastodon REST call, and its error answers in Jadwal's words.
//!
//! Mastodon answers errors as `{"error": "…"}` (OAuth endpoints add
//! `error_description`). 401 is a revoked or unknown token, 403 a login the
//! server disabled; 422 is the post refused, with the reason in `error`.

use jadwal_secrets::Secret;
use reqwest::Url;
use reqwest::header::CONTENT_TYPE;
use serde::Deserialize;
use serde_json::Value;

use crate::http::{RawResponse, check_url, host_of, rate_limit};
use crate::{ChannelError, HttpClient, redact};

pub(crate) const NETWORK: &str = "Mastodon";

/// Which call answered, because the same status means different things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    /// `POST /oauth/token`.
    Token,
    /// `POST /api/v2/media`.
    Media,
    /// `/api/v1/scheduled_statuses/:id`.
    Scheduled,
    /// `GET /api/v1/statuses/:id`.
    Status,
    Other,
}

pub(crate) enum Method {
    Get,
    Post,
    Put,
    Delete,
}

pub(crate) enum Body {
    None,
    Form(Vec<(String, String)>),
    Multipart {
        content_type: String,
        bytes: Vec<u8>,
    },
}

/// One request to an instance.
pub(crate) struct Call<'a> {
    pub method: Method,
    /// A fixed path (`/api/v1/statuses`).
    pub path: &'static str,
    /// Appended as one percent-encoded path segment (an id from the server).
    pub id: Option<&'a str>,
    pub body: Body,
    pub token: Option<&'a Secret>,
    pub idempotency_key: Option<&'a str>,
    pub op: Op,
}

impl<'a> Call<'a> {
    pub(crate) fn new(method: Method, path: &'static str) -> Self {
        Call {
            method,
            path,
            id: None,
            body: Body::None,
            token: None,
            idempotency_key: None,
            op: Op::Other,
        }
    }
}

/// Sends `call` and returns the answer, whatever its status.
pub(crate) async fn send_raw(
    http: &HttpClient,
    base: &Url,
    call: &Call<'_>,
) -> Result<RawResponse, ChannelError> {
    let host = host_of(base);
    let mut url = base.join(call.path).map_err(|_| ChannelError::InvalidUrl {
        input: base.to_string(),
    })?;
    if let Some(id) = call.id {
        url.path_segments_mut()
            .map_err(|()| ChannelError::InvalidUrl {
                input: base.to_string(),
            })?
            .pop_if_empty()
            .push(id);
    }
    check_url(&url)?;
    let mut request = match call.method {
        Method::Get => http.get(url),
        Method::Post => http.post(url),
        Method::Put => http.put(url),
        Method::Delete => http.delete(url),
    };
    request = match &call.body {
        Body::None => request,
        Body::Form(fields) => {
            let encoded = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(fields)
                .finish();
            request
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(encoded)
        }
        Body::Multipart {
            content_type,
            bytes,
        } => request
            .header(CONTENT_TYPE, content_type.as_str())
            .body(bytes.clone()),
    };
    if let Some(token) = call.token {
        request = request.bearer_auth(token.expose());
    }
    if let Some(key) = call.idempotency_key {
        request = request.header("Idempotency-Key", key);
    }
    let response = http.send(request, &host).await?;
    log::debug!("mastodon: {} -> {}", call.path, response.status);
    Ok(response)
}

/// Sends `call`; the status and JSON of a 2xx answer, the error otherwise.
/// `secrets` are scrubbed from any quoted message.
pub(crate) async fn send(
    http: &HttpClient,
    base: &Url,
    call: &Call<'_>,
    secrets: &[&Secret],
) -> Result<(u16, Value), ChannelError> {
    let response = send_raw(http, base, call).await?;
    let host = host_of(base);
    if !(200..300).contains(&response.status) {
        return Err(error_from(&response, call.op, &host, secrets));
    }
    if response.body.iter().all(u8::is_ascii_whitespace) {
        return Ok((response.status, Value::Null));
    }
    let value =
        serde_json::from_slice(&response.body).map_err(|e| ChannelError::MalformedResponse {
            host,
            detail: format!("not JSON: {e}"),
        })?;
    Ok((response.status, value))
}

/// `value` read as `T`, or a malformed-answer error naming `what`.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(
    value: Value,
    base: &Url,
    what: &str,
) -> Result<T, ChannelError> {
    serde_json::from_value(value).map_err(|e| ChannelError::MalformedResponse {
        host: host_of(base),
        detail: format!("{what}: {e}"),
    })
}

#[derive(Debug, Default, Deserialize)]
struct ErrorBody {
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    error_description: Option<String>,
}

/// The error for a non-2xx answer.
pub(crate) fn error_from(
    response: &RawResponse,
    op: Op,
    host: &str,
    secrets: &[&Secret],
) -> ChannelError {
    let body: ErrorBody = serde_json::from_slice(&response.body).unwrap_or_default();
    let name = body.error.clone().unwrap_or_default();
    let words = body.error_description.or(body.error).unwrap_or_default();
    let message = redact::scrub(&words, secrets);
    let lower = message.to_lowercase();
    let said = |fallback: &str| {
        if message.is_empty() {
            fallback.to_owned()
        } else {
            message.clone()
        }
    };
    let status = response.status;
    match status {
        429 => rate_limit(&response.headers, host),
        500..=599 => ChannelError::ServerError {
            host: host.to_owned(),
            status,
        },
        // The code was wrong, used or expired: sign in again from the start.
        400 if op == Op::Token => ChannelError::AuthorizationFailed {
            reason: said("the instance did not accept the sign-in code"),
        },
        401 if op == Op::Token => ChannelError::BadCredentials {
            network: NETWORK,
            what: "app registration (client id and secret)",
        },
        401 => ChannelError::LoginExpired { network: NETWORK },
        403 => ChannelError::AccountUnavailable {
            network: NETWORK,
            message: said("the login is not allowed to do this"),
        },
        404 if op == Op::Scheduled => ChannelError::ScheduledPostGone { network: NETWORK },
        404 if op == Op::Status => ChannelError::PostNotFound { network: NETWORK },
        413 => ChannelError::ImageTooLarge {
            network: NETWORK,
            message: said("the upload is larger than the instance takes"),
        },
        422 if lower.contains("character limit") => ChannelError::TextTooLong {
            network: NETWORK,
            message: said("the text is over the instance's limit"),
        },
        422 if op == Op::Media && lower.contains("size") => ChannelError::ImageTooLarge {
            network: NETWORK,
            message: said("the image is larger than the instance takes"),
        },
        _ => ChannelError::Rejected {
            network: NETWORK,
            status,
            error: if name.is_empty() || name == message {
                "Error".to_owned()
            } else {
                redact::scrub(&name, secrets)
            },
            message: said("no reason given"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorClass;
    use reqwest::header::HeaderMap;

    fn answer(status: u16, body: &str, op: Op) -> ChannelError {
        let response = RawResponse {
            status,
            headers: HeaderMap::new(),
            body: body.as_bytes().to_vec(),
        };
        error_from(&response, op, "toot.example", &[])
    }

    #[test]
    fn each_status_maps_to_its_class() {
        let e = answer(401, r#"{"error":"The access token is invalid"}"#, Op::Other);
        assert_eq!(e.code(), "login_expired");
        assert_eq!(e.class(), ErrorClass::LoginNeeded);
        let e = answer(
            403,
            r#"{"error":"Your login is currently disabled"}"#,
            Op::Other,
        );
        assert_eq!(e.class(), ErrorClass::LoginNeeded);
        assert!(e.to_string().contains("currently disabled"), "{e}");
        let e = answer(
            422,
            r#"{"error":"Validation failed: Text character limit of 500 exceeded"}"#,
            Op::Other,
        );
        assert_eq!(e.code(), "text_too_long");
        assert!(e.to_string().contains("limit of 500"));
        let e = answer(
            422,
            r#"{"error":"Validation failed: Scheduled at The scheduled date must be in the future"}"#,
            Op::Other,
        );
        assert_eq!(e.code(), "rejected");
        assert_eq!(e.class(), ErrorClass::Permanent);
        assert!(e.to_string().contains("must be in the future"), "{e}");
        assert_eq!(
            answer(502, "<html>Bad Gateway</html>", Op::Other).code(),
            "server_error"
        );
        assert_eq!(
            answer(404, r#"{"error":"Record not found"}"#, Op::Scheduled).code(),
            "scheduled_post_gone"
        );
        assert_eq!(answer(413, "", Op::Media).code(), "image_too_large");
    }

    #[test]
    fn oauth_errors_say_what_to_redo() {
        let e = answer(
            400,
            r#"{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired, revoked"}"#,
            Op::Token,
        );
        assert_eq!(e.code(), "authorization_failed");
        assert!(e.to_string().contains("grant is invalid"), "{e}");
        let e = answer(401, r#"{"error":"invalid_client"}"#, Op::Token);
        assert_eq!(e.code(), "bad_credentials");
        assert_eq!(e.class(), ErrorClass::LoginNeeded);
    }
}
