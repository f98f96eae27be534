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

/// Each target's text measured by its network's rule (and its server's own
/// limit, if it has one). Targets whose channel is unknown are left out (the
/// editor may hold a channel deleted meanwhile).
pub(crate) fn measure_targets(
    text: &str,
    targets: &[TargetDto],
    channels: &[ChannelRecord],
    limits: &HashMap<i64, u32>,
) -> Vec<(ChannelRecord, TextMeasure)> {
    let variants = crate::convert::variants(
        targets
            .iter()
            .map(|t| (t.channel_id, t.variant_text.as_ref())),
    );
    targets
        .iter()
        .filter_map(|t| channels.iter().find(|c| c.id == t.channel_id))
        .map(|c| {
            let body = text_for_channel(text, &variants, c.id);
            (
                c.clone(),
                measure(c.network, body, limits.get(&c.id).copied()),
            )
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
        .filter(|(_, m)| m.is_over())
        .map(|(c, _)| c.name)
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
                .map(|(c, m)| TextMeasureDto {
                    channel_id: c.id,
                    over: m.is_over(),
                    network: m.network,
                    used: m.used,
                    limit: m.limit,
                    unit: m.unit,
                })
                .collect(),
        )
    }
}
