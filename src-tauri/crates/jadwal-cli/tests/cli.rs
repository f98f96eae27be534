//! The command line, run as a person or a script would run it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use serde_json::Value;
use std::process::{Command, Output};

struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    fn new() -> Cli {
        Cli {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_jadwal-cli"))
            .arg("--data-dir")
            .arg(self.dir.path())
            .args(args)
            .env("TZ", "Asia/Jakarta")
            .output()
            .unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

#[test]
fn add_list_move_show_and_delete_a_post() {
    let cli = Cli::new();
    let ch = cli.json(&[
        "channels",
        "add",
        "--name",
        "Toko Bluesky",
        "--network",
        "bluesky",
    ]);
    assert_eq!(ch["network"], "bluesky");
    assert_eq!(ch["color"], "#1185fe");

    let saved = cli.json(&[
        "add",
        "--text",
        "Roti sobek keluar jam 9!",
        "--at",
        "2099-11-25T09:00",
        "--channel",
        "toko bluesky",
        "--schedule",
    ]);
    let id = saved["post"]["id"].as_i64().unwrap();
    assert_eq!(saved["post"]["status"], "scheduled");
    assert_eq!(saved["post"]["schedule"]["utc"], "2099-11-25T02:00:00Z");

    let list = cli.json(&["list", "--from", "2099-11-01", "--to", "2099-11-25"]);
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "--to includes its own day"
    );
    assert_eq!(list[0]["start"], "2099-11-25T09:00");

    let moved = cli.json(&["move", &id.to_string(), "--to", "2099-11-27T10:30"]);
    assert_eq!(moved["post"]["schedule"]["local"], "2099-11-27T10:30");
    assert!(
        cli.json(&["list", "--from", "2099-11-01", "--to", "2099-11-26"])
            .as_array()
            .unwrap()
            .is_empty()
    );

    let shown = cli.run(&["show", &id.to_string()]);
    let text = String::from_utf8(shown.stdout).unwrap();
    assert!(
        text.contains("Roti sobek keluar jam 9!") && text.contains("2099-11-27 10:30 Asia/Jakarta"),
        "{text}"
    );

    assert_eq!(cli.json(&["delete", &id.to_string()])["deleted"], id);
    assert!(
        cli.json(&["list", "--from", "2099-11-01", "--to", "2099-11-30"])
            .as_array()
            .unwrap()
            .is_empty()
    );

    cli.json(&["add", "--text", "ide konten"]);
    let tray = cli.json(&["list", "--tray"]);
    assert_eq!(tray[0]["excerpt"], "ide konten");
    assert_eq!(tray[0]["start"], Value::Null);
}

#[test]
fn bad_input_gets_a_clear_message_and_a_failing_exit_code() {
    let cli = Cli::new();
    let out = cli.run(&["--json", "add", "--text", "x", "--at", "2026-02-30T10:00"]);
    assert!(!out.status.success());
    let err: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(err["error"]["code"], "invalid_date_time");
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("2026-02-30T10:00")
    );

    let out = cli.run(&["add", "--text", "x", "--channel", "Instagram"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no channel or label named “Instagram”"));

    let out = cli.run(&["show", "404"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("post 404 does not exist"));

    let out = cli.run(&["channels", "add", "--name", "x", "--network", "myspace"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a network Jadwal knows"));
}

#[test]
fn a_damaged_data_file_is_refused_with_its_path_and_kept() {
    let cli = Cli::new();
    let file = cli.dir.path().join("jadwal.sqlite3");
    std::fs::write(
        &file,
        b"not a database at all, but it must survive".repeat(100),
    )
    .unwrap();
    let out = cli.run(&["--json", "list", "--tray"]);
    assert!(!out.status.success());
    let err: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(err["error"]["code"], "store_corrupt");
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("jadwal.sqlite3")
    );
    assert!(std::fs::read(&file).unwrap().starts_with(b"not a database"));
}

#[test]
fn a_post_published_by_hand_is_marked_from_the_command_line() {
    let cli = Cli::new();
    cli.json(&[
        "channels",
        "add",
        "--name",
        "Instagram toko",
        "--network",
        "instagram",
    ]);
    let saved = cli.json(&[
        "add",
        "--text",
        "Batik tulis baru",
        "--channel",
        "instagram toko",
    ]);
    let id = saved["post"]["id"].as_i64().unwrap().to_string();

    let not_web = cli.run(&[
        "mark-posted",
        &id,
        "--channel",
        "instagram toko",
        "--url",
        "javascript:alert(1)",
    ]);
    assert!(!not_web.status.success());
    assert!(
        String::from_utf8_lossy(&not_web.stdout).contains("not a web address")
            || String::from_utf8_lossy(&not_web.stderr).contains("not a web address"),
        "{not_web:?}"
    );

    let done = cli.json(&[
        "mark-posted",
        &id,
        "--channel",
        "instagram toko",
        "--url",
        "https://www.instagram.com/p/Cxyz/",
    ]);
    assert_eq!(done[0]["published"], true);
    assert_eq!(done[0]["url"], "https://www.instagram.com/p/Cxyz/");
    let shown = cli.json(&["show", &id]);
    assert_eq!(shown["status"], "published");
    let log = cli.json(&["log", &id]);
    assert_eq!(log[0]["url"], "https://www.instagram.com/p/Cxyz/");
}

#[test]
fn a_long_post_can_be_added_as_a_thread() {
    let cli = Cli::new();
    cli.json(&["channels", "add", "--name", "Batik", "--network", "bluesky"]);
    let long = "Setiap motif batik punya makna. ".repeat(20);
    let plain = cli.json(&["add", "--text", &long, "--channel", "batik"]);
    assert_eq!(plain["post"]["targets"][0]["asThread"], false);
    let thread = cli.json(&["add", "--text", &long, "--channel", "batik", "--thread"]);
    assert_eq!(thread["post"]["targets"][0]["asThread"], true);
    let id = thread["post"]["id"].to_string();
    let shown = cli.json(&["show", &id]);
    assert_eq!(shown["targets"][0]["asThread"], true, "{shown}");
}
