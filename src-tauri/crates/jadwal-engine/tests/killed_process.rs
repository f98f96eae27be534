//! A process killed (SIGKILL) in the middle of saving loses at most the save
//! in flight, never one it reported done, and never damages the file.
//!
//! The test runs itself again as a child that saves posts as fast as it can
//! and prints each saved id; the parent kills it at a random moment, then
//! opens the data folder and checks.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // the child reports on stdout; a panic is how a test reports
#![cfg(unix)]

mod common;

use common::{input, utc};
use jadwal_domain::PostStatus;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "JADWAL_KILL_TEST_DIR";

/// The child's work. Ignored in a normal run; the parent starts it explicitly.
#[test]
#[ignore = "started by killing_the_process_mid_save_loses_nothing_saved"]
fn child_saves_until_killed() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let clock = std::sync::Arc::new(jadwal_engine::FixedClock::new(utc(2026, 11, 1, 0, 0)));
    let engine = jadwal_engine::Engine::open(jadwal_engine::EngineConfig {
        data_dir: dir.into(),
        clock,
        default_time_zone: "Asia/Jakarta".parse().unwrap(),
        secrets: std::sync::Arc::new(jadwal_secrets::MemoryStore::new()),
    })
    .unwrap();
    for i in 0.. {
        let text = format!("post {i}: {}", "teks panjang ".repeat(50));
        let id = engine
            .create_post(&input(
                &text,
                PostStatus::Draft,
                Some("2026-11-20T10:00"),
                &[],
            ))
            .unwrap()
            .post
            .id;
        engine.reschedule_post(id, "2026-11-21T11:00").unwrap();
        println!("saved {id}");
    }
}

/// The id in a "saved N" line. The test harness may print its own words
/// before it on the same line.
fn saved_id(line: &str) -> Option<i64> {
    line.rsplit_once("saved ")
        .and_then(|(_, id)| id.trim().parse().ok())
}

#[test]
fn killing_the_process_mid_save_loses_nothing_saved() {
    let me = std::env::current_exe().unwrap();
    let mut seed: u64 = std::process::id() as u64 ^ 0x9e37_79b9_7f4a_7c15;
    for round in 0..12 {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(&me)
            .args([
                "--exact",
                "child_saves_until_killed",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Let it save for a while first, then kill it at a random moment.
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let extra = Duration::from_micros((seed >> 33) % 20_000);
        let stdout = child.stdout.take().unwrap();
        let mut reported = Vec::new();
        let mut lines = BufReader::new(stdout).lines();
        let started = Instant::now();
        while reported.len() < 20 && started.elapsed() < Duration::from_secs(30) {
            match lines.next() {
                Some(Ok(line)) => {
                    reported.extend(saved_id(&line));
                }
                _ => break,
            }
        }
        std::thread::sleep(extra);
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reported.extend(lines.map_while(Result::ok).filter_map(|l| saved_id(&l)));
        assert!(
            reported.len() >= 20,
            "round {round}: the child saved too little to test ({reported:?})"
        );

        let store = jadwal_store::Store::open(dir.path()).unwrap();
        let check: String = store
            .connection()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}");
        for id in &reported {
            let p = store
                .post(*id)
                .unwrap_or_else(|e| panic!("round {round}: saved post {id} is gone: {e}"));
            assert!(p.text.starts_with("post "), "round {round}");
            assert_eq!(
                p.schedule.unwrap().at,
                utc(2026, 11, 21, 4, 0),
                "round {round}: post {id} lost its move"
            );
        }
        let stored: i64 = store
            .connection()
            .query_row("SELECT count(*) FROM post", [], |r| r.get(0))
            .unwrap();
        let reported_count = reported.len() as i64;
        assert!(
            stored == reported_count || stored == reported_count + 1,
            "round {round}: {stored} posts stored, {reported_count} reported saved: {:?}",
            &reported[reported.len().saturating_sub(5)..]
        );
    }
}
