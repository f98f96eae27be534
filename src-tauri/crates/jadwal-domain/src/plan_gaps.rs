//! Where the calendar falls short of the plan, and the empty slots that
//! would fill it. Pure: the caller passes "now", the zone and the posts.
//!
//! The rules, all in the workspace's zone:
//! - Weeks start on Monday. A week (of those the view touches) that has not
//!   ended yet and holds fewer posts on a channel than its rhythm is a gap.
//!   Its slots are free days (no post on that channel, today or later),
//!   spread over the week, one per missing post.
//! - A pillar is "far" from its target when its share of the posts dated in
//!   the visible range is more than [`FAR_OFF_POINTS`] percentage points off.
//!   A post with two pillars counts for both. No posts: nothing to judge.
//! - A goal whose period overlaps the view and that has no post in its whole
//!   period (on its channels, or anywhere when it names none) is a gap; its
//!   slot is the first day of the period from today on.
//! - A slot's time is the channel's usual time (the most common time of day
//!   among the posts passed in; the earliest on a tie), else 09:00. Today's
//!   slot is at the next full hour when that time has passed, and there is
//!   none after 21:00.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use std::collections::HashMap;

use crate::schedule::{TimeZoneId, WallTime, wall_time_at};

/// How many percentage points a pillar's share may be off its target.
pub const FAR_OFF_POINTS: f64 = 10.0;
/// The last full hour a slot is offered at on the current day.
const LAST_SLOT_HOUR: u32 = 21;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedPost {
    pub at: DateTime<Utc>,
    pub channel_ids: Vec<i64>,
    pub label_ids: Vec<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rhythm {
    pub channel_id: i64,
    pub per_week: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PillarTarget {
    pub label_id: i64,
    /// Percent of posts.
    pub share: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalPeriod {
    pub goal_id: i64,
    /// Both days included.
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    /// Empty: any channel.
    pub channel_ids: Vec<i64>,
}

/// What the calendar shows and what the plan asks for.
#[derive(Debug, Clone)]
pub struct PlanView<'a> {
    pub zone: TimeZoneId,
    pub now: DateTime<Utc>,
    pub first: NaiveDate,
    pub last_exclusive: NaiveDate,
    /// Dated posts over at least [`posts_span`].
    pub posts: &'a [PlannedPost],
    pub rhythms: &'a [Rhythm],
    pub pillars: &'a [PillarTarget],
    pub goals: &'a [GoalPeriod],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RhythmGap {
    pub channel_id: i64,
    pub week_start: NaiveDate,
    pub planned: u32,
    pub wanted: u32,
    pub slots: Vec<WallTime>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PillarDrift {
    pub label_id: i64,
    pub target: u32,
    /// Percent of the posts in the range, 0–100.
    pub actual: f64,
    pub posts: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalGap {
    pub goal_id: i64,
    /// None when the period is over (or has no time left today).
    pub slot: Option<WallTime>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanGaps {
    pub rhythm: Vec<RhythmGap>,
    pub pillars: Vec<PillarDrift>,
    pub goals: Vec<GoalGap>,
}

/// The Monday of `day`'s week.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The local days `[from, to)` whose posts the gaps need: the whole weeks
/// around the view, and the whole period of every goal that overlaps it.
pub fn posts_span(
    first: NaiveDate,
    last_exclusive: NaiveDate,
    goals: &[GoalPeriod],
) -> (NaiveDate, NaiveDate) {
    let mut from = week_start(first);
    let mut to = week_start(last_exclusive - Duration::days(1)) + Duration::days(7);
    for g in goals.iter().filter(|g| overlaps(g, first, last_exclusive)) {
        from = from.min(g.starts);
        to = to.max(g.ends + Duration::days(1));
    }
    (from, to)
}

fn overlaps(g: &GoalPeriod, first: NaiveDate, last_exclusive: NaiveDate) -> bool {
    g.starts < last_exclusive && g.ends >= first
}

pub fn plan_gaps(view: &PlanView<'_>) -> PlanGaps {
    let posts: Vec<(NaiveDate, &PlannedPost)> = view
        .posts
        .iter()
        .map(|p| (wall_time_at(p.at, view.zone).date(), p))
        .collect();
    let slots = SlotPicker::new(view);
    PlanGaps {
        rhythm: rhythm_gaps(view, &posts, &slots),
        pillars: pillar_drifts(view, &posts),
        goals: goal_gaps(view, &posts, &slots),
    }
}

fn rhythm_gaps(
    view: &PlanView<'_>,
    posts: &[(NaiveDate, &PlannedPost)],
    slots: &SlotPicker,
) -> Vec<RhythmGap> {
    let mut gaps = Vec::new();
    let mut week = week_start(view.first);
    while week < view.last_exclusive {
        let next = week + Duration::days(7);
        if next > slots.today {
            for r in view.rhythms {
                let on_channel = |day: NaiveDate| {
                    posts
                        .iter()
                        .filter(|(d, p)| *d == day && p.channel_ids.contains(&r.channel_id))
                        .count()
                };
                let planned: usize = days(week, next).map(on_channel).sum();
                let planned = u32::try_from(planned).unwrap_or(u32::MAX);
                if planned >= r.per_week {
                    continue;
                }
                let free: Vec<WallTime> = days(week, next)
                    .filter(|d| on_channel(*d) == 0)
                    .filter_map(|d| slots.at(d, &[r.channel_id]))
                    .collect();
                let missing = usize::try_from(r.per_week - planned).unwrap_or(usize::MAX);
                gaps.push(RhythmGap {
                    channel_id: r.channel_id,
                    week_start: week,
                    planned,
                    wanted: r.per_week,
                    slots: spread(&free, missing),
                });
            }
        }
        week = next;
    }
    gaps
}

fn pillar_drifts(view: &PlanView<'_>, posts: &[(NaiveDate, &PlannedPost)]) -> Vec<PillarDrift> {
    let in_view: Vec<&PlannedPost> = posts
        .iter()
        .filter(|(d, _)| *d >= view.first && *d < view.last_exclusive)
        .map(|(_, p)| *p)
        .collect();
    let total = u32::try_from(in_view.len()).unwrap_or(u32::MAX);
    if total == 0 {
        return Vec::new();
    }
    view.pillars
        .iter()
        .filter_map(|pillar| {
            let with = in_view
                .iter()
                .filter(|p| p.label_ids.contains(&pillar.label_id))
                .count();
            let with = u32::try_from(with).unwrap_or(u32::MAX);
            let actual = f64::from(with) * 100.0 / f64::from(total);
            ((actual - f64::from(pillar.share)).abs() > FAR_OFF_POINTS).then_some(PillarDrift {
                label_id: pillar.label_id,
                target: pillar.share,
                actual,
                posts: with,
                total,
            })
        })
        .collect()
}

fn goal_gaps(
    view: &PlanView<'_>,
    posts: &[(NaiveDate, &PlannedPost)],
    slots: &SlotPicker,
) -> Vec<GoalGap> {
    view.goals
        .iter()
        .filter(|g| overlaps(g, view.first, view.last_exclusive))
        .filter(|g| {
            !posts.iter().any(|(d, p)| {
                *d >= g.starts
                    && *d <= g.ends
                    && (g.channel_ids.is_empty()
                        || p.channel_ids.iter().any(|c| g.channel_ids.contains(c)))
            })
        })
        .map(|g| GoalGap {
            goal_id: g.goal_id,
            slot: days(g.starts.max(slots.today), g.ends + Duration::days(1))
                .find_map(|d| slots.at(d, &g.channel_ids)),
        })
        .collect()
}

fn days(from: NaiveDate, to_exclusive: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d < to_exclusive)
}

/// `count` of `free`, spread evenly (three of seven days: Tue, Thu, Sat).
fn spread(free: &[WallTime], count: usize) -> Vec<WallTime> {
    let n = free.len();
    let k = count.min(n);
    (0..k)
        .filter_map(|i| free.get((2 * i + 1) * n / (2 * k)).copied())
        .collect()
}

/// Picks the time of day for a slot.
struct SlotPicker {
    today: NaiveDate,
    now: NaiveTime,
    usual: HashMap<i64, NaiveTime>,
}

impl SlotPicker {
    fn new(view: &PlanView<'_>) -> SlotPicker {
        let now = wall_time_at(view.now, view.zone);
        let mut counts: HashMap<i64, HashMap<NaiveTime, u32>> = HashMap::new();
        for p in view.posts {
            let time = wall_time_at(p.at, view.zone).time();
            for c in &p.channel_ids {
                *counts.entry(*c).or_default().entry(time).or_default() += 1;
            }
        }
        let usual = counts
            .into_iter()
            .filter_map(|(channel, times)| {
                times
                    .into_iter()
                    .max_by(|(ta, na), (tb, nb)| na.cmp(nb).then(tb.cmp(ta)))
                    .map(|(time, _)| (channel, time))
            })
            .collect();
        SlotPicker {
            today: now.date(),
            now: now.time(),
            usual,
        }
    }

    /// The slot on `day` for a post to `channels`, if the day is not over.
    fn at(&self, day: NaiveDate, channels: &[i64]) -> Option<WallTime> {
        let usual = channels
            .iter()
            .find_map(|c| self.usual.get(c).copied())
            .unwrap_or(NaiveTime::from_hms_opt(9, 0, 0)?);
        let time = if day < self.today {
            return None;
        } else if day == self.today && usual <= self.now {
            let next_hour = self.now.hour() + 1;
            if next_hour > LAST_SLOT_HOUR {
                return None;
            }
            NaiveTime::from_hms_opt(next_hour, 0, 0)?
        } else {
            usual
        };
        WallTime::new(day, time).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> TimeZoneId {
        name.parse().unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn wall(s: &str) -> WallTime {
        s.parse().unwrap()
    }

    fn post(at: &str, channels: &[i64], labels: &[i64]) -> PlannedPost {
        PlannedPost {
            at: utc(at),
            channel_ids: channels.to_vec(),
            label_ids: labels.to_vec(),
        }
    }

    /// A view of November 2026 (Mon 23 Nov is "today", 08:00 in Jakarta).
    fn view<'a>(
        posts: &'a [PlannedPost],
        rhythms: &'a [Rhythm],
        pillars: &'a [PillarTarget],
        goals: &'a [GoalPeriod],
    ) -> PlanView<'a> {
        PlanView {
            zone: zone("Asia/Jakarta"),
            now: utc("2026-11-23T01:00:00Z"),
            first: day("2026-11-23"),
            last_exclusive: day("2026-12-07"),
            posts,
            rhythms,
            pillars,
            goals,
        }
    }

    #[test]
    fn weeks_start_on_monday_in_the_workspace_zone() {
        assert_eq!(week_start(day("2026-11-29")), day("2026-11-23"));
        assert_eq!(week_start(day("2026-11-30")), day("2026-11-30"));
        // Sunday 29 Nov 18:30 UTC is Monday 30 Nov 01:30 in Jakarta: it
        // belongs to the second week there, and the first week lacks it.
        let posts = [post("2026-11-29T18:30:00Z", &[1], &[])];
        let rhythms = [Rhythm {
            channel_id: 1,
            per_week: 1,
        }];
        let gaps = plan_gaps(&view(&posts, &rhythms, &[], &[]));
        let weeks: Vec<NaiveDate> = gaps.rhythm.iter().map(|g| g.week_start).collect();
        assert_eq!(weeks, vec![day("2026-11-23")]);

        // The same instant in London is still Sunday: the first week is met.
        let mut london = view(&posts, &rhythms, &[], &[]);
        london.zone = zone("Europe/London");
        let weeks: Vec<NaiveDate> = plan_gaps(&london)
            .rhythm
            .iter()
            .map(|g| g.week_start)
            .collect();
        assert_eq!(weeks, vec![day("2026-11-30")]);
    }

    #[test]
    fn a_week_under_its_rhythm_offers_free_days_spread_out() {
        // One post on Tuesday 24 Nov at 10:00 Jakarta; three a week wanted.
        let posts = [
            post("2026-11-24T03:00:00Z", &[1], &[]),
            post("2026-11-25T03:00:00Z", &[2], &[]),
        ];
        let rhythms = [Rhythm {
            channel_id: 1,
            per_week: 3,
        }];
        let mut v = view(&posts, &rhythms, &[], &[]);
        v.last_exclusive = day("2026-11-30");
        let gaps = plan_gaps(&v);
        assert_eq!(gaps.rhythm.len(), 1);
        let gap = &gaps.rhythm[0];
        assert_eq!((gap.planned, gap.wanted), (1, 3));
        // Free: Mon (today, 08:00 now; usual 10:00 still ahead), Wed..Sun —
        // six days; two slots spread over them, at the channel's usual time.
        // Channel 2's post on Wednesday does not take channel 1's day.
        assert_eq!(
            gap.slots,
            vec![wall("2026-11-25T10:00"), wall("2026-11-28T10:00")]
        );
    }

    #[test]
    fn past_weeks_and_met_rhythms_are_not_gaps_and_past_days_are_never_offered() {
        let rhythms = [Rhythm {
            channel_id: 1,
            per_week: 2,
        }];
        let mut v = view(&[], &rhythms, &[], &[]);
        v.first = day("2026-11-09");
        v.now = utc("2026-11-27T12:00:00Z"); // Friday 19:00 in Jakarta
        v.last_exclusive = day("2026-11-30");
        let gaps = plan_gaps(&v);
        assert_eq!(gaps.rhythm.len(), 1, "only the week not yet over");
        // Today's 09:00 has passed: next full hour (20:00); Sat and Sun follow.
        assert_eq!(
            gaps.rhythm[0].slots,
            vec![wall("2026-11-27T20:00"), wall("2026-11-29T09:00")]
        );

        v.now = utc("2026-11-29T15:30:00Z"); // Sunday 22:30: no time left
        let gaps = plan_gaps(&v);
        assert_eq!(gaps.rhythm.len(), 1);
        assert!(gaps.rhythm[0].slots.is_empty());

        let posts = [
            post("2026-11-23T02:00:00Z", &[1], &[]),
            post("2026-11-24T02:00:00Z", &[1], &[]),
        ];
        let mut met = view(&posts, &rhythms, &[], &[]);
        met.last_exclusive = day("2026-11-30");
        assert!(plan_gaps(&met).rhythm.is_empty());
    }

    #[test]
    fn a_pillar_more_than_ten_points_off_its_target_is_far() {
        let education = 10;
        let product = 11;
        let posts = [
            post("2026-11-23T02:00:00Z", &[1], &[education]),
            post("2026-11-24T02:00:00Z", &[1], &[product]),
            post("2026-11-25T02:00:00Z", &[1], &[product]),
            post("2026-11-26T02:00:00Z", &[1], &[product, education]),
            post("2026-11-27T02:00:00Z", &[1], &[]),
            // Outside the view: does not count.
            post("2026-12-10T02:00:00Z", &[1], &[education]),
        ];
        let pillars = [
            PillarTarget {
                label_id: education,
                share: 50,
            },
            PillarTarget {
                label_id: product,
                share: 30,
            },
        ];
        let gaps = plan_gaps(&view(&posts, &[], &pillars, &[]));
        // education 2/5 = 40% vs 50 (10 off: not far); product 3/5 = 60% vs 30.
        assert_eq!(gaps.pillars.len(), 1);
        let drift = &gaps.pillars[0];
        assert_eq!(drift.label_id, product);
        assert_eq!((drift.posts, drift.total, drift.target), (3, 5, 30));
        assert!((drift.actual - 60.0).abs() < 1e-9);

        assert!(plan_gaps(&view(&[], &[], &pillars, &[])).pillars.is_empty());
    }

    #[test]
    fn a_goal_with_no_post_in_its_period_is_a_gap_with_its_first_open_day() {
        let goals = [
            GoalPeriod {
                goal_id: 1,
                starts: day("2026-11-01"),
                ends: day("2026-11-30"),
                channel_ids: vec![2],
            },
            GoalPeriod {
                goal_id: 2,
                starts: day("2026-11-25"),
                ends: day("2026-12-31"),
                channel_ids: vec![],
            },
            // Outside the view.
            GoalPeriod {
                goal_id: 3,
                starts: day("2027-01-01"),
                ends: day("2027-01-31"),
                channel_ids: vec![],
            },
        ];
        // A post on channel 1 on 20 Dec: serves goal 2 (any channel), not goal 1.
        let posts = [post("2026-12-20T02:00:00Z", &[1], &[])];
        let gaps = plan_gaps(&view(&posts, &[], &[], &goals));
        assert_eq!(
            gaps.goals,
            vec![GoalGap {
                goal_id: 1,
                slot: Some(wall("2026-11-23T09:00")),
            }]
        );

        let over = [GoalPeriod {
            goal_id: 4,
            starts: day("2026-11-01"),
            ends: day("2026-11-22"),
            channel_ids: vec![],
        }];
        let mut v = view(&[], &[], &[], &over);
        v.first = day("2026-11-01");
        assert_eq!(
            plan_gaps(&v).goals,
            vec![GoalGap {
                goal_id: 4,
                slot: None
            }]
        );
    }

    #[test]
    fn the_span_covers_whole_weeks_and_overlapping_goal_periods() {
        let goals = [GoalPeriod {
            goal_id: 1,
            starts: day("2026-10-15"),
            ends: day("2026-12-15"),
            channel_ids: vec![],
        }];
        assert_eq!(
            posts_span(day("2026-11-04"), day("2026-11-06"), &[]),
            (day("2026-11-02"), day("2026-11-09"))
        );
        assert_eq!(
            posts_span(day("2026-11-04"), day("2026-11-06"), &goals),
            (day("2026-10-15"), day("2026-12-16"))
        );
    }

    #[test]
    fn slots_keep_the_wall_time_across_a_clock_change() {
        // Berlin moves its clocks back on Sunday 25 Oct 2026. A channel
        // usually posting at 18:00 gets 18:00 slots on both sides.
        let posts = [post("2026-10-19T16:00:00Z", &[1], &[])]; // Mon 18:00 CEST
        let rhythms = [Rhythm {
            channel_id: 1,
            per_week: 3,
        }];
        let v = PlanView {
            zone: zone("Europe/Berlin"),
            now: utc("2026-10-19T17:00:00Z"),
            first: day("2026-10-19"),
            last_exclusive: day("2026-11-02"),
            posts: &posts,
            rhythms: &rhythms,
            pillars: &[],
            goals: &[],
        };
        let gaps = plan_gaps(&v);
        assert_eq!(gaps.rhythm.len(), 2);
        for gap in &gaps.rhythm {
            assert!(!gap.slots.is_empty());
            for slot in &gap.slots {
                assert_eq!(slot.time(), NaiveTime::from_hms_opt(18, 0, 0).unwrap());
            }
        }
        assert_eq!(gaps.rhythm[1].slots.len(), 3);
    }
}
