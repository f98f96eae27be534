//! Wall-clock times in a named time zone, and the instants they mean.
//!
//! A scheduled post is stored as a UTC instant plus the IANA zone the person
//! chose, and shown and edited as a wall-clock time in that zone. Moving a post
//! keeps its wall-clock time, so a post at 09:00 stays at 09:00 across a DST
//! change.
//!
//! Two wall-clock times need a rule, and Jadwal uses the one calendar
//! standards use (RFC 5545, and the "compatible" choice of JavaScript's
//! Temporal):
//! - a time that does not exist (clocks jump forward, 02:30 on a spring-forward
//!   night) moves forward by the length of the jump (to 03:30);
//! - a time that happens twice (clocks fall back, 01:30 on a fall-back night)
//!   means the earlier of the two.
//!
//! Either case is reported as a [`ScheduleAdjustment`] so the person is told.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::DomainError;

/// An IANA time zone such as `Asia/Jakarta`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeZoneId(Tz);

impl TimeZoneId {
    pub const UTC: TimeZoneId = TimeZoneId(Tz::UTC);

    pub fn tz(self) -> Tz {
        self.0
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Every zone name Jadwal accepts, for pickers.
    pub fn all_names() -> impl Iterator<Item = &'static str> {
        chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())
    }
}

impl FromStr for TimeZoneId {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim()
            .parse::<Tz>()
            .map(TimeZoneId)
            .map_err(|_| DomainError::UnknownTimeZone(s.to_owned()))
    }
}

impl fmt::Display for TimeZoneId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A date and a time of day to the minute, with no zone: what a person sees
/// on a calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WallTime(NaiveDateTime);

impl WallTime {
    pub const MIN_YEAR: i32 = 1970;
    pub const MAX_YEAR: i32 = 9999;

    pub fn new(date: NaiveDate, time: NaiveTime) -> Result<Self, DomainError> {
        let year = date.year();
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) {
            return Err(DomainError::DateOutOfRange(year));
        }
        let minute = time
            .with_second(0)
            .and_then(|t| t.with_nanosecond(0))
            .unwrap_or(time);
        Ok(WallTime(date.and_time(minute)))
    }

    /// Midnight at the start of `date`.
    pub fn start_of_day(date: NaiveDate) -> Result<Self, DomainError> {
        Self::new(date, NaiveTime::MIN)
    }

    pub fn date(self) -> NaiveDate {
        self.0.date()
    }

    pub fn time(self) -> NaiveTime {
        self.0.time()
    }

    pub fn naive(self) -> NaiveDateTime {
        self.0
    }

    /// The same time of day, `days` later (or earlier when negative).
    pub fn plus_days(self, days: i64) -> Result<Self, DomainError> {
        let date = self
            .date()
            .checked_add_signed(Duration::days(days))
            .ok_or(DomainError::DateOutOfRange(Self::MAX_YEAR + 1))?;
        Self::new(date, self.time())
    }
}

impl FromStr for WallTime {
    type Err = DomainError;

    /// Accepts `2026-11-23T09:30` (the form the calendar sends), with optional
    /// seconds, and a space instead of the `T`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let raw = s.trim();
        let bad = || DomainError::InvalidDateTime(s.to_owned());
        let parsed = [
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%d %H:%M:%S",
        ]
        .iter()
        .find_map(|fmt| NaiveDateTime::parse_from_str(raw, fmt).ok())
        .ok_or_else(bad)?;
        WallTime::new(parsed.date(), parsed.time())
    }
}

impl fmt::Display for WallTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%dT%H:%M"))
    }
}

impl Serialize for WallTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for WallTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Why the instant Jadwal chose is not simply the wall time the person asked for.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScheduleAdjustment {
    /// The asked-for time does not exist that day (clocks jumped forward);
    /// the post goes out at `actual` instead.
    SkippedForward {
        #[cfg_attr(feature = "ts", ts(type = "string"))]
        requested: WallTime,
        #[cfg_attr(feature = "ts", ts(type = "string"))]
        actual: WallTime,
    },
    /// The asked-for time happens twice that day (clocks fell back); the post
    /// goes out at the first of the two.
    AmbiguousEarlier {
        #[cfg_attr(feature = "ts", ts(type = "string"))]
        requested: WallTime,
    },
}

/// A wall time turned into an instant, and how (if at all) it was adjusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolvedTime {
    pub utc: DateTime<Utc>,
    pub adjustment: Option<ScheduleAdjustment>,
}

/// The instant `wall` means in `zone`, by the rule in the module docs.
pub fn resolve(wall: WallTime, zone: TimeZoneId) -> ResolvedTime {
    let tz = zone.tz();
    match tz.from_local_datetime(&wall.naive()) {
        LocalResult::Single(t) => ResolvedTime {
            utc: t.with_timezone(&Utc),
            adjustment: None,
        },
        LocalResult::Ambiguous(earlier, _later) => ResolvedTime {
            utc: earlier.with_timezone(&Utc),
            adjustment: Some(ScheduleAdjustment::AmbiguousEarlier { requested: wall }),
        },
        LocalResult::None => {
            // Read the wall time with the offset in force just before the jump:
            // that is the same as moving it forward by the jump's length.
            let before = offset_before_gap(tz, wall.naive());
            let utc = (wall.naive() - before).and_utc();
            let actual = wall_time_at(utc, zone);
            ResolvedTime {
                utc,
                adjustment: Some(ScheduleAdjustment::SkippedForward {
                    requested: wall,
                    actual,
                }),
            }
        }
    }
}

/// The offset from UTC in force just before the gap that swallows `naive`.
fn offset_before_gap(tz: Tz, naive: NaiveDateTime) -> Duration {
    // Gaps in the tz database are at most a day long; step back a quarter of
    // an hour at a time until the wall time exists again.
    (1..=96)
        .map(|k| naive - Duration::minutes(15 * k))
        .find_map(|earlier| match tz.from_local_datetime(&earlier) {
            LocalResult::Single(t) => Some(t.offset().fix()),
            LocalResult::Ambiguous(_, later) => Some(later.offset().fix()),
            LocalResult::None => None,
        })
        .map_or(Duration::zero(), |fixed| {
            Duration::seconds(i64::from(fixed.local_minus_utc()))
        })
}

/// What a clock in `zone` shows at `utc`, to the minute.
pub fn wall_time_at(utc: DateTime<Utc>, zone: TimeZoneId) -> WallTime {
    let local = utc.with_timezone(&zone.tz()).naive_local();
    // An instant inside 1970..=9999 always has a valid wall time; clamp the
    // seconds rather than fail for the rest.
    WallTime::new(local.date(), local.time()).unwrap_or(WallTime(local))
}

/// The instants bounding the local dates `[first, last_exclusive)` in `zone`,
/// for reading a calendar page.
pub fn day_range_utc(
    first: NaiveDate,
    last_exclusive: NaiveDate,
    zone: TimeZoneId,
) -> Result<(DateTime<Utc>, DateTime<Utc>), DomainError> {
    let from = resolve(WallTime::start_of_day(first)?, zone).utc;
    let to = resolve(WallTime::start_of_day(last_exclusive)?, zone).utc;
    Ok((from, to))
}

/// Parses a `YYYY-MM-DD` date, refusing impossible ones such as 2026-02-30.
pub fn parse_date(s: &str) -> Result<NaiveDate, DomainError> {
    let date = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| DomainError::InvalidDateTime(s.to_owned()))?;
    WallTime::start_of_day(date).map(WallTime::date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wall(s: &str) -> WallTime {
        s.parse().unwrap()
    }

    fn zone(s: &str) -> TimeZoneId {
        s.parse().unwrap()
    }

    #[test]
    fn wall_times_parse_and_print_to_the_minute() {
        assert_eq!(wall("2026-11-23T09:30").to_string(), "2026-11-23T09:30");
        assert_eq!(wall("2026-11-23 09:30:59").to_string(), "2026-11-23T09:30");
    }

    #[test]
    fn impossible_dates_and_garbage_are_refused() {
        for bad in [
            "2026-02-30T10:00",
            "2026-13-01T10:00",
            "2026-11-23T24:10",
            "tomorrow",
            "",
        ] {
            assert!(
                matches!(
                    bad.parse::<WallTime>(),
                    Err(DomainError::InvalidDateTime(_))
                ),
                "{bad}"
            );
        }
        assert!(matches!(
            parse_date("2025-02-29"),
            Err(DomainError::InvalidDateTime(_))
        ));
        assert!(matches!(
            "1900-01-01T10:00".parse::<WallTime>(),
            Err(DomainError::DateOutOfRange(1900))
        ));
    }

    #[test]
    fn unknown_time_zones_are_refused() {
        assert!(matches!(
            "Mars/Olympus".parse::<TimeZoneId>(),
            Err(DomainError::UnknownTimeZone(_))
        ));
        assert_eq!(zone("Asia/Jakarta").name(), "Asia/Jakarta");
    }

    #[test]
    fn jakarta_has_no_dst_so_nine_is_two_utc() {
        let r = resolve(wall("2026-11-23T09:00"), zone("Asia/Jakarta"));
        assert_eq!(r.utc.to_rfc3339(), "2026-11-23T02:00:00+00:00");
        assert_eq!(r.adjustment, None);
    }

    #[test]
    fn a_time_in_the_spring_gap_moves_forward_by_the_gap() {
        // New York skips 02:00–03:00 on 2026-03-08.
        let r = resolve(wall("2026-03-08T02:30"), zone("America/New_York"));
        assert_eq!(r.utc.to_rfc3339(), "2026-03-08T07:30:00+00:00");
        assert_eq!(
            r.adjustment,
            Some(ScheduleAdjustment::SkippedForward {
                requested: wall("2026-03-08T02:30"),
                actual: wall("2026-03-08T03:30"),
            })
        );
    }

    #[test]
    fn a_time_that_happens_twice_means_the_first_one() {
        // New York repeats 01:00–02:00 on 2026-11-01; the first 01:30 is EDT (-4).
        let r = resolve(wall("2026-11-01T01:30"), zone("America/New_York"));
        assert_eq!(r.utc.to_rfc3339(), "2026-11-01T05:30:00+00:00");
        assert!(matches!(
            r.adjustment,
            Some(ScheduleAdjustment::AmbiguousEarlier { .. })
        ));
    }

    #[test]
    fn moving_across_a_dst_change_keeps_the_wall_clock_time() {
        let berlin = zone("Europe/Berlin");
        let before = resolve(wall("2026-03-27T09:00"), berlin); // CET, +1
        let moved = wall_time_at(before.utc, berlin).plus_days(3).unwrap(); // 30 March, CEST
        let after = resolve(moved, berlin);
        assert_eq!(
            wall_time_at(after.utc, berlin).to_string(),
            "2026-03-30T09:00"
        );
        // The instants are 3 days minus the hour the clocks jumped.
        assert_eq!(
            after.utc - before.utc,
            Duration::days(3) - Duration::hours(1)
        );
    }

    #[test]
    fn a_calendar_day_range_covers_local_midnights() {
        let (from, to) = day_range_utc(
            parse_date("2026-11-01").unwrap(),
            parse_date("2026-12-01").unwrap(),
            zone("Asia/Jakarta"),
        )
        .unwrap();
        assert_eq!(from.to_rfc3339(), "2026-10-31T17:00:00+00:00");
        assert_eq!(to.to_rfc3339(), "2026-11-30T17:00:00+00:00");
    }
}
