//! Handing posts to a network's own scheduler (Mastodon's `scheduled_at`),
//! so they go out with the laptop closed, and following them there when the
//! person moves, edits or deletes them.
//!
//! Each scheduler pass first brings the networks' schedules in line with
//! the calendar: a post due at least [`HAND_OFF_AHEAD`] from now on a
//! connected Mastodon channel is handed over; a moved one is moved there; an
//! edited one is cancelled and handed over again; a deleted, unscheduled or
//! re-targeted one is cancelled. Any trouble is logged and left for the next
//! pass: the post then simply goes out from this machine at its time.

use chrono::{DateTime, Duration, Utc};
use jadwal_channels::mastodon::MastodonChannel;
use jadwal_channels::{ChannelError, OutgoingPost};
use jadwal_domain::Network;
use jadwal_domain::post::text_for_channel;
use jadwal_store::server_schedules::ServerSchedule;

use crate::Engine;
use crate::error::{EngineError, Result};

/// How far ahead a post must be to be handed over (Mastodon takes five
/// minutes or more; the rest is room for a slow upload).
pub const HAND_OFF_AHEAD: Duration = Duration::minutes(10);

/// A target the calendar wants in the network's schedule.
struct Wanted {
    post_id: i64,
    channel_id: i64,
    at: DateTime<Utc>,
    text: String,
    content: String,
}

/// FNV-1a, 64 bits: a stable fingerprint across builds (unlike std's hasher).
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

impl Engine {
    async fn mastodon_adapter(&self, channel_id: i64) -> Result<MastodonChannel> {
        let (channel, account) = {
            let store = self.store()?;
            let channel = self.channel_record(&store, channel_id)?;
            let account = store
                .account(channel_id)?
                .ok_or_else(|| EngineError::NotConnected {
                    channel: channel.name.clone(),
                })?;
            (channel, account)
        };
        self.mastodon_channel(&channel, &account).await
    }

    fn wanted_on_server(&self, now: DateTime<Utc>) -> Result<Vec<Wanted>> {
        let store = self.store()?;
        let mut wanted = Vec::new();
        for (post_id, channel_id, at) in store.server_schedulable(
            self.workspace_id,
            Network::Mastodon.as_str(),
            now + HAND_OFF_AHEAD,
        )? {
            let post = store.post(post_id)?;
            let variants = crate::convert::variants(
                post.targets
                    .iter()
                    .map(|t| (t.channel_id, t.variant_text.as_ref())),
            );
            let text = text_for_channel(&post.text, &variants, channel_id).to_owned();
            let pictures: Vec<String> = store
                .post_media(post_id)?
                .iter()
                .map(|a| {
                    format!(
                        "{}|{}|{}|{}",
                        a.attachment.hash,
                        a.attachment.alt_text,
                        a.attachment.focal_x,
                        a.attachment.focal_y
                    )
                })
                .collect();
            let mut parts = vec![text.as_str()];
            parts.extend(pictures.iter().map(String::as_str));
            let content = fingerprint(&parts);
            wanted.push(Wanted {
                post_id,
                channel_id,
                at,
                text,
                content,
            });
        }
        Ok(wanted)
    }

    /// Brings the networks' own schedules in line with the calendar (see the
    /// module's comment). Returns how many posts were handed over, moved or
    /// cancelled there.
    pub async fn sync_server_schedules(&self) -> Result<usize> {
        let now = self.clock.now();
        let wanted = self.wanted_on_server(now)?;
        let held = self.store()?.server_schedules(self.workspace_id)?;
        let mut changed = 0;

        for row in &held {
            let still = wanted
                .iter()
                .find(|w| w.post_id == row.post_id && w.channel_id == row.channel_id);
            let keep = match still {
                Some(w) => w.content == row.content,
                // Too close to move now, and unchanged: the server sends it.
                None => self.still_goes_out_there(row, now)?,
            };
            if !keep {
                match self.cancel_on_server(row).await {
                    Ok(()) => changed += 1,
                    Err(e) => {
                        log::warn!("could not cancel post {} on the server: {e}", row.post_id)
                    }
                }
            }
        }
        let held = self.store()?.server_schedules(self.workspace_id)?;
        for w in &wanted {
            let row = held
                .iter()
                .find(|r| r.post_id == w.post_id && r.channel_id == w.channel_id);
            let done = match row {
                Some(r) if r.scheduled_at == w.at => continue,
                Some(r) => self.move_on_server(r, w, now).await,
                None => self.hand_over(w, now).await,
            };
            match done {
                Ok(()) => changed += 1,
                Err(e) => log::warn!("post {} stays with this computer for now: {e}", w.post_id),
            }
        }
        Ok(changed)
    }

    /// A row for a post that is no longer wanted there: kept only when the
    /// post is still scheduled on that channel, unchanged, and due too soon
    /// to be touched (the server is about to send it).
    fn still_goes_out_there(&self, row: &ServerSchedule, now: DateTime<Utc>) -> Result<bool> {
        let found = self.store()?.post(row.post_id);
        let post = match found {
            Ok(post) => post,
            // Deleted: cancel it there.
            Err(jadwal_store::StoreError::NotFound { .. }) => return Ok(false),
            Err(e) => return Err(e.into()),
        };
        let scheduled_same = post.status == jadwal_domain::PostStatus::Scheduled
            && post
                .schedule
                .as_ref()
                .is_some_and(|s| s.at == row.scheduled_at)
            && post.targets.iter().any(|t| t.channel_id == row.channel_id);
        Ok(scheduled_same && row.scheduled_at < now + HAND_OFF_AHEAD)
    }

    async fn hand_over(&self, w: &Wanted, now: DateTime<Utc>) -> Result<()> {
        let adapter = self.mastodon_adapter(w.channel_id).await?;
        let images = self.images_for(w.post_id, Network::Mastodon).await?;
        let outgoing = OutgoingPost {
            // The same key for the same content and time: a repeat after a
            // lost answer gets the same scheduled post back (Mastodon keeps
            // keys for an hour).
            idempotency_key: format!(
                "jadwal-server-{}-{}-{}-{}",
                w.post_id,
                w.channel_id,
                w.content,
                w.at.timestamp()
            ),
            created_at: now,
            text: w.text.clone(),
            images,
            langs: Vec::new(),
            // Mastodon has no threads here: only Bluesky splits.
            split_into_thread: false,
        };
        let scheduled = adapter.schedule_on_server(&outgoing, w.at, now).await?;
        self.store()?.put_server_schedule(&ServerSchedule {
            post_id: w.post_id,
            channel_id: w.channel_id,
            remote_id: scheduled.id,
            scheduled_at: w.at,
            content: w.content.clone(),
        })?;
        log::info!("post {} handed to the server's scheduler", w.post_id);
        Ok(())
    }

    async fn move_on_server(
        &self,
        row: &ServerSchedule,
        w: &Wanted,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let adapter = self.mastodon_adapter(row.channel_id).await?;
        match adapter.move_scheduled(&row.remote_id, w.at, now).await {
            Ok(moved) => {
                self.store()?.put_server_schedule(&ServerSchedule {
                    remote_id: moved.id,
                    scheduled_at: w.at,
                    ..row.clone()
                })?;
                Ok(())
            }
            // Gone there (deleted by hand on the server): hand it over again.
            Err(ChannelError::ScheduledPostGone { .. }) => {
                self.store()?
                    .delete_server_schedule(row.post_id, row.channel_id)?;
                self.hand_over(w, now).await
            }
            Err(e) => Err(e.into()),
        }
    }

    async fn cancel_on_server(&self, row: &ServerSchedule) -> Result<()> {
        let adapter = self.mastodon_adapter(row.channel_id).await?;
        match adapter.cancel_scheduled(&row.remote_id).await {
            Ok(()) | Err(ChannelError::ScheduledPostGone { .. }) => {}
            Err(e) => return Err(e.into()),
        }
        self.store()?
            .delete_server_schedule(row.post_id, row.channel_id)?;
        Ok(())
    }
}
