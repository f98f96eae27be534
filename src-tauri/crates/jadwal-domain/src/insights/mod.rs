//! What the dashboard and the reports show: each goal against its target,
//! trends per channel, the best and weakest posts, the pillar mix against its
//! target, and the hours that worked best. The engine fills these from the
//! store; the rules that turn raw figures into them live here, pure.

mod best_times;
mod model;
mod pillar_mix;
mod ranking;

pub use best_times::{BestTimes, PublishedResult, best_times};
pub use model::{
    CampaignResult, ChannelTrend, DayFigure, GoalProgress, Insights, KpiFigure, ReportRange,
};
pub use pillar_mix::{PillarCount, PillarShare, pillar_mix};
pub use ranking::{PostResult, TopAndBottom, top_and_bottom};
