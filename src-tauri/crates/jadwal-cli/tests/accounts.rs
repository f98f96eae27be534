//! Connecting a Bluesky account and publishing from the command line, with
//! the real OS keychain and a real PDS on loopback:
//!
//! ```text
//! bash src-tauri/crates/jadwal-secrets/tests/with-keyring.sh \
//!   bash src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh \
//!   cargo test -p jadwal-cli --test accounts -- --ignored
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("needs the keychain and a local PDS: run via with-keyring.sh and with-pds.sh")
    })
}

fn cli(dir: &std::path::Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jadwal-cli"))
        .arg("--data-dir")
        .arg(dir)
        .arg("--json")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
#[ignore = "needs the keychain and a local PDS: run via with-keyring.sh and with-pds.sh"]
fn connect_with_the_password_on_stdin_and_publish() {
    let (url, handle, password) = (
        var("JADWAL_TEST_PDS_URL"),
        var("JADWAL_TEST_PDS_HANDLE"),
        var("JADWAL_TEST_PDS_APP_PASSWORD"),
    );
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        cli(
            d,
            &["channels", "add", "--name", "Toko", "--network", "bluesky"],
            ""
        )
        .status
        .success()
    );

    let connect = [
        "accounts",
        "connect-bluesky",
        "--channel",
        "Toko",
        "--identifier",
        &handle,
        "--service",
        &url,
    ];
    let wrong = cli(d, &connect, "not-the-password\n");
    assert!(!wrong.status.success());
    assert_eq!(json(&wrong)["error"]["code"], "wrong_password");
    assert!(!String::from_utf8_lossy(&wrong.stdout).contains("not-the-password"));
    let empty = cli(d, &connect, "\n");
    assert_eq!(json(&empty)["error"]["code"], "empty_secret");

    let ok = cli(d, &connect, &format!("{password}\n"));
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    assert_eq!(json(&ok)["handle"], handle.as_str());
    let accounts = json(&cli(d, &["accounts", "list"], ""));
    assert_eq!(accounts[0]["status"], "connected");
    assert!(
        !accounts.to_string().contains(&password),
        "the password never comes back"
    );

    let added = json(&cli(
        d,
        &[
            "add",
            "--text",
            "Halo dari baris perintah",
            "--channel",
            "Toko",
        ],
        "",
    ));
    let id = added["post"]["id"].to_string();
    let published = cli(d, &["publish", &id], "");
    assert!(
        published.status.success(),
        "{}",
        String::from_utf8_lossy(&published.stdout)
    );
    let results = json(&published);
    assert_eq!(results[0]["published"], true);
    assert!(results[0]["url"].as_str().unwrap().contains("/post/"));

    assert!(
        cli(d, &["accounts", "disconnect", "--channel", "Toko"], "")
            .status
            .success()
    );
    assert_eq!(
        json(&cli(d, &["accounts", "list"], ""))
            .as_array()
            .unwrap()
            .len(),
        0
    );
}
