//! Writing the reports that are due into the chosen folder.

use chrono::{DateTime, NaiveDate, Utc};
use jadwal_domain::report_periods::{ReportPeriod, ReportPeriodKind, due_period};
use std::path::{Path, PathBuf};

use super::free_name::free_path;
use super::{OUTCOME_KEY, written_key};
use crate::Engine;
use crate::convert::rfc3339;
use crate::dto::{AutoReportOutcome, IpcError, Language};
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

    /// Notes a report not written; the run keeps the first problem.
    fn failed(&mut self, e: EngineError) {
        log::warn!("automatic report not written: {e}");
        self.problem.get_or_insert_with(|| e.to_ipc());
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
        // `due_reports` lists a period's formats side by side: each period's
        // figures are read once and laid out in every format due.
        for group in due.chunk_by(|a, b| a.0 == b.0) {
            let period = group[0].0;
            let formats: Vec<ReportFormat> = group.iter().map(|(_, f)| *f).collect();
            match (&folder, language) {
                (Some(folder), Some(language)) => {
                    self.write_period(Path::new(folder), &period, &formats, language, &mut run)?;
                }
                _ => run.failed(EngineError::ReportFolderNotSet),
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

    /// Writes `period`'s report in each of `formats` from figures read
    /// once. A report not written is noted in `run` and stays due; only a
    /// store that cannot remember a written one stops the run.
    fn write_period(
        &self,
        folder: &Path,
        period: &ReportPeriod,
        formats: &[ReportFormat],
        language: Language,
        run: &mut AutoReportRun,
    ) -> Result<()> {
        if !folder.is_dir() {
            run.failed(EngineError::ReportFolderMissing(folder.to_path_buf()));
            return Ok(());
        }
        let (first, last) = (day(period.first), day(period.last));
        let contents = match self.report_contents(&first, &last) {
            Ok(contents) => contents,
            Err(e) => {
                run.failed(e);
                return Ok(());
            }
        };
        for &format in formats {
            let saved = self
                .report_file_name(&first, &last, format)
                .and_then(|name| contents.save(language, format, &free_path(folder, &name)));
            match saved {
                Ok(path) => self.remember_written(period, format, path, run)?,
                Err(e) => run.failed(e),
            }
        }
        Ok(())
    }

    /// Notes that `period` is written as `format`, so it is not written again.
    fn remember_written(
        &self,
        period: &ReportPeriod,
        format: ReportFormat,
        path: PathBuf,
        run: &mut AutoReportRun,
    ) -> Result<()> {
        self.store()?.set_workspace_setting(
            self.workspace_id,
            &written_key(period.kind, format),
            &day(period.last),
        )?;
        log::info!("automatic report written: {}", path.display());
        run.written.push(WrittenReport {
            kind: period.kind,
            first: period.first,
            last: period.last,
            format,
            path,
        });
        Ok(())
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
