//! What crosses to the web view (and `jadwal-cli --json`) about figures:
//! entering one by hand, a target's history, a refresh from the networks,
//! and the CSV import's preview and result. Instants cross as RFC 3339
//! UTC; a time the person types is a wall time in the workspace's zone.

use jadwal_domain::{Metric, MetricSource};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One stored figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MetricSampleDto {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub channel_id: i64,
    /// None: a figure of the account behind the channel (followers, …).
    #[ts(type = "number | null")]
    pub post_id: Option<i64>,
    pub metric: Metric,
    pub value: f64,
    pub source: MetricSource,
    /// When the figure was true, or the start of the period it covers.
    pub taken_at: String,
    /// The end (exclusive) of the period it covers; None for a snapshot.
    pub period_end: Option<String>,
    /// When Jadwal stored it.
    pub recorded_at: String,
}

/// A figure the person types in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordMetricInput {
    #[ts(type = "number")]
    pub channel_id: i64,
    /// The post it is about on that channel; absent or null for the account.
    #[serde(default)]
    #[ts(type = "number | null", optional = nullable)]
    pub post_id: Option<i64>,
    pub metric: Metric,
    pub value: f64,
    /// `2026-11-23T09:30` (the figure at that time) or `2026-11-23` (the
    /// figure for that whole day), in the workspace's zone.
    pub at: String,
}

/// A post target's figures: the newest of each kind, and every one kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TargetMetricsDto {
    #[ts(type = "number")]
    pub post_id: i64,
    #[ts(type = "number")]
    pub channel_id: i64,
    pub latest: Vec<MetricSampleDto>,
    /// Oldest first, per figure.
    pub history: Vec<MetricSampleDto>,
}

/// How one channel's refresh went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RefreshStatus {
    /// Every figure asked for came back.
    Fetched,
    /// Some came back, some did not (`code` says why for the first).
    Partial,
    /// Nothing came back (`code` says why).
    Failed,
    /// The network gives no figures to Jadwal: type them in or import a CSV.
    NotAvailable,
    /// The channel has no connected account.
    NotConnected,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelRefreshDto {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub channel_name: String,
    pub status: RefreshStatus,
    /// Figures stored.
    pub samples: u32,
    /// Published posts asked about, and how many of them failed.
    pub posts: u32,
    pub failed_posts: u32,
    /// Why something failed: an error code the window translates, and the
    /// English sentence (secrets never reach it).
    pub code: Option<String>,
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MetricsRefreshDto {
    pub fetched_at: String,
    pub channels: Vec<ChannelRefreshDto>,
}

/// A column of a CSV file as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvColumnDto {
    pub index: u32,
    pub header: String,
}

/// The first rows of a CSV file, how Jadwal read it, and the mapping it
/// suggests (the person confirms or changes it before the import).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreviewDto {
    /// `,` or `;`.
    pub separator: String,
    /// Whether numbers were read with a decimal comma (`12,5`).
    pub decimal_comma: bool,
    pub columns: Vec<CsvColumnDto>,
    /// Up to the first 20 data rows, as text.
    pub rows: Vec<Vec<String>>,
    /// Data rows in the file (the header row not counted).
    pub row_count: u32,
    pub suggested: CsvMappingInput,
}

/// A CSV column that holds a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvMetricColumn {
    pub column: u32,
    pub metric: Metric,
}

/// Which column means what, as the person confirmed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvMappingInput {
    /// The channel the figures belong to.
    #[ts(type = "number | null")]
    pub channel_id: Option<i64>,
    /// The date (or date and time) of each row. A date alone means the
    /// figure covers that day in the workspace's zone; without a date
    /// column every figure is as of the import.
    pub date_column: Option<u32>,
    /// The post's link or id on the network; without it (or where the
    /// cell is empty) the row is about the account.
    pub post_column: Option<u32>,
    pub metrics: Vec<CsvMetricColumn>,
    /// Dates such as 03/04/2026: day first (Indonesia, most of the world)
    /// when true, month first (United States) when false.
    pub day_first: bool,
    /// Whether numbers use a decimal comma (`1.234,5`).
    pub decimal_comma: bool,
    /// Import the good rows and leave the bad ones out; when false, one bad
    /// row means nothing is imported.
    pub skip_bad_rows: bool,
}

/// What is wrong with one row of a CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvRowProblemDto {
    /// The line's number in the file as a spreadsheet shows it (the header
    /// is row 1).
    pub row: u32,
    /// The column's header, where one cell is to blame.
    pub column: Option<String>,
    /// `bad_date`, `not_a_number`, `impossible_value`, `unknown_post`,
    /// `missing_date`, `unreadable_row`.
    pub code: String,
    /// The cell's text as found.
    pub value: String,
    /// The problem in English (the window translates `code`).
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvImportDto {
    /// Figures stored; 0 when bad rows stopped the import.
    pub imported: u32,
    /// Data rows read.
    pub rows: u32,
    /// Rows left out because they were bad (only with `skipBadRows`).
    pub skipped: u32,
    pub problems: Vec<CsvRowProblemDto>,
}
