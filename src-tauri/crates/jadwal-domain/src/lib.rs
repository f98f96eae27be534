//! Jadwal's domain: plain types and the rules about them.
//!
//! Nothing here does IO or reads the clock; every instant is passed in. That
//! keeps the rules testable to the minute and lets the engine, the CLI and the
//! desktop shell agree on them.

pub mod day_spans;
pub mod error;
pub mod insights;
pub mod kpi;
pub mod limits;
pub mod metric;
pub mod network;
pub mod pacing;
pub mod paid;
pub mod plan_gaps;
pub mod post;
pub mod report_periods;
pub mod schedule;
pub mod strategy;
pub mod text_count;
pub mod url;
pub mod validate;

pub use error::DomainError;
pub use metric::{Metric, MetricSource};
pub use network::{Network, PublishMode};
pub use post::{PostStatus, Variant};
pub use schedule::{ResolvedTime, ScheduleAdjustment, TimeZoneId, WallTime};
pub use text_count::{CountUnit, TextMeasure};
