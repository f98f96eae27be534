//! The scheduler: publishes scheduled posts when their time comes, retries
//! temporary trouble with backoff, and holds posts it missed (the computer
//! was off or asleep) for the person to decide, instead of stampeding.
//!
//! It sleeps until the next due time or until the data changes; it never
//! polls busily. The nap is capped at a minute so that a wake from sleep or
//! a clock change is noticed soon, since tokio's timers follow a monotonic
//! clock that may stand still while the computer sleeps.

use chrono::{DateTime, Duration, Utc};
use jadwal_domain::PostStatus;
use jadwal_store::Change;
use std::fs::{File, OpenOptions};
use std::path::Path;
use std::sync::Arc;
use tokio::sync::{Notify, watch};

use crate::Engine;
use crate::error::{EngineError, Result};
use crate::publish::Verdict;

/// Posts on the tray of "needs your decision" for this reason went out to
/// some channels and wait for the person's hand on the others.
pub const HOLD_ASSISTED: &str = "assisted";
/// Held because a channel may or may not have the post (see `Verdict::Unsure`).
pub const HOLD_UNSURE: &str = "unsure";

#[derive(Debug, Clone)]
pub struct SchedulerSettings {
    /// Tries after a temporary failure before the post is marked failed.
    pub max_retries: u32,
    /// The first wait after a temporary failure; each next one doubles.
    pub first_backoff: Duration,
    /// How often a post waiting for the internet tries again. Those tries
    /// do not count towards `max_retries`: being offline for an afternoon
    /// must not fail the day's posts.
    pub offline_retry: Duration,
}

impl Default for SchedulerSettings {
    fn default() -> Self {
        SchedulerSettings {
            max_retries: 5,
            first_backoff: Duration::seconds(30),
            offline_retry: Duration::seconds(60),
        }
    }
}

/// What one pass did, for logs, notifications and tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassReport {
    pub published: Vec<i64>,
    pub failed: Vec<i64>,
    pub retrying: Vec<i64>,
    /// Could not reach any network: waiting for the internet.
    pub offline: Vec<i64>,
    /// Waiting for a channel's send budget to have room.
    pub paced: Vec<i64>,
    pub held: Vec<i64>,
    /// When to look again, if anything is waiting.
    pub next_due: Option<DateTime<Utc>>,
}

/// The wait before retry number `retries + 1`: doubling from the first
/// backoff, plus up to a quarter of it again so that many posts that failed
/// together do not all come back in the same second.
fn backoff(settings: &SchedulerSettings, retries: u32, post_id: i64) -> Duration {
    let base = settings.first_backoff * 2_i32.saturating_pow(retries.min(16));
    // Deterministic jitter from the post id: tests stay exact, posts spread.
    let spread = (post_id.unsigned_abs().wrapping_mul(2_654_435_761) % 1000) as i32;
    base + base / 4 * spread / 1000
}

impl Engine {
    /// One pass over what is due now. A post missed by more than the
    /// workspace's grace period (a setting) waits for the person's decision;
    /// a later one still goes out.
    pub async fn run_due(&self, settings: &SchedulerSettings) -> Result<PassReport> {
        // First the networks' own schedules (Mastodon): a failure there only
        // means those posts go out from here at their time.
        if let Err(e) = self.sync_server_schedules().await {
            log::warn!("the networks' schedules were not brought up to date: {e}");
        }
        let now = self.clock.now();
        let grace = self.grace_period()?.duration();
        let mut report = PassReport {
            held: self.store()?.hold_missed(self.workspace_id, now - grace)?,
            ..PassReport::default()
        };
        let due = self.store()?.due_posts(self.workspace_id, now)?;
        for post in due {
            match self.publish_due(post.id, post.retries, settings).await {
                Ok(Verdict::AllPublished) => report.published.push(post.id),
                Ok(Verdict::OnlyAssistedLeft | Verdict::Unsure) => report.held.push(post.id),
                Ok(Verdict::OnlyTemporary) => report.retrying.push(post.id),
                Ok(Verdict::Offline) => report.offline.push(post.id),
                Ok(Verdict::Paced(_)) => report.paced.push(post.id),
                Ok(Verdict::Refused) => report.failed.push(post.id),
                // The post changed under us (deleted, published elsewhere): skip it.
                Err(EngineError::NotEditable | EngineError::Store(_)) => {}
                Err(e) => {
                    log::warn!("post {} could not be published: {e}", post.id);
                    report.failed.push(post.id);
                }
            }
        }
        report.next_due = self.store()?.next_due_at(self.workspace_id)?;
        Ok(report)
    }

    async fn publish_due(
        &self,
        post_id: i64,
        retries: u32,
        settings: &SchedulerSettings,
    ) -> Result<Verdict> {
        let (post, outcomes) = self.publish_targets(post_id).await?;
        let verdict = Verdict::of(&outcomes);
        match verdict {
            Verdict::AllPublished => self.settle(&post, PostStatus::Published)?,
            Verdict::Refused => self.settle(&post, PostStatus::Failed)?,
            Verdict::OnlyAssistedLeft => self.store()?.set_hold(post_id, Some(HOLD_ASSISTED))?,
            Verdict::Unsure => self.store()?.set_hold(post_id, Some(HOLD_UNSURE))?,
            Verdict::OnlyTemporary if retries + 1 >= settings.max_retries => {
                self.settle(&post, PostStatus::Failed)?;
                return Ok(Verdict::Refused);
            }
            Verdict::Paced(until) => self.store()?.set_retry(post_id, until, retries)?,
            Verdict::Offline => {
                let at = self.clock.now() + settings.offline_retry;
                self.store()?.set_retry(post_id, at, retries)?;
            }
            Verdict::OnlyTemporary => {
                let at = self.clock.now() + backoff(settings, retries, post_id);
                self.store()?.set_retry(post_id, at, retries + 1)?;
            }
        }
        Ok(verdict)
    }

    /// Whether posts are waiting for the internet, for the window's banner.
    pub fn publishing_status(&self) -> Result<crate::dto::PublishingStatusDto> {
        let (waiting, since) = self.store()?.waiting_for_internet(
            self.workspace_id,
            self.clock.now(),
            &jadwal_channels::ChannelError::OFFLINE_CODES,
        )?;
        Ok(crate::dto::PublishingStatusDto {
            waiting_for_internet: waiting,
            waiting_since: since.map(crate::convert::rfc3339),
        })
    }

    /// Posts held for the person: `(post id, reason)`.
    pub fn needs_decision(&self) -> Result<Vec<(i64, String)>> {
        Ok(self.store()?.held_posts(self.workspace_id)?)
    }

    /// The held posts as the window lists them: the oldest page, and how
    /// many wait in all.
    pub fn held_posts(&self) -> Result<crate::dto::HeldPostsDto> {
        let store = self.store()?;
        let zone = self.zone(&store)?;
        let posts = store
            .held_posts(self.workspace_id)?
            .into_iter()
            .map(|(id, reason)| {
                let post = store.post(id)?;
                Ok(crate::dto::HeldPostDto {
                    post: crate::convert::summary_of(&post, zone),
                    reason,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let total = store.held_count(self.workspace_id)?;
        Ok(crate::dto::HeldPostsDto { posts, total })
    }

    /// Takes a held post off the hold without publishing it: it becomes a
    /// draft that keeps its date.
    pub fn skip_post(&self, post_id: i64) -> Result<()> {
        let mut store = self.store()?;
        let post = self.own_post(&store, post_id)?;
        store.set_hold(post_id, None)?;
        store.set_post_schedule(
            post_id,
            post.schedule.as_ref(),
            PostStatus::Draft,
            self.clock.now(),
        )?;
        Ok(())
    }

    /// A held post goes out now.
    pub async fn publish_held_now(
        &self,
        post_id: i64,
    ) -> Result<Vec<crate::dto::PublishResultDto>> {
        {
            let mut store = self.store()?;
            self.own_post(&store, post_id)?;
            store.set_hold(post_id, None)?;
        }
        self.publish_now(post_id).await
    }
}

/// Only one scheduler may publish from a data folder: the desktop app or
/// `jadwal-cli agent`, never both, so no post can go out twice.
pub struct SchedulerLock {
    _file: File,
}

impl SchedulerLock {
    pub const FILE_NAME: &'static str = "scheduler.lock";

    pub fn acquire(data_dir: &Path) -> Result<SchedulerLock> {
        let path = data_dir.join(Self::FILE_NAME);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| EngineError::SchedulerLock {
                path: path.clone(),
                source: Some(source),
            })?;
        match file.try_lock() {
            Ok(()) => Ok(SchedulerLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(EngineError::SchedulerBusy),
            Err(std::fs::TryLockError::Error(source)) => Err(EngineError::SchedulerLock {
                path,
                source: Some(source),
            }),
        }
    }
}

/// Runs the scheduler until `stop` turns true. Every pass is logged; an
/// error in one pass never ends the loop.
pub async fn run_scheduler(
    engine: Arc<Engine>,
    settings: SchedulerSettings,
    mut stop: watch::Receiver<bool>,
    on_pass: impl Fn(&PassReport) + Send + 'static,
) {
    let wake = Arc::new(Notify::new());
    let waker = wake.clone();
    let listening = engine.on_change(move |change| {
        // A new grace period applies at once, not at the next nap's end.
        if matches!(
            change,
            Change::Posts { .. } | Change::Accounts | Change::Settings
        ) {
            waker.notify_one();
        }
    });
    if let Err(e) = listening {
        log::error!("the scheduler cannot follow changes: {e}");
    }
    const MAX_NAP: std::time::Duration = std::time::Duration::from_secs(60);
    loop {
        let next_due = match engine.run_due(&settings).await {
            Ok(report) => {
                on_pass(&report);
                report.next_due
            }
            Err(e) => {
                log::warn!("scheduler pass failed: {e}");
                None
            }
        };
        let now = engine.clock.now();
        let nap = next_due
            .map(|t| (t - now).to_std().unwrap_or_default() + std::time::Duration::from_millis(50))
            .unwrap_or(MAX_NAP)
            .min(MAX_NAP);
        tokio::select! {
            () = tokio::time::sleep(nap) => {}
            () = wake.notified() => {}
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

    #[test]
    fn backoff_doubles_and_spreads_by_at_most_a_quarter() {
        let s = SchedulerSettings::default();
        for retries in 0..4 {
            let base = Duration::seconds(30 * 2_i64.pow(retries));
            for post in [1, 2, 77, 1_000_003] {
                let wait = backoff(&s, retries, post);
                assert!(
                    wait >= base && wait <= base + base / 4,
                    "{retries} {post}: {wait}"
                );
            }
        }
        assert_ne!(
            backoff(&s, 0, 1),
            backoff(&s, 0, 2),
            "posts failing together spread out"
        );
    }
}
