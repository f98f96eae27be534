//! `jadwal-cli auto-reports`, run as a person or a script would run it, on a
//! real data folder: the choices set, shown back as the app's Settings would
//! read them, and bad values refused without changing anything.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::Cli;
use serde_json::{Value, json};

fn settings(cli: &Cli) -> Value {
    cli.json(&["auto-reports", "show"])["settings"].clone()
}

#[test]
fn set_then_show_gives_the_choices_back() {
    let cli = Cli::new();
    let before = cli.json(&["auto-reports", "show"]);
    assert_eq!(before["settings"]["enabled"], false);
    assert_eq!(before["settings"]["formats"], json!(["pdf"]));
    assert_eq!(before["lastOutcome"], Value::Null);

    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().display().to_string();
    let saved = cli.json(&[
        "auto-reports",
        "set",
        "--on",
        "--folder",
        &path,
        "--weekly",
        "off",
        "--monthly",
        "on",
        "--language",
        "id",
        "--pdf",
        "off",
        "--csv",
        "on",
    ]);
    let expected = json!({
        "enabled": true,
        "folder": path,
        "weekly": false,
        "monthly": true,
        "language": "id",
        "formats": ["csv"],
    });
    assert_eq!(saved["settings"], expected);
    assert_eq!(settings(&cli), expected, "kept in the data folder");

    // What is not given stays as it is.
    cli.json(&["auto-reports", "set", "--pdf", "on", "--off"]);
    let changed = settings(&cli);
    assert_eq!(changed["enabled"], false);
    assert_eq!(changed["formats"], json!(["pdf", "csv"]));
    assert_eq!(changed["folder"], path);
    assert_eq!(changed["language"], "id");

    let text = cli.run(&["auto-reports", "show"]);
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Automatic reports: off"), "{text}");
    assert!(text.contains(&format!("Folder: {path}")), "{text}");
    assert!(text.contains("Periods: monthly\n"), "{text}");
    assert!(text.contains("Formats: PDF, CSV"), "{text}");
    assert!(text.contains("Bahasa Indonesia"), "{text}");
    assert!(text.contains("Last run: none yet"), "{text}");
}

#[test]
fn a_relative_folder_is_saved_whole() {
    let cli = Cli::new();
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("Laporan")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jadwal-cli"))
        .current_dir(folder.path())
        .arg("--data-dir")
        .arg(cli.dir.path())
        .args([
            "--json",
            "auto-reports",
            "set",
            "--on",
            "--folder",
            "Laporan",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        settings(&cli)["folder"],
        folder.path().join("Laporan").display().to_string()
    );
}

#[test]
fn a_bad_value_is_refused_in_words_and_changes_nothing() {
    let cli = Cli::new();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().display().to_string();
    cli.json(&["auto-reports", "set", "--on", "--folder", &path]);
    let before = settings(&cli);

    // A folder that is not there.
    let gone = folder.path().join("gone").display().to_string();
    let out = cli.run(&["auto-reports", "set", "--folder", &gone]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(&gone) && said.contains("is not there"),
        "{said}"
    );
    let out = cli.run(&["--json", "auto-reports", "set", "--folder", &gone]);
    assert!(!out.status.success());
    let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["error"]["code"], "report_folder_missing");

    // A language reports are not written in, and a switch neither on nor off.
    let out = cli.run(&["auto-reports", "set", "--language", "fr", "--csv", "on"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("'fr'") && said.contains("en, id"), "{said}");
    let out = cli.run(&["auto-reports", "set", "--weekly", "maybe"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("neither on nor off"), "{said}");

    // Nothing to write.
    let out = cli.run(&["auto-reports", "set", "--weekly", "off", "--monthly", "off"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("pick weekly or monthly"), "{said}");

    // Nothing to change.
    let out = cli.run(&["auto-reports", "set"]);
    assert!(!out.status.success());

    assert_eq!(settings(&cli), before);
}

#[test]
fn a_report_is_saved_in_the_language_asked_for() {
    let cli = Cli::new();
    let out = cli.dir.path().join("laporan.csv");
    let saved = cli.json(&[
        "report",
        "--from",
        "2026-11-16",
        "--to",
        "2026-11-22",
        "--language",
        "id",
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(saved["report"], out.display().to_string());
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with("\u{feff}bagian,"), "{csv}");
    let english = cli.dir.path().join("report.csv");
    cli.json(&[
        "report",
        "--from",
        "2026-11-16",
        "--to",
        "2026-11-22",
        "--out",
        &english.display().to_string(),
    ]);
    let csv = std::fs::read_to_string(&english).unwrap();
    assert!(!csv.contains("bagian"), "English by default: {csv}");
}
