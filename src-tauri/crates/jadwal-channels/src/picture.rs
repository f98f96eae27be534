//! Fetching a public picture an account points at (its avatar), within a
//! byte cap, by the same HTTPS rule as every other call. What the bytes are
//! is for the caller to check: the content type is only a first filter.

use reqwest::Url;

use crate::http::{check_url, host_of};
use crate::{ChannelError, HttpClient};

/// The picture at `url`, at most `max_bytes` long. An answer that is not a
/// picture by its content type, or is not 200, is an error.
pub async fn fetch_picture(
    http: &HttpClient,
    url: &str,
    max_bytes: usize,
) -> Result<Vec<u8>, ChannelError> {
    let url = Url::parse(url).map_err(|_| ChannelError::InvalidUrl {
        input: url.to_owned(),
    })?;
    check_url(&url)?;
    let host = host_of(&url);
    let response = http.send(http.get(url), &host).await?;
    let malformed = |detail: String| ChannelError::MalformedResponse {
        host: host.clone(),
        detail,
    };
    if response.status != 200 {
        return Err(malformed(format!(
            "the picture answered {}",
            response.status
        )));
    }
    let content_type = response
        .headers
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type.starts_with("image/") {
        return Err(malformed(format!("not a picture ({content_type})")));
    }
    if response.body.len() > max_bytes {
        return Err(ChannelError::ResponseTooLarge {
            host,
            limit: max_bytes,
        });
    }
    Ok(response.body)
}
