//! Reports written by themselves at the end of each week and month, on a
//! real data folder and a real folder of reports, with a clock the test
//! moves. The shop is in Jakarta (UTC+7): its Monday begins at 17:00 UTC on
//! the Sunday.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::{World, open, utc, world};
use jadwal_engine::Clock;
use jadwal_engine::auto_reports::run_auto_reports;
use jadwal_engine::dto::{AutoReportSettings, Language};
use jadwal_engine::report::ReportFormat;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

fn settings(
    folder: &Path,
    weekly: bool,
    monthly: bool,
    formats: &[ReportFormat],
) -> AutoReportSettings {
    AutoReportSettings {
        enabled: true,
        folder: Some(folder.display().to_string()),
        weekly,
        monthly,
        language: Language::Id,
        formats: formats.to_vec(),
    }
}

/// The names in `folder`, sorted.
fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn shop(now: chrono::DateTime<chrono::Utc>) -> (World, tempfile::TempDir) {
    (world("Asia/Jakarta", now), tempfile::tempdir().unwrap())
}

#[test]
fn a_week_is_written_at_its_end_in_the_shop_zone_and_only_once() {
    // Sunday 22 November, 23:00 in Jakarta.
    let (w, out) = shop(utc(2026, 11, 22, 16, 0));
    let e = &w.engine;
    assert!(
        e.write_due_reports(w.clock.now()).unwrap().is_empty(),
        "off: nothing"
    );
    e.set_auto_reports(
        &settings(out.path(), true, false, &[ReportFormat::Pdf]),
        Language::En,
    )
    .unwrap();

    // Turned on: the last finished week (9–15 November) is caught up.
    let run = e.write_due_reports(w.clock.now()).unwrap();
    assert_eq!(run.written.len(), 1, "{run:?}");
    assert_eq!(
        names(out.path()),
        ["My business 2026-11-09 to 2026-11-15.pdf"]
    );

    // 16:59 UTC is still Sunday in Jakarta: this week is not over.
    w.clock.set(utc(2026, 11, 22, 16, 59));
    assert!(e.write_due_reports(w.clock.now()).unwrap().is_empty());
    // Monday 00:00 in Jakarta.
    w.clock.set(utc(2026, 11, 22, 17, 0));
    let run = e.write_due_reports(w.clock.now()).unwrap();
    let written = &run.written[0].path;
    assert_eq!(
        written,
        &out.path().join("My business 2026-11-16 to 2026-11-22.pdf")
    );
    let pdf = std::fs::read(written).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(
        e.write_due_reports(w.clock.now()).unwrap().is_empty(),
        "once"
    );

    // Reopened (a restart), an hour later: still nothing new.
    let clock = w.clock.clone();
    clock.set(utc(2026, 11, 22, 18, 0));
    let reopened = open(&w.dir, &clock, "Asia/Jakarta");
    assert!(reopened.write_due_reports(clock.now()).unwrap().is_empty());
    assert_eq!(names(out.path()).len(), 2);

    let shown = reopened.auto_reports(Language::En).unwrap();
    assert!(shown.settings.enabled);
    assert_eq!(shown.settings.language, Language::Id);
    let outcome = shown.last_outcome.unwrap();
    assert_eq!(outcome.written, [written.display().to_string()]);
    assert!(outcome.problem.is_none());
}

#[test]
fn after_a_long_absence_only_the_latest_week_and_month_are_written() {
    let (w, out) = shop(utc(2026, 11, 23, 3, 0));
    let both = [ReportFormat::Pdf, ReportFormat::Csv];
    w.engine
        .set_auto_reports(&settings(out.path(), true, true, &both), Language::En)
        .unwrap();
    w.engine.write_due_reports(w.clock.now()).unwrap();
    assert_eq!(
        names(out.path()),
        [
            "My business 2026-10-01 to 2026-10-31.csv",
            "My business 2026-10-01 to 2026-10-31.pdf",
            "My business 2026-11-16 to 2026-11-22.csv",
            "My business 2026-11-16 to 2026-11-22.pdf",
        ]
    );
    // The computer stays off until 10 March: one week and one month, not
    // the fifteen weeks and three months in between.
    w.clock.set(utc(2027, 3, 10, 3, 0));
    let run = w.engine.write_due_reports(w.clock.now()).unwrap();
    assert_eq!(run.written.len(), 4);
    let all = names(out.path());
    assert_eq!(all.len(), 8, "{all:?}");
    assert!(all.contains(&"My business 2027-02-01 to 2027-02-28.pdf".to_owned()));
    assert!(all.contains(&"My business 2027-03-01 to 2027-03-07.csv".to_owned()));

    // The clock set back to December writes nothing again.
    w.clock.set(utc(2026, 12, 20, 3, 0));
    assert!(
        w.engine
            .write_due_reports(w.clock.now())
            .unwrap()
            .is_empty()
    );
    assert_eq!(names(out.path()).len(), 8);
}

#[test]
fn a_period_due_as_pdf_and_csv_is_written_in_each_as_the_results_dialog_saves_it() {
    let (w, out) = shop(utc(2026, 11, 23, 3, 0));
    let both = [ReportFormat::Pdf, ReportFormat::Csv];
    w.engine
        .set_auto_reports(&settings(out.path(), true, false, &both), Language::Id)
        .unwrap();
    let run = w.engine.write_due_reports(w.clock.now()).unwrap();
    assert!(run.problem.is_none(), "{run:?}");
    assert_eq!(
        names(out.path()),
        [
            "My business 2026-11-16 to 2026-11-22.csv",
            "My business 2026-11-16 to 2026-11-22.pdf",
        ]
    );
    // Each file holds what the Results dialog saves for that week, format
    // and language: the figures read once are laid out as each format.
    for written in &run.written {
        let alone = w
            .engine
            .render_report("2026-11-16", "2026-11-22", Language::Id, written.format)
            .unwrap();
        let file = std::fs::read(&written.path).unwrap();
        assert!(file == alone, "{:?} differs", written.format);
    }
    let csv = std::fs::read_to_string(out.path().join("My business 2026-11-16 to 2026-11-22.csv"))
        .unwrap();
    // In the language chosen for the reports, not the app's.
    assert!(csv.starts_with("\u{feff}bagian,"), "{csv}");
    assert!(csv.contains("Tingkat interaksi"), "{csv}");
    let pdf = std::fs::read(out.path().join("My business 2026-11-16 to 2026-11-22.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn a_file_already_there_is_kept_and_the_report_gets_another_name() {
    let (w, out) = shop(utc(2026, 11, 23, 3, 0));
    let mine = out.path().join("My business 2026-11-16 to 2026-11-22.pdf");
    std::fs::write(&mine, b"my own notes").unwrap();
    w.engine
        .set_auto_reports(
            &settings(out.path(), true, false, &[ReportFormat::Pdf]),
            Language::En,
        )
        .unwrap();
    let run = w.engine.write_due_reports(w.clock.now()).unwrap();
    assert_eq!(
        run.written[0].path,
        out.path()
            .join("My business 2026-11-16 to 2026-11-22 (2).pdf")
    );
    assert_eq!(std::fs::read(&mine).unwrap(), b"my own notes");
}

#[test]
fn a_folder_gone_is_said_in_words_and_the_report_is_written_when_it_is_back() {
    let (w, out) = shop(utc(2026, 11, 23, 3, 0));
    let folder: PathBuf = out.path().join("Laporan");
    std::fs::create_dir(&folder).unwrap();
    w.engine
        .set_auto_reports(
            &settings(&folder, false, true, &[ReportFormat::Pdf]),
            Language::En,
        )
        .unwrap();
    // The drive is unplugged before the month's report is written.
    std::fs::remove_dir(&folder).unwrap();
    let run = w.engine.write_due_reports(w.clock.now()).unwrap();
    assert!(run.written.is_empty());
    let problem = run.problem.unwrap();
    assert_eq!(problem.code, "report_folder_missing");
    assert_eq!(problem.params["path"], folder.display().to_string());
    assert!(problem.message.contains("Laporan"), "{}", problem.message);
    let shown = w.engine.auto_reports(Language::En).unwrap();
    assert_eq!(
        shown.last_outcome.unwrap().problem.unwrap().code,
        "report_folder_missing"
    );

    // Back an hour later: October's report is still due, and written.
    std::fs::create_dir(&folder).unwrap();
    w.clock.set(utc(2026, 11, 23, 4, 0));
    let run = w.engine.write_due_reports(w.clock.now()).unwrap();
    assert!(run.problem.is_none());
    assert_eq!(names(&folder), ["My business 2026-10-01 to 2026-10-31.pdf"]);
    let outcome = w
        .engine
        .auto_reports(Language::En)
        .unwrap()
        .last_outcome
        .unwrap();
    assert!(outcome.problem.is_none(), "the last outcome is the success");
}

#[test]
fn a_folder_that_cannot_be_written_gives_the_report_code_and_retries() {
    let (w, out) = shop(utc(2026, 11, 23, 3, 0));
    w.engine
        .set_auto_reports(
            &settings(out.path(), true, false, &[ReportFormat::Csv]),
            Language::En,
        )
        .unwrap();
    // The report is written beside its name first; where that cannot be
    // created (a folder in its way: permissions do not stop the root user
    // these tests may run as), the report cannot be saved.
    let blocker = out
        .path()
        .join(".My business 2026-11-16 to 2026-11-22.csv.partial");
    std::fs::create_dir(&blocker).unwrap();
    let problem = w
        .engine
        .write_due_reports(w.clock.now())
        .unwrap()
        .problem
        .unwrap();
    assert_eq!(problem.code, "report_unwritable");
    assert!(
        !out.path()
            .join("My business 2026-11-16 to 2026-11-22.csv")
            .exists()
    );

    std::fs::remove_dir(&blocker).unwrap();
    let run = w.engine.write_due_reports(w.clock.now()).unwrap();
    assert_eq!(run.written.len(), 1);
    assert!(
        out.path()
            .join("My business 2026-11-16 to 2026-11-22.csv")
            .exists()
    );
}

#[test]
fn turning_on_needs_a_folder_that_is_there_and_something_to_write() {
    let (w, out) = shop(utc(2026, 11, 23, 3, 0));
    let shown = w.engine.auto_reports(Language::Id).unwrap();
    assert!(!shown.settings.enabled);
    assert_eq!(
        shown.settings.language,
        Language::Id,
        "the app's language first"
    );
    assert!(shown.last_outcome.is_none());

    let mut no_folder = settings(out.path(), true, true, &[ReportFormat::Pdf]);
    no_folder.folder = Some("  ".into());
    let e = w
        .engine
        .set_auto_reports(&no_folder, Language::En)
        .unwrap_err();
    assert_eq!(e.code(), "report_folder_not_set");
    let gone = settings(&out.path().join("nope"), true, true, &[ReportFormat::Pdf]);
    let e = w.engine.set_auto_reports(&gone, Language::En).unwrap_err();
    assert_eq!(e.code(), "report_folder_missing");
    let nothing = settings(out.path(), false, false, &[ReportFormat::Pdf]);
    let e = w
        .engine
        .set_auto_reports(&nothing, Language::En)
        .unwrap_err();
    assert_eq!(e.code(), "auto_reports_nothing_chosen");
    assert!(
        !w.engine
            .auto_reports(Language::En)
            .unwrap()
            .settings
            .enabled
    );

    // Off, a folder is not needed.
    let mut off = no_folder.clone();
    off.enabled = false;
    let saved = w.engine.set_auto_reports(&off, Language::En).unwrap();
    assert_eq!(saved.settings.folder, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_schedule_writes_as_soon_as_reports_are_turned_on() {
    let (w, out) = shop(utc(2026, 11, 23, 3, 0));
    let engine = Arc::new(open(&w.dir, &w.clock, "Asia/Jakarta"));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let (heard, mut hear) = tokio::sync::mpsc::unbounded_channel();
    let runner = tokio::spawn(run_auto_reports(engine.clone(), stopped, move |run| {
        let _ = heard.send(run.written.len());
    }));
    // Off at start: the schedule then naps a minute; turning reports on
    // wakes it.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(names(out.path()).is_empty());
    let on = settings(out.path(), true, false, &[ReportFormat::Pdf]);
    let setter = engine.clone();
    tokio::task::spawn_blocking(move || setter.set_auto_reports(&on, Language::En).unwrap())
        .await
        .unwrap();
    let written = tokio::time::timeout(Duration::from_secs(30), hear.recv())
        .await
        .expect("no report within 30 s")
        .unwrap();
    assert_eq!(written, 1);
    assert_eq!(
        names(out.path()),
        ["My business 2026-11-16 to 2026-11-22.pdf"]
    );
    stop.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(10), runner)
        .await
        .expect("the schedule did not stop")
        .unwrap();
}
