//! How many posts a network takes from one account in a stretch of time,
//! and when the next may go. Kept well inside each network's published
//! limits, so a busy day never trips a block.
//!
//! - Bluesky: 5,000 points an hour per account, a new record costing 3
//!   (about 1,666 posts an hour).
//! - Mastodon: 300 posts per account in 3 hours (the stock instance limit).
//! - Telegram: about 20 messages a minute to one group or channel.
//! - Webhooks and assisted networks: none (a receiver that wants less says
//!   so with a 429, which is honoured).

use chrono::{DateTime, Duration, Utc};

use crate::Network;

/// At most `posts` in any `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendBudget {
    pub posts: u32,
    pub window: Duration,
}

/// The budget for one account on `network`, if it has one.
pub fn send_budget(network: Network) -> Option<SendBudget> {
    match network {
        Network::Bluesky => Some(SendBudget {
            posts: 1_600,
            window: Duration::hours(1),
        }),
        Network::Mastodon => Some(SendBudget {
            posts: 290,
            window: Duration::hours(3),
        }),
        Network::Telegram => Some(SendBudget {
            posts: 20,
            window: Duration::minutes(1),
        }),
        _ => None,
    }
}

/// When the next post may go, given the times of the sends inside the last
/// `budget.window` before `now` (any order): `now` if the budget has room,
/// otherwise the moment the oldest of them leaves the window.
pub fn next_send_at(
    budget: SendBudget,
    recent: &[DateTime<Utc>],
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let start = now - budget.window;
    let mut inside: Vec<DateTime<Utc>> = recent.iter().copied().filter(|t| *t > start).collect();
    let posts = usize::try_from(budget.posts).unwrap_or(usize::MAX);
    if inside.len() < posts {
        return now;
    }
    inside.sort();
    // The send that must leave the window to make room for one more.
    inside[inside.len() - posts] + budget.window
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(min: u32, sec: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 2, min, sec).unwrap()
    }

    #[test]
    fn room_left_means_now() {
        let b = send_budget(Network::Telegram).unwrap();
        let recent: Vec<_> = (0..19).map(|s| at(0, s)).collect();
        assert_eq!(next_send_at(b, &recent, at(0, 30)), at(0, 30));
    }

    #[test]
    fn a_full_window_waits_for_the_oldest_send_to_leave_it() {
        let b = send_budget(Network::Telegram).unwrap();
        let recent: Vec<_> = (0..20).map(|s| at(0, s)).rev().collect();
        assert_eq!(next_send_at(b, &recent, at(0, 30)), at(1, 0));
        // Sends older than the window do not count.
        let mut old = recent.clone();
        old.push(at(0, 0) - Duration::minutes(5));
        assert_eq!(next_send_at(b, &old, at(0, 30)), at(1, 0));
        // Over budget (sent before this rule existed): wait for enough to leave.
        let more: Vec<_> = (0..25).map(|s| at(0, s)).collect();
        assert_eq!(next_send_at(b, &more, at(0, 30)), at(1, 5));
    }

    #[test]
    fn webhooks_have_no_budget_and_each_paced_network_stays_under_its_limit() {
        assert_eq!(send_budget(Network::Webhook), None);
        assert_eq!(send_budget(Network::Instagram), None);
        let bsky = send_budget(Network::Bluesky).unwrap();
        assert!(bsky.posts * 3 <= 5_000 && bsky.window == Duration::hours(1));
        let masto = send_budget(Network::Mastodon).unwrap();
        assert!(masto.posts <= 300 && masto.window == Duration::hours(3));
    }
}
