//! Fetching figures from the networks that give them (Bluesky, Mastodon):
//! on demand ("refresh metrics") and on a schedule.
//!
//! Which posts are asked about: every post published in the last 30 days,
//! on every refresh; older ones once a week (when their last fetched
//! figures are a week old). Each refresh also reads each account's
//! followers. The schedule: every 6 hours, and at start when the last
//! refresh is older than that. Posts made by hand, or handed to Mastodon's
//! own scheduler (whose id is not the published status's), have no id the
//! network can be asked about and are left out.
//!
//! A channel that fails does not stop the others: each channel's outcome
//! is reported on its own, with a code the window translates.

use chrono::{DateTime, Duration, Utc};
use jadwal_channels::{Channel, ChannelError, ErrorClass, Metrics};
use jadwal_domain::{Metric, MetricSource, Network};
use jadwal_store::accounts::AccountRecord;
use jadwal_store::channels::ChannelRecord;
use jadwal_store::metrics::{NewSample, PublishedTarget};
use std::sync::Arc;
use tokio::sync::watch;

use crate::Engine;
use crate::convert::rfc3339;
use crate::dto::{ChannelRefreshDto, MetricsRefreshDto, RefreshStatus};
use crate::error::{EngineError, Result};

/// How often the schedule refreshes.
pub const METRICS_REFRESH_EVERY: Duration = Duration::hours(6);
/// Posts younger than this are asked about on every refresh.
const RECENT: Duration = Duration::days(30);
/// Older posts are asked about again after this long.
const OLDER_EVERY: Duration = Duration::days(7);
/// Per workspace: when the last refresh ran (RFC 3339).
const FETCHED_AT_KEY: &str = "metrics_fetched_at";
/// On this computer: the Bluesky AppView that counts likes and followers.
const APPVIEW_KEY: &str = "bluesky_appview_url";

/// The networks whose API gives Jadwal figures, and the source they get.
fn source_of(network: Network) -> Option<MetricSource> {
    match network {
        Network::Bluesky => Some(MetricSource::Bluesky),
        Network::Mastodon => Some(MetricSource::Mastodon),
        _ => None,
    }
}

/// Whether a published target has an id its network can be asked about.
fn askable(t: &PublishedTarget) -> bool {
    !t.remote_id.is_empty()
        && !t.remote_id.starts_with("scheduled:")
        && t.remote_id != crate::decisions::BY_HAND
}

/// Whether a target is due: recent ones always, older ones weekly.
fn due(t: &PublishedTarget, now: DateTime<Utc>) -> bool {
    t.published_at >= now - RECENT || t.last_fetched_at.is_none_or(|at| at <= now - OLDER_EVERY)
}

fn post_samples(
    m: &Metrics,
    channel_id: i64,
    post_id: i64,
    source: MetricSource,
    now: DateTime<Utc>,
) -> Vec<NewSample> {
    [
        (Metric::Likes, m.likes),
        (Metric::Reposts, m.reposts),
        (Metric::Replies, m.replies),
        (Metric::Quotes, m.quotes),
    ]
    .into_iter()
    .filter_map(|(metric, value)| {
        Some(NewSample {
            channel_id,
            post_id: Some(post_id),
            metric,
            // Counts far below 2^53: exact as f64.
            value: value? as f64,
            source,
            taken_at: now,
            period_end: None,
        })
    })
    .collect()
}

/// One channel's figures and what went wrong while fetching them.
struct ChannelFetch {
    samples: Vec<NewSample>,
    posts: u32,
    failed_posts: u32,
    first_error: Option<EngineError>,
}

impl Engine {
    /// The Bluesky AppView the counts are read from.
    pub fn bluesky_appview(&self) -> Result<String> {
        Ok(self
            .store()?
            .setting(APPVIEW_KEY)?
            .unwrap_or_else(|| jadwal_channels::bluesky::DEFAULT_APPVIEW.to_owned()))
    }

    /// Sets the Bluesky AppView (a self-hosted one); `None` for Bluesky's own.
    pub fn set_bluesky_appview(&self, url: Option<&str>) -> Result<()> {
        let url = url
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .unwrap_or(jadwal_channels::bluesky::DEFAULT_APPVIEW);
        // Refused here, not at the next refresh, when it is not an address.
        jadwal_channels::bluesky::BlueskyConfig::new(None)?.with_appview(url)?;
        self.store()?.set_setting(APPVIEW_KEY, url)?;
        Ok(())
    }

    /// When the workspace's figures were last fetched from the networks.
    pub fn metrics_fetched_at(&self) -> Result<Option<DateTime<Utc>>> {
        let raw = self
            .store()?
            .workspace_setting(self.workspace_id, FETCHED_AT_KEY)?;
        Ok(raw
            .and_then(|r| DateTime::parse_from_rfc3339(&r).ok())
            .map(|t| t.with_timezone(&Utc)))
    }

    /// Whether the schedule should refresh now; if not, when it should.
    pub fn next_metrics_refresh(&self) -> Result<DateTime<Utc>> {
        let now = self.clock.now();
        Ok(self.metrics_fetched_at()?.map_or(now, |last| {
            (last + METRICS_REFRESH_EVERY).min(now + METRICS_REFRESH_EVERY)
        }))
    }

    /// Fetches the figures of every published post that is due and every
    /// connected account's followers, and appends them.
    pub async fn refresh_metrics(&self) -> Result<MetricsRefreshDto> {
        let now = self.clock.now();
        let (channels, accounts, targets) = {
            let store = self.store()?;
            (
                store.channels(self.workspace_id)?,
                store.accounts(self.workspace_id)?,
                store.published_targets(self.workspace_id)?,
            )
        };
        let mut report = Vec::with_capacity(channels.len());
        for channel in channels {
            let account = accounts.iter().find(|a| a.channel_id == channel.id);
            let wanted: Vec<&PublishedTarget> = targets
                .iter()
                .filter(|t| t.channel_id == channel.id && askable(t) && due(t, now))
                .collect();
            report.push(self.refresh_channel(&channel, account, &wanted, now).await);
        }
        self.store()?
            .set_workspace_setting(self.workspace_id, FETCHED_AT_KEY, &rfc3339(now))?;
        Ok(MetricsRefreshDto {
            fetched_at: rfc3339(now),
            channels: report,
        })
    }

    async fn refresh_channel(
        &self,
        channel: &ChannelRecord,
        account: Option<&AccountRecord>,
        targets: &[&PublishedTarget],
        now: DateTime<Utc>,
    ) -> ChannelRefreshDto {
        let mut dto = ChannelRefreshDto {
            channel_id: channel.id,
            channel_name: channel.name.clone(),
            status: RefreshStatus::NotAvailable,
            samples: 0,
            posts: 0,
            failed_posts: 0,
            code: None,
            message: None,
        };
        let Some(source) = source_of(channel.network) else {
            return dto;
        };
        let Some(account) = account else {
            dto.status = RefreshStatus::NotConnected;
            return dto;
        };
        let fetched = match self.metrics_adapter(channel, account).await {
            Ok(adapter) => fetch_channel(adapter.as_ref(), channel.id, source, targets, now).await,
            Err(e) => ChannelFetch {
                samples: Vec::new(),
                posts: u32::try_from(targets.len()).unwrap_or(u32::MAX),
                failed_posts: u32::try_from(targets.len()).unwrap_or(u32::MAX),
                first_error: Some(e),
            },
        };
        let stored = match self
            .store()
            .and_then(|mut s| Ok(s.append_samples(&fetched.samples, now)?))
        {
            Ok(ids) => ids.len(),
            Err(e) => {
                log::warn!("metrics of {} not stored: {e}", channel.name);
                dto.status = RefreshStatus::Failed;
                let ipc = e.to_ipc();
                dto.code = Some(ipc.code);
                dto.message = Some(ipc.message);
                return dto;
            }
        };
        dto.samples = u32::try_from(stored).unwrap_or(u32::MAX);
        dto.posts = fetched.posts;
        dto.failed_posts = fetched.failed_posts;
        dto.status = match (&fetched.first_error, stored) {
            (None, _) => RefreshStatus::Fetched,
            (Some(_), 0) => RefreshStatus::Failed,
            (Some(_), _) => RefreshStatus::Partial,
        };
        if let Some(e) = fetched.first_error {
            log::info!("metrics of {}: {e}", channel.name);
            let ipc = e.to_ipc();
            dto.code = Some(ipc.code);
            dto.message = Some(ipc.message);
        }
        dto
    }

    /// The adapter that reads a channel's counts.
    async fn metrics_adapter(
        &self,
        channel: &ChannelRecord,
        account: &AccountRecord,
    ) -> Result<Box<dyn Channel>> {
        if channel.network == Network::Bluesky {
            let appview = self.bluesky_appview()?;
            return Ok(Box::new(
                self.bluesky_channel(channel, account, Some(&appview))
                    .await?,
            ));
        }
        self.adapter(channel, account).await
    }
}

async fn fetch_channel(
    adapter: &dyn Channel,
    channel_id: i64,
    source: MetricSource,
    targets: &[&PublishedTarget],
    now: DateTime<Utc>,
) -> ChannelFetch {
    let mut out = ChannelFetch {
        samples: Vec::new(),
        posts: u32::try_from(targets.len()).unwrap_or(u32::MAX),
        failed_posts: 0,
        first_error: None,
    };
    let mut answered = 0_u32;
    // Reading the account first also proves the network can be reached and
    // the login works; when not, asking about each post would only repeat it.
    match adapter.fetch_account_metrics().await {
        Ok(m) => out.samples.extend(m.followers.map(|f| NewSample {
            channel_id,
            post_id: None,
            metric: Metric::Followers,
            value: f as f64,
            source,
            taken_at: now,
            period_end: None,
        })),
        Err(e) if stops_the_channel(&e) => {
            out.failed_posts = out.posts;
            out.first_error = Some(e.into());
            return out;
        }
        Err(e) => out.first_error = Some(e.into()),
    }
    for t in targets {
        match adapter.fetch_metrics(&t.remote_id).await {
            Ok(m) => {
                answered += 1;
                out.samples
                    .extend(post_samples(&m, channel_id, t.post_id, source, now));
            }
            Err(e) => {
                let stop = stops_the_channel(&e);
                out.first_error.get_or_insert(e.into());
                if stop {
                    break;
                }
            }
        }
    }
    // Posts not asked about after a stop count as failed too.
    out.failed_posts = out.posts - answered;
    out
}

/// Errors after which asking about the channel's other posts is pointless:
/// no connection, a dead login, a rate limit.
fn stops_the_channel(e: &ChannelError) -> bool {
    e.means_offline()
        || e.class() == ErrorClass::LoginNeeded
        || matches!(
            e,
            ChannelError::RateLimited { .. } | ChannelError::MetricsNotAvailable { .. }
        )
}

/// Refreshes the figures on the schedule until `stop` turns true: at start
/// when the last refresh is older than [`METRICS_REFRESH_EVERY`], then
/// every time that has passed again. Wakes at least every minute, so a
/// computer waking from sleep is noticed.
pub async fn run_metrics_refresher(
    engine: Arc<Engine>,
    mut stop: watch::Receiver<bool>,
    on_refresh: impl Fn(&MetricsRefreshDto) + Send + 'static,
) {
    const MAX_NAP: std::time::Duration = std::time::Duration::from_secs(60);
    loop {
        let nap = match engine.next_metrics_refresh() {
            Ok(next) if next <= engine.clock.now() => {
                match engine.refresh_metrics().await {
                    Ok(report) => on_refresh(&report),
                    Err(e) => log::warn!("metrics refresh failed: {e}"),
                }
                MAX_NAP
            }
            Ok(next) => (next - engine.clock.now())
                .to_std()
                .unwrap_or_default()
                .min(MAX_NAP),
            Err(e) => {
                log::warn!("metrics schedule unreadable: {e}");
                MAX_NAP
            }
        };
        tokio::select! {
            () = tokio::time::sleep(nap) => {}
            changed = stop.changed() => {
                if changed.is_err() || *stop.borrow() {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn target(
        published: DateTime<Utc>,
        fetched: Option<DateTime<Utc>>,
        remote_id: &str,
    ) -> PublishedTarget {
        PublishedTarget {
            post_id: 1,
            channel_id: 1,
            remote_id: remote_id.into(),
            url: String::new(),
            published_at: published,
            last_fetched_at: fetched,
        }
    }

    #[test]
    fn recent_posts_every_time_older_ones_weekly() {
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap();
        let id = "at://x/app.bsky.feed.post/1";
        assert!(due(
            &target(now - Duration::days(29), Some(now - Duration::hours(1)), id),
            now
        ));
        let old = now - Duration::days(90);
        assert!(due(&target(old, None, id), now), "never fetched");
        assert!(!due(&target(old, Some(now - Duration::days(6)), id), now));
        assert!(due(&target(old, Some(now - Duration::days(7)), id), now));
    }

    #[test]
    fn posts_without_a_network_id_are_not_asked_about() {
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap();
        assert!(askable(&target(now, None, "110123")));
        assert!(!askable(&target(now, None, "published by hand")));
        assert!(!askable(&target(now, None, "scheduled:77")));
        assert!(!askable(&target(now, None, "")));
    }
}
