//! The weekday × hour slots in which a workspace's own posts did best,
//! measured in the workspace's time zone (a bakery in Jakarta posting at
//! 07:00 local time is at 07:00 here, whatever the machine's zone).

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::{Deserialize, Serialize};

use crate::schedule::{TimeZoneId, wall_time_at};

/// A slot needs this many posts before it is suggested: one lucky post is
/// not a pattern.
const MIN_POSTS_TO_SUGGEST: u32 = 2;
const SUGGESTIONS: usize = 3;

/// A published post's time and what it gathered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PublishedResult {
    pub published_at: DateTime<Utc>,
    pub engagements: f64,
}

/// Average engagements per post in each slot. `cells[weekday][hour]`, with
/// weekday 0 = Monday; `None` where nothing was posted.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BestTimes {
    pub cells: Vec<Vec<Option<f64>>>,
    pub posts: Vec<Vec<u32>>,
    /// The best slots as (weekday, hour), best first.
    pub suggestions: Vec<(u8, u8)>,
}

pub fn best_times(results: &[PublishedResult], zone: TimeZoneId) -> BestTimes {
    let mut sums = vec![vec![0.0_f64; 24]; 7];
    let mut posts = vec![vec![0_u32; 24]; 7];
    for r in results.iter().filter(|r| r.engagements.is_finite()) {
        let local = wall_time_at(r.published_at, zone);
        let day = local.date().weekday().num_days_from_monday() as usize;
        let hour = local.time().hour() as usize;
        sums[day][hour] += r.engagements;
        posts[day][hour] += 1;
    }
    let cells: Vec<Vec<Option<f64>>> = sums
        .iter()
        .zip(&posts)
        .map(|(row, counts)| {
            row.iter()
                .zip(counts)
                .map(|(sum, n)| (*n > 0).then(|| sum / f64::from(*n)))
                .collect()
        })
        .collect();

    let mut ranked: Vec<(f64, u8, u8)> = Vec::new();
    for (day, row) in cells.iter().enumerate() {
        for (hour, cell) in row.iter().enumerate() {
            if let Some(avg) = cell
                && posts[day][hour] >= MIN_POSTS_TO_SUGGEST
            {
                ranked.push((*avg, day as u8, hour as u8));
            }
        }
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let suggestions = ranked
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, d, h)| (d, h))
        .collect();
    BestTimes {
        cells,
        posts,
        suggestions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn jakarta() -> TimeZoneId {
        "Asia/Jakarta".parse().unwrap()
    }

    fn at(y: i32, mo: u32, d: u32, h: u32, engagements: f64) -> PublishedResult {
        PublishedResult {
            published_at: Utc.with_ymd_and_hms(y, mo, d, h, 0, 0).unwrap(),
            engagements,
        }
    }

    #[test]
    fn slots_are_in_the_workspace_zone_and_averaged() {
        // 2026-11-23 is a Monday; 00:00 UTC is 07:00 in Jakarta.
        let results = [
            at(2026, 11, 23, 0, 10.0),
            at(2026, 11, 30, 0, 20.0),
            at(2026, 11, 24, 12, 3.0),
        ];
        let best = best_times(&results, jakarta());
        assert_eq!(best.cells[0][7], Some(15.0));
        assert_eq!(best.posts[0][7], 2);
        assert_eq!(best.cells[1][19], Some(3.0));
        assert_eq!(best.cells[0][0], None);
    }

    #[test]
    fn only_slots_with_enough_posts_are_suggested_best_first() {
        let results = [
            // Monday 07:00 Jakarta twice, average 15.
            at(2026, 11, 23, 0, 10.0),
            at(2026, 11, 30, 0, 20.0),
            // Tuesday 19:00 twice, average 30.
            at(2026, 11, 24, 12, 25.0),
            at(2026, 12, 1, 12, 35.0),
            // A single lucky Sunday post.
            at(2026, 11, 29, 3, 500.0),
        ];
        let best = best_times(&results, jakarta());
        assert_eq!(best.suggestions, vec![(1, 19), (0, 7)]);
    }

    #[test]
    fn no_history_means_no_suggestion() {
        let best = best_times(&[], jakarta());
        assert!(best.suggestions.is_empty());
        assert!(best.cells.iter().flatten().all(Option::is_none));
    }
}
