//! What crosses to the web view (and to `jadwal-cli --json`).
//!
//! Each type here derives its TypeScript twin in `ui/src/ipc/bindings/`; the
//! test `bindings_are_fresh` fails when the checked-in files are stale.
//! Times cross as strings: a wall time as `2026-11-23T09:30` in the
//! workspace's zone, an instant as RFC 3339 UTC.

use jadwal_domain::{CountUnit, Network, PostStatus, ScheduleAdjustment};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingsInput {
    pub language: Option<Language>,
    pub time_zone: Option<String>,
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
