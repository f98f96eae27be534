//! The schedule that writes automatic reports, beside the publisher and the
//! figure refresher (in the app and in `jadwal-cli agent`, whichever
//! publishes, so two never write the same report).

use chrono::{DateTime, Duration, Utc};
use std::sync::Arc;
use tokio::sync::watch;

use super::AutoReportRun;
use crate::Engine;

/// How often the schedule looks for due reports. Cheap (a few settings
/// read); it also notices a computer waking from sleep within a minute.
const LOOK_EVERY: std::time::Duration = std::time::Duration::from_secs(60);
/// After a run that met a problem (the folder gone, the disk full), the
/// reports it left are tried again this much later, or as soon as the
/// settings change.
pub const RETRY_AFTER: Duration = Duration::hours(1);

/// Writes due reports until `stop` turns true: at start, whenever a period
/// ends, and at once after the settings change. Rendering a report is CPU
/// and file work, so it runs on a blocking thread. `on_run` hears every run
/// that wrote something or met a problem.
pub async fn run_auto_reports(
    engine: Arc<Engine>,
    mut stop: watch::Receiver<bool>,
    on_run: impl Fn(&AutoReportRun) + Send + 'static,
) {
    let mut retry_at: Option<DateTime<Utc>> = None;
    loop {
        let now = engine.clock.now();
        if retry_at.is_none_or(|at| at <= now) {
            retry_at = None;
            let worker = engine.clone();
            match tokio::task::spawn_blocking(move || worker.write_due_reports(now)).await {
                Ok(Ok(run)) => {
                    if run.problem.is_some() {
                        retry_at = Some(now + RETRY_AFTER);
                    }
                    if !run.is_empty() {
                        on_run(&run);
                    }
                }
                Ok(Err(e)) => {
                    log::warn!("automatic reports not checked: {e}");
                    retry_at = Some(now + RETRY_AFTER);
                }
                Err(e) => log::warn!("automatic reports stopped short: {e}"),
            }
        }
        tokio::select! {
            () = tokio::time::sleep(LOOK_EVERY) => {}
            () = engine.auto_reports_nudge.notified() => retry_at = None,
            changed = stop.changed() => {
                if changed.is_err() || *stop.borrow() {
                    break;
                }
            }
        }
    }
}
