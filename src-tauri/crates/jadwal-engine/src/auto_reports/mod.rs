//! Reports written by themselves at the end of each week or month, into a
//! folder the person picked. The rule for which periods are due lives in
//! `jadwal_domain::report_periods`; this module keeps the workspace's
//! choices, what has been written, and how the last attempt went, all as
//! workspace settings.

mod free_name;
mod run;
mod write;

pub use run::run_auto_reports;
pub use write::{AutoReportRun, WrittenReport};

use chrono::NaiveDate;
use jadwal_domain::report_periods::ReportPeriodKind;
use jadwal_store::Store;

use crate::Engine;
use crate::dto::{AutoReportOutcome, AutoReportSettings, AutoReportsDto, Language};
use crate::error::{EngineError, Result};
use crate::report::ReportFormat;

/// Per workspace: the choices, as JSON.
const SETTINGS_KEY: &str = "auto_reports";
/// Per workspace: the last run that had something to write, as JSON.
const OUTCOME_KEY: &str = "auto_reports_outcome";

/// Per workspace and kind and format: the last day of the last period
/// written, so each is written once (a PDF written while the CSV failed is
/// not written again when the CSV is retried).
fn written_key(kind: ReportPeriodKind, format: ReportFormat) -> String {
    format!(
        "auto_reports_written_{}_{}",
        kind.as_str(),
        format.extension()
    )
}

impl AutoReportSettings {
    /// Off, into no folder yet, weekly and monthly, as PDF, in `language`.
    pub fn off(language: Language) -> AutoReportSettings {
        AutoReportSettings {
            enabled: false,
            folder: None,
            weekly: true,
            monthly: true,
            language,
            formats: vec![ReportFormat::Pdf],
        }
    }

    /// The kinds of period chosen.
    pub fn kinds(&self) -> Vec<ReportPeriodKind> {
        ReportPeriodKind::ALL
            .into_iter()
            .filter(|k| match k {
                ReportPeriodKind::Week => self.weekly,
                ReportPeriodKind::Month => self.monthly,
            })
            .collect()
    }
}

impl Engine {
    /// The workspace's choices and how the last attempt went. The language
    /// is the app's (`system_language` until one is picked) until the person
    /// picks one for the reports.
    pub fn auto_reports(&self, system_language: Language) -> Result<AutoReportsDto> {
        let store = self.store()?;
        let settings = match self.stored_auto_report_settings(&store)? {
            Some(settings) => settings,
            None => AutoReportSettings::off(self.language_in(&store, system_language)?),
        };
        let last_outcome = store
            .workspace_setting(self.workspace_id, OUTCOME_KEY)?
            .and_then(|raw| serde_json::from_str::<AutoReportOutcome>(&raw).ok());
        Ok(AutoReportsDto {
            settings,
            last_outcome,
        })
    }

    /// Saves the choices. Turning reports on needs a folder, a period and a
    /// format; the folder must be there. The next run (at once: the runner
    /// is woken) writes what is due.
    pub fn set_auto_reports(
        &self,
        settings: &AutoReportSettings,
        system_language: Language,
    ) -> Result<AutoReportsDto> {
        let mut settings = settings.clone();
        settings.folder = settings
            .folder
            .map(|f| f.trim().to_owned())
            .filter(|f| !f.is_empty());
        settings.formats.dedup();
        if settings.enabled {
            let folder = settings
                .folder
                .as_deref()
                .ok_or(EngineError::ReportFolderNotSet)?;
            if settings.kinds().is_empty() || settings.formats.is_empty() {
                return Err(EngineError::AutoReportsNothingChosen);
            }
            let path = std::path::Path::new(folder);
            if !path.is_dir() {
                return Err(EngineError::ReportFolderMissing(path.to_path_buf()));
            }
        }
        // Strings, flags and plain enums only: turning them into JSON cannot fail.
        let raw = serde_json::to_string(&settings).unwrap_or_default();
        self.store()?
            .set_workspace_setting(self.workspace_id, SETTINGS_KEY, &raw)?;
        self.auto_reports_nudge.notify_one();
        self.auto_reports(system_language)
    }

    fn stored_auto_report_settings(&self, store: &Store) -> Result<Option<AutoReportSettings>> {
        Ok(store
            .workspace_setting(self.workspace_id, SETTINGS_KEY)?
            .and_then(|raw| serde_json::from_str(&raw).ok()))
    }

    fn written_through(
        &self,
        store: &Store,
        kind: ReportPeriodKind,
        format: ReportFormat,
    ) -> Result<Option<NaiveDate>> {
        Ok(store
            .workspace_setting(self.workspace_id, &written_key(kind, format))?
            .and_then(|raw| NaiveDate::parse_from_str(&raw, "%Y-%m-%d").ok()))
    }
}
