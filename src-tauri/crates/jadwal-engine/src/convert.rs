//! Store records to DTOs.

use chrono::{DateTime, SecondsFormat, Utc};
use jadwal_domain::TimeZoneId;
use jadwal_domain::schedule::wall_time_at;
use jadwal_store::channels::ChannelRecord;
use jadwal_store::labels::LabelRecord;
use jadwal_store::posts::{PostRecord, PostSummary, StoredSchedule, Target};

use crate::dto::{ChannelDto, LabelDto, PostDto, PostSummaryDto, ScheduleDto, TargetDto};

pub(crate) fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The wall time a stored schedule shows in the workspace's zone.
pub(crate) fn local(s: &StoredSchedule, zone: TimeZoneId) -> String {
    wall_time_at(s.at, zone).to_string()
}

pub(crate) fn schedule(s: &StoredSchedule, zone: TimeZoneId) -> ScheduleDto {
    ScheduleDto {
        local: local(s, zone),
        utc: rfc3339(s.at),
        time_zone: s.time_zone.clone(),
    }
}

pub(crate) fn target(t: &Target) -> TargetDto {
    TargetDto {
        channel_id: t.channel_id,
        variant_text: t.variant_text.clone(),
        as_thread: t.as_thread,
    }
}

pub(crate) fn post(p: &PostRecord, zone: TimeZoneId) -> PostDto {
    PostDto {
        id: p.id,
        text: p.text.clone(),
        status: p.status,
        schedule: p.schedule.as_ref().map(|s| schedule(s, zone)),
        targets: p.targets.iter().map(target).collect(),
        label_ids: p.label_ids.clone(),
        editable: p.status.is_editable(),
        created_at: rfc3339(p.created_at),
        updated_at: rfc3339(p.updated_at),
        on_server: Vec::new(),
    }
}

pub(crate) fn summary(p: PostSummary, zone: TimeZoneId) -> PostSummaryDto {
    PostSummaryDto {
        start: p.schedule.as_ref().map(|s| local(s, zone)),
        id: p.id,
        status: p.status,
        excerpt: p.excerpt,
        channel_ids: p.channel_ids,
        label_ids: p.label_ids,
    }
}

pub(crate) fn channel(c: ChannelRecord) -> ChannelDto {
    ChannelDto {
        automatic: c.network.publish_mode() == jadwal_domain::PublishMode::Automatic,
        id: c.id,
        name: c.name,
        network: c.network,
        color: c.color,
    }
}

pub(crate) fn label(l: LabelRecord) -> LabelDto {
    LabelDto {
        id: l.id,
        name: l.name,
        color: l.color,
    }
}

/// A whole post shown the way the calendar shows its summaries.
pub(crate) fn summary_of(p: &PostRecord, zone: TimeZoneId) -> PostSummaryDto {
    PostSummaryDto {
        id: p.id,
        status: p.status,
        start: p.schedule.as_ref().map(|s| local(s, zone)),
        excerpt: p
            .text
            .chars()
            .take(jadwal_store::posts::EXCERPT_CHARS as usize)
            .collect(),
        channel_ids: p.targets.iter().map(|t| t.channel_id).collect(),
        label_ids: p.label_ids.clone(),
    }
}

/// The per-channel texts among a post's targets (`(channel id, its own
/// text)`), as `text_for_channel` takes them.
pub(crate) fn variants<'a>(
    targets: impl IntoIterator<Item = (i64, Option<&'a String>)>,
) -> Vec<jadwal_domain::Variant> {
    targets
        .into_iter()
        .filter_map(|(channel_id, text)| {
            text.map(|t| jadwal_domain::Variant {
                channel_id,
                text: t.clone(),
            })
        })
        .collect()
}
