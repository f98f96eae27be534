//! The one-shot web address on 127.0.0.1 that a Mastodon instance sends the
//! person's browser back to after they sign in: it takes the first request
//! for `/callback`, answers with a page telling them to return to Jadwal,
//! and stops. Other requests (a browser's favicon) get a 404.

use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::error::{EngineError, Result};

/// How long Jadwal waits for the person to finish signing in.
pub(crate) const SIGN_IN_WAIT: Duration = Duration::from_secs(10 * 60);

/// A request line and headers larger than this are not a browser's redirect.
const MAX_HEAD: usize = 16 * 1024;

const DONE_PAGE: &str = "<!doctype html><meta charset=utf-8><title>Jadwal</title>\
<body style=\"font-family:sans-serif;max-width:32rem;margin:4rem auto\">\
<h1>Jadwal</h1><p>You can close this tab and go back to Jadwal.</p>\
<p lang=id>Tab ini boleh ditutup; silakan kembali ke Jadwal.</p></body>";

pub(crate) struct Loopback {
    listener: TcpListener,
}

impl Loopback {
    pub(crate) async fn bind() -> Result<Loopback> {
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .await
            .map_err(|e| EngineError::SignInListener(e.to_string()))?;
        Ok(Loopback { listener })
    }

    pub(crate) fn port(&self) -> Result<u16> {
        self.listener
            .local_addr()
            .map(|a| a.port())
            .map_err(|e| EngineError::SignInListener(e.to_string()))
    }

    /// The request target (`/callback?code=…&state=…`) of the first
    /// callback, or an error once `wait` has passed.
    pub(crate) async fn callback(self, wait: Duration) -> Result<String> {
        tokio::time::timeout(wait, self.first_callback())
            .await
            .map_err(|_| EngineError::SignInTimedOut)?
    }

    async fn first_callback(self) -> Result<String> {
        loop {
            let (mut sock, _) = self
                .listener
                .accept()
                .await
                .map_err(|e| EngineError::SignInListener(e.to_string()))?;
            let Some(target) = request_target(&mut sock).await else {
                continue;
            };
            if target.starts_with("/callback") {
                respond(&mut sock, "200 OK", DONE_PAGE).await;
                return Ok(target);
            }
            respond(&mut sock, "404 Not Found", "").await;
        }
    }
}

async fn request_target(sock: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = tokio::time::timeout(Duration::from_secs(10), sock.read(&mut chunk))
            .await
            .ok()?
            .ok()?;
        if n == 0 || head.len() + n > MAX_HEAD {
            return None;
        }
        head.extend_from_slice(&chunk[..n]);
    }
    let text = String::from_utf8_lossy(&head);
    let mut first = text.lines().next()?.split(' ');
    (first.next()? == "GET").then_some(())?;
    first.next().map(str::to_owned)
}

async fn respond(sock: &mut TcpStream, status: &str, body: &str) {
    let response = format!(
        "HTTP/1.1 {status}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\n\
         cache-control: no-store\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    // The person already signed in; a browser that closed early loses only the page.
    let _ = sock.write_all(response.as_bytes()).await;
    let _ = sock.shutdown().await;
}
