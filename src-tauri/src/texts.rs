//! What the shell itself says (tray menu, the quit question, the "still
//! running" notification), in English or Bahasa Indonesia. The window has its
//! own translations; these few live beside the code that shows them.

use chrono::{Datelike, NaiveDateTime, Timelike};
use jadwal_engine::auto_reports::AutoReportRun;
use jadwal_engine::dto::Language;
use jadwal_engine::report::period_name;

pub fn open_jadwal(lang: Language) -> &'static str {
    match lang {
        Language::En => "Open Jadwal",
        Language::Id => "Buka Jadwal",
    }
}

pub fn quit_jadwal(lang: Language) -> &'static str {
    match lang {
        Language::En => "Quit Jadwal",
        Language::Id => "Keluar dari Jadwal",
    }
}

/// The tray's line about the next scheduled post (a wall time in the
/// workspace's zone), e.g. "Next post: Tue 24 Nov 09:00".
pub fn next_post(lang: Language, at: Option<NaiveDateTime>) -> String {
    match (lang, at) {
        (Language::En, Some(at)) => format!("Next post: {}", short_date_time(lang, at)),
        (Language::Id, Some(at)) => format!("Postingan berikutnya: {}", short_date_time(lang, at)),
        (Language::En, None) => "No posts scheduled".to_owned(),
        (Language::Id, None) => "Tidak ada postingan terjadwal".to_owned(),
    }
}

/// The tray icon's tooltip.
pub fn tooltip(lang: Language) -> &'static str {
    match lang {
        Language::En => "Jadwal: publishing your scheduled posts",
        Language::Id => "Jadwal: menerbitkan postingan terjadwal Anda",
    }
}

/// The notification shown the first time the window closes to the tray.
pub fn still_running(lang: Language) -> (&'static str, &'static str) {
    match lang {
        Language::En => (
            "Jadwal keeps running",
            "Your scheduled posts still go out while the window is closed. \
             Open or quit Jadwal from its icon in the tray.",
        ),
        Language::Id => (
            "Jadwal tetap berjalan",
            "Postingan terjadwal tetap terbit selama jendela ditutup. \
             Buka atau tutup Jadwal lewat ikonnya di baki sistem.",
        ),
    }
}

/// The question before a quit that would keep `due` posts (at least one)
/// from going out, and its two buttons: (message, quit, keep running).
pub fn quit_question(lang: Language, due: u32) -> (String, &'static str, &'static str) {
    match lang {
        Language::En => (
            if due == 1 {
                "1 post is due in the next 24 hours. It will not go out while Jadwal is closed. \
                 Quit anyway?"
                    .to_owned()
            } else {
                format!(
                    "{due} posts are due in the next 24 hours. They will not go out while Jadwal \
                     is closed. Quit anyway?"
                )
            },
            "Quit",
            "Keep running",
        ),
        Language::Id => (
            format!(
                "{due} postingan dijadwalkan terbit dalam 24 jam ke depan. Postingan itu tidak \
                 akan terbit selama Jadwal ditutup. Tetap keluar?"
            ),
            "Keluar",
            "Tetap jalankan",
        ),
    }
}

/// A line per period an automatic run wrote (its PDF and CSV together):
/// "November 2026 report saved", "Laporan 16–22 November 2026 tersimpan".
pub fn reports_saved(lang: Language, run: &AutoReportRun) -> Vec<String> {
    let mut periods: Vec<_> = run.written.iter().map(|w| (w.first, w.last)).collect();
    periods.dedup();
    periods
        .into_iter()
        .map(|(first, last)| {
            let period = period_name(lang, first, last);
            match lang {
                Language::En => format!("{period} report saved"),
                Language::Id => format!("Laporan {period} tersimpan"),
            }
        })
        .collect()
}

/// "Tue 24 Nov 09:00" / "Sel 24 Nov 09.00": short, no year (the next post
/// is rarely far away), the clock the way each language writes it.
fn short_date_time(lang: Language, at: NaiveDateTime) -> String {
    let weekday = at.weekday().num_days_from_monday() as usize;
    let month = at.month0() as usize;
    let (days, months, separator) = match lang {
        Language::En => (
            ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ],
            ':',
        ),
        Language::Id => (
            ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
            [
                "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
            ],
            '.',
        ),
    };
    format!(
        "{} {} {} {:02}{separator}{:02}",
        days[weekday],
        at.day(),
        months[month],
        at.hour(),
        at.minute()
    )
}

/// The notification after a scheduler pass: what went out, what failed,
/// what waits for the person. None when nothing of that happened.
pub fn pass_summary(
    lang: Language,
    published: usize,
    failed: usize,
    held: usize,
) -> Option<String> {
    let parts: Vec<String> = [
        (published, "published", "terbit"),
        (
            failed,
            "could not be published: open Jadwal to see why",
            "gagal terbit: buka Jadwal untuk melihat sebabnya",
        ),
        (held, "wait for your decision", "menunggu keputusan Anda"),
    ]
    .iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, en, id)| match lang {
        Language::En => format!("{n} post{} {en}", if *n == 1 { "" } else { "s" }),
        Language::Id => format!("{n} postingan {id}"),
    })
    .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap_or_default()
    }

    #[test]
    fn the_next_post_reads_naturally_in_both_languages() {
        let tue = at("2026-11-24T09:00");
        assert_eq!(
            next_post(Language::En, Some(tue)),
            "Next post: Tue 24 Nov 09:00"
        );
        assert_eq!(
            next_post(Language::Id, Some(tue)),
            "Postingan berikutnya: Sel 24 Nov 09.00"
        );
        assert_eq!(
            next_post(Language::Id, Some(at("2026-05-03T18:05"))),
            "Postingan berikutnya: Min 3 Mei 18.05"
        );
        assert_eq!(next_post(Language::En, None), "No posts scheduled");
    }

    #[test]
    fn each_period_written_is_one_line_whatever_its_formats() {
        use jadwal_domain::report_periods::ReportPeriodKind;
        use jadwal_engine::auto_reports::WrittenReport;
        use jadwal_engine::report::ReportFormat;
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        let written = |kind, first: &str, last: &str, format| WrittenReport {
            kind,
            first: day(first),
            last: day(last),
            format,
            path: std::path::PathBuf::from("/reports/x"),
        };
        let run = AutoReportRun {
            written: vec![
                written(
                    ReportPeriodKind::Week,
                    "2026-11-23",
                    "2026-11-29",
                    ReportFormat::Pdf,
                ),
                written(
                    ReportPeriodKind::Week,
                    "2026-11-23",
                    "2026-11-29",
                    ReportFormat::Csv,
                ),
                written(
                    ReportPeriodKind::Month,
                    "2026-11-01",
                    "2026-11-30",
                    ReportFormat::Pdf,
                ),
            ],
            problem: None,
        };
        assert_eq!(
            reports_saved(Language::En, &run),
            [
                "23–29 November 2026 report saved",
                "November 2026 report saved"
            ]
        );
        assert_eq!(
            reports_saved(Language::Id, &run)[1],
            "Laporan November 2026 tersimpan"
        );
    }

    #[test]
    fn a_pass_is_summed_up_in_the_persons_language() {
        assert_eq!(pass_summary(Language::En, 0, 0, 0), None);
        assert_eq!(
            pass_summary(Language::En, 2, 1, 0).as_deref(),
            Some("2 posts published; 1 post could not be published: open Jadwal to see why")
        );
        assert_eq!(
            pass_summary(Language::Id, 1, 0, 3).as_deref(),
            Some("1 postingan terbit; 3 postingan menunggu keputusan Anda")
        );
    }

    #[test]
    fn the_quit_question_counts_the_posts() {
        assert!(
            quit_question(Language::En, 1)
                .0
                .starts_with("1 post is due")
        );
        assert!(
            quit_question(Language::En, 3)
                .0
                .starts_with("3 posts are due in the next 24 hours. They will not go out")
        );
        let (id, quit, stay) = quit_question(Language::Id, 3);
        assert!(id.starts_with("3 postingan"));
        assert_eq!((quit, stay), ("Keluar", "Tetap jalankan"));
    }
}
