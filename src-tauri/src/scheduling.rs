//! Starts the engine's scheduler with the app, so scheduled posts go out
//! while the window is open, unless `jadwal-cli agent` already publishes
//! from the same data folder.

use jadwal_engine::Engine;
use jadwal_engine::auto_reports::{AutoReportRun, run_auto_reports};
use jadwal_engine::dto::Language;
use jadwal_engine::metrics::run_metrics_refresher;
use jadwal_engine::scheduler::{PassReport, SchedulerLock, SchedulerSettings, run_scheduler};
use std::sync::Arc;
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::watch;

/// Kept for the app's lifetime: dropping it stops the scheduler and frees
/// the data folder for another one.
pub struct SchedulerHandle {
    _lock: SchedulerLock,
    _stop: watch::Sender<bool>,
}

/// Whether this app publishes the scheduled posts (rather than a
/// `jadwal-cli agent` that holds the data folder, and goes on without it).
pub fn publishes_here<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<SchedulerHandle>().is_some()
}

pub fn start<R: Runtime>(app: &AppHandle<R>, engine: Arc<Engine>, system_language: Language) {
    let lock = match SchedulerLock::acquire(engine.data_dir()) {
        Ok(lock) => lock,
        Err(e) => {
            // Planning still works; publishing stays with the other scheduler.
            log::warn!("not publishing from this window: {e}");
            return;
        }
    };
    let (stop, stopped) = watch::channel(false);
    // Figures are fetched by whoever publishes, so two Jadwals on one data
    // folder never both ask the networks.
    tauri::async_runtime::spawn(run_metrics_refresher(
        engine.clone(),
        stopped.clone(),
        |report| log::info!("metrics refreshed for {} channels", report.channels.len()),
    ));
    // Reports too: written by whoever publishes, so never twice.
    let reporter = app.clone();
    let reader = engine.clone();
    tauri::async_runtime::spawn(run_auto_reports(
        engine.clone(),
        stopped.clone(),
        move |run| {
            let lang = reader
                .outlook(system_language)
                .map_or(system_language, |o| o.language);
            notify_reports(&reporter, run, lang);
        },
    ));
    let notifier = app.clone();
    let speaker = engine.clone();
    tauri::async_runtime::spawn(run_scheduler(
        engine,
        SchedulerSettings::default(),
        stopped,
        move |report| {
            if !(report.published.is_empty() && report.failed.is_empty() && report.held.is_empty())
            {
                log::info!(
                    "scheduler: published {:?}, failed {:?}, waiting for you {:?}, retrying {:?}",
                    report.published,
                    report.failed,
                    report.held,
                    report.retrying
                );
                // The person's language now (they may have switched it).
                let lang = speaker
                    .outlook(system_language)
                    .map_or(system_language, |o| o.language);
                notify(&notifier, report, lang);
            }
        },
    ));
    app.manage(SchedulerHandle {
        _lock: lock,
        _stop: stop,
    });
}

/// A desktop notification per pass that changed something the person must
/// know: what went out, what failed, what waits for them. A click opens the
/// post it is about ([`post_to_open`]).
fn notify<R: Runtime>(app: &AppHandle<R>, report: &PassReport, lang: Language) {
    let Some(body) = crate::texts::pass_summary(
        lang,
        report.published.len(),
        report.failed.len(),
        report.held.len(),
    ) else {
        return;
    };
    crate::notify::show(app, "Jadwal", &body, post_to_open(report));
}

/// One notification per report period written ("November 2026 report
/// saved"); the problem, when there was one, is shown in Settings.
fn notify_reports<R: Runtime>(app: &AppHandle<R>, run: &AutoReportRun, lang: Language) {
    for body in crate::texts::reports_saved(lang, run) {
        crate::notify::show(app, "Jadwal", &body, None);
    }
}

/// The post a click on the pass's notification opens: what most needs the
/// person (a failure, then one waiting for them, then one that went out).
fn post_to_open(report: &PassReport) -> Option<i64> {
    report
        .failed
        .first()
        .or(report.held.first())
        .or(report.published.first())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_opens_what_most_needs_the_person() {
        let mut report = PassReport {
            published: vec![3, 4],
            ..PassReport::default()
        };
        assert_eq!(post_to_open(&report), Some(3));
        report.held = vec![7];
        assert_eq!(post_to_open(&report), Some(7));
        report.failed = vec![9, 2];
        assert_eq!(post_to_open(&report), Some(9));
        assert_eq!(post_to_open(&PassReport::default()), None);
    }
}
