//! "Publish now": each of a post's channels, one at a time, with every
//! attempt recorded before the request goes out.

use chrono::{DateTime, Timelike, Utc};
use jadwal_channels::{ErrorClass, OutgoingPost};
use jadwal_domain::pacing::{next_send_at, send_budget};
use jadwal_domain::post::text_for_channel;
use jadwal_domain::{PostStatus, PublishMode};
use jadwal_store::accounts::AccountStatus;
use jadwal_store::attempts::AttemptOutcome;
use jadwal_store::channels::ChannelRecord;
use jadwal_store::posts::{PostRecord, StoredSchedule};

use crate::Engine;
use crate::dto::PublishResultDto;
use crate::error::{EngineError, Result};
use crate::scheduler::{HOLD_ASSISTED, HOLD_UNSURE};
use crate::thread::goes_as_thread;

pub(crate) struct Sent {
    url: String,
}

/// What one channel is sent: its text, and whether a text too long for one
/// post goes as a thread.
struct Body {
    text: String,
    as_thread: bool,
}

/// How one channel of a post went.
pub(crate) struct TargetOutcome {
    pub channel: ChannelRecord,
    pub result: Result<Sent>,
}

impl TargetOutcome {
    fn into_dto(self) -> PublishResultDto {
        match self.result {
            Ok(sent) => PublishResultDto {
                channel_id: self.channel.id,
                channel_name: self.channel.name,
                published: true,
                url: Some(sent.url),
                code: None,
                message: None,
            },
            Err(e) => {
                let ipc = e.to_ipc();
                PublishResultDto {
                    channel_id: self.channel.id,
                    channel_name: self.channel.name,
                    published: false,
                    url: None,
                    code: Some(ipc.code),
                    message: Some(ipc.message),
                }
            }
        }
    }

    fn is_temporary(&self) -> bool {
        matches!(&self.result, Err(EngineError::Channel(e)) if e.class() == ErrorClass::Temporary)
    }

    fn is_assisted(&self) -> bool {
        matches!(&self.result, Err(EngineError::Assisted { .. }))
    }

    fn is_offline(&self) -> bool {
        matches!(&self.result, Err(EngineError::Channel(e)) if e.means_offline())
    }

    /// When the channel's send budget has room again, if that is why.
    fn paced_until(&self) -> Option<DateTime<Utc>> {
        match &self.result {
            Err(EngineError::Paced { until, .. }) => Some(*until),
            _ => None,
        }
    }

    fn is_unsure(&self) -> bool {
        matches!(&self.result, Err(EngineError::OutcomeUnknown { .. }))
    }
}

/// What a post's channels add up to. A partial failure is never reported as
/// a total one, nor a partial success as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    AllPublished,
    /// Some channel refused it for good (a rule, a dead login, no account).
    Refused,
    /// Only temporary trouble (network, server, rate limit): try again later.
    OnlyTemporary,
    /// Everything automatic went out; the rest waits for the person's hand.
    OnlyAssistedLeft,
    /// A channel may or may not have it (sent, answer never heard, and the
    /// network cannot recognise a repeat): the person checks and says.
    Unsure,
    /// Only temporary trouble, and every network that failed could not be
    /// reached at all: this computer is most likely offline.
    Offline,
    /// Everything left waits for its channel's send budget; the earliest
    /// has room again at this time.
    Paced(DateTime<Utc>),
}

impl Verdict {
    pub(crate) fn of(outcomes: &[TargetOutcome]) -> Verdict {
        let pending: Vec<&TargetOutcome> = outcomes.iter().filter(|o| o.result.is_err()).collect();
        if pending.is_empty() {
            Verdict::AllPublished
        } else if pending.iter().all(|o| o.is_assisted()) {
            Verdict::OnlyAssistedLeft
        } else if !pending.iter().all(|o| {
            o.is_temporary() || o.is_assisted() || o.is_unsure() || o.paced_until().is_some()
        }) {
            Verdict::Refused
        } else if pending.iter().any(|o| o.is_unsure()) {
            Verdict::Unsure
        } else if let Some(until) = pending
            .iter()
            .filter(|o| !o.is_assisted())
            .map(|o| o.paced_until())
            .collect::<Option<Vec<_>>>()
            .and_then(|all| all.into_iter().min())
        {
            Verdict::Paced(until)
        } else if pending
            .iter()
            .filter(|o| o.is_temporary())
            .all(|o| o.is_offline())
        {
            Verdict::Offline
        } else {
            Verdict::OnlyTemporary
        }
    }
}

impl Engine {
    /// Publishes the post to every channel it targets and says, per channel,
    /// how it went. The post becomes published only when every channel has
    /// it, failed when any refused it.
    pub async fn publish_now(&self, post_id: i64) -> Result<Vec<PublishResultDto>> {
        let (post, outcomes) = self.publish_targets(post_id).await?;
        let verdict = Verdict::of(&outcomes);
        let status = match verdict {
            Verdict::AllPublished => PostStatus::Published,
            Verdict::OnlyAssistedLeft => post.status,
            // Held among the scheduled posts, so "Needs your decision" lists
            // it even when it was a draft sent with "Publish now".
            Verdict::Unsure => PostStatus::Scheduled,
            Verdict::Refused | Verdict::OnlyTemporary | Verdict::Offline | Verdict::Paced(_) => {
                PostStatus::Failed
            }
        };
        self.settle(&post, status)?;
        // After settling: a new schedule releases any hold.
        match verdict {
            Verdict::Unsure => self.store()?.set_hold(post.id, Some(HOLD_UNSURE))?,
            // A scheduled post whose other channels still need a hand stays
            // in "Needs your decision" (marking one of two by hand must not
            // drop the other).
            Verdict::OnlyAssistedLeft if post.status == PostStatus::Scheduled => {
                self.store()?.set_hold(post.id, Some(HOLD_ASSISTED))?;
            }
            _ => {}
        }
        Ok(outcomes.into_iter().map(TargetOutcome::into_dto).collect())
    }

    /// Every try to publish the post, oldest first: its publish log.
    pub fn publish_log(&self, post_id: i64) -> Result<Vec<crate::dto::AttemptDto>> {
        let store = self.store()?;
        self.own_post(&store, post_id)?;
        let channels = store.channels(self.workspace_id)?;
        Ok(store
            .attempts(post_id)?
            .into_iter()
            .map(|a| {
                let channel_name = channels
                    .iter()
                    .find(|c| c.id == a.channel_id)
                    .map_or_else(|| format!("#{}", a.channel_id), |c| c.name.clone());
                let (outcome, url, code, message) = match a.outcome {
                    Some(AttemptOutcome::Published { url, .. }) => {
                        ("published", Some(url), None, None)
                    }
                    Some(AttemptOutcome::Failed { code, message }) => {
                        ("failed", None, Some(code), Some(message))
                    }
                    None => ("unknown", None, None, None),
                };
                crate::dto::AttemptDto {
                    channel_id: a.channel_id,
                    channel_name,
                    started_at: crate::convert::rfc3339(a.started_at),
                    finished_at: a.finished_at.map(crate::convert::rfc3339),
                    outcome: outcome.to_owned(),
                    url,
                    code,
                    message,
                }
            })
            .collect())
    }

    /// Publishes the post to each of its channels in turn (one at a time: no
    /// stampede). Channels that already have it are not sent it again.
    pub(crate) async fn publish_targets(
        &self,
        post_id: i64,
    ) -> Result<(PostRecord, Vec<TargetOutcome>)> {
        let (post, channels) = {
            let store = self.store()?;
            let post = self.own_post(&store, post_id)?;
            (post, store.channels(self.workspace_id)?)
        };
        if !post.status.is_editable() {
            return Err(EngineError::NotEditable);
        }
        jadwal_domain::validate::post_text(&post.text)?;
        if post.targets.is_empty() {
            return Err(EngineError::ScheduleNeedsChannel);
        }
        // The same picture checks as scheduling: nothing goes out that a
        // target network would refuse.
        self.refuse_media_problems(&*self.store()?, post_id, &post.targets)?;
        let variants = crate::convert::variants(
            post.targets
                .iter()
                .map(|t| (t.channel_id, t.variant_text.as_ref())),
        );
        let mut outcomes = Vec::new();
        for target in &post.targets {
            let Some(channel) = channels.iter().find(|c| c.id == target.channel_id) else {
                continue;
            };
            let body = Body {
                text: text_for_channel(&post.text, &variants, channel.id).to_owned(),
                as_thread: goes_as_thread(channel.network, target.as_thread),
            };
            let result = self.publish_to(post_id, channel, body).await;
            outcomes.push(TargetOutcome {
                channel: channel.clone(),
                result,
            });
        }
        Ok((post, outcomes))
    }

    /// Writes the post's new status; a post published without a date shows
    /// on the calendar at the moment it went out.
    pub(crate) fn settle(&self, post: &PostRecord, status: PostStatus) -> Result<()> {
        if status == post.status {
            return Ok(());
        }
        let now = self.clock.now();
        let mut store = self.store()?;
        let zone = self.zone(&store)?;
        let schedule = post.schedule.clone().unwrap_or(StoredSchedule {
            at: now,
            time_zone: zone.name().to_owned(),
        });
        store.set_post_schedule(post.id, Some(&schedule), status, now)?;
        Ok(())
    }

    /// Records a post the network's own scheduler published at its time (the
    /// link is the account's page: the post's own address is the server's).
    fn record_sent_by_server(
        &self,
        post_id: i64,
        channel: &ChannelRecord,
        account: &jadwal_store::accounts::AccountRecord,
        handed: &jadwal_store::server_schedules::ServerSchedule,
    ) -> Result<Sent> {
        let url = match (&account.service_url, account.handle.split('@').next()) {
            (Some(base), Some(user)) if !user.is_empty() => {
                format!("{}/@{user}", base.trim_end_matches('/'))
            }
            (Some(base), _) => base.clone(),
            _ => String::new(),
        };
        let now = self.clock.now();
        let key = format!(
            "jadwal-server-{post_id}-{}-{}",
            channel.id, handed.remote_id
        );
        let mut store = self.store()?;
        let attempt = store.start_attempt(post_id, channel.id, &key, now, now)?;
        let outcome = AttemptOutcome::Published {
            remote_id: format!("scheduled:{}", handed.remote_id),
            url: url.clone(),
        };
        store.finish_attempt(attempt, &outcome, now)?;
        Ok(Sent { url })
    }

    /// Refuses for now a send the channel's budget has no room for.
    fn check_send_budget(&self, channel: &ChannelRecord) -> Result<()> {
        let Some(budget) = send_budget(channel.network) else {
            return Ok(());
        };
        let now = self.clock.now();
        let recent = self.store()?.sends_since(channel.id, now - budget.window)?;
        let until = next_send_at(budget, &recent, now);
        if until > now {
            return Err(EngineError::Paced {
                channel: channel.name.clone(),
                until,
            });
        }
        Ok(())
    }

    async fn publish_to(&self, post_id: i64, channel: &ChannelRecord, body: Body) -> Result<Sent> {
        let (account, last) = {
            let store = self.store()?;
            (
                store.account(channel.id)?,
                store.last_attempt(post_id, channel.id)?,
            )
        };
        // Published before (by Jadwal, or by hand and marked so): the
        // network has it; never send it again.
        if let Some(Some(AttemptOutcome::Published { url, .. })) = last.as_ref().map(|a| &a.outcome)
        {
            return Ok(Sent { url: url.clone() });
        }
        if channel.network.publish_mode() == PublishMode::Assisted {
            return Err(EngineError::Assisted {
                network: channel.network.display_name(),
            });
        }
        let account = account.ok_or_else(|| EngineError::NotConnected {
            channel: channel.name.clone(),
        })?;
        // Handed to the network's own scheduler: it went out there.
        let handed = self.store()?.server_schedule(post_id, channel.id)?;
        if let Some(handed) = handed {
            return self.record_sent_by_server(post_id, channel, &account, &handed);
        }
        if account.status == AccountStatus::LoginNeeded {
            return Err(EngineError::LoginNeeded {
                channel: channel.name.clone(),
            });
        }
        self.check_send_budget(channel)?;
        let adapter = self.adapter(channel, &account).await?;
        // Sent before, answer never heard (a crash, a cut connection). Only
        // a network that recognises a repeat may be sent it again; for the
        // others the person checks and decides.
        if matches!(last.as_ref().map(|a| &a.outcome), Some(None)) && !adapter.can_deduplicate() {
            return Err(EngineError::OutcomeUnknown {
                channel: channel.name.clone(),
            });
        }

        // The same key and creation time as any earlier try, so the network's
        // own guard (Bluesky's record key) turns a repeat into a no-op.
        let now = self.clock.now();
        let (key, created_at) = match &last {
            Some(a) => (a.idempotency_key.clone(), a.key_created_at),
            None => (
                new_idempotency_key(post_id, channel.id, now),
                whole_seconds(now),
            ),
        };
        // Pictures are made ready before the attempt is recorded: a picture
        // that cannot be read fails the post here, with nothing sent.
        let images = self.images_for(post_id, channel.network).await?;
        let attempt = self
            .store()?
            .start_attempt(post_id, channel.id, &key, created_at, now)?;

        let outgoing = OutgoingPost {
            idempotency_key: key,
            created_at,
            text: body.text,
            images,
            langs: Vec::new(),
            // A thread is one publication: its parts' record keys all come
            // from this attempt's key, so a retry finds the parts already
            // posted and sends only the rest.
            split_into_thread: body.as_thread,
        };
        let result = adapter.publish(&outgoing).await;
        let mut store = self.store()?;
        match result {
            Ok(published) => {
                let outcome = AttemptOutcome::Published {
                    remote_id: published.remote_id,
                    url: published.url.clone(),
                };
                store.finish_attempt(attempt, &outcome, self.clock.now())?;
                Ok(Sent { url: published.url })
            }
            Err(e) if e.may_have_arrived() && !adapter.can_deduplicate() => {
                // The attempt stays open: whether it arrived is unknown, and
                // only the person can tell (confirm_outcome closes it).
                log::warn!("{}: no clear answer ({e}); asking the person", channel.name);
                Err(EngineError::OutcomeUnknown {
                    channel: channel.name.clone(),
                })
            }
            Err(e) => {
                if e.class() == ErrorClass::LoginNeeded {
                    store.set_account_status(channel.id, AccountStatus::LoginNeeded)?;
                }
                let outcome = AttemptOutcome::Failed {
                    code: e.code().to_owned(),
                    message: e.to_string(),
                };
                store.finish_attempt(attempt, &outcome, self.clock.now())?;
                Err(e.into())
            }
        }
    }
}

/// A key no other publication shares, even from another data folder posting
/// to the same account in the same second (a reinstall, a second computer):
/// the post and channel ids and the time, plus 64 random bits.
fn new_idempotency_key(post_id: i64, channel_id: i64, now: DateTime<Utc>) -> String {
    let mut random = [0u8; 8];
    if getrandom::fill(&mut random).is_err() {
        // No system randomness: the clock's nanoseconds and this process
        // still keep two folders apart.
        let nanos = u64::from(now.timestamp_subsec_nanos()) ^ u64::from(std::process::id()) << 32;
        random = nanos.to_le_bytes();
    }
    let hex: String = random.iter().map(|b| format!("{b:02x}")).collect();
    format!("jadwal-{post_id}-{channel_id}-{}-{hex}", now.timestamp())
}

/// The store keeps whole seconds; a key's time must survive a round trip
/// through it unchanged, or a retry would derive another record key.
fn whole_seconds(t: DateTime<Utc>) -> DateTime<Utc> {
    t.with_nanosecond(0).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn two_folders_publishing_the_same_post_id_in_the_same_second_get_different_keys() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap();
        let a = new_idempotency_key(1, 1, now);
        let b = new_idempotency_key(1, 1, now);
        assert_ne!(a, b);
        assert!(a.starts_with("jadwal-1-1-1795399200-"), "{a}");
    }
}
