//! Text too long for one post, sent as a thread of replies where the network
//! has them (Bluesky). The editor's preview, the limit check and publishing
//! all split with the adapter's own splitter, so what is shown is what goes.

use jadwal_channels::bluesky::thread::parts_for;
use jadwal_domain::Network;

use crate::Engine;
use crate::dto::{MeasureInput, ThreadPartDto, ThreadPreviewDto};
use crate::error::Result;
use crate::text::{measure_targets, text_limits};

/// Whether a target's text goes out as a thread when it is too long.
pub(crate) fn goes_as_thread(network: Network, as_thread: bool) -> bool {
    as_thread && network.splits_into_threads()
}

/// The texts `body` goes out as on `network`: itself, or a thread's parts.
pub(crate) fn outgoing_texts(network: Network, as_thread: bool, body: &str) -> Vec<String> {
    if goes_as_thread(network, as_thread) {
        parts_for(body, true)
    } else {
        vec![body.to_owned()]
    }
}

impl Engine {
    /// For each target that asks for a thread, the posts its text will go
    /// out as, in order, each measured by the network's rule. A text that
    /// fits is one part.
    pub fn preview_threads(&self, input: &MeasureInput) -> Result<Vec<ThreadPreviewDto>> {
        let (channels, limits) = {
            let store = self.store()?;
            let channels = store.channels(self.workspace_id)?;
            let limits = text_limits(&store, &channels)?;
            (channels, limits)
        };
        Ok(
            measure_targets(&input.text, &input.targets, &channels, &limits)
                .into_iter()
                .filter(|m| m.threaded)
                .map(|m| ThreadPreviewDto {
                    channel_id: m.channel.id,
                    parts: m
                        .parts
                        .into_iter()
                        .map(|(text, measure)| ThreadPartDto {
                            over: measure.is_over(),
                            text,
                            used: measure.used,
                            limit: measure.limit,
                            unit: measure.unit,
                        })
                        .collect(),
                })
                .collect(),
        )
    }
}
