//! `jadwal-cli`: Jadwal without a window, on the same engine and data folder
//! as the desktop app. For scripts, bulk work and always-on machines.

mod agent;
mod args;
mod auto_reports;
mod auto_reports_output;
mod media;
mod media_output;
mod metrics;
mod metrics_output;
mod output;
mod paid;
mod paid_output;
mod run;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let json = cli.json;
    match run::run(cli) {
        Ok(out) => {
            output::print_ok(&out, json);
            // A publish that left a channel without the post is a failure for scripts.
            if out.is_partial_failure() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            output::print_err(&e, json);
            ExitCode::FAILURE
        }
    }
}
