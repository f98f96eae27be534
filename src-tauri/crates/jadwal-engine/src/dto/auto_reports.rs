//! Automatic reports as the Settings window sees them: what is written,
//! where, and how the last attempt went.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{IpcError, Language};
use crate::report::ReportFormat;

/// The workspace's choices for reports written at the end of each period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AutoReportSettings {
    pub enabled: bool,
    /// The folder the reports go into, as the person picked it.
    pub folder: Option<String>,
    pub weekly: bool,
    pub monthly: bool,
    pub language: Language,
    /// PDF, CSV or both.
    pub formats: Vec<ReportFormat>,
}

/// What the last run that had something to write did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AutoReportOutcome {
    /// When it ran (RFC 3339 UTC).
    pub at: String,
    /// The files written, full paths.
    pub written: Vec<String>,
    /// Why a report could not be written (it is tried again later).
    pub problem: Option<IpcError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AutoReportsDto {
    pub settings: AutoReportSettings,
    pub last_outcome: Option<AutoReportOutcome>,
}
