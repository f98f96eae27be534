//! `jadwal-cli agent` holds the data folder's scheduler lock: a second
//! scheduler (another agent, or the desktop app) refuses to start.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn a_second_scheduler_on_the_same_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cli = env!("CARGO_BIN_EXE_jadwal-cli");
    let mut first = Command::new(cli)
        .args(["agent", "--data-dir"])
        .arg(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until it says it is publishing: it holds the lock from then on.
    let mut line = String::new();
    BufReader::new(first.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains("publishing from"), "{line}");

    let second = Command::new(cli)
        .args(["--json", "agent", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!second.status.success());
    let err: serde_json::Value = serde_json::from_slice(&second.stdout).unwrap();
    assert_eq!(err["error"]["code"], "scheduler_busy");

    first.kill().unwrap();
    first.wait().unwrap();
    // The lock dies with the process: a new agent may start.
    let mut third = Command::new(cli)
        .args(["agent", "--data-dir"])
        .arg(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(third.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains("publishing from"), "{line}");
    third.kill().unwrap();
    third.wait().unwrap();
}

/// Automatic reports turned on (as the desktop app's Settings does) are
/// written by the agent: last week's report, at start.
#[test]
fn the_agent_writes_the_due_automatic_report() {
    use jadwal_engine::dto::{AutoReportSettings, Language};
    use jadwal_engine::report::ReportFormat;
    use jadwal_engine::{Engine, EngineConfig, SystemClock};
    use std::sync::Arc;

    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    {
        let engine = Engine::open(EngineConfig {
            data_dir: dir.path().to_path_buf(),
            clock: Arc::new(SystemClock),
            default_time_zone: "Asia/Jakarta".parse().unwrap(),
            secrets: Arc::new(jadwal_secrets::MemoryStore::new()),
        })
        .unwrap();
        engine
            .set_auto_reports(
                &AutoReportSettings {
                    enabled: true,
                    folder: Some(out.path().display().to_string()),
                    weekly: true,
                    monthly: false,
                    language: Language::En,
                    formats: vec![ReportFormat::Pdf],
                },
                Language::En,
            )
            .unwrap();
    }
    let mut agent = Command::new(env!("CARGO_BIN_EXE_jadwal-cli"))
        .args(["agent", "--data-dir"])
        .arg(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(agent.stderr.take().unwrap()).lines();
    let saved = lines
        .by_ref()
        .map_while(Result::ok)
        .find(|l| l.starts_with("report saved: ") || l.contains("could not be saved"));
    agent.kill().unwrap();
    agent.wait().unwrap();
    let saved = saved.expect("the agent said nothing about a report");
    let path = std::path::PathBuf::from(saved.trim_start_matches("report saved: "));
    assert_eq!(path.parent(), Some(out.path()), "{saved}");
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("My business ") && name.ends_with(".pdf"),
        "{name}"
    );
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF-"));
}
