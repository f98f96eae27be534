//! The plan as the Strategy screen and the calendar see it. Dates cross as
//! `YYYY-MM-DD` (local days in the workspace's zone, both ends included),
//! slots as wall times (`2026-11-23T09:00`).

use jadwal_domain::Network;
use jadwal_domain::strategy::{GoalKind, GoalMeasure, SwotQuadrant};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Everything on the Strategy screen, in the guides' order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StrategyDto {
    pub swot: Vec<SwotItemDto>,
    pub goals: Vec<GoalDto>,
    pub personas: Vec<PersonaDto>,
    pub pillars: Vec<PillarDto>,
    pub rhythm: Vec<RhythmDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SwotItemDto {
    #[ts(type = "number")]
    pub id: i64,
    pub quadrant: SwotQuadrant,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SwotItemInput {
    pub quadrant: SwotQuadrant,
    pub text: String,
}

/// A goal. `measure` is a KPI's own name (`Kpi::as_str`, e.g.
/// `engagement_rate`) or a plain count (`followers`, `clicks`, …); `kpi` is
/// set only in the first case, for code that computes KPIs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalDto {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: GoalKind,
    pub measure: GoalMeasure,
    pub kpi: Option<String>,
    pub target: f64,
    pub starts: String,
    pub ends: String,
    /// Empty: every channel of the workspace.
    #[ts(type = "Array<number>")]
    pub channel_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalInput {
    pub kind: GoalKind,
    pub measure: GoalMeasure,
    pub target: f64,
    pub starts: String,
    pub ends: String,
    #[ts(type = "Array<number>")]
    pub channel_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonaDto {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub demographics: String,
    pub interests: String,
    pub behaviour: String,
    pub networks: Vec<Network>,
    /// Hours of the day (0–23) they are online, in order.
    pub active_hours: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonaInput {
    pub name: String,
    pub demographics: String,
    pub interests: String,
    pub behaviour: String,
    pub networks: Vec<Network>,
    pub active_hours: Vec<u8>,
}

/// A content pillar: a label with a target share of posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PillarDto {
    #[ts(type = "number")]
    pub label_id: i64,
    pub name: String,
    pub color: String,
    /// Percent of posts.
    pub share: u32,
}

/// A pillar to add (a label of that name becomes one; otherwise a new label
/// is made) or to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PillarInput {
    pub name: String,
    pub color: String,
    pub share: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RhythmDto {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub posts_per_week: u32,
}

/// Posts a week for a channel; 0 removes its rhythm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RhythmInput {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub posts_per_week: u32,
}

/// Where the calendar's range falls short of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanGapsDto {
    pub rhythm: Vec<RhythmGapDto>,
    pub pillars: Vec<PillarDriftDto>,
    pub goals: Vec<GoalGapDto>,
    /// How many points off a pillar's share may be before it shows.
    pub far_off_points: f64,
}

/// A week (Monday first) with fewer posts on a channel than its rhythm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RhythmGapDto {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub week_start: String,
    pub planned: u32,
    pub wanted: u32,
    /// Free days to fill, as wall times; one per missing post at most.
    pub slots: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PillarDriftDto {
    #[ts(type = "number")]
    pub label_id: i64,
    pub target: u32,
    /// Percent of the range's posts, rounded to a whole number.
    pub actual: u32,
    pub posts: u32,
    pub total: u32,
}

/// A goal whose period has no post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalGapDto {
    pub goal: GoalDto,
    /// The first day left in its period, as a wall time.
    pub slot: Option<String>,
}
