//! Reports saved to a file: the dashboard's figures for a range, as PDF or
//! CSV, in the language asked for. Written to a temporary file beside the
//! target and renamed into place, so a full disk or a crash never leaves half
//! a report under the name the person chose.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use jadwal_domain::insights::Insights;
use jadwal_domain::schedule::TimeZoneId;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::Language;
use crate::insights::report_days;
use crate::{Engine, EngineError, Result};

/// The file a report is saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Pdf,
    Csv,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "pdf",
            ReportFormat::Csv => "csv",
        }
    }
}

fn report_language(language: Language) -> jadwal_report::Language {
    match language {
        Language::En => jadwal_report::Language::English,
        Language::Id => jadwal_report::Language::Indonesian,
    }
}

/// A report's period in words, for a notification: "November 2026",
/// "16–22 November 2026".
pub fn period_name(language: Language, first: NaiveDate, last: NaiveDate) -> String {
    jadwal_report::period_name(report_language(language), first, last)
}

/// A report's figures, read from the store once, to be laid out in as many
/// formats as asked for: a period due as PDF and CSV is read once, not once
/// per file.
#[derive(Debug, Clone)]
pub struct ReportContents {
    insights: Insights,
    zone: TimeZoneId,
    made_on: NaiveDate,
}

impl ReportContents {
    /// The report as bytes in `format`, in `language`.
    pub fn lay_out(&self, language: Language, format: ReportFormat) -> Result<Vec<u8>> {
        let language = report_language(language);
        Ok(match format {
            ReportFormat::Pdf => {
                jadwal_report::pdf(&self.insights, language, self.zone, self.made_on)?
            }
            ReportFormat::Csv => {
                jadwal_report::csv(&self.insights, language, self.zone)?.into_bytes()
            }
        })
    }

    /// Writes the report in `format` to `path` (replacing a file already
    /// there) and gives the path back.
    pub fn save(&self, language: Language, format: ReportFormat, path: &Path) -> Result<PathBuf> {
        let bytes = self.lay_out(language, format)?;
        write_whole(path, &bytes)?;
        Ok(path.to_path_buf())
    }
}

impl Engine {
    /// The figures of the report for `first..=last`, made today.
    pub fn report_contents(&self, first: &str, last: &str) -> Result<ReportContents> {
        let insights = self.insights(first, last)?;
        let (zone, made_on) = self.zone_and_today()?;
        Ok(ReportContents {
            insights,
            zone,
            made_on,
        })
    }

    /// The report for `first..=last` as bytes.
    pub fn render_report(
        &self,
        first: &str,
        last: &str,
        language: Language,
        format: ReportFormat,
    ) -> Result<Vec<u8>> {
        self.report_contents(first, last)?.lay_out(language, format)
    }

    /// Writes the report to `path` (replacing a file already there) and
    /// gives the path back.
    pub fn save_report(
        &self,
        first: &str,
        last: &str,
        language: Language,
        format: ReportFormat,
        path: &Path,
    ) -> Result<PathBuf> {
        self.report_contents(first, last)?
            .save(language, format, path)
    }

    /// The name a report gets unless the person picks another:
    /// "Toko Roti Sari 2026-11-01 to 2026-11-30.pdf".
    pub fn report_file_name(
        &self,
        first: &str,
        last: &str,
        format: ReportFormat,
    ) -> Result<String> {
        let (first, last) = report_days(first, last)?;
        let store = self.store()?;
        let workspace = store.workspace(self.workspace_id)?.name;
        let safe: String = workspace
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == ' ' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        Ok(format!(
            "{} {first} to {last}.{}",
            safe.trim(),
            format.extension()
        ))
    }
}

fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let unwritable = |source: std::io::Error| EngineError::ReportFile {
        path: path.to_path_buf(),
        source,
    };
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(".{name}.partial"));
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&temporary, path)) {
        let _ = std::fs::remove_file(&temporary);
        return Err(unwritable(e));
    }
    Ok(())
}
