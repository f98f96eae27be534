//! Small fake HTTP servers on 127.0.0.1 for the adapters' tests: one request
//! per connection, read in full (binary bodies too), answered by a closure.
//! Also used by other crates' tests (feature `test-support`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)] // test support: a panic is how a test reports

use std::net::TcpListener as StdListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::HttpOptions;

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// Names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or("")
    }

    /// The fields of an `application/x-www-form-urlencoded` body.
    pub fn form(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(&self.body)
            .into_owned()
            .collect()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }

    /// The parts of a `multipart/form-data` body.
    pub fn parts(&self) -> Vec<Part> {
        let ct = self.header("content-type").unwrap();
        let boundary = ct.split("boundary=").nth(1).unwrap().trim_matches('"');
        parse_multipart(&self.body, boundary)
    }
}

#[derive(Debug, Clone)]
pub struct Part {
    pub name: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

impl Part {
    pub fn text(&self) -> String {
        String::from_utf8(self.data.clone()).unwrap()
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// A strict reader, as a receiver's framework would parse the body.
pub fn parse_multipart(body: &[u8], boundary: &str) -> Vec<Part> {
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut pos = find(body, delimiter.as_bytes(), 0).unwrap() + delimiter.len();
    loop {
        if body[pos..].starts_with(b"--") {
            break;
        }
        assert!(body[pos..].starts_with(b"\r\n"), "a delimiter line ends");
        pos += 2;
        let head_end = find(body, b"\r\n\r\n", pos).unwrap();
        let head = String::from_utf8(body[pos..head_end].to_vec()).unwrap();
        let next = find(body, format!("\r\n{delimiter}").as_bytes(), head_end + 4).unwrap();
        let data = body[head_end + 4..next].to_vec();
        let mut part = Part {
            name: String::new(),
            filename: None,
            content_type: None,
            data,
        };
        for line in head.split("\r\n") {
            let lower = line.to_ascii_lowercase();
            if lower.starts_with("content-disposition:") {
                for attr in line.split(';').skip(1) {
                    let (k, v) = attr.trim().split_once('=').unwrap();
                    let v = v.trim_matches('"').to_owned();
                    match k {
                        "name" => part.name = v,
                        "filename" => part.filename = Some(v),
                        _ => {}
                    }
                }
            } else if let Some(v) = lower.strip_prefix("content-type:") {
                part.content_type = Some(v.trim().to_owned());
            }
        }
        parts.push(part);
        pos = next + 2 + delimiter.len();
    }
    parts
}

pub type Seen = Arc<Mutex<Vec<Request>>>;

/// A raw HTTP answer.
pub fn reply(status: u16, body: &str) -> Vec<u8> {
    reply_with(status, "", body)
}

pub fn reply_with(status: u16, headers: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
         {headers}connection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Serves every connection with `answer`; returns the base URL and the
/// requests seen, in order.
pub async fn fake(answer: impl Fn(&Request) -> Vec<u8> + Send + Sync + 'static) -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let seen: Seen = Arc::default();
    let log = seen.clone();
    let answer = Arc::new(answer);
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let answer = answer.clone();
            let log = log.clone();
            tokio::spawn(async move {
                let Some(request) = read_request(&mut sock).await else {
                    return;
                };
                log.lock().unwrap().push(request.clone());
                let response = answer(&request);
                let _ = sock.write_all(&response).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    (base, seen)
}

async fn read_request(sock: &mut TcpStream) -> Option<Request> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        let Some(head_end) = find(&buf, b"\r\n\r\n", 0) else {
            continue;
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
        let mut lines = head.split("\r\n");
        let mut first = lines.next()?.split(' ');
        let method = first.next()?.to_owned();
        let target = first.next()?.to_owned();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let len = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse::<usize>().ok())
            .unwrap_or(0);
        if buf.len() >= head_end + 4 + len {
            return Some(Request {
                method,
                target,
                headers,
                body: buf[head_end + 4..head_end + 4 + len].to_vec(),
            });
        }
    }
}

/// Short timeouts and a small answer cap, so fault tests run fast.
pub fn options() -> HttpOptions {
    HttpOptions {
        connect_timeout: Duration::from_millis(500),
        timeout: Duration::from_millis(800),
        max_response_bytes: 64 * 1024,
        ..HttpOptions::default()
    }
}

/// A port nothing listens on.
pub fn closed_port() -> String {
    let port = StdListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    format!("http://127.0.0.1:{port}")
}

/// A server that accepts and never answers.
pub async fn hanging() -> String {
    let hang = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://127.0.0.1:{}", hang.local_addr().unwrap().port());
    tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((sock, _)) = hang.accept().await {
            open.push(sock);
        }
    });
    url
}

/// A huge answer.
pub fn huge() -> Vec<u8> {
    reply(200, &format!("{{\"x\":\"{}\"}}", "x".repeat(100 * 1024)))
}

/// Collects every log line of the process: a process has one logger, so
/// every adapter's tests share this one.
pub struct Capture(Mutex<Vec<String>>);

static LOGS: Capture = Capture(Mutex::new(Vec::new()));

/// Starts collecting log lines (again and again: only the first call sets).
pub fn capture_logs() {
    let _ = log::set_logger(&LOGS);
    log::set_max_level(log::LevelFilter::Trace);
}

/// Every line logged so far by any test.
pub fn captured_logs() -> String {
    LOGS.0.lock().unwrap().join("\n")
}

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata) -> bool {
        true
    }
    fn log(&self, record: &log::Record) {
        self.0.lock().unwrap().push(format!("{}", record.args()));
    }
    fn flush(&self) {}
}
