//! The social networks a channel can point at.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::DomainError;

/// A network kind. The string form (`as_str`) is what SQLite and the IPC carry.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Network {
    Bluesky,
    Mastodon,
    Telegram,
    Instagram,
    Facebook,
    Linkedin,
    X,
    Tiktok,
    Pinterest,
    Threads,
    GoogleBusiness,
    Webhook,
}

/// Whether the app can publish to a network by itself from a desktop, or can
/// only remind the person and help them post by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishMode {
    Automatic,
    Assisted,
}

impl Network {
    pub const ALL: [Network; 12] = [
        Network::Bluesky,
        Network::Mastodon,
        Network::Telegram,
        Network::Instagram,
        Network::Facebook,
        Network::Linkedin,
        Network::X,
        Network::Tiktok,
        Network::Pinterest,
        Network::Threads,
        Network::GoogleBusiness,
        Network::Webhook,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Network::Bluesky => "bluesky",
            Network::Mastodon => "mastodon",
            Network::Telegram => "telegram",
            Network::Instagram => "instagram",
            Network::Facebook => "facebook",
            Network::Linkedin => "linkedin",
            Network::X => "x",
            Network::Tiktok => "tiktok",
            Network::Pinterest => "pinterest",
            Network::Threads => "threads",
            Network::GoogleBusiness => "google_business",
            Network::Webhook => "webhook",
        }
    }

    /// The name people know the network by.
    pub fn display_name(self) -> &'static str {
        match self {
            Network::Bluesky => "Bluesky",
            Network::Mastodon => "Mastodon",
            Network::Telegram => "Telegram",
            Network::Instagram => "Instagram",
            Network::Facebook => "Facebook",
            Network::Linkedin => "LinkedIn",
            Network::X => "X",
            Network::Tiktok => "TikTok",
            Network::Pinterest => "Pinterest",
            Network::Threads => "Threads",
            Network::GoogleBusiness => "Google Business Profile",
            Network::Webhook => "Webhook",
        }
    }

    /// A colour close to the network's own, used when the person does not pick one.
    pub fn default_color(self) -> &'static str {
        match self {
            Network::Bluesky => "#1185fe",
            Network::Mastodon => "#6364ff",
            Network::Telegram => "#229ed9",
            Network::Instagram => "#d62976",
            Network::Facebook => "#1877f2",
            Network::Linkedin => "#0a66c2",
            Network::X => "#14171a",
            Network::Tiktok => "#ee1d52",
            Network::Pinterest => "#e60023",
            Network::Threads => "#3d3d3d",
            Network::GoogleBusiness => "#34a853",
            Network::Webhook => "#7a5c3e",
        }
    }

    /// Whether Jadwal can send a text too long for one post as a thread of
    /// replies on this network.
    pub fn splits_into_threads(self) -> bool {
        self == Network::Bluesky
    }

    pub fn publish_mode(self) -> PublishMode {
        match self {
            Network::Bluesky
            | Network::Mastodon
            | Network::Telegram
            | Network::Webhook
            | Network::X => PublishMode::Automatic,
            Network::Instagram
            | Network::Facebook
            | Network::Linkedin
            | Network::Tiktok
            | Network::Pinterest
            | Network::Threads
            | Network::GoogleBusiness => PublishMode::Assisted,
        }
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Network {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Network::ALL
            .into_iter()
            .find(|n| n.as_str() == s)
            .ok_or_else(|| DomainError::UnknownNetwork(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_network_round_trips_through_its_string_form() {
        for n in Network::ALL {
            assert_eq!(n.as_str().parse::<Network>().unwrap(), n);
        }
    }

    #[test]
    fn an_unknown_network_is_an_error_not_a_default() {
        assert!(matches!(
            "myspace".parse::<Network>(),
            Err(DomainError::UnknownNetwork(s)) if s == "myspace"
        ));
    }

    #[test]
    fn only_networks_open_to_desktop_apps_publish_automatically() {
        assert_eq!(Network::Bluesky.publish_mode(), PublishMode::Automatic);
        assert_eq!(Network::Instagram.publish_mode(), PublishMode::Assisted);
    }
}
