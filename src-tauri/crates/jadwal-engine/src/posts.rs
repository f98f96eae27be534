//! Posts: reading calendar pages and the tray, saving from the editor, moving,
//! duplicating, deleting and bringing back.

use chrono::{DateTime, Utc};
use jadwal_domain::schedule::{day_range_utc, parse_date, resolve};
use jadwal_domain::{PostStatus, ScheduleAdjustment, TimeZoneId, WallTime, validate};
use jadwal_store::Store;
use jadwal_store::posts::{PostRecord, PostWrite, StoredSchedule, Target};

use crate::dto::{PostDto, PostInput, PostSummaryDto, SaveOutcomeDto, TargetDto};
use crate::error::{EngineError, Result};
use crate::text::{check_limits, text_limits};
use crate::thread::goes_as_thread;
use crate::{Engine, convert};

/// A wall time resolved in the workspace's zone, ready to store.
struct Placed {
    schedule: StoredSchedule,
    adjustment: Option<ScheduleAdjustment>,
}

fn place(at: &str, zone: TimeZoneId) -> Result<Placed> {
    let wall: WallTime = at.parse()?;
    let resolved = resolve(wall, zone);
    Ok(Placed {
        schedule: StoredSchedule {
            at: resolved.utc,
            time_zone: zone.name().to_owned(),
        },
        adjustment: resolved.adjustment,
    })
}

fn refuse_past(schedule: &StoredSchedule, now: DateTime<Utc>, zone: TimeZoneId) -> Result<()> {
    if schedule.at <= now {
        return Err(EngineError::ScheduleInPast {
            at: convert::local(schedule, zone).replace('T', " "),
        });
    }
    Ok(())
}

impl Engine {
    /// Live posts whose time falls on the local dates `[from, to)`.
    pub fn calendar_posts(&self, from: &str, to: &str) -> Result<Vec<PostSummaryDto>> {
        let (first, last) = (parse_date(from)?, parse_date(to)?);
        let store = self.store()?;
        let zone = self.zone(&store)?;
        let (start, end) = day_range_utc(first, last, zone)?;
        Ok(store
            .posts_between(self.workspace_id, start, end)?
            .into_iter()
            .map(|p| convert::summary(p, zone))
            .collect())
    }

    /// Posts without a date: the tray.
    pub fn tray_posts(&self) -> Result<Vec<PostSummaryDto>> {
        let store = self.store()?;
        let zone = self.zone(&store)?;
        Ok(store
            .unscheduled_posts(self.workspace_id)?
            .into_iter()
            .map(|p| convert::summary(p, zone))
            .collect())
    }

    pub fn post(&self, id: i64) -> Result<PostDto> {
        let store = self.store()?;
        let zone = self.zone(&store)?;
        let mut post = convert::post(&self.own_post(&store, id)?, zone);
        post.on_server = store.server_scheduled_channels(id)?;
        Ok(post)
    }

    pub fn create_post(&self, input: &PostInput) -> Result<SaveOutcomeDto> {
        let mut store = self.store()?;
        let (write, adjustment) = self.prepare(&store, PostStatus::Draft, input)?;
        let id = store.insert_post(self.workspace_id, &write, self.clock.now())?;
        self.outcome(&store, id, adjustment)
    }

    pub fn update_post(&self, id: i64, input: &PostInput) -> Result<SaveOutcomeDto> {
        let mut store = self.store()?;
        let current = self.own_post(&store, id)?;
        let (write, adjustment) = self.prepare(&store, current.status, input)?;
        if write.status == PostStatus::Scheduled {
            // Like text over a limit: a picture a network refuses waits in the drafts.
            self.refuse_media_problems(&store, id, &write.targets)?;
        }
        store.update_post(id, &write, self.clock.now())?;
        self.outcome(&store, id, adjustment)
    }

    /// Moves a post to the wall time `at` in the workspace's zone, keeping
    /// everything else. A draft stays a draft: a date is a plan, not a promise.
    pub fn reschedule_post(&self, id: i64, at: &str) -> Result<SaveOutcomeDto> {
        let mut store = self.store()?;
        let zone = self.zone(&store)?;
        let post = self.own_post(&store, id)?;
        if !post.status.is_editable() {
            return Err(EngineError::NotEditable);
        }
        let placed = place(at, zone)?;
        if post.status == PostStatus::Scheduled {
            refuse_past(&placed.schedule, self.clock.now(), zone)?;
        }
        store.set_post_schedule(id, Some(&placed.schedule), post.status, self.clock.now())?;
        self.outcome(&store, id, placed.adjustment)
    }

    /// Takes a post off the calendar and back to the tray, as a draft.
    pub fn unschedule_post(&self, id: i64) -> Result<SaveOutcomeDto> {
        let mut store = self.store()?;
        let post = self.own_post(&store, id)?;
        if !post.status.is_editable() {
            return Err(EngineError::NotEditable);
        }
        store.set_post_schedule(id, None, PostStatus::Draft, self.clock.now())?;
        self.outcome(&store, id, None)
    }

    /// A draft copy with no date, on the tray.
    pub fn duplicate_post(&self, id: i64) -> Result<PostDto> {
        let mut store = self.store()?;
        let zone = self.zone(&store)?;
        let original = self.own_post(&store, id)?;
        let copy = PostWrite {
            text: original.text,
            status: PostStatus::Draft,
            schedule: None,
            targets: original.targets,
            label_ids: original.label_ids,
        };
        let new_id = store.insert_post(self.workspace_id, &copy, self.clock.now())?;
        let pictures: Vec<_> = store
            .post_media(id)?
            .into_iter()
            .map(|a| a.attachment)
            .collect();
        if !pictures.is_empty() {
            store.set_post_media(new_id, &pictures)?;
        }
        Ok(convert::post(&store.post(new_id)?, zone))
    }

    pub fn delete_post(&self, id: i64) -> Result<()> {
        let mut store = self.store()?;
        self.own_post(&store, id)?;
        store.delete_post(id, self.clock.now())?;
        Ok(())
    }

    /// Brings back a deleted post (the undo of [`Engine::delete_post`]).
    pub fn restore_post(&self, id: i64) -> Result<()> {
        self.store()?.restore_post(id)?;
        Ok(())
    }

    /// The post, if it belongs to this workspace.
    pub(crate) fn own_post(&self, store: &Store, id: i64) -> Result<PostRecord> {
        let post = store.post(id)?;
        if post.workspace_id != self.workspace_id {
            return Err(jadwal_store::StoreError::NotFound { what: "post", id }.into());
        }
        Ok(post)
    }

    fn outcome(
        &self,
        store: &Store,
        id: i64,
        adjustment: Option<ScheduleAdjustment>,
    ) -> Result<SaveOutcomeDto> {
        let zone = self.zone(store)?;
        Ok(SaveOutcomeDto {
            post: convert::post(&store.post(id)?, zone),
            adjustment,
        })
    }

    /// Checks the editor's input and turns it into a write. `from` is the
    /// post's current status (a new post counts as a draft).
    fn prepare(
        &self,
        store: &Store,
        from: PostStatus,
        input: &PostInput,
    ) -> Result<(PostWrite, Option<ScheduleAdjustment>)> {
        from.check_edit_to(input.status).map_err(|e| {
            if from.is_editable() {
                e.into()
            } else {
                EngineError::NotEditable
            }
        })?;
        validate::post_text(&input.text)?;
        let zone = self.zone(store)?;
        let channels = store.channels(self.workspace_id)?;
        let labels = store.labels(self.workspace_id)?;

        let mut targets: Vec<TargetDto> = Vec::new();
        for t in &input.targets {
            let Some(channel) = channels.iter().find(|c| c.id == t.channel_id) else {
                return Err(EngineError::UnknownChannel(t.channel_id));
            };
            if targets.iter().any(|seen| seen.channel_id == t.channel_id) {
                continue;
            }
            let variant_text = t.variant_text.as_ref().filter(|v| !v.trim().is_empty());
            if let Some(v) = variant_text {
                validate::post_text(v)?;
            }
            targets.push(TargetDto {
                channel_id: t.channel_id,
                variant_text: variant_text.cloned(),
                // Kept only where it means something, so a network that has
                // no threads never carries a stale choice.
                as_thread: goes_as_thread(channel.network, t.as_thread),
            });
        }
        let mut label_ids: Vec<i64> = Vec::new();
        for id in &input.label_ids {
            if !labels.iter().any(|l| l.id == *id) {
                return Err(EngineError::UnknownLabel(*id));
            }
            if !label_ids.contains(id) {
                label_ids.push(*id);
            }
        }

        let placed = input.at.as_deref().map(|at| place(at, zone)).transpose()?;
        if input.status == PostStatus::Scheduled {
            let placed = placed.as_ref().ok_or(EngineError::ScheduleNeedsTime)?;
            if targets.is_empty() {
                return Err(EngineError::ScheduleNeedsChannel);
            }
            refuse_past(&placed.schedule, self.clock.now(), zone)?;
            check_limits(
                &input.text,
                &targets,
                &channels,
                &text_limits(store, &channels)?,
            )?;
        }

        let (schedule, adjustment) = match placed {
            Some(p) => (Some(p.schedule), p.adjustment),
            None => (None, None),
        };
        let write = PostWrite {
            text: input.text.clone(),
            status: input.status,
            schedule,
            targets: targets
                .into_iter()
                .map(|t| Target {
                    channel_id: t.channel_id,
                    variant_text: t.variant_text,
                    as_thread: t.as_thread,
                })
                .collect(),
            label_ids,
        };
        Ok((write, adjustment))
    }
}
