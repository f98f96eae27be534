//! Jadwal's reports: one workspace's figures over a range of days, written as
//! a PDF with charts and as a CSV, in English or Bahasa Indonesia.
//!
//! The engine gathers the figures (`jadwal_domain::insights::Insights`); this
//! crate only lays them out. It is used by the desktop app and by
//! `jadwal-cli report`, so it needs no window and no system fonts: the
//! typeface is bundled, charts are drawn by plotters and placed as vectors.

mod charts;
mod csv_out;
mod error;
mod fonts;
mod format;
mod layout;
mod pdf;
mod sections;
mod words;

use chrono::NaiveDate;
use jadwal_domain::insights::Insights;
use jadwal_domain::schedule::TimeZoneId;

pub use error::ReportError;

/// The language a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    English,
    Indonesian,
}

/// The report as PDF bytes. `zone` is the workspace's time zone, in which
/// publishing times are shown; `made_on` is printed under the title.
pub fn pdf(
    insights: &Insights,
    language: Language,
    zone: TimeZoneId,
    made_on: NaiveDate,
) -> Result<Vec<u8>, ReportError> {
    let layout = sections::lay_out(insights, language, zone, made_on)?;
    let w = words::words(language);
    let title = format!("{} — {}", w.title, insights.workspace);
    let period = format::range(language, insights.range.first_day, insights.range.last_day);
    let footer_left = format!("{} · {period}", insights.workspace);
    pdf::write(
        &layout,
        &title,
        &pdf::Footer {
            left: &footer_left,
            page: w.page,
        },
    )
}

/// A report's period in words: "November 2026" for a whole month,
/// "16–22 November 2026" for a week.
pub fn period_name(language: Language, first: NaiveDate, last: NaiveDate) -> String {
    format::period(language, first, last)
}

/// The report as CSV text (UTF-8 with a byte-order mark, for spreadsheets).
pub fn csv(
    insights: &Insights,
    language: Language,
    zone: TimeZoneId,
) -> Result<String, ReportError> {
    csv_out::write(insights, language, zone)
}
