//! What the person tells Jadwal about posts it could not finish alone: a
//! post they published by hand (assisted networks), and whether a post whose
//! answer never came back did arrive.

use jadwal_store::attempts::AttemptOutcome;

use crate::Engine;
use crate::dto::PublishResultDto;
use crate::error::{EngineError, Result};

/// What the publish log says of a post the person published by hand.
pub(crate) const BY_HAND: &str = "published by hand";

impl Engine {
    /// Records that the person published the post on `channel_id` by hand
    /// (optionally with the post's address), then finishes what is left:
    /// the post is published once every channel has it.
    pub async fn mark_posted(
        &self,
        post_id: i64,
        channel_id: i64,
        url: Option<String>,
    ) -> Result<Vec<PublishResultDto>> {
        let url = url
            .map(|u| u.trim().to_owned())
            .filter(|u| !u.is_empty())
            .unwrap_or_default();
        let web = url.starts_with("https://") || url.starts_with("http://");
        if !url.is_empty() && !web {
            return Err(EngineError::NotAWebAddress(url));
        }
        {
            let now = self.clock.now();
            let mut store = self.store()?;
            let post = self.own_post(&store, post_id)?;
            if !post.targets.iter().any(|t| t.channel_id == channel_id) {
                return Err(EngineError::UnknownChannel(channel_id));
            }
            let key = format!("jadwal-{post_id}-{channel_id}-hand-{}", now.timestamp());
            let attempt = store.start_attempt(post_id, channel_id, &key, now, now)?;
            let outcome = AttemptOutcome::Published {
                remote_id: BY_HAND.to_owned(),
                url,
            };
            store.finish_attempt(attempt, &outcome, now)?;
            store.set_hold(post_id, None)?;
        }
        self.publish_now(post_id).await
    }

    /// The person's answer for a post held as unsure: `arrived` records it
    /// as published where the answer never came; otherwise those sends are
    /// marked as lost and the post is sent again. Either way the rest of
    /// its channels are finished.
    pub async fn confirm_outcome(
        &self,
        post_id: i64,
        arrived: bool,
    ) -> Result<Vec<PublishResultDto>> {
        {
            let now = self.clock.now();
            let mut store = self.store()?;
            let post = self.own_post(&store, post_id)?;
            for target in &post.targets {
                let Some(last) = store.last_attempt(post_id, target.channel_id)? else {
                    continue;
                };
                if last.outcome.is_some() {
                    continue;
                }
                let outcome = if arrived {
                    AttemptOutcome::Published {
                        remote_id: BY_HAND.to_owned(),
                        url: String::new(),
                    }
                } else {
                    AttemptOutcome::Failed {
                        code: "not_arrived".to_owned(),
                        message: "You said it did not arrive; Jadwal sent it again".to_owned(),
                    }
                };
                store.finish_attempt(last.id, &outcome, now)?;
            }
            store.set_hold(post_id, None)?;
        }
        self.publish_now(post_id).await
    }
}
