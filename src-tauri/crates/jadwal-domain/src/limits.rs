//! Per-network limits: ONE table, with the date it was last checked.
//!
//! Networks change their limits without notice. Keeping every number in one
//! table, with the date the facts were gathered, makes it one place to review
//! and one date to bump when someone checks them again.

use serde::{Deserialize, Serialize};

use crate::{CountUnit, Network};
use CountUnit::{Characters, Graphemes, Utf16Units, WeightedCharacters};

/// When the numbers below were last checked against the networks' own docs.
pub const LAST_CHECKED: &str = "2026-11-01";

/// A Telegram message's text may be 4096 UTF-16 units, but the caption under a
/// photo or an album only 1024: pass this as `limit_override` when measuring one.
pub const TELEGRAM_CAPTION_LIMIT: u32 = 1024;

/// What X counts every link as, whatever its length: t.co links are 23 long.
pub const X_URL_WEIGHT: u32 = 23;

/// What Mastodon counts every `http(s)://` link as, copying X's rule.
pub const MASTODON_URL_LENGTH: u32 = 23;

/// How much text a network takes in its main text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextLimit {
    /// The limit, in `unit`.
    pub max: u32,
    pub unit: CountUnit,
    /// A second cap on the UTF-8 length, checked as well as `max` (Bluesky).
    pub max_utf8_bytes: Option<u32>,
    /// How many hashtags a post may carry (Instagram).
    pub max_hashtags: Option<u32>,
}

impl TextLimit {
    const fn new(max: u32, unit: CountUnit) -> Self {
        TextLimit {
            max,
            unit,
            max_utf8_bytes: None,
            max_hashtags: None,
        }
    }

    const fn utf8_bytes(self, max: u32) -> Self {
        TextLimit {
            max_utf8_bytes: Some(max),
            ..self
        }
    }

    const fn hashtags(self, max: u32) -> Self {
        TextLimit {
            max_hashtags: Some(max),
            ..self
        }
    }
}

/// The table. Every network but the webhook has exactly one row. Where a
/// network has several text fields, the row is the post's main text; the
/// others are noted beside it.
#[rustfmt::skip] // one row per line reads as the table it is
const TEXT_LIMITS: [(Network, TextLimit); 11] = [
    (Network::Bluesky, TextLimit::new(300, Graphemes).utf8_bytes(3000)),
    // The default; each instance may set its own (read it from the instance).
    (Network::Mastodon, TextLimit::new(500, Graphemes)),
    // Posts with more than 3 links have failed in practice.
    (Network::Threads, TextLimit::new(500, Characters)),
    // Paying accounts get 25,000: pass it as `limit_override`.
    (Network::X, TextLimit::new(280, WeightedCharacters)),
    (Network::Linkedin, TextLimit::new(3000, Characters)),
    (Network::Instagram, TextLimit::new(2200, Characters).hashtags(30)),
    (Network::Facebook, TextLimit::new(63_206, Characters)),
    // Video caption; a photo post's description may be 4000.
    (Network::Tiktok, TextLimit::new(2200, Characters)),
    // Description; the title is 100, alt text 500.
    (Network::Pinterest, TextLimit::new(500, Characters)),
    // Phone numbers in the text are refused as well.
    (Network::GoogleBusiness, TextLimit::new(1500, Characters)),
    // A message; a caption is `TELEGRAM_CAPTION_LIMIT`.
    (Network::Telegram, TextLimit::new(4096, Utf16Units)),
];

/// The text limit of `network`; None for the webhook, which takes any length.
pub fn text_limit(network: Network) -> Option<TextLimit> {
    TEXT_LIMITS
        .iter()
        .find(|(n, _)| *n == network)
        .map(|&(_, limit)| limit)
}

/// How many hashtags a post on `network` may carry; None where there is no cap.
pub fn hashtag_limit(network: Network) -> Option<u32> {
    text_limit(network).and_then(|limit| limit.max_hashtags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_network_but_the_webhook_has_exactly_one_row() {
        for network in Network::ALL {
            let rows = TEXT_LIMITS.iter().filter(|(n, _)| *n == network).count();
            let expected = usize::from(network != Network::Webhook);
            assert_eq!(rows, expected, "{network}");
        }
        assert_eq!(text_limit(Network::Webhook), None);
    }

    #[test]
    fn limits_match_the_platforms_notes() {
        let max = |n| text_limit(n).map(|l| (l.max, l.unit));
        assert_eq!(max(Network::Bluesky), Some((300, Graphemes)));
        assert_eq!(max(Network::Mastodon), Some((500, Graphemes)));
        assert_eq!(max(Network::Threads), Some((500, Characters)));
        assert_eq!(max(Network::X), Some((280, WeightedCharacters)));
        assert_eq!(max(Network::Linkedin), Some((3000, Characters)));
        assert_eq!(max(Network::Instagram), Some((2200, Characters)));
        assert_eq!(max(Network::Facebook), Some((63_206, Characters)));
        assert_eq!(max(Network::Tiktok), Some((2200, Characters)));
        assert_eq!(max(Network::Pinterest), Some((500, Characters)));
        assert_eq!(max(Network::GoogleBusiness), Some((1500, Characters)));
        assert_eq!(max(Network::Telegram), Some((4096, Utf16Units)));
        assert_eq!(TELEGRAM_CAPTION_LIMIT, 1024);
    }

    #[test]
    fn only_bluesky_caps_bytes_and_only_instagram_caps_hashtags() {
        for network in Network::ALL {
            let limit = text_limit(network);
            let bytes = limit.and_then(|l| l.max_utf8_bytes);
            let expected_bytes = (network == Network::Bluesky).then_some(3000);
            assert_eq!(bytes, expected_bytes, "{network}");
            let expected_tags = (network == Network::Instagram).then_some(30);
            assert_eq!(hashtag_limit(network), expected_tags, "{network}");
        }
    }

    #[test]
    fn last_checked_is_an_iso_date() {
        assert!(chrono::NaiveDate::parse_from_str(LAST_CHECKED, "%Y-%m-%d").is_ok());
    }
}
