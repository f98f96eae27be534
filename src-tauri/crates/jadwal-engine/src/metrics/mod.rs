//! Figures about published posts and accounts: typed in by the person,
//! imported from a CSV exported by a network's insights page, or fetched
//! from the networks that give them (Bluesky, Mastodon). Every figure keeps
//! its source and the time it describes; nothing is overwritten.

mod csv_import;
mod csv_mapping;
mod refresh;

use chrono::{DateTime, Utc};
use jadwal_domain::schedule::{day_range_utc, resolve};
use jadwal_domain::{DomainError, MetricSource, TimeZoneId, WallTime};
use jadwal_store::Store;
use jadwal_store::metrics::{NewSample, Sample};

use crate::Engine;
use crate::convert::rfc3339;
use crate::dto::{MetricSampleDto, RecordMetricInput, TargetMetricsDto};
use crate::error::{EngineError, Result};

pub use refresh::{METRICS_REFRESH_EVERY, run_metrics_refresher};

pub(crate) fn sample_dto(s: Sample) -> MetricSampleDto {
    MetricSampleDto {
        id: s.id,
        channel_id: s.sample.channel_id,
        post_id: s.sample.post_id,
        metric: s.sample.metric,
        value: s.sample.value,
        source: s.sample.source,
        taken_at: rfc3339(s.sample.taken_at),
        period_end: s.sample.period_end.map(rfc3339),
        recorded_at: rfc3339(s.recorded_at),
    }
}

/// When a figure the person gives is true: a wall time is that instant, a
/// date alone is the whole day in `zone` (a period).
pub(crate) fn when(
    raw: &str,
    zone: TimeZoneId,
) -> std::result::Result<(DateTime<Utc>, Option<DateTime<Utc>>), DomainError> {
    if let Ok(wall) = raw.parse::<WallTime>() {
        return Ok((resolve(wall, zone).utc, None));
    }
    let date = jadwal_domain::schedule::parse_date(raw)?;
    let next = date
        .succ_opt()
        .ok_or_else(|| DomainError::InvalidDateTime(raw.to_owned()))?;
    let (start, end) = day_range_utc(date, next, zone)?;
    Ok((start, Some(end)))
}

impl Engine {
    /// Records a figure the person typed in, for a post on a channel or for
    /// the account behind the channel.
    pub fn record_metric(&self, input: &RecordMetricInput) -> Result<MetricSampleDto> {
        let mut store = self.store()?;
        self.channel_record(&store, input.channel_id)?;
        if let Some(post_id) = input.post_id {
            self.own_target(&store, post_id, input.channel_id)?;
        }
        input.metric.check(input.value)?;
        let zone = self.zone(&store)?;
        let (taken_at, period_end) = when(&input.at, zone)?;
        let sample = NewSample {
            channel_id: input.channel_id,
            post_id: input.post_id,
            metric: input.metric,
            value: input.value,
            source: MetricSource::Manual,
            taken_at,
            period_end,
        };
        let now = self.clock.now();
        let ids = store.append_samples(std::slice::from_ref(&sample), now)?;
        Ok(sample_dto(Sample {
            id: ids.first().copied().unwrap_or_default(),
            sample,
            recorded_at: now,
        }))
    }

    /// A post target's figures: the newest of each kind and the history.
    pub fn target_metrics(&self, post_id: i64, channel_id: i64) -> Result<TargetMetricsDto> {
        let store = self.store()?;
        self.own_target(&store, post_id, channel_id)?;
        let history = store.target_samples(post_id, channel_id)?;
        // Oldest first per figure, so the newest of each is the last of its run.
        let mut latest: Vec<Sample> = Vec::new();
        for s in &history {
            match latest.last_mut() {
                Some(last) if last.sample.metric == s.sample.metric => *last = s.clone(),
                _ => latest.push(s.clone()),
            }
        }
        Ok(TargetMetricsDto {
            post_id,
            channel_id,
            latest: latest.into_iter().map(sample_dto).collect(),
            history: history.into_iter().map(sample_dto).collect(),
        })
    }

    /// The account figures of a channel between two instants, oldest first.
    pub fn account_metrics(
        &self,
        channel_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<MetricSampleDto>> {
        let store = self.store()?;
        self.channel_record(&store, channel_id)?;
        Ok(store
            .account_samples(channel_id, from, to)?
            .into_iter()
            .map(sample_dto)
            .collect())
    }

    /// The post, if it is this workspace's and goes to `channel_id`.
    fn own_target(&self, store: &Store, post_id: i64, channel_id: i64) -> Result<()> {
        let post = self.own_post(store, post_id)?;
        if post.targets.iter().any(|t| t.channel_id == channel_id) {
            Ok(())
        } else {
            Err(EngineError::UnknownChannel(channel_id))
        }
    }
}
