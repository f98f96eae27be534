//! A post, its status and its per-channel versions.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::DomainError;

/// Where a post stands as a whole. Per-channel delivery states belong to the
/// outbox; this is what the calendar shows.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostStatus {
    Draft,
    Scheduled,
    Published,
    Failed,
}

impl PostStatus {
    pub const ALL: [PostStatus; 4] = [
        PostStatus::Draft,
        PostStatus::Scheduled,
        PostStatus::Published,
        PostStatus::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PostStatus::Draft => "draft",
            PostStatus::Scheduled => "scheduled",
            PostStatus::Published => "published",
            PostStatus::Failed => "failed",
        }
    }

    /// Whether a person may still edit, move or reschedule the post. A
    /// published post is history: it can be duplicated, not changed.
    pub fn is_editable(self) -> bool {
        !matches!(self, PostStatus::Published)
    }

    /// The status changes a person can make by editing. Delivery (to
    /// published or failed) is the scheduler's business, not the editor's.
    pub fn check_edit_to(self, to: PostStatus) -> Result<(), DomainError> {
        // Any editable status may become a draft or scheduled again.
        let allowed = self.is_editable() && matches!(to, PostStatus::Draft | PostStatus::Scheduled);
        if allowed {
            Ok(())
        } else {
            Err(DomainError::InvalidTransition {
                from: self.as_str(),
                to: to.as_str(),
            })
        }
    }
}

impl fmt::Display for PostStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PostStatus {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PostStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| DomainError::UnknownStatus(s.to_owned()))
    }
}

/// The text a post uses on one channel instead of its main text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub channel_id: i64,
    pub text: String,
}

/// The text that goes to `channel_id`: its override if it has a non-blank one,
/// otherwise the main text.
pub fn text_for_channel<'a>(main: &'a str, variants: &'a [Variant], channel_id: i64) -> &'a str {
    variants
        .iter()
        .find(|v| v.channel_id == channel_id && !v.text.trim().is_empty())
        .map_or(main, |v| v.text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_and_unknown_ones_fail() {
        for s in PostStatus::ALL {
            assert_eq!(s.as_str().parse::<PostStatus>().unwrap(), s);
        }
        assert!("sent".parse::<PostStatus>().is_err());
    }

    #[test]
    fn the_editor_cannot_mark_a_post_published_or_edit_a_published_one() {
        assert!(
            PostStatus::Draft
                .check_edit_to(PostStatus::Scheduled)
                .is_ok()
        );
        assert!(
            PostStatus::Failed
                .check_edit_to(PostStatus::Scheduled)
                .is_ok()
        );
        assert!(
            PostStatus::Scheduled
                .check_edit_to(PostStatus::Draft)
                .is_ok()
        );
        assert!(
            PostStatus::Draft
                .check_edit_to(PostStatus::Published)
                .is_err()
        );
        assert!(
            PostStatus::Published
                .check_edit_to(PostStatus::Draft)
                .is_err()
        );
        assert!(!PostStatus::Published.is_editable());
    }

    #[test]
    fn a_channel_override_replaces_the_main_text_unless_blank() {
        let variants = vec![
            Variant {
                channel_id: 1,
                text: "short".into(),
            },
            Variant {
                channel_id: 2,
                text: "   ".into(),
            },
        ];
        assert_eq!(text_for_channel("main", &variants, 1), "short");
        assert_eq!(text_for_channel("main", &variants, 2), "main");
        assert_eq!(text_for_channel("main", &variants, 3), "main");
    }
}
