//! How the keychain fails, for real: no session bus, a bus without a Secret
//! Service, a locked keyring. keyring connects to the platform store once per
//! process, so each case runs this test binary again as a child process
//! (`child_probe`) in the environment the case needs.
//!
//! The no-bus case needs nothing installed and runs in every `cargo test` on
//! Linux; the others need the keyring session of `tests/with-keyring.sh`:
//!
//! ```text
//! bash src-tauri/crates/jadwal-secrets/tests/with-keyring.sh \
//!     cargo test -p jadwal-secrets -- --ignored
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]
// The child processes report to the parent test on stdout.
#![allow(clippy::print_stdout)]

use std::process::Command;

use jadwal_secrets::{Keychain, Secret, SecretStore};

const HOW_TO_RUN: &str = "this test needs a real Secret Service; run it as \
     `bash src-tauri/crates/jadwal-secrets/tests/with-keyring.sh cargo test -p jadwal-secrets -- --ignored`";

/// Set (to the case's name) in the child processes this file starts.
const CHILD_CASE: &str = "JADWAL_SECRETS_CHILD_CASE";

fn in_keyring_session() -> bool {
    std::env::var_os("JADWAL_KEYRING_SESSION").is_some()
}

/// Without a session bus there is no keychain: the store says so in words
/// and stores nothing (no plaintext fallback).
#[cfg(target_os = "linux")]
#[test]
fn without_a_session_bus_the_keychain_is_missing() {
    let out = run_child(
        "no_bus",
        &[(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/jadwal-test-bus",
        )],
        false,
    );
    assert!(out.contains("code=keychain_missing"), "{out}");
    assert!(out.contains("no keychain to keep passwords in"), "{out}");
    println!("{out}");
}

/// A session bus with no Secret Service on it (and none to activate): the
/// keychain "did not answer", which is not the same as a missing bus.
#[test]
#[ignore = "needs a Secret Service: run via tests/with-keyring.sh"]
fn a_bus_without_a_keyring_service_fails_in_words() {
    assert!(in_keyring_session(), "{HOW_TO_RUN}");
    let out = run_child("no_service", &[], true);
    assert!(out.contains("code=keychain_failed"), "{out}");
    assert!(out.contains("Check that a keyring service"), "{out}");
    assert!(out.contains("org.freedesktop.secrets"), "{out}");
    println!("{out}");
}

/// A locked keyring refuses to give out or take secrets until unlocked. The
/// throwaway keyring stays locked afterwards (there is no one to type its
/// password into a prompt), which is why this binary runs after keychain.rs.
#[test]
#[ignore = "needs a Secret Service: run via tests/with-keyring.sh"]
fn a_locked_keyring_is_reported_as_locked() {
    assert!(in_keyring_session(), "{HOW_TO_RUN}");
    let out = run_child("locked", &[], false);
    assert!(out.contains("code=keychain_locked"), "{out}");
    assert!(out.contains("The keychain is locked"), "{out}");
}

/// The body of the child processes: does one thing against whatever platform
/// the parent set up and prints `code=…` and the message. Does nothing when
/// run on its own.
#[test]
#[ignore = "needs a Secret Service: run via tests/with-keyring.sh"]
fn child_probe() {
    let Ok(case) = std::env::var(CHILD_CASE) else {
        return;
    };
    let service = format!("id.jadwal.app.test.child.{}", std::process::id());
    let keychain = Keychain::new(&service).unwrap();
    let account = "bluesky/channel-1/app-password";
    if case == "locked" {
        keychain
            .set(account, &Secret::new("sebelum-dikunci"))
            .unwrap();
        lock_all_collections();
    }
    let result = keychain
        .set(account, &Secret::new("harus-ditolak"))
        .and_then(|()| keychain.get(account).map(|_| ()));
    match result {
        Ok(()) => println!("code=ok"),
        Err(e) => println!("code={} message={e}", e.code()),
    }
}

/// Runs `child_probe` in a new process of this test binary.
fn run_child(case: &str, env: &[(&str, &str)], private_bus_without_services: bool) -> String {
    let exe = std::env::current_exe().unwrap();
    // Lives until the child has finished; holds the bare bus's config.
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = if private_bus_without_services {
        // A session bus of its own whose config lists no service folders, so
        // nothing can be activated on it: the bus is there, the keyring not.
        let config = dir.path().join("session.conf");
        std::fs::write(&config, BARE_SESSION_BUS).unwrap();
        let mut cmd = Command::new("dbus-run-session");
        cmd.arg(format!("--config-file={}", config.display()))
            .arg("--")
            .arg(&exe);
        cmd
    } else {
        Command::new(&exe)
    };
    cmd.args([
        "child_probe",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD_CASE, case);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "child {case} failed:\n{text}");
    text
}

const BARE_SESSION_BUS: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

/// Locks every collection through the Secret Service's own Lock call, as a
/// screen lock would.
fn lock_all_collections() {
    let out = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.secrets",
            "/org/freedesktop/secrets",
            "org.freedesktop.Secret.Service.Lock",
            "array:objpath:/org/freedesktop/secrets/collection/login",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
