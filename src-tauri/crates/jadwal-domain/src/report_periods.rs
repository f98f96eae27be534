//! Which finished weeks and months are due for an automatic report.
//!
//! The rules, in the workspace's zone:
//! - Weeks start on Monday (as everywhere else in Jadwal); months on the 1st.
//! - A period is finished when its last day has ended on the workspace's
//!   clock: at local midnight after it, whatever the offset from UTC is that
//!   night (a daylight-saving change moves the instant, not the rule).
//! - Only the most recent finished period of each kind is ever due. A
//!   computer that was off for a season, or a feature turned on today, gets
//!   last week's and last month's report, never years of them.
//! - A period is due when it ends after the last one written (the caller
//!   keeps that day). So each is written once, and a clock set back (which
//!   makes an older period the "most recent") writes nothing.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};

use crate::plan_gaps::week_start;
use crate::schedule::{TimeZoneId, wall_time_at};

/// How long a period an automatic report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportPeriodKind {
    Week,
    Month,
}

impl ReportPeriodKind {
    pub const ALL: [ReportPeriodKind; 2] = [ReportPeriodKind::Week, ReportPeriodKind::Month];

    /// A short stable name, for keys and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportPeriodKind::Week => "week",
            ReportPeriodKind::Month => "month",
        }
    }
}

/// The local days `first..=last` a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportPeriod {
    pub kind: ReportPeriodKind,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// The most recent period of `kind` that has ended before the local day
/// `today` began.
pub fn latest_finished(kind: ReportPeriodKind, today: NaiveDate) -> ReportPeriod {
    match kind {
        ReportPeriodKind::Week => {
            let first = week_start(today) - Duration::days(7);
            ReportPeriod {
                kind,
                first,
                last: first + Duration::days(6),
            }
        }
        ReportPeriodKind::Month => {
            let this_month = today.with_day(1).unwrap_or(today);
            let first = this_month
                .checked_sub_months(Months::new(1))
                .unwrap_or(this_month);
            ReportPeriod {
                kind,
                first,
                last: this_month - Duration::days(1),
            }
        }
    }
}

/// The period of `kind` due at `now` in `zone`, if any, given the last day
/// of the last one written (`None`: none ever was).
pub fn due_period(
    kind: ReportPeriodKind,
    now: DateTime<Utc>,
    zone: TimeZoneId,
    written_through: Option<NaiveDate>,
) -> Option<ReportPeriod> {
    let today = wall_time_at(now, zone).date();
    let period = latest_finished(kind, today);
    match written_through {
        Some(done) if period.last <= done => None,
        _ => Some(period),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn zone(name: &str) -> TimeZoneId {
        name.parse().unwrap()
    }

    #[test]
    fn the_latest_finished_week_runs_monday_to_sunday() {
        // Monday 23 November 2026: last week is 16–22 November.
        let week = latest_finished(ReportPeriodKind::Week, day(2026, 11, 23));
        assert_eq!(
            (week.first, week.last),
            (day(2026, 11, 16), day(2026, 11, 22))
        );
        // Sunday 22 November: that week has not ended yet.
        let week = latest_finished(ReportPeriodKind::Week, day(2026, 11, 22));
        assert_eq!(
            (week.first, week.last),
            (day(2026, 11, 9), day(2026, 11, 15))
        );
    }

    #[test]
    fn the_latest_finished_month_crosses_years_and_february() {
        let month = latest_finished(ReportPeriodKind::Month, day(2027, 1, 1));
        assert_eq!(
            (month.first, month.last),
            (day(2026, 12, 1), day(2026, 12, 31))
        );
        let month = latest_finished(ReportPeriodKind::Month, day(2028, 3, 15));
        assert_eq!(
            (month.first, month.last),
            (day(2028, 2, 1), day(2028, 2, 29))
        );
    }

    #[test]
    fn a_month_is_due_at_midnight_in_the_workspace_zone_not_in_utc() {
        let jakarta = zone("Asia/Jakarta"); // UTC+7, no daylight saving
        // 1 December 00:00 in Jakarta is 30 November 17:00 UTC.
        let before = due_period(
            ReportPeriodKind::Month,
            utc(2026, 11, 30, 16, 59),
            jakarta,
            None,
        );
        assert_eq!(before.map(|p| p.last), Some(day(2026, 10, 31)));
        let after = due_period(
            ReportPeriodKind::Month,
            utc(2026, 11, 30, 17, 0),
            jakarta,
            None,
        );
        assert_eq!(
            after.map(|p| (p.first, p.last)),
            Some((day(2026, 11, 1), day(2026, 11, 30)))
        );
        // In UTC itself November has not ended then.
        let in_utc = due_period(
            ReportPeriodKind::Month,
            utc(2026, 11, 30, 17, 0),
            zone("UTC"),
            None,
        );
        assert_eq!(in_utc.map(|p| p.last), Some(day(2026, 10, 31)));
    }

    #[test]
    fn a_week_over_a_daylight_saving_change_ends_at_local_midnight() {
        // Berlin leaves summer time on Sunday 25 October 2026 (03:00 CEST ->
        // 02:00 CET), so Monday 26 October begins at 23:00 UTC, an hour
        // later than the Monday before it did.
        let berlin = zone("Europe/Berlin");
        let written = Some(day(2026, 10, 18));
        assert_eq!(
            due_period(
                ReportPeriodKind::Week,
                utc(2026, 10, 25, 22, 30),
                berlin,
                written
            ),
            None,
            "22:30 UTC is still Sunday 23:30 in Berlin"
        );
        let due = due_period(
            ReportPeriodKind::Week,
            utc(2026, 10, 25, 23, 0),
            berlin,
            written,
        );
        assert_eq!(
            due.map(|p| (p.first, p.last)),
            Some((day(2026, 10, 19), day(2026, 10, 25)))
        );
        // Into summer time (29 March 2026, 02:00 -> 03:00): Monday 30 March
        // begins at 22:00 UTC on the Sunday.
        let written = Some(day(2026, 3, 22));
        assert_eq!(
            due_period(
                ReportPeriodKind::Week,
                utc(2026, 3, 29, 21, 59),
                berlin,
                written
            ),
            None
        );
        assert!(
            due_period(
                ReportPeriodKind::Week,
                utc(2026, 3, 29, 22, 0),
                berlin,
                written
            )
            .is_some()
        );
    }

    #[test]
    fn a_period_is_due_once_and_only_the_latest_after_a_long_absence() {
        let jakarta = zone("Asia/Jakarta");
        let now = utc(2026, 11, 23, 3, 0); // Monday 10:00 in Jakarta
        let due = due_period(ReportPeriodKind::Week, now, jakarta, None).unwrap();
        assert_eq!(due.last, day(2026, 11, 22));
        assert_eq!(
            due_period(ReportPeriodKind::Week, now, jakarta, Some(due.last)),
            None,
            "written once, not again"
        );
        // Last written in February; the computer was off since. Only last
        // week is due, not the thirty-odd weeks between.
        let due = due_period(ReportPeriodKind::Week, now, jakarta, Some(day(2026, 2, 15)));
        assert_eq!(due.map(|p| p.first), Some(day(2026, 11, 16)));
        let due = due_period(
            ReportPeriodKind::Month,
            now,
            jakarta,
            Some(day(2025, 12, 31)),
        );
        assert_eq!(due.map(|p| p.first), Some(day(2026, 10, 1)));
    }

    #[test]
    fn a_clock_set_back_writes_nothing_again() {
        let jakarta = zone("Asia/Jakarta");
        // November's report was written; then the clock shows October.
        let back = utc(2026, 10, 10, 3, 0);
        assert_eq!(
            due_period(
                ReportPeriodKind::Month,
                back,
                jakarta,
                Some(day(2026, 11, 30))
            ),
            None
        );
        assert_eq!(
            due_period(
                ReportPeriodKind::Week,
                back,
                jakarta,
                Some(day(2026, 11, 22))
            ),
            None
        );
    }
}
