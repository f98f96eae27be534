//! Telegram channels, through a bot the person made with BotFather and made
//! an administrator of the channel.
//!
//! `sendMessage` for text, `sendPhoto` for one image, `sendMediaGroup` for an
//! album of 2–10, images uploaded in the request (multipart). The bot token
//! is part of every request's path (`/bot<token>/<method>`), so no URL is
//! ever logged or put into an error.
//!
//! The Bot API has no idempotency key and no way to look a message up: after
//! a failure whose outcome is unknown (a timeout once the request was sent)
//! a retry could post twice. [`Channel::can_deduplicate`] is false here, so
//! the outbox asks the person instead of retrying such a post by itself.
//!
//! What the app keeps per account: the bot token (keychain) and the channel
//! (`@name` or numeric chat id).

mod api;

use async_trait::async_trait;
use jadwal_domain::Network;
use jadwal_domain::limits::TELEGRAM_CAPTION_LIMIT;
use jadwal_domain::text_count::measure;
use jadwal_secrets::Secret;
use reqwest::Url;
use reqwest::header::CONTENT_TYPE;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::http::{check_url, host_of, parse_service_url};
use crate::multipart::Multipart;
use crate::{
    AccountInfo, Channel, ChannelError, HttpClient, OutgoingPost, Problem, Published, PublishedPart,
};
use api::NETWORK;

pub const DEFAULT_API: &str = "https://api.telegram.org";
/// UTF-16 units of a message's text.
pub const MAX_TEXT: u32 = 4096;
/// UTF-16 units of a photo's or album's caption.
pub const MAX_CAPTION: u32 = TELEGRAM_CAPTION_LIMIT;
/// Photos in one album.
pub const MAX_PHOTOS: usize = 10;
/// Bytes of one photo sent by upload.
pub const MAX_PHOTO_BYTES: usize = 10 * 1024 * 1024;
const PHOTO_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// A channel: a public `@username`, or the numeric id of a private one
/// (`-100…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChatId {
    Username(String),
    Numeric(i64),
}

impl ChatId {
    /// Accepts `@toko_batik`, `toko_batik`, `https://t.me/toko_batik` or
    /// `-1001234567890`.
    pub fn parse(input: &str) -> Result<Self, ChannelError> {
        let trimmed = input.trim();
        if let Ok(id) = trimmed.parse::<i64>() {
            return Ok(ChatId::Numeric(id));
        }
        let name = trimmed
            .trim_start_matches("https://")
            .trim_start_matches("t.me/")
            .trim_start_matches('@')
            .trim_end_matches('/');
        let valid = (5..=32).contains(&name.len())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            return Err(ChannelError::ChatNotFound {
                chat: trimmed.to_owned(),
            });
        }
        Ok(ChatId::Username(name.to_owned()))
    }

    /// The `chat_id` parameter.
    pub fn as_param(&self) -> String {
        match self {
            ChatId::Username(name) => format!("@{name}"),
            ChatId::Numeric(id) => id.to_string(),
        }
    }
}

/// One connected channel.
pub struct TelegramChannel {
    http: HttpClient,
    api: Url,
    token: Secret,
    chat: ChatId,
}

impl std::fmt::Debug for TelegramChannel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TelegramChannel")
            .field("api", &self.api.as_str())
            .field("token", &self.token)
            .field("chat", &self.chat)
            .finish()
    }
}

#[derive(Deserialize)]
struct Chat {
    id: i64,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    username: Option<String>,
}

#[derive(Deserialize)]
struct Message {
    message_id: i64,
    chat: Chat,
}

#[derive(Deserialize)]
struct Bot {
    #[serde(default)]
    username: Option<String>,
}

/// One Bot API request body.
enum Body {
    Json(Value),
    Multipart(String, Vec<u8>),
}

impl TelegramChannel {
    pub fn new(bot_token: Secret, chat: &str, http: HttpClient) -> Result<Self, ChannelError> {
        let token_ok = bot_token
            .expose()
            .split_once(':')
            .is_some_and(|(id, rest)| {
                !id.is_empty()
                    && id.chars().all(|c| c.is_ascii_digit())
                    && !rest.is_empty()
                    && rest
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            });
        if !token_ok {
            return Err(ChannelError::BadCredentials {
                network: NETWORK,
                what: "bot token (it looks like 123456:ABC-DEF…)",
            });
        }
        Ok(TelegramChannel {
            http,
            api: parse_service_url(DEFAULT_API)?,
            token: bot_token,
            chat: ChatId::parse(chat)?,
        })
    }

    /// Another Bot API server (a self-hosted one, or a test's).
    pub fn with_api(mut self, api: &str) -> Result<Self, ChannelError> {
        self.api = parse_service_url(api)?;
        Ok(self)
    }

    pub fn chat(&self) -> &ChatId {
        &self.chat
    }

    /// Calls `method`; its `result`, or the error.
    async fn call(&self, method: &str, body: Body) -> Result<Value, ChannelError> {
        let host = host_of(&self.api);
        check_url(&self.api)?;
        // Built here and never shown: the path holds the token.
        let url = self
            .api
            .join(&format!("/bot{}/{method}", self.token.expose()))
            .map_err(|_| ChannelError::InvalidUrl {
                input: self.api.to_string(),
            })?;
        let request = match body {
            Body::Json(v) => self.http.post(url).json(&v),
            Body::Multipart(ct, bytes) => self.http.post(url).header(CONTENT_TYPE, ct).body(bytes),
        };
        let response = self.http.send(request, &host).await?;
        log::debug!("telegram: {method} -> {}", response.status);
        api::result_from(&response, &host, &self.chat.as_param(), &self.token)
    }

    fn parse<T: serde::de::DeserializeOwned>(
        &self,
        v: Value,
        what: &str,
    ) -> Result<T, ChannelError> {
        serde_json::from_value(v).map_err(|e| ChannelError::MalformedResponse {
            host: host_of(&self.api),
            detail: format!("{what}: {e}"),
        })
    }

    /// The message's public page: `t.me/<channel>/<id>` for a public
    /// channel, `t.me/c/<id>/<id>` (members only) for a private one.
    pub fn message_url(
        &self,
        chat_username: Option<&str>,
        chat_id: i64,
        message_id: i64,
    ) -> String {
        let username = chat_username
            .map(str::to_owned)
            .or_else(|| match &self.chat {
                ChatId::Username(n) => Some(n.clone()),
                ChatId::Numeric(_) => None,
            });
        match username {
            Some(name) => format!("https://t.me/{name}/{message_id}"),
            None => {
                let id = chat_id.to_string();
                let internal = id
                    .strip_prefix("-100")
                    .unwrap_or(id.trim_start_matches('-'));
                format!("https://t.me/c/{internal}/{message_id}")
            }
        }
    }

    fn published(&self, messages: Vec<Message>) -> Result<Published, ChannelError> {
        let parts: Vec<PublishedPart> = messages
            .iter()
            .map(|m| PublishedPart {
                remote_id: format!("{}/{}", m.chat.id, m.message_id),
                url: self.message_url(m.chat.username.as_deref(), m.chat.id, m.message_id),
                cid: String::new(),
            })
            .collect();
        let first = parts
            .first()
            .ok_or_else(|| ChannelError::MalformedResponse {
                host: host_of(&self.api),
                detail: "no message came back".into(),
            })?;
        Ok(Published {
            remote_id: first.remote_id.clone(),
            url: first.url.clone(),
            parts: parts.clone(),
            already_published: false,
        })
    }
}

/// The request for `post`: method and body.
fn request_for(post: &OutgoingPost, chat: &str) -> (&'static str, Body) {
    let text = post.text.trim();
    match post.images.as_slice() {
        [] => (
            "sendMessage",
            Body::Json(json!({ "chat_id": chat, "text": text })),
        ),
        [photo] => {
            let mut form = Multipart::new().text("chat_id", chat);
            if !text.is_empty() {
                form = form.text("caption", text);
            }
            let (ct, bytes) = form
                .file(
                    "photo",
                    &file_name(0, &photo.mime),
                    &photo.mime,
                    &photo.bytes,
                )
                .finish();
            ("sendPhoto", Body::Multipart(ct, bytes))
        }
        photos => {
            // Each photo is a file part named in `media` as attach://<name>;
            // the album's caption is the first photo's.
            let media: Vec<Value> = photos
                .iter()
                .enumerate()
                .map(|(i, _)| {
                    let mut m = json!({ "type": "photo", "media": format!("attach://photo{i}") });
                    if i == 0 && !text.is_empty() {
                        m["caption"] = json!(text);
                    }
                    m
                })
                .collect();
            let mut form = Multipart::new()
                .text("chat_id", chat)
                .text("media", &Value::Array(media).to_string());
            for (i, photo) in photos.iter().enumerate() {
                form = form.file(
                    &format!("photo{i}"),
                    &file_name(i, &photo.mime),
                    &photo.mime,
                    &photo.bytes,
                );
            }
            let (ct, bytes) = form.finish();
            ("sendMediaGroup", Body::Multipart(ct, bytes))
        }
    }
}

fn file_name(i: usize, mime: &str) -> String {
    let ext = match mime {
        "image/png" => "png",
        "image/webp" => "webp",
        _ => "jpg",
    };
    format!("photo{}.{ext}", i + 1)
}

#[async_trait]
impl Channel for TelegramChannel {
    fn network(&self) -> Network {
        Network::Telegram
    }

    /// `getMe` proves the token; `getChat` that the channel exists and the
    /// bot can see it.
    async fn verify(&self) -> Result<AccountInfo, ChannelError> {
        let bot: Bot = self.parse(self.call("getMe", Body::Json(json!({}))).await?, "bot")?;
        log::info!(
            "telegram: bot @{} is connected",
            bot.username.as_deref().unwrap_or("?")
        );
        let chat: Chat = self.parse(
            self.call(
                "getChat",
                Body::Json(json!({ "chat_id": self.chat.as_param() })),
            )
            .await?,
            "chat",
        )?;
        let handle = chat
            .username
            .as_ref()
            .map(|u| format!("@{u}"))
            .unwrap_or_else(|| chat.id.to_string());
        Ok(AccountInfo {
            remote_id: chat.id.to_string(),
            handle,
            display_name: chat.title,
            avatar_url: None,
        })
    }

    fn validate(&self, post: &OutgoingPost) -> Vec<Problem> {
        validate_post(post)
    }

    async fn publish(&self, post: &OutgoingPost) -> Result<Published, ChannelError> {
        if post.text.trim().is_empty() && post.images.is_empty() {
            return Err(ChannelError::Invalid(Problem::Empty));
        }
        let (method, body) = request_for(post, &self.chat.as_param());
        let result = self.call(method, body).await?;
        let messages: Vec<Message> = if result.is_array() {
            self.parse(result, "messages")?
        } else {
            vec![self.parse(result, "message")?]
        };
        let published = self.published(messages)?;
        log::info!("telegram: published {}", published.remote_id);
        Ok(published)
    }

    /// No idempotency key, and the Bot API cannot look messages up.
    fn can_deduplicate(&self) -> bool {
        false
    }

    /// The Bot API cannot read a channel's history, so this never knows.
    async fn find_published(&self, post: &OutgoingPost) -> Result<Option<Published>, ChannelError> {
        let _ = post;
        Ok(None)
    }
}

/// Telegram's limits, checked before anything is sent.
pub fn validate_post(post: &OutgoingPost) -> Vec<Problem> {
    let mut problems = Vec::new();
    let text = post.text.trim();
    if text.is_empty() && post.images.is_empty() {
        problems.push(Problem::Empty);
    }
    let limit = if post.images.is_empty() {
        MAX_TEXT
    } else {
        MAX_CAPTION
    };
    let m = measure(Network::Telegram, text, Some(limit));
    if m.is_over() {
        problems.push(Problem::TextTooLong {
            network: NETWORK,
            used: m.used as usize,
            limit: limit as usize,
            unit: "UTF-16 units",
        });
    }
    if post.images.len() > MAX_PHOTOS {
        problems.push(Problem::TooManyImages {
            network: NETWORK,
            count: post.images.len(),
            max: MAX_PHOTOS,
        });
    }
    for (i, image) in post.images.iter().enumerate() {
        let number = i + 1;
        if image.bytes.len() > MAX_PHOTO_BYTES {
            problems.push(Problem::ImageTooLarge {
                network: NETWORK,
                number,
                bytes: image.bytes.len(),
                max: MAX_PHOTO_BYTES,
            });
        }
        if !PHOTO_TYPES.contains(&image.mime.as_str()) {
            problems.push(Problem::UnsupportedImageType {
                network: NETWORK,
                number,
                mime: image.mime.clone(),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests;
