//! Starts the engine's scheduler with the app, so scheduled posts go out
//! while the window is open, unless `jadwal-cli agent` already publishes
//! from the same data folder.

use jadwal_engine::Engine;
use jadwal_engine::scheduler::{SchedulerLock, SchedulerSettings, run_scheduler};
use std::sync::Arc;
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::watch;

/// Kept for the app's lifetime: dropping it stops the scheduler and frees
/// the data folder for another one.
pub struct SchedulerHandle {
    _lock: SchedulerLock,
    _stop: watch::Sender<bool>,
}

pub fn start<R: Runtime>(app: &AppHandle<R>, engine: Arc<Engine>) {
    let lock = match SchedulerLock::acquire(engine.data_dir()) {
        Ok(lock) => lock,
        Err(e) => {
            // Planning still works; publishing stays with the other scheduler.
            log::warn!("not publishing from this window: {e}");
            return;
        }
    };
    let (stop, stopped) = watch::channel(false);
    tauri::async_runtime::spawn(run_scheduler(
        engine,
        SchedulerSettings::default(),
        stopped,
        |report| {
            if !(report.published.is_empty() && report.failed.is_empty() && report.held.is_empty())
            {
                log::info!(
                    "scheduler: published {:?}, failed {:?}, waiting for you {:?}, retrying {:?}",
                    report.published,
                    report.failed,
                    report.held,
                    report.retrying
                );
            }
        },
    ));
    app.manage(SchedulerHandle {
        _lock: lock,
        _stop: stop,
    });
}
