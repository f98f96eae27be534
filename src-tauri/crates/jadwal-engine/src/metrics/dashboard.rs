//! The figures a dashboard reads: a figure's daily series per channel over
//! a range of days, and the newest figures of the posts in a range.
//!
//! Days are the workspace's: the range's first day starts at its local
//! midnight. Rows are put on days with the zone's offset at the range's
//! start, so across a daylight-saving change a figure taken within an hour
//! of midnight may land on the neighbouring day (Jakarta has no such change).

use chrono::{Duration, NaiveDate, Offset, TimeZone};
use jadwal_domain::Metric;
use jadwal_domain::schedule::{day_range_utc, parse_date};
use jadwal_store::metrics::{DailyQuery, Level};

use super::sample_dto;
use crate::Engine;
use crate::dto::{DailyFigureDto, DailyValue, MetricLevel, MetricSampleDto};
use crate::error::Result;

impl Engine {
    /// A figure per channel and day from `first` to `last` (both
    /// `YYYY-MM-DD`, `last` included).
    pub fn daily_metrics(
        &self,
        metric: Metric,
        level: MetricLevel,
        value: DailyValue,
        first: &str,
        last: &str,
    ) -> Result<Vec<DailyFigureDto>> {
        let store = self.store()?;
        let zone = self.zone(&store)?;
        let (first, last) = (parse_date(first)?, parse_date(last)?);
        let (from, to) = day_range_utc(first, last + Duration::days(1), zone)?;
        let offset = zone
            .tz()
            .offset_from_utc_datetime(&from.naive_utc())
            .fix()
            .local_minus_utc();
        let query = DailyQuery {
            workspace_id: self.workspace_id,
            metric,
            level: match level {
                MetricLevel::Account => Level::Account,
                MetricLevel::Posts => Level::Posts,
            },
            from,
            to,
            utc_offset: offset,
        };
        let rows = match value {
            DailyValue::Newest => store.daily_latest(&query)?,
            DailyValue::Sum => store.daily_sums(&query)?,
        };
        let epoch = NaiveDate::default();
        Ok(rows
            .into_iter()
            .map(|r| DailyFigureDto {
                channel_id: r.channel_id,
                date: (epoch + Duration::days(r.day))
                    .format("%Y-%m-%d")
                    .to_string(),
                value: r.value,
            })
            .collect())
    }

    /// The newest figure of each kind for each target of the posts
    /// scheduled from `first` to `last` (both `YYYY-MM-DD`, included).
    pub fn latest_post_metrics(&self, first: &str, last: &str) -> Result<Vec<MetricSampleDto>> {
        let store = self.store()?;
        let zone = self.zone(&store)?;
        let (first, last) = (parse_date(first)?, parse_date(last)?);
        let (from, to) = day_range_utc(first, last + Duration::days(1), zone)?;
        Ok(store
            .latest_target_samples(self.workspace_id, from, to)?
            .into_iter()
            .map(sample_dto)
            .collect())
    }
}
