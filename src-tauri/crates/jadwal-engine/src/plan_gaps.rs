//! Where the calendar's range falls short of the plan: the store's posts and
//! plan, through the domain's gap rules, in the workspace's zone.

use jadwal_domain::plan_gaps::{
    FAR_OFF_POINTS, GoalPeriod, PillarTarget, PlanView, PlannedPost, Rhythm, plan_gaps, posts_span,
};
use jadwal_domain::schedule::{day_range_utc, parse_date};

use crate::Engine;
use crate::dto::{GoalGapDto, PillarDriftDto, PlanGapsDto, RhythmGapDto};
use crate::error::Result;
use crate::strategy::goal_dto;

impl Engine {
    /// The plan's gaps over the local days `[from, to)` (the calendar's
    /// visible range), by the rules in `jadwal_domain::plan_gaps`.
    pub fn plan_gaps(&self, from: &str, to: &str) -> Result<PlanGapsDto> {
        let (first, last_exclusive) = (parse_date(from)?, parse_date(to)?);
        let store = self.store()?;
        let zone = self.zone(&store)?;
        let ws = self.workspace_id;

        let goal_records = store.goals(ws)?;
        let goals: Vec<GoalPeriod> = goal_records
            .iter()
            .map(|g| GoalPeriod {
                goal_id: g.id,
                starts: g.goal.starts,
                ends: g.goal.ends,
                channel_ids: g.goal.channel_ids.clone(),
            })
            .collect();
        let rhythms: Vec<Rhythm> = store
            .rhythms(ws)?
            .into_iter()
            .map(|r| Rhythm {
                channel_id: r.channel_id,
                per_week: r.posts_per_week,
            })
            .collect();
        let pillars: Vec<PillarTarget> = store
            .labels(ws)?
            .into_iter()
            .filter_map(|l| {
                l.target_share.map(|share| PillarTarget {
                    label_id: l.id,
                    share,
                })
            })
            .collect();

        let (span_from, span_to) = posts_span(first, last_exclusive, &goals);
        let (start, end) = day_range_utc(span_from, span_to, zone)?;
        let posts: Vec<PlannedPost> = store
            .posts_between(ws, start, end)?
            .into_iter()
            .filter_map(|p| {
                p.schedule.map(|s| PlannedPost {
                    at: s.at,
                    channel_ids: p.channel_ids,
                    label_ids: p.label_ids,
                })
            })
            .collect();

        let gaps = plan_gaps(&PlanView {
            zone,
            now: self.clock.now(),
            first,
            last_exclusive,
            posts: &posts,
            rhythms: &rhythms,
            pillars: &pillars,
            goals: &goals,
        });
        Ok(PlanGapsDto {
            rhythm: gaps
                .rhythm
                .into_iter()
                .map(|g| RhythmGapDto {
                    channel_id: g.channel_id,
                    week_start: g.week_start.to_string(),
                    planned: g.planned,
                    wanted: g.wanted,
                    slots: g.slots.iter().map(ToString::to_string).collect(),
                })
                .collect(),
            pillars: gaps
                .pillars
                .into_iter()
                .map(|d| PillarDriftDto {
                    label_id: d.label_id,
                    target: d.target,
                    actual: d.actual.round().clamp(0.0, 100.0) as u32,
                    posts: d.posts,
                    total: d.total,
                })
                .collect(),
            goals: gaps
                .goals
                .into_iter()
                .filter_map(|g| {
                    let record = goal_records.iter().find(|r| r.id == g.goal_id)?.clone();
                    Some(GoalGapDto {
                        goal: goal_dto(record),
                        slot: g.slot.map(|s| s.to_string()),
                    })
                })
                .collect(),
            far_off_points: FAR_OFF_POINTS,
        })
    }
}
