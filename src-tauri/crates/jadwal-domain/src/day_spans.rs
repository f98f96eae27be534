//! Runs of local days that share one UTC offset, so that a store can put
//! instants on local days with plain arithmetic (`(t + offset) / 86400`)
//! and still be right across a daylight-saving change: each run is read
//! with its own offset, and a day on which the offset changes is a run of
//! its own whose rows all belong to that one day.

use chrono::{DateTime, NaiveDate, Offset, TimeZone, Utc};

use crate::DomainError;
use crate::schedule::{TimeZoneId, day_range_utc};

/// Local days `first..=last` that share `utc_offset` (seconds east of UTC),
/// and the instants `[from, to)` they cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaySpan {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub utc_offset: i32,
    /// The offset changes within this one day: whatever falls in
    /// `[from, to)` is on `first`, whatever the arithmetic says.
    pub changes_offset: bool,
}

impl DaySpan {
    /// The local day an instant in this span falls on, from the day number
    /// the store worked out with `utc_offset` (days since 1970-01-01).
    pub fn day_of(&self, day_number: i64) -> NaiveDate {
        if self.changes_offset {
            return self.first;
        }
        let epoch = DateTime::UNIX_EPOCH.date_naive();
        epoch
            .checked_add_signed(chrono::Duration::days(day_number))
            .unwrap_or(self.first)
            .clamp(self.first, self.last)
    }
}

fn offset_at(zone: TimeZoneId, at: DateTime<Utc>) -> i32 {
    zone.tz()
        .offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
}

/// The days `first..=last` in `zone` as runs of one offset each, in order.
pub fn constant_offset_spans(
    first: NaiveDate,
    last: NaiveDate,
    zone: TimeZoneId,
) -> Result<Vec<DaySpan>, DomainError> {
    let mut spans: Vec<DaySpan> = Vec::new();
    for day in first.iter_days().take_while(|d| *d <= last) {
        let next = day
            .succ_opt()
            .ok_or_else(|| DomainError::InvalidDateTime(day.to_string()))?;
        let (from, to) = day_range_utc(day, next, zone)?;
        let utc_offset = offset_at(zone, from);
        let changes_offset = offset_at(zone, to - chrono::Duration::seconds(1)) != utc_offset;
        match spans.last_mut() {
            Some(run) if !run.changes_offset && !changes_offset && run.utc_offset == utc_offset => {
                run.last = day;
                run.to = to;
            }
            _ => spans.push(DaySpan {
                first: day,
                last: day,
                from,
                to,
                utc_offset,
                changes_offset,
            }),
        }
    }
    Ok(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn zone(s: &str) -> TimeZoneId {
        s.parse().unwrap()
    }

    /// The day the store's arithmetic gives an instant with a span's offset.
    fn day_number(span: &DaySpan, at: DateTime<Utc>) -> i64 {
        (at.timestamp() + i64::from(span.utc_offset)).div_euclid(86_400)
    }

    #[test]
    fn a_zone_without_daylight_saving_is_one_run() {
        let spans =
            constant_offset_spans(date("2026-01-01"), date("2026-12-31"), zone("Asia/Jakarta"))
                .unwrap();
        assert_eq!(spans.len(), 1);
        let run = spans[0];
        assert_eq!(
            (run.first, run.last),
            (date("2026-01-01"), date("2026-12-31"))
        );
        assert_eq!(run.utc_offset, 7 * 3600);
        assert!(!run.changes_offset);
        assert_eq!(run.from.to_rfc3339(), "2025-12-31T17:00:00+00:00");
        assert_eq!(run.to.to_rfc3339(), "2026-12-31T17:00:00+00:00");
    }

    #[test]
    fn a_spring_change_splits_the_month_and_its_day_stands_alone() {
        // Berlin moves from +1 to +2 at 02:00 on 29 March 2026.
        let spans = constant_offset_spans(
            date("2026-03-01"),
            date("2026-03-31"),
            zone("Europe/Berlin"),
        )
        .unwrap();
        let shape: Vec<(NaiveDate, NaiveDate, i32, bool)> = spans
            .iter()
            .map(|s| (s.first, s.last, s.utc_offset, s.changes_offset))
            .collect();
        assert_eq!(
            shape,
            vec![
                (date("2026-03-01"), date("2026-03-28"), 3600, false),
                (date("2026-03-29"), date("2026-03-29"), 3600, true),
                (date("2026-03-30"), date("2026-03-31"), 7200, false),
            ]
        );
        // The runs cover the month without gap or overlap.
        for pair in spans.windows(2) {
            assert_eq!(pair[0].to, pair[1].from);
        }
    }

    #[test]
    fn an_instant_near_midnight_lands_on_its_own_day_on_both_sides_of_a_change() {
        let berlin = zone("Europe/Berlin");
        let spans = constant_offset_spans(date("2026-03-01"), date("2026-03-31"), berlin).unwrap();
        let find = |at: DateTime<Utc>| {
            let span = spans.iter().find(|s| s.from <= at && at < s.to).unwrap();
            span.day_of(day_number(span, at))
        };
        // 00:30 on 30 March in Berlin (+2) is 22:30 UTC on the 29th: with
        // the month's first offset (+1) it would be 23:30 on the 29th.
        let after = Utc.with_ymd_and_hms(2026, 3, 29, 22, 30, 0).unwrap();
        assert_eq!(find(after), date("2026-03-30"));
        // 23:30 on 29 March in Berlin (+2), on the day of the change.
        let on_the_day = Utc.with_ymd_and_hms(2026, 3, 29, 21, 30, 0).unwrap();
        assert_eq!(find(on_the_day), date("2026-03-29"));
        // 00:30 on 1 March (+1).
        let first = Utc.with_ymd_and_hms(2026, 2, 28, 23, 30, 0).unwrap();
        assert_eq!(find(first), date("2026-03-01"));
    }

    #[test]
    fn an_autumn_change_is_a_long_day_of_its_own() {
        // New York moves from -4 to -5 at 02:00 on 1 November 2026.
        let spans = constant_offset_spans(
            date("2026-10-31"),
            date("2026-11-02"),
            zone("America/New_York"),
        )
        .unwrap();
        assert_eq!(spans.len(), 3);
        let long_day = spans[1];
        assert!(long_day.changes_offset);
        assert_eq!((long_day.to - long_day.from).num_hours(), 25);
        assert_eq!(long_day.day_of(0), date("2026-11-01"));
        assert_eq!(spans[2].utc_offset, -5 * 3600);
    }
}
