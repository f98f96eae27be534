//! What crosses to the web view (and to `jadwal-cli --json`).
//!
//! Each type here derives its TypeScript twin in `ui/src/ipc/bindings/`; the
//! test `bindings_are_fresh` fails when the checked-in files are stale.
//! Times cross as strings: a wall time as `2026-11-23T09:30` in the
//! workspace's zone, an instant as RFC 3339 UTC.

mod auto_reports;
mod paid;
mod paid_csv;
mod strategy;

use jadwal_domain::{CountUnit, Network, PostStatus, ScheduleAdjustment};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

pub use auto_reports::*;
pub use paid::*;
pub use paid_csv::*;
pub use strategy::*;

/// An error the window can branch on (`code`) and show (`message`, in English;
/// the window translates known codes, filling in `params`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub code: String,
    pub message: String,
    pub params: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    En,
    Id,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStateDto {
    pub version: String,
    pub data_dir: String,
    pub workspace_name: String,
    /// IANA zone the calendar is shown and edited in.
    pub time_zone: String,
    pub language: Language,
    /// The current wall time in `time_zone`, to the minute.
    pub now_local: String,
    /// Closing the window leaves Jadwal running in the tray, so scheduled
    /// posts still go out; when off, closing the window quits.
    pub keep_running: bool,
    /// How late a missed post may still go out on its own.
    pub grace_period: GracePeriod,
}

/// How late a post missed while Jadwal was not running (the computer was
/// off or asleep) may still go out on its own; an older one waits for the
/// person's decision. One of a few choices, the same for the window and
/// the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum GracePeriod {
    #[serde(rename = "15m")]
    Minutes15,
    #[serde(rename = "1h")]
    Hour1,
    #[serde(rename = "3h")]
    Hours3,
    #[serde(rename = "12h")]
    Hours12,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingsInput {
    pub language: Option<Language>,
    pub time_zone: Option<String>,
    /// Absent or null: unchanged.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub keep_running: Option<bool>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub grace_period: Option<GracePeriod>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelDto {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub network: Network,
    pub color: String,
    /// False for networks where Jadwal reminds and helps instead of posting.
    pub automatic: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelInput {
    pub name: String,
    pub network: Network,
    /// `#rrggbb`; the network's own colour when absent.
    pub color: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LabelDto {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub color: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LabelInput {
    pub name: String,
    pub color: String,
}

/// A channel a post goes to, with its own text if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TargetDto {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub variant_text: Option<String>,
    /// Text too long for one post goes out as a thread of replies. Only
    /// networks that have threads (Bluesky) keep it; elsewhere it is false.
    /// Absent in older callers' input: false.
    #[serde(default)]
    pub as_thread: bool,
}

/// A post as the calendar and the tray show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostSummaryDto {
    #[ts(type = "number")]
    pub id: i64,
    pub status: PostStatus,
    /// Wall time in the workspace's zone; None for a post on the tray.
    pub start: Option<String>,
    pub excerpt: String,
    #[ts(type = "Array<number>")]
    pub channel_ids: Vec<i64>,
    #[ts(type = "Array<number>")]
    pub label_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleDto {
    /// Wall time in the workspace's zone.
    pub local: String,
    /// The same instant in UTC, RFC 3339.
    pub utc: String,
    /// The zone the time was chosen in.
    pub time_zone: String,
}

/// A whole post, for the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostDto {
    #[ts(type = "number")]
    pub id: i64,
    pub text: String,
    pub status: PostStatus,
    pub schedule: Option<ScheduleDto>,
    pub targets: Vec<TargetDto>,
    #[ts(type = "Array<number>")]
    pub label_ids: Vec<i64>,
    /// False once published: it can be duplicated, not changed.
    pub editable: bool,
    pub created_at: String,
    pub updated_at: String,
    /// Channels whose network holds the post in its own schedule (Mastodon):
    /// it goes out there even with this computer off.
    #[ts(type = "Array<number>")]
    pub on_server: Vec<i64>,
}

/// What the editor saves. `status` is `draft` or `scheduled`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PostInput {
    pub text: String,
    pub status: PostStatus,
    /// Wall time in the workspace's zone (`2026-11-23T09:30`); None keeps it on the tray.
    pub at: Option<String>,
    pub targets: Vec<TargetDto>,
    #[ts(type = "Array<number>")]
    pub label_ids: Vec<i64>,
}

/// A saved post, and how its time was adjusted if the wall time asked for did
/// not exist or happened twice (a DST change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveOutcomeDto {
    pub post: PostDto,
    pub adjustment: Option<ScheduleAdjustment>,
}

/// The text and channels to measure, as the editor holds them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeasureInput {
    pub text: String,
    pub targets: Vec<TargetDto>,
}

/// How long a post is on one channel, by that network's rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextMeasureDto {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub network: Network,
    pub used: u32,
    pub limit: Option<u32>,
    pub unit: CountUnit,
    /// Over what the channel takes: for a thread, some part is too long.
    pub over: bool,
    /// How many posts the text goes out as: 1, or a thread's parts.
    pub parts: u32,
    /// The network can take a text too long for one post as a thread.
    pub threadable: bool,
}

/// A channel's text as the thread it will go out as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThreadPreviewDto {
    #[ts(type = "number")]
    pub channel_id: i64,
    /// In order: the first is the post the others reply to, and the one
    /// that carries the pictures.
    pub parts: Vec<ThreadPartDto>,
}

/// One post of a thread, with its length by the network's rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThreadPartDto {
    pub text: String,
    pub used: u32,
    pub limit: Option<u32>,
    pub unit: CountUnit,
    pub over: bool,
}

/// What the editor was holding when the app last closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AutosaveDto {
    /// Opaque to Rust: the editor's own JSON.
    pub body: String,
    pub saved_at: String,
}

/// Sent to the window after writes; it refetches the topics named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoreChangedDto {
    pub topics: Vec<String>,
    #[ts(type = "Array<number>")]
    pub post_ids: Vec<i64>,
}

/// A connected account as the Accounts screen shows it. No secret crosses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountDto {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub network: Network,
    pub handle: String,
    pub display_name: Option<String>,
    /// The account's picture as a small `data:` URL, fetched when the
    /// account was verified; None when it has none (or it could not be had).
    pub avatar_url: Option<String>,
    /// `connected`, or `login_needed` when the network refused the login.
    pub status: String,
    pub verified_at: String,
}

/// What a person types to connect a Bluesky channel. The app password goes
/// straight to the OS keychain and never comes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectBlueskyInput {
    #[ts(type = "number")]
    pub channel_id: i64,
    /// A handle such as `toko.bsky.social`, or the account's e-mail.
    pub identifier: String,
    pub app_password: String,
    /// A self-hosted server's address; None for Bluesky's own.
    pub service: Option<String>,
}

/// Connecting a Mastodon account on any instance: Jadwal opens the
/// instance's sign-in page in the browser; no password passes through it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectMastodonInput {
    #[ts(type = "number")]
    pub channel_id: i64,
    /// `mastodon.social`, or a whole address.
    pub instance: String,
}

/// A Mastodon sign-in that waits for the code the instance shows (when
/// Jadwal cannot hear the browser's answer, or the browser is elsewhere).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MastodonCodeSignInDto {
    #[ts(type = "number")]
    pub channel_id: i64,
    /// The instance's sign-in page, to open on any device.
    pub authorize_url: String,
    /// Jadwal opened it in this computer's browser.
    pub browser_opened: bool,
}

/// The code the instance showed, pasted by the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FinishMastodonSignInInput {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub code: String,
}

/// Connecting a Telegram channel or group through a bot the person made
/// with @BotFather (and added to the channel as an admin). The token goes
/// straight to the OS keychain and never comes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectTelegramInput {
    #[ts(type = "number")]
    pub channel_id: i64,
    /// `123456:ABC-DEF…` from @BotFather.
    pub bot_token: String,
    /// `@channelname`, or the chat's number (`-100…`).
    pub chat: String,
    /// A self-hosted Bot API server; None for Telegram's own.
    pub api_url: Option<String>,
}

/// Connecting a webhook (Zapier, Make, n8n, the person's own server). Both
/// the address (often itself a key) and the signing secret go to the OS
/// keychain; SQLite keeps only the host name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectWebhookInput {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub url: String,
    /// Signs every delivery (HMAC-SHA256); see WEBHOOK.md.
    pub secret: String,
}

/// What the window says about publishing as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublishingStatusDto {
    /// Posts past their time that could not reach any network; they go out
    /// by themselves once the computer is back online.
    pub waiting_for_internet: u32,
    /// RFC 3339 UTC: the earliest of their times.
    pub waiting_since: Option<String>,
}

/// How publishing a post to one channel went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublishResultDto {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub channel_name: String,
    pub published: bool,
    /// The post's public address, once published.
    pub url: Option<String>,
    /// Why not, when not published (an `IpcError` code).
    pub code: Option<String>,
    pub message: Option<String>,
}

/// A picture in the media library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MediaDto {
    /// SHA-256 of the original: the picture's id.
    pub hash: String,
    /// `jpeg`, `png`, `gif` or `webp`, from the file's content.
    pub format: String,
    #[ts(type = "number")]
    pub byte_size: u64,
    /// As seen, after EXIF orientation.
    pub width: u32,
    pub height: u32,
    pub original_name: String,
    /// Moves (GIF, WebP): networks that show pictures still get its first frame.
    pub animated: bool,
    /// RFC 3339 UTC.
    pub imported_at: String,
    /// The live posts that carry it.
    pub used_by: Vec<MediaUseDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MediaUseDto {
    #[ts(type = "number")]
    pub post_id: i64,
    pub excerpt: String,
}

/// How adding one file went: `media` when it is in the library, `error`
/// (naming the file) when it was refused. A batch never stops at a bad file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportResultDto {
    /// The path as it was given.
    pub file: String,
    pub media: Option<MediaDto>,
    /// The same bytes were already in the library.
    pub already_in_library: bool,
    pub error: Option<IpcError>,
}

/// Sent while a batch import runs (the `media-import-progress` event).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgressDto {
    /// Files finished, this one included.
    pub done: u32,
    pub total: u32,
    pub file: String,
    pub ok: bool,
}

/// A picture to put on a post, with the choices made for that post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentInput {
    pub hash: String,
    /// Alt text; empty when none yet (the checks warn).
    pub alt: String,
    /// The point every crop keeps in frame, as fractions (0 left/top, 1 right/bottom).
    pub focal_x: f32,
    pub focal_y: f32,
}

/// A picture on a post, in the post's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentDto {
    pub hash: String,
    pub position: u32,
    pub alt: String,
    pub focal_x: f32,
    pub focal_y: f32,
    pub original_name: String,
    pub format: String,
    pub width: u32,
    pub height: u32,
    #[ts(type = "number")]
    pub byte_size: u64,
}

/// The one-click fix for a picture problem (jadwal-media's `Fix`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum MediaFixDto {
    /// Post this preset's rendition (cut to a shape the network takes).
    UseRendition { preset: PresetName },
    /// Post a JPEG copy of the whole picture.
    ConvertToJpeg,
    /// Post a lighter copy of at most `maxBytes`.
    Recompress {
        #[ts(type = "number")]
        max_bytes: u64,
    },
    /// Post a copy at most `maxSide` on its longest side.
    Shrink { max_side: u32 },
    /// Keep the first `keep` pictures; the rest go to a new draft with the same text and channels.
    MoveToNewPost { keep: u32 },
}

/// A rendition Jadwal makes (jadwal-media's `Preset`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PresetName {
    InstagramPortrait,
    InstagramSquare,
    InstagramLandscape,
    Story,
    X,
    Facebook,
    Linkedin,
    Pinterest,
    GoogleBusiness,
    Bluesky,
    Mastodon,
    Thumbnail,
}

/// Something about a post's pictures one of its networks would refuse
/// (`error`: scheduling waits) or show differently (`warning`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MediaProblemDto {
    pub network: Network,
    /// The post's channels on that network.
    #[ts(type = "Array<number>")]
    pub channel_ids: Vec<i64>,
    /// The picture it is about; None for the post as a whole (too many pictures).
    pub hash: Option<String>,
    pub position: Option<u32>,
    /// `too_heavy`, `shape_not_accepted`, `format_not_accepted`, `too_many_images`, …
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    /// In English, naming the picture and the network.
    pub message: String,
    pub fix: Option<MediaFixDto>,
}

/// What a fix changed: the post's pictures now, and the new draft that
/// took the extra pictures, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MediaFixOutcomeDto {
    pub media: Vec<AttachmentDto>,
    #[ts(type = "number | null")]
    pub new_post_id: Option<i64>,
}

/// A rendition on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RenditionDto {
    pub hash: String,
    pub preset: PresetName,
    pub path: String,
    pub width: u32,
    pub height: u32,
    #[ts(type = "number")]
    pub byte_size: u64,
}

/// A rendition written to a folder for one network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WrittenRenditionDto {
    pub network: Network,
    pub position: u32,
    pub rendition: RenditionDto,
}

/// A small picture (at most 400 px) as a `data:image/jpeg;base64,…` URL,
/// ready for an `<img src>` (the window's CSP allows `data:` images).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThumbnailDto {
    pub hash: String,
    /// The post it stands for, when asked for posts.
    #[ts(type = "number | null")]
    pub post_id: Option<i64>,
    pub data_url: String,
}

/// Where a preset cuts a picture, for the editor to draw over it: fractions
/// of the oriented picture (0–1), and the size of the rendition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CropDto {
    pub preset: PresetName,
    /// The name shown under the preview (`Instagram 4:5`).
    pub label: String,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub out_width: u32,
    pub out_height: u32,
}

/// The renditions a network gets, the usual one first: what the editor
/// previews for it. Empty for the webhook, which gets the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkPresetsDto {
    pub network: Network,
    pub presets: Vec<PresetName>,
}

/// A scheduled post that waits for the person: it was missed while the
/// computer was off (`missed`), its automatic channels are done and the
/// rest needs their hand (`assisted`), or a channel may or may not have it
/// because its answer was lost (`unsure`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeldPostDto {
    pub post: PostSummaryDto,
    pub reason: String,
}

/// The posts waiting for the person's decision, oldest first: a page of
/// them, and how many wait in all (more than the page after a long
/// absence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeldPostsDto {
    pub posts: Vec<HeldPostDto>,
    pub total: u32,
}

/// One try to publish a post to a channel, from the post's publish log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttemptDto {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub channel_name: String,
    pub started_at: String,
    pub finished_at: Option<String>,
    /// `published`, `failed`, or `unknown` when the app stopped mid-try.
    pub outcome: String,
    pub url: Option<String>,
    pub code: Option<String>,
    /// The network's answer in words (secrets never reach it).
    pub message: Option<String>,
}

// Figures (likes, followers, …): entered, imported and fetched.
pub use crate::dto_metrics::*;
