//! Bluesky: a handle (or a PDS address) and an app password.
//!
//! Logs in with `com.atproto.server.createSession`, renews with
//! `refreshSession`, uploads images with `uploadBlob`, and writes
//! `app.bsky.feed.post` records with `createRecord` under a record key
//! derived from the post's idempotency key ([`tid::record_key`]). Before
//! writing, and after any failure whose outcome is unknown, it reads that key
//! back (`getRecord`): a post already there is returned as published. (The
//! PDS answers a second `createRecord` on the same key with a bare 500, and
//! `putRecord` would silently overwrite, so neither is relied on.)
//!
//! Only `com.atproto.*` calls are used: they are served by every PDS, while
//! `app.bsky.*` reads need the AppView, which a self-hosted or test PDS may
//! not have.

mod blob_cid;
pub mod facets;
pub mod thread;
pub mod tid;
mod xrpc;

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use async_trait::async_trait;
use jadwal_domain::Network;
use jadwal_domain::text_count::measure;
use jadwal_secrets::Secret;
use reqwest::Url;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::http::{check_url, host_of, parse_service_url};
use crate::{
    AccountInfo, AccountMetrics, Channel, ChannelError, HttpClient, ImageInput, Metrics,
    OutgoingPost, Problem, Published, PublishedPart,
};
use xrpc::{NETWORK, Op};

/// Where a handle on Bluesky's own hosting logs in.
pub const DEFAULT_SERVICE: &str = "https://bsky.social";
/// Where public post pages live.
pub const DEFAULT_WEB: &str = "https://bsky.app";
/// Bluesky's public AppView: counts (likes, followers) for anyone, no login.
pub const DEFAULT_APPVIEW: &str = "https://public.api.bsky.app";
/// Images per post.
pub const MAX_IMAGES: usize = 4;
/// Bytes per image the PDS accepts in a post (checked at `createRecord`).
pub const MAX_IMAGE_BYTES: usize = 1_000_000;
const IMAGE_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];
const POST_COLLECTION: &str = "app.bsky.feed.post";

/// Where to log in and where public links point.
#[derive(Debug, Clone)]
pub struct BlueskyConfig {
    /// The PDS or entryway that takes the login (`https://bsky.social`, or a
    /// self-hosted PDS). After login the account's own PDS, from its DID
    /// document, takes the other calls.
    pub service: Url,
    /// The web app whose post pages the public URL points at.
    pub web: Url,
    /// The AppView that counts likes, reposts and followers (`app.bsky.*`
    /// reads; a PDS alone does not serve them).
    pub appview: Url,
}

impl BlueskyConfig {
    /// `service` is a PDS address a person typed, or None for Bluesky's own.
    pub fn new(service: Option<&str>) -> Result<Self, ChannelError> {
        Ok(BlueskyConfig {
            service: parse_service_url(service.unwrap_or(DEFAULT_SERVICE))?,
            web: parse_service_url(DEFAULT_WEB)?,
            appview: parse_service_url(DEFAULT_APPVIEW)?,
        })
    }

    /// Another AppView for the counts (a self-hosted one, a test fake).
    pub fn with_appview(mut self, appview: &str) -> Result<Self, ChannelError> {
        self.appview = parse_service_url(appview)?;
        Ok(self)
    }

    /// Another web app for public links (a self-hosted AppView's site).
    pub fn with_web(mut self, web: &str) -> Result<Self, ChannelError> {
        self.web = parse_service_url(web)?;
        Ok(self)
    }
}

/// What a person types to connect: a handle (or DID, or e-mail) and an app
/// password. The password is a [`Secret`]: it never prints.
#[derive(Debug, Clone)]
pub struct BlueskyLogin {
    identifier: String,
    app_password: Secret,
}

impl BlueskyLogin {
    /// Accepts `@toko.bsky.social`, `Toko.Bsky.Social`, a `did:plc:…` or an
    /// e-mail address, trimmed and (for handles) lower-cased.
    pub fn new(identifier: &str, app_password: Secret) -> Result<Self, ChannelError> {
        let trimmed = identifier.trim();
        let normal =
            if trimmed.starts_with("did:") || trimmed.contains('@') && !trimmed.starts_with('@') {
                trimmed.to_owned()
            } else {
                trimmed.trim_start_matches('@').to_ascii_lowercase()
            };
        let valid =
            normal.starts_with("did:") || normal.contains('@') || facets::is_handle(&normal);
        if !valid {
            return Err(ChannelError::InvalidHandle {
                input: trimmed.to_owned(),
            });
        }
        Ok(BlueskyLogin {
            identifier: normal,
            app_password,
        })
    }

    pub fn identifier(&self) -> &str {
        &self.identifier
    }
}

/// A live login, for keeping between runs (the refresh token in the
/// keychain) so the app does not log in with the app password every time:
/// Bluesky limits `createSession` to a few dozen a day.
#[derive(Debug, Clone)]
pub struct SessionTokens {
    pub did: String,
    pub handle: String,
    /// The account's PDS.
    pub pds_url: String,
    pub access_jwt: Secret,
    pub refresh_jwt: Secret,
}

#[derive(Debug, Clone)]
struct Session {
    did: String,
    handle: String,
    pds: Url,
    access: Secret,
    refresh: Secret,
    /// A call with these tokens has worked in this process. A resumed,
    /// unproven token that gets a 500 is renewed once (a malformed token
    /// answers 500, not 400); a proven one's 500 is the server's.
    proven: bool,
}

/// One connected Bluesky account.
pub struct BlueskyChannel {
    http: HttpClient,
    config: BlueskyConfig,
    login: BlueskyLogin,
    session: Mutex<Option<Session>>,
}

impl std::fmt::Debug for BlueskyChannel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlueskyChannel")
            .field("service", &self.config.service.as_str())
            .field("identifier", &self.login.identifier)
            .field("logged_in", &self.current().is_some())
            .finish_non_exhaustive()
    }
}

/// One XRPC call.
struct Call<'a> {
    nsid: &'a str,
    query: Vec<(&'a str, String)>,
    body: Body<'a>,
    op: Op,
}

enum Body<'a> {
    /// A GET.
    None,
    EmptyPost,
    Json(Value),
    Bytes {
        data: &'a [u8],
        mime: &'a str,
    },
}

impl<'a> Call<'a> {
    fn get(nsid: &'a str, query: Vec<(&'a str, String)>) -> Self {
        Call {
            nsid,
            query,
            body: Body::None,
            op: Op::Other,
        }
    }

    fn post(nsid: &'a str, body: Value) -> Self {
        Call {
            nsid,
            query: Vec::new(),
            body: Body::Json(body),
            op: Op::Other,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SessionAnswer {
    access_jwt: String,
    refresh_jwt: String,
    did: String,
    handle: String,
    #[serde(default)]
    did_doc: Option<Value>,
    #[serde(default)]
    active: Option<bool>,
    #[serde(default)]
    status: Option<String>,
}

#[derive(Deserialize)]
struct RecordRef {
    uri: String,
    cid: String,
    /// getRecord only: the record itself.
    #[serde(default)]
    value: Option<Value>,
}

impl BlueskyChannel {
    pub fn new(config: BlueskyConfig, login: BlueskyLogin, http: HttpClient) -> Self {
        BlueskyChannel {
            http,
            config,
            login,
            session: Mutex::new(None),
        }
    }

    /// Starts from a login kept from an earlier run instead of logging in
    /// again. If its tokens no longer work, the app password logs in anew.
    pub fn resume(self, tokens: SessionTokens) -> Result<Self, ChannelError> {
        let pds = parse_service_url(&tokens.pds_url)?;
        self.store(Session {
            did: tokens.did,
            handle: tokens.handle,
            pds,
            access: tokens.access_jwt,
            refresh: tokens.refresh_jwt,
            proven: false,
        });
        Ok(self)
    }

    /// The current login, to keep for the next run (after every call that
    /// may have renewed it).
    pub fn session_tokens(&self) -> Option<SessionTokens> {
        self.current().map(|s| SessionTokens {
            did: s.did,
            handle: s.handle,
            pds_url: s.pds.to_string(),
            access_jwt: s.access,
            refresh_jwt: s.refresh,
        })
    }

    /// The texts the post will be published as: one, or the parts of a
    /// thread when the post asks for it and is too long for one post.
    pub fn thread_parts(post: &OutgoingPost) -> Vec<String> {
        thread::parts_for(&post.text, post.split_into_thread)
    }

    /// The public page of a post.
    pub fn post_url(&self, handle: &str, rkey: &str) -> String {
        let base = self.config.web.as_str().trim_end_matches('/');
        format!("{base}/profile/{handle}/post/{rkey}")
    }

    fn current(&self) -> Option<Session> {
        self.session
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn store(&self, session: Session) {
        *self.session.lock().unwrap_or_else(PoisonError::into_inner) = Some(session);
    }

    fn mark_proven(&self) {
        if let Some(s) = self
            .session
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_mut()
        {
            s.proven = true;
        }
    }

    /// Every secret this adapter holds, to scrub from quoted messages.
    fn secrets(&self) -> Vec<Secret> {
        let mut all = vec![self.login.app_password.clone()];
        if let Some(s) = self.current() {
            all.push(s.access);
            all.push(s.refresh);
        }
        all
    }

    /// Sends one call to `base`, with `token` if given; the answer's JSON on
    /// success, the error in Jadwal's words otherwise.
    async fn xrpc(
        &self,
        base: &Url,
        call: &Call<'_>,
        token: Option<&Secret>,
    ) -> Result<Value, ChannelError> {
        let host = host_of(base);
        let mut url =
            base.join(&format!("/xrpc/{}", call.nsid))
                .map_err(|_| ChannelError::InvalidUrl {
                    input: base.to_string(),
                })?;
        check_url(&url)?;
        if !call.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&call.query);
        }
        let mut request = match &call.body {
            Body::None => self.http.get(url),
            Body::EmptyPost => self.http.post(url),
            Body::Json(v) => self.http.post(url).json(v),
            Body::Bytes { data, mime } => self
                .http
                .post(url)
                .header(reqwest::header::CONTENT_TYPE, *mime)
                .body(data.to_vec()),
        };
        if let Some(token) = token {
            request = request.bearer_auth(token.expose());
        }
        let response = self.http.send(request, &host).await?;
        log::debug!("bluesky: {} -> {}", call.nsid, response.status);
        if (200..300).contains(&response.status) {
            if response.body.is_empty() {
                return Ok(Value::Null);
            }
            return serde_json::from_slice(&response.body).map_err(|e| {
                ChannelError::MalformedResponse {
                    host,
                    detail: format!("not JSON: {e}"),
                }
            });
        }
        let secrets = self.secrets();
        let refs: Vec<&Secret> = secrets.iter().collect();
        Err(xrpc::error_from(&response, call.op, &host, &refs))
    }

    fn parse<T: serde::de::DeserializeOwned>(
        &self,
        value: Value,
        base: &Url,
        what: &str,
    ) -> Result<T, ChannelError> {
        serde_json::from_value(value).map_err(|e| ChannelError::MalformedResponse {
            host: host_of(base),
            detail: format!("{what}: {e}"),
        })
    }

    /// Logs in with the app password.
    async fn create_session(&self) -> Result<Session, ChannelError> {
        let service = self.config.service.clone();
        let mut call = Call::post(
            "com.atproto.server.createSession",
            json!({
                "identifier": self.login.identifier,
                "password": self.login.app_password.expose(),
            }),
        );
        call.op = Op::CreateSession;
        let answer = self.xrpc(&service, &call, None).await?;
        let answer: SessionAnswer = self.parse(answer, &service, "session")?;
        let session = self.session_from(answer, &service)?;
        log::info!("bluesky: logged in as {}", session.handle);
        self.store(session.clone());
        Ok(session)
    }

    /// Renews the access token with the refresh token.
    async fn refresh_session(&self, old: &Session) -> Result<Session, ChannelError> {
        // A POST with no body, the refresh token as the bearer.
        let call = Call {
            nsid: "com.atproto.server.refreshSession",
            query: Vec::new(),
            body: Body::EmptyPost,
            op: Op::RefreshSession,
        };
        let answer = self.xrpc(&old.pds, &call, Some(&old.refresh)).await?;
        let answer: SessionAnswer = self.parse(answer, &old.pds, "session")?;
        let mut session = self.session_from(answer, &old.pds)?;
        session.proven = old.proven;
        log::info!("bluesky: renewed the login of {}", session.handle);
        self.store(session.clone());
        Ok(session)
    }

    fn session_from(&self, answer: SessionAnswer, fallback: &Url) -> Result<Session, ChannelError> {
        if answer.active == Some(false) {
            return Err(ChannelError::AccountUnavailable {
                network: NETWORK,
                message: format!(
                    "the account is {}",
                    answer.status.as_deref().unwrap_or("not active")
                ),
            });
        }
        // The account's own PDS, where its records live; only if it passes
        // the HTTPS rule (a DID document is data from the network).
        let pds = answer
            .did_doc
            .as_ref()
            .and_then(pds_from_did_doc)
            .and_then(|u| Url::parse(&u).ok())
            .filter(|u| check_url(u).is_ok())
            .unwrap_or_else(|| fallback.clone());
        Ok(Session {
            did: answer.did,
            handle: answer.handle,
            pds,
            access: Secret::new(answer.access_jwt),
            refresh: Secret::new(answer.refresh_jwt),
            proven: true,
        })
    }

    /// The current login, logging in first if there is none.
    async fn session(&self) -> Result<Session, ChannelError> {
        match self.current() {
            Some(s) => Ok(s),
            None => self.create_session().await,
        }
    }

    /// An authenticated call. A rejected token is renewed (refresh token,
    /// then the app password) and the call tried once more; only when that
    /// fails too is the login reported expired. Network trouble is passed on
    /// as it is: it never counts against the login.
    async fn authed(&self, call: &Call<'_>) -> Result<Value, ChannelError> {
        let session = self.session().await?;
        let first = self.xrpc(&session.pds, call, Some(&session.access)).await;
        if !needs_renewal(&first, &session) {
            if first.is_ok() {
                self.mark_proven();
            }
            return first;
        }
        let renewed = match self.refresh_session(&session).await {
            Ok(s) => s,
            Err(e) if matches!(e, ChannelError::LoginExpired { .. }) || !session.proven => {
                self.create_session().await?
            }
            Err(e) => return Err(e),
        };
        let second = self.xrpc(&renewed.pds, call, Some(&renewed.access)).await;
        if second.is_ok() {
            self.mark_proven();
        }
        second
    }

    /// The post record under `rkey`, if there is one (a public read).
    async fn existing_part(
        &self,
        session: &Session,
        rkey: &str,
    ) -> Result<Option<(PublishedPart, Value)>, ChannelError> {
        let call = Call::get(
            "com.atproto.repo.getRecord",
            vec![
                ("repo", session.did.clone()),
                ("collection", POST_COLLECTION.to_owned()),
                ("rkey", rkey.to_owned()),
            ],
        );
        match self.xrpc(&session.pds, &call, None).await {
            Ok(v) => {
                let r: RecordRef = self.parse(v, &session.pds, "record")?;
                let part = PublishedPart {
                    remote_id: r.uri,
                    cid: r.cid,
                    url: self.post_url(&session.handle, rkey),
                };
                Ok(Some((part, r.value.unwrap_or(Value::Null))))
            }
            Err(ChannelError::Rejected { error, .. }) if error == "RecordNotFound" => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Deletes this account's post record under `rkey` (a part an earlier
    /// try left behind with other words).
    async fn delete_part(&self, session: &Session, rkey: &str) -> Result<(), ChannelError> {
        let call = Call::post(
            "com.atproto.repo.deleteRecord",
            json!({
                "repo": session.did,
                "collection": POST_COLLECTION,
                "rkey": rkey,
            }),
        );
        self.authed(&call).await.map(|_| ())
    }

    /// An edited thread that came out shorter: the earlier try's parts
    /// past its end are deleted, so no stray reply is left hanging.
    async fn delete_parts_beyond(
        &self,
        session: &Session,
        post: &OutgoingPost,
        count: usize,
    ) -> Result<(), ChannelError> {
        for i in count.. {
            let offset = chrono::Duration::milliseconds(i64::try_from(i).unwrap_or(0));
            let created_at = post.created_at + offset;
            let rkey = tid::record_key(&post.idempotency_key, i, created_at);
            match self.existing_part(session, &rkey).await? {
                Some((_, record)) if made_at(&record, created_at) => {
                    self.delete_part(session, &rkey).await?;
                }
                _ => break,
            }
        }
        Ok(())
    }

    /// Handle → DID for every mention in `text`; a handle nobody can resolve
    /// maps to None (it stays plain text). Network trouble is an error: a
    /// post is not sent with mentions silently dropped because of a timeout.
    async fn resolve_mentions(
        &self,
        session: &Session,
        text: &str,
    ) -> Result<HashMap<String, Option<String>>, ChannelError> {
        let mut dids = HashMap::new();
        for m in facets::mentions(text) {
            if dids.contains_key(&m.handle) {
                continue;
            }
            let did = if m.handle == session.handle {
                Some(session.did.clone())
            } else {
                let call = Call::get(
                    "com.atproto.identity.resolveHandle",
                    vec![("handle", m.handle.clone())],
                );
                match self.xrpc(&session.pds, &call, None).await {
                    Ok(v) => v.get("did").and_then(Value::as_str).map(str::to_owned),
                    Err(ChannelError::Rejected { status: 400, .. }) => None,
                    Err(e) => return Err(e),
                }
            };
            dids.insert(m.handle, did);
        }
        Ok(dids)
    }

    async fn upload_images(&self, post: &OutgoingPost) -> Result<Option<Value>, ChannelError> {
        if post.images.is_empty() {
            return Ok(None);
        }
        let mut images = Vec::new();
        for image in &post.images {
            let mut call = Call::post("com.atproto.repo.uploadBlob", Value::Null);
            call.body = Body::Bytes {
                data: &image.bytes,
                mime: &image.mime,
            };
            call.op = Op::UploadBlob;
            let answer = self.authed(&call).await?;
            let blob =
                answer
                    .get("blob")
                    .cloned()
                    .ok_or_else(|| ChannelError::MalformedResponse {
                        host: host_of(&self.config.service),
                        detail: "uploadBlob answered without a blob".into(),
                    })?;
            let mut entry = json!({ "alt": image.alt, "image": blob });
            if image.width > 0 && image.height > 0 {
                entry["aspectRatio"] = json!({ "width": image.width, "height": image.height });
            }
            images.push(entry);
        }
        Ok(Some(
            json!({ "$type": "app.bsky.embed.images", "images": images }),
        ))
    }

    /// Publishes (or finds) every part; `only_find` stops at the first part
    /// that is not there yet instead of making it.
    async fn publish_parts(
        &self,
        post: &OutgoingPost,
        only_find: bool,
    ) -> Result<Option<Published>, ChannelError> {
        let texts = Self::thread_parts(post);
        if texts.iter().all(|t| t.is_empty()) && post.images.is_empty() {
            return Err(ChannelError::Invalid(Problem::Empty));
        }
        let session = self.session().await?;
        let mut parts: Vec<PublishedPart> = Vec::new();
        let mut made_any = false;
        let mut replaced_any = false;
        for (i, text) in texts.iter().enumerate() {
            let offset = chrono::Duration::milliseconds(i64::try_from(i).unwrap_or(0));
            let created_at = post.created_at + offset;
            let rkey = tid::record_key(&post.idempotency_key, i, created_at);
            if let Some((existing, record)) = self.existing_part(&session, &rkey).await? {
                let pictures = if i == 0 { post.images.as_slice() } else { &[] };
                if part_fits(&record, text, pictures, parts.last()) {
                    parts.push(existing);
                    continue;
                }
                // Only 20 bits of a key vary within one millisecond: a record
                // is this publication's only if its creation time is ours too.
                if !made_at(&record, created_at) {
                    return Err(ChannelError::Rejected {
                        network: NETWORK,
                        status: 409,
                        error: "RecordKeyTaken".into(),
                        message: format!(
                            "another post already uses the record key {rkey}; publish this \
                             post again with a new idempotency key"
                        ),
                    });
                }
                if only_find {
                    break;
                }
                // An earlier try of this post left this part with other
                // words or pictures (the person edited the post after it
                // failed midway), or replying to a part since replaced: it
                // is replaced, and so in turn is every later part, whose
                // replies point here.
                self.delete_part(&session, &rkey).await?;
                log::info!("bluesky: replaced part {i} of an edited thread");
                replaced_any = true;
            }
            if only_find {
                break;
            }
            let record = self
                .build_record(&session, post, i, text, created_at, &parts)
                .await?;
            let call = Call::post(
                "com.atproto.repo.createRecord",
                json!({
                    "repo": session.did,
                    "collection": POST_COLLECTION,
                    "rkey": rkey,
                    "record": record,
                }),
            );
            let part = match self.authed(&call).await {
                Ok(v) => {
                    let r: RecordRef = self.parse(v, &session.pds, "createRecord")?;
                    PublishedPart {
                        remote_id: r.uri,
                        cid: r.cid,
                        url: self.post_url(&session.handle, &rkey),
                    }
                }
                // The outcome is unknown (the record may have been written
                // before the answer was lost, or an earlier attempt wrote it):
                // look before reporting a failure.
                Err(e) if e.is_temporary() => match self.existing_part(&session, &rkey).await {
                    Ok(Some((existing, _))) => existing,
                    _ => return Err(e),
                },
                Err(e) => return Err(e),
            };
            log::info!("bluesky: published {}", part.remote_id);
            made_any = true;
            parts.push(part);
        }
        if replaced_any {
            self.delete_parts_beyond(&session, post, texts.len())
                .await?;
        }
        let Some(first) = parts.first() else {
            return Ok(None);
        };
        Ok(Some(Published {
            remote_id: first.remote_id.clone(),
            url: first.url.clone(),
            already_published: !made_any,
            parts,
        }))
    }

    async fn build_record(
        &self,
        session: &Session,
        post: &OutgoingPost,
        index: usize,
        text: &str,
        created_at: chrono::DateTime<chrono::Utc>,
        earlier: &[PublishedPart],
    ) -> Result<Value, ChannelError> {
        let dids = self.resolve_mentions(session, text).await?;
        let facets: Vec<Value> = facets::facets(text, |h| dids.get(h).cloned().flatten())
            .iter()
            .map(facets::Facet::to_json)
            .collect();
        let mut record = json!({
            "$type": POST_COLLECTION,
            "text": text,
            "createdAt": created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        });
        if !facets.is_empty() {
            record["facets"] = Value::Array(facets);
        }
        if !post.langs.is_empty() {
            record["langs"] = json!(post.langs);
        }
        // Images go with the first post of a thread.
        if index == 0
            && let Some(embed) = self.upload_images(post).await?
        {
            record["embed"] = embed;
        }
        if let (Some(root), Some(parent)) = (earlier.first(), earlier.last()) {
            record["reply"] = json!({
                "root": { "uri": root.remote_id, "cid": root.cid },
                "parent": { "uri": parent.remote_id, "cid": parent.cid },
            });
        }
        Ok(record)
    }

    /// The avatar's address on the PDS (works without an AppView).
    fn blob_url(&self, session: &Session, cid: &str) -> Option<String> {
        let mut url = session.pds.join("/xrpc/com.atproto.sync.getBlob").ok()?;
        url.query_pairs_mut()
            .append_pair("did", &session.did)
            .append_pair("cid", cid);
        Some(url.to_string())
    }
}

fn needs_renewal(result: &Result<Value, ChannelError>, session: &Session) -> bool {
    match result {
        Err(ChannelError::LoginExpired { .. }) => true,
        Err(ChannelError::ServerError { .. }) => !session.proven,
        _ => false,
    }
}

/// The `#atproto_pds` service endpoint of a DID document.
fn pds_from_did_doc(doc: &Value) -> Option<String> {
    doc.get("service")?
        .as_array()?
        .iter()
        .find(|s| {
            s.get("id")
                .and_then(Value::as_str)
                .is_some_and(|id| id.ends_with("#atproto_pds"))
        })?
        .get("serviceEndpoint")?
        .as_str()
        .map(str::to_owned)
}

#[async_trait]
impl Channel for BlueskyChannel {
    fn network(&self) -> Network {
        Network::Bluesky
    }

    async fn verify(&self) -> Result<AccountInfo, ChannelError> {
        // getSession proves the tokens work (renewing them if needed).
        let answer = self
            .authed(&Call::get("com.atproto.server.getSession", Vec::new()))
            .await?;
        let session = self.session().await?;
        let handle = answer
            .get("handle")
            .and_then(Value::as_str)
            .unwrap_or(&session.handle)
            .to_owned();
        let profile = Call::get(
            "com.atproto.repo.getRecord",
            vec![
                ("repo", session.did.clone()),
                ("collection", "app.bsky.actor.profile".to_owned()),
                ("rkey", "self".to_owned()),
            ],
        );
        let (display_name, avatar_url) = match self.xrpc(&session.pds, &profile, None).await {
            Ok(v) => {
                let value = v.get("value").cloned().unwrap_or(Value::Null);
                let name = value
                    .get("displayName")
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned);
                let avatar = value
                    .pointer("/avatar/ref/$link")
                    .and_then(Value::as_str)
                    .and_then(|cid| self.blob_url(&session, cid));
                (name, avatar)
            }
            // No profile record yet: a new account.
            Err(ChannelError::Rejected { .. }) => (None, None),
            Err(e) => return Err(e),
        };
        Ok(AccountInfo {
            remote_id: session.did,
            handle,
            display_name,
            avatar_url,
        })
    }

    fn validate(&self, post: &OutgoingPost) -> Vec<Problem> {
        validate_post(post)
    }

    async fn publish(&self, post: &OutgoingPost) -> Result<Published, ChannelError> {
        self.publish_parts(post, false)
            .await?
            .ok_or(ChannelError::Invalid(Problem::Empty))
    }

    async fn find_published(&self, post: &OutgoingPost) -> Result<Option<Published>, ChannelError> {
        self.publish_parts(post, true).await
    }

    /// `app.bsky.feed.getPosts` on the AppView (public, no login). A post
    /// the AppView does not return is gone (deleted, or taken down).
    async fn fetch_metrics(&self, remote_id: &str) -> Result<Metrics, ChannelError> {
        let call = Call::get(
            "app.bsky.feed.getPosts",
            vec![("uris", remote_id.to_owned())],
        );
        let answer = self.xrpc(&self.config.appview, &call, None).await?;
        let found: PostsAnswer = self.parse(answer, &self.config.appview, "posts")?;
        let post = found
            .posts
            .into_iter()
            .find(|p| p.uri == remote_id)
            .ok_or(ChannelError::PostNotFound { network: NETWORK })?;
        Ok(Metrics {
            likes: Some(post.like_count),
            reposts: Some(post.repost_count),
            replies: Some(post.reply_count),
            quotes: Some(post.quote_count),
        })
    }

    /// `app.bsky.actor.getProfile` on the AppView for the account's DID.
    async fn fetch_account_metrics(&self) -> Result<AccountMetrics, ChannelError> {
        let actor = self.login.identifier().to_owned();
        let call = Call::get("app.bsky.actor.getProfile", vec![("actor", actor)]);
        let answer = self.xrpc(&self.config.appview, &call, None).await?;
        let profile: ProfileAnswer = self.parse(answer, &self.config.appview, "profile")?;
        Ok(AccountMetrics {
            followers: Some(profile.followers_count),
        })
    }
}

/// `app.bsky.feed.getPosts`: a post view per URI found.
#[derive(Deserialize)]
struct PostsAnswer {
    posts: Vec<PostView>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostView {
    uri: String,
    #[serde(default)]
    like_count: u64,
    #[serde(default)]
    repost_count: u64,
    #[serde(default)]
    reply_count: u64,
    #[serde(default)]
    quote_count: u64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProfileAnswer {
    #[serde(default)]
    followers_count: u64,
}

/// Bluesky's known limits, checked before anything is sent.
pub fn validate_post(post: &OutgoingPost) -> Vec<Problem> {
    let mut problems = Vec::new();
    let texts = BlueskyChannel::thread_parts(post);
    if texts.iter().all(|t| t.is_empty()) && post.images.is_empty() {
        problems.push(Problem::Empty);
    }
    for text in &texts {
        let m = measure(Network::Bluesky, text, None);
        if m.over_bytes {
            problems.push(Problem::TextTooLong {
                network: NETWORK,
                used: text.len(),
                limit: thread::MAX_BYTES,
                unit: "bytes",
            });
        } else if m.is_over() {
            problems.push(Problem::TextTooLong {
                network: NETWORK,
                used: m.used as usize,
                limit: thread::MAX_GRAPHEMES,
                unit: "characters",
            });
        }
    }
    if post.images.len() > MAX_IMAGES {
        problems.push(Problem::TooManyImages {
            network: NETWORK,
            count: post.images.len(),
            max: MAX_IMAGES,
        });
    }
    for (i, image) in post.images.iter().enumerate() {
        let number = i + 1;
        if image.bytes.len() > MAX_IMAGE_BYTES {
            problems.push(Problem::ImageTooLarge {
                network: NETWORK,
                number,
                bytes: image.bytes.len(),
                max: MAX_IMAGE_BYTES,
            });
        }
        if !IMAGE_TYPES.contains(&image.mime.as_str()) {
            problems.push(Problem::UnsupportedImageType {
                network: NETWORK,
                number,
                mime: image.mime.clone(),
            });
        }
        if image.width == 0 || image.height == 0 {
            problems.push(Problem::ImageWithoutSize { number });
        }
    }
    problems
}

/// Whether a part already on the server is the one this try would make:
/// the same words, the same pictures with the same alt text, in order (by
/// their content ids), and (after the first) a reply to the part before it
/// as it stands now.
fn part_fits(
    record: &Value,
    text: &str,
    pictures: &[ImageInput],
    previous: Option<&PublishedPart>,
) -> bool {
    let same_text = record.get("text").and_then(Value::as_str) == Some(text);
    let parent = record.pointer("/reply/parent/cid").and_then(Value::as_str);
    let on_server: Vec<(&str, &str)> = record
        .pointer("/embed/images")
        .and_then(Value::as_array)
        .map(|images| {
            images
                .iter()
                .map(|i| {
                    let link = i.pointer("/image/ref/$link").and_then(Value::as_str);
                    let alt = i.get("alt").and_then(Value::as_str);
                    (link.unwrap_or_default(), alt.unwrap_or_default())
                })
                .collect()
        })
        .unwrap_or_default();
    let wanted: Vec<(String, &str)> = pictures
        .iter()
        .map(|p| (blob_cid::blob_cid(&p.bytes), p.alt.as_str()))
        .collect();
    let same_pictures = on_server.len() == wanted.len()
        && on_server
            .iter()
            .zip(&wanted)
            .all(|((link, alt), (cid, want_alt))| link == cid && alt == want_alt);
    same_text && same_pictures && parent == previous.map(|p| p.cid.as_str())
}

/// Whether a record carries the creation time a part of this publication
/// gets (to the millisecond), as only this publication's records do.
fn made_at(record: &Value, created_at: chrono::DateTime<chrono::Utc>) -> bool {
    record
        .get("createdAt")
        .and_then(Value::as_str)
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .is_some_and(|t| t == created_at)
}

#[cfg(test)]
mod tests;
