//! The figures of one workspace over one range of days, ready to be shown or
//! written into a report. Figures that are not known are `None` (shown as
//! "—"), never zero and never NaN.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{BestTimes, PillarShare, PostResult};

/// The days a dashboard or report covers, both ends included, in the
/// workspace's time zone.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportRange {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub first_day: NaiveDate,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub last_day: NaiveDate,
}

impl ReportRange {
    /// `None` when the last day comes before the first.
    pub fn new(first_day: NaiveDate, last_day: NaiveDate) -> Option<Self> {
        (first_day <= last_day).then_some(Self {
            first_day,
            last_day,
        })
    }

    pub fn days(&self) -> i64 {
        (self.last_day - self.first_day).num_days() + 1
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.first_day <= day && day <= self.last_day
    }
}

/// Everything a dashboard or report shows for one workspace and range.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Insights {
    pub workspace: String,
    pub range: ReportRange,
    pub goals: Vec<GoalProgress>,
    pub channels: Vec<ChannelTrend>,
    pub kpis: Vec<KpiFigure>,
    pub top_posts: Vec<PostResult>,
    pub bottom_posts: Vec<PostResult>,
    pub pillar_mix: Vec<PillarShare>,
    pub best_times: BestTimes,
    /// Paid boosts and ads that ran on at least one day of the range.
    pub campaigns: Vec<CampaignResult>,
}

/// A paid campaign and what it cost per result.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CampaignResult {
    pub name: String,
    pub channel: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub first_day: NaiveDate,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub last_day: NaiveDate,
    pub budget: f64,
    pub spend: Option<f64>,
    /// Cost per click, per 1,000 impressions, and return on ad spend.
    pub kpis: Vec<KpiFigure>,
}

/// One goal and how far its KPI has come in the goal's own period.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalProgress {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub goal_id: i64,
    /// awareness, engagement, traffic, leads, community, customer_service
    pub kind: String,
    /// A `Kpi::as_str` name or a plain count (followers, likes, clicks …).
    pub kpi: String,
    pub target: f64,
    pub actual: Option<f64>,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub first_day: NaiveDate,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub last_day: NaiveDate,
    pub channels: Vec<String>,
}

impl GoalProgress {
    /// How much of the target is reached, 0.0 to 1.0 and beyond; `None` when
    /// the actual figure is unknown or the target is not above zero.
    pub fn reached(&self) -> Option<f64> {
        let actual = self.actual?;
        (self.target > 0.0 && actual.is_finite()).then(|| actual / self.target)
    }
}

/// One channel's days in the range.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChannelTrend {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub channel_id: i64,
    pub name: String,
    pub network: String,
    /// `#rrggbb`, the channel's colour in the calendar.
    pub color: String,
    pub posts: u32,
    pub days: Vec<DayFigure>,
}

/// A channel's figures on one day: followers as last measured that day, and
/// the likes, reposts and replies its posts gained that day.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DayFigure {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub day: NaiveDate,
    pub followers: Option<f64>,
    pub engagements: Option<f64>,
}

/// A KPI over the whole range, with its formula for the reader.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KpiFigure {
    pub kpi: String,
    pub formula: String,
    pub value: Option<f64>,
}
