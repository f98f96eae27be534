//! Live text measurement for the editor's counters, and the limit check a
//! scheduled post must pass.

use jadwal_domain::TextMeasure;
use jadwal_domain::post::text_for_channel;
use jadwal_domain::text_count::measure;
use jadwal_store::Store;
use jadwal_store::channels::ChannelRecord;
use std::collections::HashMap;

use crate::Engine;
use crate::dto::{MeasureInput, TargetDto, TextMeasureDto};
use crate::error::{EngineError, Result};
use crate::thread::{goes_as_thread, outgoing_texts};

/// Where a channel's own text limit is kept, when its server sets one (a
/// Mastodon instance's `max_characters`, read when the account connects).
pub(crate) fn text_limit_key(channel_id: i64) -> String {
    format!("channel/{channel_id}/max_characters")
}

/// The channels whose server sets its own text limit.
pub(crate) fn text_limits(store: &Store, channels: &[ChannelRecord]) -> Result<HashMap<i64, u32>> {
    let mut limits = HashMap::new();
    for c in channels {
        if let Some(max) = store
            .setting(&text_limit_key(c.id))?
            .and_then(|v| v.parse::<u32>().ok())
        {
            limits.insert(c.id, max);
        }
    }
    Ok(limits)
}

/// A target's text measured by its network's rule.
pub(crate) struct Measured {
    pub channel: ChannelRecord,
    /// The whole text.
    pub whole: TextMeasure,
    /// The person asked for a thread and the network has them.
    pub threaded: bool,
    /// The posts it goes out as, each measured: one, or a thread's parts.
    pub parts: Vec<(String, TextMeasure)>,
}

impl Measured {
    /// Too long for the channel: a single post over the limit, or a thread
    /// with a part over it.
    pub fn is_over(&self) -> bool {
        self.parts.iter().any(|(_, m)| m.is_over())
    }
}

/// Each target's text measured by its network's rule (and its server's own
/// limit, if it has one). Targets whose channel is unknown are left out (the
/// editor may hold a channel deleted meanwhile).
pub(crate) fn measure_targets(
    text: &str,
    targets: &[TargetDto],
    channels: &[ChannelRecord],
    limits: &HashMap<i64, u32>,
) -> Vec<Measured> {
    let variants = crate::convert::variants(
        targets
            .iter()
            .map(|t| (t.channel_id, t.variant_text.as_ref())),
    );
    targets
        .iter()
        .filter_map(|t| {
            let c = channels.iter().find(|c| c.id == t.channel_id)?;
            let body = text_for_channel(text, &variants, c.id);
            let limit = limits.get(&c.id).copied();
            let whole = measure(c.network, body, limit);
            let threaded = goes_as_thread(c.network, t.as_thread);
            let texts = outgoing_texts(c.network, t.as_thread, body);
            let parts = match texts.as_slice() {
                [one] if one == body => vec![(one.clone(), whole.clone())],
                _ => texts
                    .into_iter()
                    .map(|part| {
                        let m = measure(c.network, &part, limit);
                        (part, m)
                    })
                    .collect(),
            };
            Some(Measured {
                channel: c.clone(),
                whole,
                threaded,
                parts,
            })
        })
        .collect()
}

/// Refuses a text that breaks any target network's limit, naming the channels.
pub(crate) fn check_limits(
    text: &str,
    targets: &[TargetDto],
    channels: &[ChannelRecord],
    limits: &HashMap<i64, u32>,
) -> Result<()> {
    let over: Vec<String> = measure_targets(text, targets, channels, limits)
        .into_iter()
        .filter(Measured::is_over)
        .map(|m| m.channel.name)
        .collect();
    if over.is_empty() {
        Ok(())
    } else {
        Err(EngineError::OverLimit {
            channels: over.join(", "),
        })
    }
}

impl Engine {
    pub fn measure_text(&self, input: &MeasureInput) -> Result<Vec<TextMeasureDto>> {
        let (channels, limits) = {
            let store = self.store()?;
            let channels = store.channels(self.workspace_id)?;
            let limits = text_limits(&store, &channels)?;
            (channels, limits)
        };
        Ok(
            measure_targets(&input.text, &input.targets, &channels, &limits)
                .into_iter()
                .map(|m| TextMeasureDto {
                    channel_id: m.channel.id,
                    over: m.is_over(),
                    parts: u32::try_from(m.parts.len()).unwrap_or(u32::MAX),
                    threadable: m.channel.network.splits_into_threads(),
                    network: m.whole.network,
                    used: m.whole.used,
                    limit: m.whole.limit,
                    unit: m.whole.unit,
                })
                .collect(),
        )
    }
}
