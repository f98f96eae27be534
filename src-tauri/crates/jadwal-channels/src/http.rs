//! The one HTTP client every adapter uses: rustls, timeouts, no redirects, a
//! cap on what it reads, HTTPS only (plain HTTP only to this computer), and
//! transport errors sorted into plain words.

use std::net::IpAddr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;
use reqwest::{RequestBuilder, Url};

use crate::ChannelError;

/// Limits of one client. The defaults suit a desktop on a slow connection.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// Time to open a connection (DNS, TCP, TLS).
    pub connect_timeout: Duration,
    /// Time for a whole request and its answer; uploads of a 1 MB image over
    /// a slow mobile link fit in it.
    pub timeout: Duration,
    /// Largest answer read. XRPC answers are a few kilobytes; anything much
    /// bigger is not the API talking (a captive portal, a wrong address).
    pub max_response_bytes: usize,
    pub user_agent: String,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            max_response_bytes: 2 * 1024 * 1024,
            user_agent: format!("Jadwal/{} (desktop)", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// A shared client: cheap to clone, keeps connections alive between calls.
#[derive(Debug, Clone)]
pub struct HttpClient {
    client: reqwest::Client,
    max_response_bytes: usize,
}

/// An answer read in full (within the cap).
#[derive(Debug)]
pub(crate) struct RawResponse {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl HttpClient {
    pub fn new(options: HttpOptions) -> Result<Self, ChannelError> {
        Self::from_builder(reqwest::Client::builder(), options)
    }

    fn from_builder(
        builder: reqwest::ClientBuilder,
        options: HttpOptions,
    ) -> Result<Self, ChannelError> {
        let client = builder
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            // A redirect could lead a request, and its Authorization header,
            // somewhere the HTTPS rule was never checked; XRPC never redirects.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(options.user_agent)
            .build()
            .map_err(|e| ChannelError::Network {
                host: "this computer".into(),
                detail: format!("the HTTP client could not start: {}", e.without_url()),
            })?;
        Ok(HttpClient {
            client,
            max_response_bytes: options.max_response_bytes,
        })
    }

    /// A client whose DNS lookups go to `resolver` (tests: a lookup that
    /// fails without sending anything to a real DNS server).
    #[cfg(test)]
    pub(crate) fn with_resolver(
        resolver: std::sync::Arc<dyn reqwest::dns::Resolve>,
        options: HttpOptions,
    ) -> Result<Self, ChannelError> {
        Self::from_builder(reqwest::Client::builder().dns_resolver(resolver), options)
    }

    pub(crate) fn get(&self, url: Url) -> RequestBuilder {
        self.client.get(url)
    }

    pub(crate) fn post(&self, url: Url) -> RequestBuilder {
        self.client.post(url)
    }

    pub(crate) fn put(&self, url: Url) -> RequestBuilder {
        self.client.put(url)
    }

    pub(crate) fn delete(&self, url: Url) -> RequestBuilder {
        self.client.delete(url)
    }

    /// Sends `request` and reads the answer, at most `max_response_bytes` of
    /// it. Any status comes back as a response; only transport failures are
    /// errors here.
    pub(crate) async fn send(
        &self,
        request: RequestBuilder,
        host: &str,
    ) -> Result<RawResponse, ChannelError> {
        let mut response = request
            .send()
            .await
            // Some URLs carry a secret (Telegram puts the bot token in the
            // path): the URL never goes into an error's words.
            .map_err(|e| transport_error(&e.without_url(), host))?;
        let too_large = || ChannelError::ResponseTooLarge {
            host: host.to_owned(),
            limit: self.max_response_bytes,
        };
        if response
            .content_length()
            .is_some_and(|n| n > self.max_response_bytes as u64)
        {
            return Err(too_large());
        }
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| transport_error(&e.without_url(), host))?
        {
            if body.len() + chunk.len() > self.max_response_bytes {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(RawResponse {
            status,
            headers,
            body,
        })
    }
}

/// Parses a base address typed by a person or stored in settings, and checks
/// it may be used: HTTPS, or plain HTTP to a loopback address.
pub fn parse_service_url(input: &str) -> Result<Url, ChannelError> {
    let trimmed = input.trim();
    let url = Url::parse(trimmed).map_err(|_| ChannelError::InvalidUrl {
        input: trimmed.to_owned(),
    })?;
    check_url(&url)?;
    Ok(url)
}

/// HTTPS everywhere; plain HTTP only to this computer (127.0.0.0/8, ::1,
/// localhost), where a test server or a local PDS runs.
pub fn check_url(url: &Url) -> Result<(), ChannelError> {
    let insecure = || ChannelError::InsecureUrl {
        url: url.as_str().to_owned(),
    };
    if url.host_str().is_none_or(str::is_empty) {
        return Err(ChannelError::InvalidUrl {
            input: url.as_str().to_owned(),
        });
    }
    match url.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(url) => Ok(()),
        "http" => Err(insecure()),
        _ => Err(ChannelError::InvalidUrl {
            input: url.as_str().to_owned(),
        }),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// The host part of a URL for messages ("bsky.social", "localhost:2583").
pub(crate) fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_owned(),
        _ => url.as_str().to_owned(),
    }
}

/// A transport failure in plain words. reqwest says little in its own kind
/// checks, so the cause chain's text decides DNS vs TLS vs refused.
pub(crate) fn transport_error(e: &reqwest::Error, host: &str) -> ChannelError {
    let host = host.to_owned();
    if e.is_timeout() {
        return ChannelError::Timeout { host };
    }
    let mut chain = Vec::new();
    let mut source: Option<&dyn std::error::Error> = Some(e);
    while let Some(err) = source {
        chain.push(err.to_string());
        source = err.source();
    }
    let text = chain.join(": ").to_lowercase();
    if text.contains("dns error") || text.contains("failed to lookup address") {
        return ChannelError::DnsFailed { host };
    }
    if [
        "certificate",
        "tls",
        "handshake",
        "corrupt message",
        "invalid peer",
    ]
    .iter()
    .any(|w| text.contains(w))
    {
        // The innermost cause names the problem ("invalid peer certificate:
        // UnknownIssuer"); the outer layers only repeat the URL.
        let detail = chain.last().cloned().unwrap_or_default();
        return ChannelError::TlsFailed {
            host,
            detail: crate::redact::shorten(&detail),
        };
    }
    if e.is_connect() {
        return ChannelError::Unreachable { host };
    }
    let detail = chain.last().cloned().unwrap_or_default();
    ChannelError::Network {
        host,
        detail: crate::redact::shorten(&detail),
    }
}

/// The wait a 429 asks for: `Retry-After` in seconds, or as an HTTP date, or
/// `RateLimit-Reset` (epoch seconds, which Bluesky sends), or
/// `X-RateLimit-Reset` (an ISO 8601 instant, which Mastodon sends).
pub(crate) fn rate_limit(headers: &HeaderMap, host: &str) -> ChannelError {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    let mut retry_after = None;
    let mut reset_at = None;
    if let Some(v) = header("retry-after") {
        if let Ok(secs) = v.parse::<u64>() {
            retry_after = Some(Duration::from_secs(secs));
        } else if let Ok(at) = DateTime::parse_from_rfc2822(v) {
            reset_at = Some(at.with_timezone(&Utc));
        }
    }
    if reset_at.is_none() {
        reset_at = header("ratelimit-reset")
            .and_then(|v| v.parse::<i64>().ok())
            .and_then(|secs| DateTime::from_timestamp(secs, 0));
    }
    if reset_at.is_none() {
        reset_at = header("x-ratelimit-reset").and_then(|v| {
            DateTime::parse_from_rfc3339(v)
                .map(|at| at.with_timezone(&Utc))
                .ok()
                .or_else(|| {
                    v.parse::<i64>()
                        .ok()
                        .and_then(|secs| DateTime::from_timestamp(secs, 0))
                })
        });
    }
    ChannelError::RateLimited {
        host: host.to_owned(),
        retry_after,
        reset_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_everywhere_and_http_only_to_this_computer() {
        for ok in [
            "https://bsky.social",
            "https://pds.toko.id:8443/",
            "http://127.0.0.1:2583",
            "http://127.8.9.10",
            "http://[::1]:2583",
            "http://localhost:2583",
            "http://LOCALHOST",
        ] {
            assert!(parse_service_url(ok).is_ok(), "{ok}");
        }
        for insecure in [
            "http://bsky.social",
            "http://192.168.1.10:2583",
            "http://10.0.0.1",
            "http://[::2]",
            "http://localhost.toko.id",
            "http://0.0.0.0",
        ] {
            let e = parse_service_url(insecure).unwrap_err();
            assert_eq!(e.code(), "insecure_url", "{insecure}");
        }
        for invalid in ["", "bsky.social", "ftp://bsky.social", "file:///etc/passwd"] {
            let e = parse_service_url(invalid).unwrap_err();
            assert_eq!(e.code(), "invalid_url", "{invalid}");
        }
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date_or_a_reset() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", "30".parse().unwrap());
        let e = rate_limit(&h, "bsky.social");
        let now = Utc::now();
        assert_eq!(e.retry_delay(now), Some(Duration::from_secs(30)));

        let mut h = HeaderMap::new();
        h.insert(
            "retry-after",
            "Mon, 23 Nov 2026 09:01:00 GMT".parse().unwrap(),
        );
        let now = DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            rate_limit(&h, "h").retry_delay(now),
            Some(Duration::from_secs(60))
        );

        let mut h = HeaderMap::new();
        h.insert(
            "ratelimit-reset",
            (now.timestamp() + 120).to_string().parse().unwrap(),
        );
        assert_eq!(
            rate_limit(&h, "h").retry_delay(now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(rate_limit(&HeaderMap::new(), "h").retry_delay(now), None);

        // Mastodon's reset is an ISO 8601 instant.
        let mut h = HeaderMap::new();
        h.insert(
            "x-ratelimit-reset",
            "2026-11-23T09:05:00.000Z".parse().unwrap(),
        );
        assert_eq!(
            rate_limit(&h, "h").retry_delay(now),
            Some(Duration::from_secs(300))
        );
    }
}
