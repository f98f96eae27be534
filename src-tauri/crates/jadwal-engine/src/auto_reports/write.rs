//! Writing the reports that are due into the chosen folder.

use chrono::{DateTime, NaiveDate, Utc};
use jadwal_domain::report_periods::{ReportPeriod, ReportPeriodKind, due_period};
use std::path::{Path, PathBuf};

use super::{OUTCOME_KEY, written_key};
use crate::Engine;
use crate::convert::rfc3339;
use crate::dto::{AutoReportOutcome, IpcError};
use crate::error::{EngineError, Result};
use crate::report::ReportFormat;

/// One report file written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenReport {
    pub kind: ReportPeriodKind,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub format: ReportFormat,
    pub path: PathBuf,
}

/// What a run did: the files written, and the first problem met (the
/// reports it kept from being written stay due and are tried again).
#[derive(Debug, Default)]
pub struct AutoReportRun {
    pub written: Vec<WrittenReport>,
    pub problem: Option<IpcError>,
}

impl AutoReportRun {
    /// Whether the run had nothing to do.
    pub fn is_empty(&self) -> bool {
        self.written.is_empty() && self.problem.is_none()
    }
}

impl Engine {
    /// The reports due at `now`: each chosen period and format whose most
    /// recent finished period has not been written. Nothing when automatic
    /// reports are off.
    pub fn due_reports(&self, now: DateTime<Utc>) -> Result<Vec<(ReportPeriod, ReportFormat)>> {
        let store = self.store()?;
        let Some(settings) = self
            .stored_auto_report_settings(&store)?
            .filter(|s| s.enabled)
        else {
            return Ok(Vec::new());
        };
        let zone = self.zone(&store)?;
        let mut due = Vec::new();
        for kind in settings.kinds() {
            for &format in &settings.formats {
                let written = self.written_through(&store, kind, format)?;
                if let Some(period) = due_period(kind, now, zone, written) {
                    due.push((period, format));
                }
            }
        }
        Ok(due)
    }

    /// Writes every report due at `now` into the chosen folder, each under
    /// the name [`Engine::report_file_name`] gives it (with " (2)" and so
    /// on when a file of that name is already there: nothing is replaced).
    /// Each written report is remembered, so it is written once; one that
    /// fails stays due. The outcome is kept for the window to show.
    pub fn write_due_reports(&self, now: DateTime<Utc>) -> Result<AutoReportRun> {
        let due = self.due_reports(now)?;
        let mut run = AutoReportRun::default();
        if due.is_empty() {
            return Ok(run);
        }
        let (folder, language) = {
            let store = self.store()?;
            let settings = self.stored_auto_report_settings(&store)?;
            let folder = settings.as_ref().and_then(|s| s.folder.clone());
            (folder, settings.map(|s| s.language))
        };
        for (period, format) in due {
            let written = match (&folder, language) {
                (Some(folder), Some(language)) => {
                    self.write_one(Path::new(folder), &period, format, language)
                }
                _ => Err(EngineError::ReportFolderNotSet),
            };
            match written {
                Ok(path) => {
                    self.store()?.set_workspace_setting(
                        self.workspace_id,
                        &written_key(period.kind, format),
                        &period.last.format("%Y-%m-%d").to_string(),
                    )?;
                    log::info!("automatic report written: {}", path.display());
                    run.written.push(WrittenReport {
                        kind: period.kind,
                        first: period.first,
                        last: period.last,
                        format,
                        path,
                    });
                }
                Err(e) => {
                    log::warn!("automatic report not written: {e}");
                    run.problem.get_or_insert_with(|| e.to_ipc());
                }
            }
        }
        let outcome = AutoReportOutcome {
            at: rfc3339(now),
            written: run
                .written
                .iter()
                .map(|w| w.path.display().to_string())
                .collect(),
            problem: run.problem.clone(),
        };
        // Plain strings only: turning them into JSON cannot fail.
        let raw = serde_json::to_string(&outcome).unwrap_or_default();
        self.store()?
            .set_workspace_setting(self.workspace_id, OUTCOME_KEY, &raw)?;
        Ok(run)
    }

    fn write_one(
        &self,
        folder: &Path,
        period: &ReportPeriod,
        format: ReportFormat,
        language: crate::dto::Language,
    ) -> Result<PathBuf> {
        if !folder.is_dir() {
            return Err(EngineError::ReportFolderMissing(folder.to_path_buf()));
        }
        let (first, last) = (day(period.first), day(period.last));
        let name = self.report_file_name(&first, &last, format)?;
        let path = free_path(folder, &name);
        self.save_report(&first, &last, language, format, &path)
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `folder/name`, or `folder/stem (2).ext` and so on when that is taken.
fn free_path(folder: &Path, name: &str) -> PathBuf {
    let first = folder.join(name);
    if !taken(&first) {
        return first;
    }
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    (2_u32..)
        .map(|n| folder.join(format!("{stem} ({n}).{extension}")))
        .find(|p| !taken(p))
        .unwrap_or(first)
}

fn taken(path: &Path) -> bool {
    // A dangling link is a name taken too.
    path.symlink_metadata().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_already_taken_gets_a_number() {
        let dir = tempfile::tempdir().unwrap();
        let name = "Toko 2026-11-16 to 2026-11-22.pdf";
        assert_eq!(free_path(dir.path(), name), dir.path().join(name));
        std::fs::write(dir.path().join(name), b"mine").unwrap();
        assert_eq!(
            free_path(dir.path(), name),
            dir.path().join("Toko 2026-11-16 to 2026-11-22 (2).pdf")
        );
        std::fs::write(
            dir.path().join("Toko 2026-11-16 to 2026-11-22 (2).pdf"),
            b"",
        )
        .unwrap();
        assert_eq!(
            free_path(dir.path(), name),
            dir.path().join("Toko 2026-11-16 to 2026-11-22 (3).pdf")
        );
    }
}
