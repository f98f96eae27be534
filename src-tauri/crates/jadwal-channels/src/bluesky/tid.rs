//! Record keys: the same post always gets the same key.
//!
//! A post's record key (rkey) is a TID (`app.bsky.feed.post` records must
//! have one: the PDS refuses other keys). Deriving it from the outbox's
//! idempotency key makes a retry write to the same key, and the PDS never
//! holds two records under one key, so a repeated publish cannot make a
//! second post. The TID's time is the post's `created_at` (to the
//! millisecond) so keys still sort by time as Bluesky expects; the
//! microseconds and the clock id come from a hash of the idempotency key, so
//! two posts created in the same millisecond still get different keys.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

/// base32-sortable, as atproto spells it.
const ALPHABET: &[u8; 32] = b"234567abcdefghijklmnopqrstuvwxyz";

/// The record key of part `part` (0 for a single post) of the post with
/// `idempotency_key`, created at `created_at`.
pub fn record_key(idempotency_key: &str, part: usize, created_at: DateTime<Utc>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(idempotency_key.as_bytes());
    hasher.update([0]);
    hasher.update(part.to_string().as_bytes());
    let hash = hasher.finalize();
    let millis = u64::try_from(created_at.timestamp_millis()).unwrap_or(0);
    let sub_millis = u64::from(u16::from_be_bytes([hash[0], hash[1]]) % 1000);
    let clock_id = u16::from_be_bytes([hash[2], hash[3]]) & 0x3ff;
    tid(
        millis.saturating_mul(1000).saturating_add(sub_millis),
        clock_id,
    )
}

/// A TID: 53 bits of microseconds since 1970 and a 10-bit clock id, top bit
/// zero, as 13 base32-sortable characters.
pub fn tid(micros: u64, clock_id: u16) -> String {
    let value = ((micros & ((1 << 53) - 1)) << 10) | u64::from(clock_id & 0x3ff);
    (0..13)
        .rev()
        .map(|i| char::from(ALPHABET[((value >> (5 * i)) & 31) as usize]))
        .collect()
}

/// Whether `s` is a valid TID (and so a valid post record key).
pub fn is_tid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 13 && b"234567abcdefghij".contains(&b[0]) && b.iter().all(|c| ALPHABET.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, h, m, 0).unwrap()
    }

    #[test]
    fn the_same_post_always_gets_the_same_key() {
        let a = record_key("post-42/channel-7/attempt-key", 0, at(9, 30));
        let b = record_key("post-42/channel-7/attempt-key", 0, at(9, 30));
        assert_eq!(a, b);
        assert!(is_tid(&a), "{a}");
    }

    #[test]
    fn other_posts_parts_and_times_get_other_keys() {
        let base = record_key("k1", 0, at(9, 30));
        assert_ne!(base, record_key("k2", 0, at(9, 30)));
        assert_ne!(base, record_key("k1", 1, at(9, 30)));
        assert_ne!(base, record_key("k1", 0, at(9, 31)));
        // 20 bits of the key vary within one millisecond: 100 posts of one
        // account created in the same millisecond still get distinct keys
        // (and a collision is caught at publish time, see mod.rs).
        let many: std::collections::HashSet<_> = (0..100)
            .map(|i| record_key(&format!("key-{i}"), 0, at(9, 30)))
            .collect();
        assert_eq!(many.len(), 100, "keys of one millisecond do not collide");
    }

    #[test]
    fn keys_sort_by_time_and_encode_it() {
        let early = record_key("z", 0, at(9, 0));
        let late = record_key("a", 0, at(10, 0));
        assert!(early < late);
        // The known encoding: 0 is all "2", and the top character stays in 2..j.
        assert_eq!(tid(0, 0), "2222222222222");
        assert!(is_tid(&tid((1 << 53) - 1, 0x3ff)));
        // The top bit stays zero, so the largest TID starts with "b".
        assert_eq!(tid((1 << 53) - 1, 0x3ff), "bzzzzzzzzzzzz");
        // 2026 in microseconds starts with "3m"…, as real Bluesky keys do.
        assert!(early.starts_with('3'), "{early}");
    }

    #[test]
    fn invalid_tids_are_recognised() {
        for bad in [
            "",
            "jadwal-abc",
            "3jzfcijpj2z2",
            "kzzzzzzzzzzzz",
            "3jzfcijpj2z2A",
            "3jzfcijpj2z21",
        ] {
            assert!(!is_tid(bad), "{bad}");
        }
        assert!(is_tid("3jzfcijpj2z2a"));
    }
}
