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
