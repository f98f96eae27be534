//! The engine's errors: each has a stable code and an English sentence; the
//! window translates the codes it knows.

use jadwal_domain::DomainError;
use jadwal_store::StoreError;
use std::collections::BTreeMap;
use thiserror::Error;

use crate::dto::IpcError;

#[derive(Debug, Error)]
pub enum EngineError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the text is too long for {channels}; shorten it or give that channel its own text")]
    OverLimit { channels: String },
    #[error("pick a date and time before scheduling")]
    ScheduleNeedsTime,
    #[error("pick at least one channel before scheduling")]
    ScheduleNeedsChannel,
    #[error("{at} has already passed; pick a later time")]
    ScheduleInPast { at: String },
    #[error("this post has been published and can no longer be changed; duplicate it instead")]
    NotEditable,
    #[error("channel {0} is not one of this workspace's channels")]
    UnknownChannel(i64),
    #[error("label {0} is not one of this workspace's labels")]
    UnknownLabel(i64),
    #[error("{what} {id} is not part of this workspace's plan")]
    NotInPlan { what: &'static str, id: i64 },
    #[error("the data is busy; try again")]
    Poisoned,
    #[error(transparent)]
    Channel(#[from] jadwal_channels::ChannelError),
    #[error(transparent)]
    Secrets(#[from] jadwal_secrets::SecretsError),
    #[error("{channel} is a {network} channel; this way of connecting is for {expected}")]
    WrongNetwork {
        channel: String,
        network: &'static str,
        expected: &'static str,
    },
    #[error("{channel} is not connected to an account yet; connect it under Channels & labels")]
    NotConnected { channel: String },
    #[error("the login for {channel} stopped working; connect the account again")]
    LoginNeeded { channel: String },
    #[error(
        "Jadwal sent the post to {channel} but never heard back; check whether it arrived, then tell Jadwal"
    )]
    OutcomeUnknown { channel: String },
    #[error("Jadwal could not get ready to hear back from the sign-in page: {0}")]
    SignInListener(String),
    #[error("Jadwal could not open your web browser: {0}")]
    Browser(String),
    #[error("the sign-in was not finished within ten minutes; start again when you are ready")]
    SignInTimedOut,
    #[error("{channel} takes only so many posts in a row; Jadwal sends this one as soon as it may")]
    Paced {
        channel: String,
        until: chrono::DateTime<chrono::Utc>,
    },
    #[error("{0} is not a web address (it should start with https://)")]
    NotAWebAddress(String),
    #[error("{network} posts go out with your help: Jadwal reminds you and copies the text")]
    Assisted { network: &'static str },
    #[error(transparent)]
    Media(#[from] jadwal_media::MediaError),
    #[error("the pictures do not suit {channels}: {first}; fix them or keep the post as a draft")]
    MediaProblem {
        channels: String,
        /// The first problem, in words (naming the picture and the network).
        first: String,
        count: usize,
    },
    #[error("the picture {0} is not in the media library")]
    MediaNotInLibrary(String),
    #[error("the picture {0} is not on this post")]
    MediaNotOnPost(String),
    #[error("“{0}” is not a rendition Jadwal knows")]
    UnknownPreset(String),
    #[error("the folder {} cannot be written ({source})", .path.display())]
    OutputFolder {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Report(#[from] jadwal_report::ReportError),
    #[error("the report could not be saved as {} ({source})", .path.display())]
    ReportFile {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("pick a folder for the automatic reports first")]
    ReportFolderNotSet,
    #[error(
        "the folder {} for automatic reports is not there (a drive unplugged, or the folder moved or renamed)",
        .0.display()
    )]
    ReportFolderMissing(std::path::PathBuf),
    #[error("pick weekly or monthly reports, and PDF or CSV, before turning automatic reports on")]
    AutoReportsNothingChosen,
    #[error(
        "another Jadwal (the app or jadwal-cli agent) is already publishing from this data folder"
    )]
    SchedulerBusy,
    #[error("the file {} cannot be imported: {detail}", .path.display())]
    CsvFile {
        path: std::path::PathBuf,
        detail: String,
    },
    #[error("{0}")]
    CsvMapping(String),
    #[error("the scheduler's lock file {path} cannot be used")]
    SchedulerLock {
        path: std::path::PathBuf,
        #[source]
        source: Option<std::io::Error>,
    },
}

impl EngineError {
    pub fn code(&self) -> &'static str {
        match self {
            EngineError::Domain(e) => e.code(),
            EngineError::Store(e) => e.code(),
            EngineError::OverLimit { .. } => "over_limit",
            EngineError::ScheduleNeedsTime => "schedule_needs_time",
            EngineError::ScheduleNeedsChannel => "schedule_needs_channel",
            EngineError::ScheduleInPast { .. } => "schedule_in_past",
            EngineError::NotEditable => "not_editable",
            EngineError::UnknownChannel(_)
            | EngineError::UnknownLabel(_)
            | EngineError::NotInPlan { .. } => "not_found",
            EngineError::Poisoned => "internal",
            EngineError::Channel(e) => e.code(),
            EngineError::Secrets(e) => e.code(),
            EngineError::WrongNetwork { .. } => "wrong_network",
            EngineError::NotConnected { .. } => "not_connected",
            EngineError::LoginNeeded { .. } => "login_needed",
            EngineError::Assisted { .. } => "assisted_network",
            EngineError::OutcomeUnknown { .. } => "outcome_unknown",
            EngineError::NotAWebAddress(_) => "not_a_web_address",
            EngineError::Paced { .. } => "paced",
            EngineError::SignInListener(_) => "sign_in_listener",
            EngineError::SignInTimedOut => "sign_in_timed_out",
            EngineError::Browser(_) => "browser_not_opened",
            // jadwal-media's codes pass through (media_*, disk_full).
            EngineError::Media(e) => e.code(),
            EngineError::MediaProblem { .. } => "media_problem",
            EngineError::MediaNotInLibrary(_) | EngineError::MediaNotOnPost(_) => "media_not_found",
            EngineError::UnknownPreset(_) => "invalid_preset",
            EngineError::OutputFolder { .. } => "folder_unwritable",
            EngineError::Report(_) => "report_failed",
            EngineError::ReportFile { source, .. } => match source.kind() {
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => "disk_full",
                _ => "report_unwritable",
            },
            EngineError::ReportFolderNotSet => "report_folder_not_set",
            EngineError::ReportFolderMissing(_) => "report_folder_missing",
            EngineError::AutoReportsNothingChosen => "auto_reports_nothing_chosen",
            EngineError::SchedulerBusy => "scheduler_busy",
            EngineError::SchedulerLock { .. } => "scheduler_lock",
            EngineError::CsvFile { .. } => "csv_unreadable",
            EngineError::CsvMapping(_) => "csv_mapping",
        }
    }

    /// Values the window fills into its translated sentence.
    fn params(&self) -> BTreeMap<String, String> {
        let mut p = BTreeMap::new();
        match self {
            EngineError::OverLimit { channels } => {
                p.insert("channels".into(), channels.clone());
            }
            EngineError::ScheduleInPast { at } => {
                p.insert("at".into(), at.clone());
            }
            EngineError::Media(e) => {
                p.extend(e.params().into_iter().map(|(k, v)| (k.to_owned(), v)));
            }
            EngineError::MediaProblem {
                channels,
                first,
                count,
            } => {
                p.insert("channels".into(), channels.clone());
                p.insert("first".into(), first.clone());
                p.insert("count".into(), count.to_string());
            }
            EngineError::MediaNotInLibrary(hash) | EngineError::MediaNotOnPost(hash) => {
                p.insert("hash".into(), hash.clone());
            }
            EngineError::UnknownPreset(v) | EngineError::NotAWebAddress(v) => {
                p.insert("value".into(), v.clone());
            }
            EngineError::OutputFolder { path, .. } | EngineError::ReportFile { path, .. } => {
                p.insert("path".into(), path.display().to_string());
            }
            EngineError::ReportFolderMissing(path) => {
                p.insert("path".into(), path.display().to_string());
            }
            EngineError::CsvFile { path, detail } => {
                p.insert("path".into(), path.display().to_string());
                p.insert("detail".into(), detail.clone());
            }
            EngineError::CsvMapping(detail) => {
                p.insert("detail".into(), detail.clone());
            }
            EngineError::Channel(e) => {
                p.extend(e.params().into_iter().map(|(k, v)| (k.to_owned(), v)));
            }
            EngineError::NotConnected { channel }
            | EngineError::LoginNeeded { channel }
            | EngineError::OutcomeUnknown { channel }
            | EngineError::Paced { channel, .. } => {
                p.insert("channel".into(), channel.clone());
            }
            EngineError::Store(
                StoreError::Busy { path }
                | StoreError::ReadOnly { path }
                | StoreError::Corrupt { path, .. }
                | StoreError::NewerVersion { path, .. }
                | StoreError::Folder { path, .. },
            ) => {
                p.insert("path".into(), path.display().to_string());
            }
            EngineError::Domain(DomainError::SharesOver100 { total }) => {
                p.insert("total".into(), total.to_string());
            }
            EngineError::Domain(DomainError::ShareOutOfRange(value)) => {
                p.insert("value".into(), value.to_string());
            }
            EngineError::Domain(DomainError::RhythmOutOfRange { value, max }) => {
                p.insert("value".into(), value.to_string());
                p.insert("max".into(), max.to_string());
            }
            EngineError::Domain(DomainError::PeriodEndsBeforeStart { starts, ends }) => {
                p.insert("starts".into(), starts.clone());
                p.insert("ends".into(), ends.clone());
            }
            EngineError::Domain(
                DomainError::NegativeAmount { what, value }
                | DomainError::PercentOutOfRange { what, value },
            ) => {
                p.insert("what".into(), (*what).to_owned());
                p.insert("value".into(), value.clone());
            }
            EngineError::Domain(DomainError::UnknownChoice { value, .. }) => {
                p.insert("value".into(), value.clone());
            }
            EngineError::Domain(DomainError::TextTooLong { len, max }) => {
                p.insert("len".into(), len.to_string());
                p.insert("max".into(), max.to_string());
            }
            EngineError::Domain(
                DomainError::InvalidDateTime(v)
                | DomainError::UnknownTimeZone(v)
                | DomainError::InvalidColor(v),
            ) => {
                p.insert("value".into(), v.clone());
            }
            _ => {}
        }
        p
    }

    pub fn to_ipc(&self) -> IpcError {
        IpcError {
            code: self.code().to_owned(),
            message: capitalize(&self.to_string()),
            params: self.params(),
        }
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub type Result<T> = std::result::Result<T, EngineError>;
