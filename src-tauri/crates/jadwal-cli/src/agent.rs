//! `jadwal-cli agent`: the desktop app's scheduler, headless, until Ctrl+C.

#![allow(clippy::print_stderr)] // progress for the person watching the terminal

use jadwal_engine::auto_reports::run_auto_reports;
use jadwal_engine::metrics::run_metrics_refresher;
use jadwal_engine::scheduler::{SchedulerLock, SchedulerSettings, run_scheduler};
use jadwal_engine::{Engine, EngineError};
use std::io::Write;
use std::sync::Arc;
use tokio::sync::watch;

use crate::output::Output;
use crate::run::{CliError, block_on};

pub fn run(engine: Engine) -> Result<Output, CliError> {
    // Held until this function returns: no other scheduler may publish
    // from the folder meanwhile, the desktop app included.
    let _lock = SchedulerLock::acquire(engine.data_dir())?;
    let engine = Arc::new(engine);
    eprintln!(
        "jadwal-cli agent: publishing from {}; Ctrl+C stops",
        engine.data_dir().display()
    );
    block_on(async move {
        let (stop, stopped) = watch::channel(false);
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                let _ = stop.send(true);
            }
        });
        let refresher = run_metrics_refresher(engine.clone(), stopped.clone(), |report| {
            // Whoever watched the start may have gone (a closed pipe): a
            // line nobody reads must not end the agent.
            let _ = writeln!(
                std::io::stderr(),
                "fetched figures for {} channels",
                report.channels.len()
            );
        });
        // The automatic reports the desktop app's Settings turned on.
        let reporter = run_auto_reports(engine.clone(), stopped.clone(), |run| {
            for written in &run.written {
                let _ = writeln!(
                    std::io::stderr(),
                    "report saved: {}",
                    written.path.display()
                );
            }
            if let Some(problem) = &run.problem {
                let _ = writeln!(
                    std::io::stderr(),
                    "a report could not be saved (tried again later): {}",
                    problem.message
                );
            }
        });
        let scheduler = run_scheduler(engine, SchedulerSettings::default(), stopped, |report| {
            for id in &report.published {
                eprintln!("published post #{id}");
            }
            for id in &report.failed {
                eprintln!("post #{id} failed; see `jadwal-cli show {id}`");
            }
            for id in &report.held {
                eprintln!("post #{id} waits for your decision (missed, or posted with your help)");
            }
        });
        tokio::join!(scheduler, refresher, reporter);
        Ok::<(), EngineError>(())
    })?;
    Ok(Output::Stopped)
}
