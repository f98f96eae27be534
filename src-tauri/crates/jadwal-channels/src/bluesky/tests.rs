//! The adapter against small fake servers on 127.0.0.1, for what a real PDS
//! will not do on demand: refuse connections, hang, speak garbage, send a
//! huge answer, rate-limit, expire a token mid-session. (The real PDS tests
//! are in tests/bluesky_pds.rs.)

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::TimeZone;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::*;
use crate::{ErrorClass, HttpOptions, ImageInput};

const APP_PASSWORD: &str = "abcd-efgh-ijkl-mnop";
const ACCESS: &str = "access-token-aaaaaaaaaaaaaaaa";
const REFRESH: &str = "refresh-token-bbbbbbbbbbbbbbbb";

/// What the fake server saw: method and path of each request, and whether it
/// carried a bearer token (which one).
type Seen = Arc<Mutex<Vec<String>>>;

/// Serves each connection with `answer(request line, headers+body)`, one
/// request per connection. Returns the base URL.
async fn fake(answer: impl Fn(&str, &str) -> String + Send + Sync + 'static) -> (String, Seen) {
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
                let request = read_request(&mut sock).await;
                let first = request.lines().next().unwrap_or("").to_owned();
                let auth = request
                    .lines()
                    .find_map(|l| l.strip_prefix("authorization: Bearer "))
                    .unwrap_or("-")
                    .to_owned();
                log.lock().unwrap().push(format!("{first} {auth}"));
                let response = answer(&first, &request);
                let _ = sock.write_all(response.as_bytes()).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    (base, seen)
}

async fn read_request(sock: &mut tokio::net::TcpStream) -> String {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while let Ok(n) = sock.read(&mut chunk).await {
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf).to_string();
        if let Some(head_end) = text.find("\r\n\r\n") {
            let len = text[..head_end]
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length: ")
                        .map(str::to_owned)
                })
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if buf.len() >= head_end + 4 + len {
                break;
            }
        }
    }
    String::from_utf8_lossy(&buf).to_string()
}

fn reply(status: u16, body: &str) -> String {
    reply_with(status, "", body)
}

fn reply_with(status: u16, headers: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{headers}connection: close\r\n\r\n{body}",
        body.len()
    )
}

fn session_json() -> String {
    format!(
        r#"{{"accessJwt":"{ACCESS}","refreshJwt":"{REFRESH}","did":"did:plc:toko","handle":"toko.test"}}"#
    )
}

fn options() -> HttpOptions {
    HttpOptions {
        connect_timeout: Duration::from_millis(500),
        timeout: Duration::from_millis(800),
        max_response_bytes: 64 * 1024,
        ..HttpOptions::default()
    }
}

fn channel_at(base: &str) -> BlueskyChannel {
    channel_with_http(base, HttpClient::new(options()).unwrap())
}

fn channel_with_http(base: &str, http: HttpClient) -> BlueskyChannel {
    let config = BlueskyConfig::new(Some(base)).unwrap();
    let login = BlueskyLogin::new("toko.test", Secret::new(APP_PASSWORD)).unwrap();
    BlueskyChannel::new(config, login, http)
}

fn post(text: &str) -> OutgoingPost {
    OutgoingPost {
        idempotency_key: "k".into(),
        created_at: chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
            .unwrap(),
        text: text.into(),
        images: Vec::new(),
        langs: Vec::new(),
        split_into_thread: false,
    }
}

fn assert_no_secret(text: &str) {
    for secret in [APP_PASSWORD, ACCESS, REFRESH] {
        assert!(!text.contains(secret), "a secret leaked: {text}");
    }
}

#[tokio::test]
async fn an_expired_access_token_is_refreshed_and_the_call_repeated() {
    let (base, seen) = fake(|first, request| {
        let bearer = request
            .lines()
            .find_map(|l| l.strip_prefix("authorization: Bearer "))
            .unwrap_or("");
        if first.contains("createSession") {
            reply(200, &session_json())
        } else if first.contains("refreshSession") {
            reply(
                200,
                r#"{"accessJwt":"new-access-cccccccccccc","refreshJwt":"new-refresh-dddddddddd","did":"did:plc:toko","handle":"toko.test"}"#,
            )
        } else if bearer == ACCESS {
            reply(400, r#"{"error":"ExpiredToken","message":"Token has expired"}"#)
        } else if first.contains("getSession") {
            reply(200, r#"{"did":"did:plc:toko","handle":"toko.test"}"#)
        } else {
            reply(400, r#"{"error":"RecordNotFound","message":"no profile"}"#)
        }
    })
    .await;
    let ch = channel_at(&base);
    let info = ch.verify().await.unwrap();
    assert_eq!(info.handle, "toko.test");
    assert_eq!(info.display_name, None);
    let calls = seen.lock().unwrap().clone();
    let names: Vec<_> = calls
        .iter()
        .map(|c| {
            c.split_whitespace()
                .nth(1)
                .unwrap()
                .split('?')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            "/xrpc/com.atproto.server.createSession",
            "/xrpc/com.atproto.server.getSession",
            "/xrpc/com.atproto.server.refreshSession",
            "/xrpc/com.atproto.server.getSession",
            "/xrpc/com.atproto.repo.getRecord",
        ]
    );
    assert!(
        calls[2].ends_with(REFRESH),
        "refreshSession uses the refresh token"
    );
    assert_eq!(
        ch.session_tokens().unwrap().access_jwt.expose(),
        "new-access-cccccccccccc"
    );
}

#[tokio::test]
async fn a_500_from_a_working_login_is_a_server_error_not_a_dead_login() {
    let (base, seen) = fake(|first, _| {
        if first.contains("createSession") {
            reply(200, &session_json())
        } else {
            reply(
                500,
                r#"{"error":"InternalServerError","message":"Internal Server Error"}"#,
            )
        }
    })
    .await;
    let e = channel_at(&base).verify().await.unwrap_err();
    assert_eq!(e.code(), "server_error");
    assert_eq!(e.class(), ErrorClass::Temporary);
    // The fresh login was not thrown away and renewed for a server error.
    assert!(
        !seen
            .lock()
            .unwrap()
            .iter()
            .any(|c| c.contains("refreshSession"))
    );
}

#[tokio::test]
async fn transport_failures_have_their_own_words_and_are_temporary() {
    // Nothing listens: refused.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let e = channel_at(&format!("http://127.0.0.1:{port}"))
        .verify()
        .await
        .unwrap_err();
    assert_eq!(e.code(), "unreachable", "{e}");

    // Accepts and never answers: timeout.
    let hang = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hang_url = format!("http://127.0.0.1:{}", hang.local_addr().unwrap().port());
    tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((sock, _)) = hang.accept().await {
            open.push(sock);
        }
    });
    let e = channel_at(&hang_url).verify().await.unwrap_err();
    assert_eq!(e.code(), "timeout", "{e}");

    // HTTPS to a server that speaks plain HTTP: the TLS handshake fails.
    let plain = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let tls_url = format!("https://127.0.0.1:{}", plain.local_addr().unwrap().port());
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = plain.accept().await {
            let _ = sock.write_all(reply(200, "{}").as_bytes()).await;
        }
    });
    let e = channel_at(&tls_url).verify().await.unwrap_err();
    assert_eq!(e.code(), "tls_failed", "{e}");

    // A name that does not resolve (a resolver that fails, so no real DNS
    // server is asked).
    let http = HttpClient::with_resolver(Arc::new(FailingResolver), options()).unwrap();
    let e = channel_with_http("https://pds.toko.example", http)
        .verify()
        .await
        .unwrap_err();
    assert_eq!(e.code(), "dns_failed", "{e}");

    // Not JSON.
    let (html, _) = fake(|_, _| reply(200, "<html>captive portal</html>")).await;
    let e = channel_at(&html).verify().await.unwrap_err();
    assert_eq!(e.code(), "malformed_response", "{e}");

    // A huge answer, with and without Content-Length.
    let (huge, _) = fake(|_, _| reply(200, &"x".repeat(100 * 1024))).await;
    let e = channel_at(&huge).verify().await.unwrap_err();
    assert_eq!(e.code(), "response_too_large", "{e}");
    let (chunked, _) = fake(|_, _| {
        let chunk = "y".repeat(8 * 1024);
        let mut body = String::new();
        for _ in 0..20 {
            body.push_str(&format!("{:x}\r\n{chunk}\r\n", chunk.len()));
        }
        body.push_str("0\r\n\r\n");
        format!("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n{body}")
    })
    .await;
    let e = channel_at(&chunked).verify().await.unwrap_err();
    assert_eq!(e.code(), "response_too_large", "{e}");

    // 429 with Retry-After, 503.
    let (busy, _) = fake(|_, _| {
        reply_with(
            429,
            "retry-after: 42\r\n",
            r#"{"error":"RateLimitExceeded"}"#,
        )
    })
    .await;
    let e = channel_at(&busy).verify().await.unwrap_err();
    assert_eq!(e.code(), "rate_limited");
    assert_eq!(
        e.retry_delay(chrono::Utc::now()),
        Some(Duration::from_secs(42))
    );
    let (down, _) = fake(|_, _| reply(503, "")).await;
    let e = channel_at(&down).verify().await.unwrap_err();
    assert_eq!(e.code(), "server_error");

    for code in ["unreachable", "timeout", "tls_failed", "dns_failed"] {
        let e = match code {
            "unreachable" => ChannelError::Unreachable { host: "h".into() },
            "timeout" => ChannelError::Timeout { host: "h".into() },
            "tls_failed" => ChannelError::TlsFailed {
                host: "h".into(),
                detail: "x".into(),
            },
            _ => ChannelError::DnsFailed { host: "h".into() },
        };
        assert_eq!(e.class(), ErrorClass::Temporary);
    }
}

struct FailingResolver;

impl reqwest::dns::Resolve for FailingResolver {
    fn resolve(&self, _name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        Box::pin(async {
            Err::<reqwest::dns::Addrs, _>(
                std::io::Error::other(
                    "failed to lookup address information: Name or service not known",
                )
                .into(),
            )
        })
    }
}

#[tokio::test]
async fn plain_http_to_another_machine_is_refused_before_sending() {
    let e = BlueskyConfig::new(Some("http://pds.toko.id")).unwrap_err();
    assert_eq!(e.code(), "insecure_url");
    // A DID document pointing at plain HTTP elsewhere is ignored: calls stay
    // on the (checked) login server.
    let doc = json!({"service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
        "serviceEndpoint": "http://evil.example"}]});
    let (base, seen) = fake(move |first, _| {
        if first.contains("createSession") {
            let mut s: Value = serde_json::from_str(&session_json()).unwrap();
            s["didDoc"] = doc.clone();
            reply(200, &s.to_string())
        } else if first.contains("getSession") {
            reply(200, r#"{"did":"did:plc:toko","handle":"toko.test"}"#)
        } else {
            reply(400, r#"{"error":"RecordNotFound"}"#)
        }
    })
    .await;
    channel_at(&base).verify().await.unwrap();
    assert_eq!(seen.lock().unwrap().len(), 3);
}

#[tokio::test]
async fn no_secret_in_errors_debug_output_or_logs() {
    crate::testing::capture_logs();
    // A server that echoes the password and token back in its messages.
    let (base, _) = fake(|first, _| {
        if first.contains("createSession") {
            reply(200, &session_json())
        } else if first.contains("getRecord") {
            reply(400, r#"{"error":"RecordNotFound"}"#)
        } else {
            reply(
                400,
                &format!(
                    r#"{{"error":"InvalidRequest","message":"you sent {APP_PASSWORD} and {ACCESS} and {REFRESH}"}}"#
                ),
            )
        }
    })
    .await;
    let ch = channel_at(&base);
    let mut p = post("Halo");
    p.images.push(ImageInput {
        bytes: vec![1, 2, 3],
        mime: "image/png".into(),
        width: 1,
        height: 1,
        alt: "a".into(),
    });
    let e = ch.publish(&p).await.unwrap_err();
    assert_eq!(e.code(), "rejected");
    assert!(e.to_string().contains("[redacted]"), "{e}");
    assert_no_secret(&format!("{e} {e:?}"));
    assert_no_secret(&format!("{ch:?}"));
    assert_no_secret(&format!("{:?}", ch.session_tokens()));
    assert_no_secret(&format!("{p:?}"));
    let logs = crate::testing::captured_logs();
    assert!(
        logs.contains("bluesky:"),
        "the adapter logs its calls: {logs}"
    );
    assert_no_secret(&logs);
}

#[test]
fn validation_names_each_problem() {
    let mut p = post(&"a".repeat(301));
    for i in 0..5 {
        p.images.push(ImageInput {
            bytes: vec![0; if i == 0 { 1_000_001 } else { 10 }],
            mime: if i == 1 {
                "image/gif".into()
            } else {
                "image/jpeg".into()
            },
            width: if i == 2 { 0 } else { 10 },
            height: 10,
            alt: String::new(),
        });
    }
    let codes: Vec<_> = validate_post(&p).iter().map(Problem::code).collect();
    assert_eq!(
        codes,
        [
            "text_too_long",
            "too_many_images",
            "image_too_large",
            "unsupported_image_type",
            "image_without_size"
        ]
    );
    // Split into a thread, the long text is fine.
    let mut p = post(&"kata ".repeat(100));
    p.split_into_thread = true;
    assert!(validate_post(&p).is_empty());
    assert_eq!(BlueskyChannel::thread_parts(&p).len(), 2);
    assert_eq!(validate_post(&post("  ")), [Problem::Empty]);
}

#[test]
fn logins_accept_what_people_type() {
    let login = |s: &str| BlueskyLogin::new(s, Secret::new("x")).map(|l| l.identifier().to_owned());
    assert_eq!(
        login(" @Toko-Batik.Bsky.Social ").unwrap(),
        "toko-batik.bsky.social"
    );
    assert_eq!(login("did:plc:abc").unwrap(), "did:plc:abc");
    assert_eq!(login("toko@mail.id").unwrap(), "toko@mail.id");
    assert_eq!(login("toko").unwrap_err().code(), "invalid_handle");
}

/// A repository of post records behind a fake PDS: getRecord and
/// createRecord over a map. The create after `fail_after` successful ones
/// fails once (503), as a run cut off midway would.
#[derive(Default)]
struct FakeRepo {
    records: std::collections::BTreeMap<String, serde_json::Value>,
    creates: Vec<String>,
    deletes: Vec<String>,
    fail_after: Option<usize>,
}

impl FakeRepo {
    /// A record's content id: a new one for every record made, as a real
    /// PDS gives a record made again under the same key.
    fn cid(&self, rkey: &str) -> String {
        let made = self.creates.iter().filter(|k| *k == rkey).count();
        format!("cid-{rkey}-{made}")
    }
}

async fn fake_repo(repo: Arc<Mutex<FakeRepo>>) -> String {
    let (base, _) = fake(move |first, request| {
        let mut repo = repo.lock().unwrap();
        if first.contains("createSession") {
            return reply(200, &session_json());
        }
        if first.contains("getRecord") {
            let rkey = first
                .split(['?', '&', ' '])
                .find_map(|kv| kv.strip_prefix("rkey="))
                .unwrap_or_default();
            return match repo.records.get(rkey) {
                Some(value) => reply(
                    200,
                    &json!({
                        "uri": format!("at://did:plc:toko/app.bsky.feed.post/{rkey}"),
                        "cid": repo.cid(rkey),
                        "value": value,
                    })
                    .to_string(),
                ),
                None => reply(400, r#"{"error":"RecordNotFound"}"#),
            };
        }
        if first.contains("createRecord") {
            if repo.fail_after == Some(repo.creates.len()) {
                repo.fail_after = None;
                return reply(503, r#"{"error":"Unavailable"}"#);
            }
            let body = &request[request.find("\r\n\r\n").unwrap() + 4..];
            let call: serde_json::Value = serde_json::from_str(body).unwrap();
            let rkey = call["rkey"].as_str().unwrap().to_owned();
            if repo.records.contains_key(&rkey) {
                return reply(
                    400,
                    r#"{"error":"InvalidRequest","message":"record exists"}"#,
                );
            }
            repo.records.insert(rkey.clone(), call["record"].clone());
            repo.creates.push(rkey.clone());
            return reply(
                200,
                &json!({
                    "uri": format!("at://did:plc:toko/app.bsky.feed.post/{rkey}"),
                    "cid": repo.cid(&rkey),
                })
                .to_string(),
            );
        }
        if first.contains("uploadBlob") {
            // The blob's content id from its bytes, as a PDS works it out.
            let body = &request[request.find("\r\n\r\n").unwrap() + 4..];
            return reply(
                200,
                &json!({ "blob": {
                    "$type": "blob",
                    "ref": { "$link": super::blob_cid::blob_cid(body.as_bytes()) },
                    "mimeType": "image/jpeg",
                    "size": body.len(),
                }})
                .to_string(),
            );
        }
        if first.contains("deleteRecord") {
            let body = &request[request.find("\r\n\r\n").unwrap() + 4..];
            let call: serde_json::Value = serde_json::from_str(body).unwrap();
            let rkey = call["rkey"].as_str().unwrap().to_owned();
            repo.records.remove(&rkey);
            repo.deletes.push(rkey);
            return reply(200, "{}");
        }
        reply(400, r#"{"error":"InvalidRequest"}"#)
    })
    .await;
    base
}

#[tokio::test]
async fn a_thread_cut_off_midway_is_finished_without_posting_any_part_twice() {
    let repo = Arc::new(Mutex::new(FakeRepo {
        // The second part's createRecord fails: the run stops after one part.
        fail_after: Some(1),
        ..FakeRepo::default()
    }));
    let base = fake_repo(repo.clone()).await;
    let mut p = post(&"Motif parang melambangkan semangat yang tak pernah padam. ".repeat(15));
    p.split_into_thread = true;
    let texts = BlueskyChannel::thread_parts(&p);
    assert_eq!(texts.len(), 3, "{texts:?}");

    let cut = channel_at(&base).publish(&p).await.unwrap_err();
    assert!(cut.is_temporary(), "{cut}");
    assert_eq!(repo.lock().unwrap().creates.len(), 1);

    // Another run (a new adapter, as after a restart) with the same key.
    let done = channel_at(&base).publish(&p).await.unwrap();
    assert!(!done.already_published, "the rest was made now");
    let repo = repo.lock().unwrap();
    let keys: Vec<String> = (0..3)
        .map(|i| {
            tid::record_key(
                "k",
                i,
                p.created_at + chrono::Duration::milliseconds(i as i64),
            )
        })
        .collect();
    assert_eq!(repo.creates, keys, "each part made once, in order");
    assert_eq!(repo.records.len(), 3);
    let root = &done.parts[0];
    assert_eq!(
        root.remote_id,
        format!("at://did:plc:toko/app.bsky.feed.post/{}", keys[0])
    );
    for (i, key) in keys.iter().enumerate() {
        let record = &repo.records[key];
        assert_eq!(record["text"], texts[i].as_str());
        if i == 0 {
            assert!(record.get("reply").is_none());
        } else {
            assert_eq!(record["reply"]["root"]["uri"], root.remote_id.as_str());
            assert_eq!(record["reply"]["root"]["cid"], root.cid.as_str());
            assert_eq!(
                record["reply"]["parent"]["uri"],
                done.parts[i - 1].remote_id.as_str()
            );
        }
    }
}

#[tokio::test]
async fn a_thread_edited_after_it_failed_midway_replaces_what_went_out() {
    let repo = Arc::new(Mutex::new(FakeRepo {
        fail_after: Some(1),
        ..FakeRepo::default()
    }));
    let base = fake_repo(repo.clone()).await;
    let mut p = post(&"Motif parang melambangkan semangat yang tak pernah padam. ".repeat(15));
    p.split_into_thread = true;
    channel_at(&base).publish(&p).await.unwrap_err();
    let first_key = repo.lock().unwrap().creates[0].clone();

    // The person rewrites the post; the retry keeps the attempt's key.
    p.text = "Motif kawung melambangkan kesucian dan umur panjang. ".repeat(15);
    let texts = BlueskyChannel::thread_parts(&p);
    let done = channel_at(&base).publish(&p).await.unwrap();
    let repo = repo.lock().unwrap();
    assert_eq!(repo.deletes, vec![first_key.clone()], "the old first part");
    assert_eq!(repo.records.len(), texts.len());
    for (i, part) in done.parts.iter().enumerate() {
        let rkey = part.remote_id.rsplit('/').next().unwrap();
        let record = &repo.records[rkey];
        assert_eq!(record["text"], texts[i].as_str(), "part {i}");
        if i > 0 {
            assert_eq!(
                record["reply"]["parent"]["cid"],
                done.parts[i - 1].cid.as_str()
            );
        }
    }
    assert_eq!(
        done.parts[0].remote_id.rsplit('/').next(),
        Some(first_key.as_str())
    );
}

/// A picture for the fake repository: its bytes stay text, as the fake
/// reads requests as text.
fn picture(bytes: &str, alt: &str) -> ImageInput {
    ImageInput {
        bytes: bytes.as_bytes().to_vec(),
        mime: "image/jpeg".into(),
        width: 1080,
        height: 1080,
        alt: alt.into(),
    }
}

#[tokio::test]
async fn a_thread_whose_picture_changed_after_it_failed_midway_gets_the_new_one() {
    let repo = Arc::new(Mutex::new(FakeRepo {
        fail_after: Some(1),
        ..FakeRepo::default()
    }));
    let base = fake_repo(repo.clone()).await;
    let mut p = post(&"Motif parang melambangkan semangat yang tak pernah padam. ".repeat(15));
    p.split_into_thread = true;
    p.images = vec![picture("foto-lama", "Kain batik parang")];
    channel_at(&base).publish(&p).await.unwrap_err();
    let first_key = repo.lock().unwrap().creates[0].clone();

    // Only the picture changes; the words, and so the parts, stay.
    p.images = vec![picture("foto-baru", "Kain batik parang")];
    let done = channel_at(&base).publish(&p).await.unwrap();
    {
        let repo = repo.lock().unwrap();
        assert_eq!(
            repo.deletes,
            vec![first_key.clone()],
            "the part with the old picture"
        );
        let first = &repo.records[&first_key];
        assert_eq!(
            first["embed"]["images"][0]["image"]["ref"]["$link"],
            blob_cid::blob_cid(b"foto-baru")
        );
        assert_eq!(repo.records.len(), BlueskyChannel::thread_parts(&p).len());
    }

    // The same picture with new alt text is a change too: the first part is
    // made again, and so is every reply after it. Unchanged, nothing moves.
    let parts = BlueskyChannel::thread_parts(&p).len();
    p.images = vec![picture("foto-baru", "Kain batik parang, warna sogan")];
    let again = channel_at(&base).publish(&p).await.unwrap();
    assert!(!again.already_published);
    assert_eq!(repo.lock().unwrap().deletes.len(), 1 + parts);
    let unchanged = channel_at(&base).publish(&p).await.unwrap();
    assert!(unchanged.already_published);
    assert_eq!(repo.lock().unwrap().deletes.len(), 1 + parts);
    assert_eq!(unchanged.parts, again.parts);
    assert_eq!(
        done.remote_id, unchanged.remote_id,
        "the same record keys throughout"
    );
}

#[tokio::test]
async fn a_record_another_post_made_under_the_same_key_is_left_alone() {
    let repo = Arc::new(Mutex::new(FakeRepo::default()));
    let base = fake_repo(repo.clone()).await;
    let p = post("Diskon 20% hari ini");
    let rkey = tid::record_key("k", 0, p.created_at);
    // Another post's record under this key: other words, another time.
    repo.lock().unwrap().records.insert(
        rkey.clone(),
        json!({ "text": "Lain", "createdAt": "2020-01-01T00:00:00.000Z" }),
    );
    let e = channel_at(&base).publish(&p).await.unwrap_err();
    assert!(e.to_string().contains("record key"), "{e}");
    let repo = repo.lock().unwrap();
    assert!(repo.deletes.is_empty());
    assert_eq!(repo.records[&rkey]["text"], "Lain");
}
