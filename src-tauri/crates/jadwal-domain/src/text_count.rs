//! How long a text is by each network's own counting rule.
//!
//! The counter in the editor must agree with the network, or a post that looks
//! fine is refused at publish time. So each network is counted its own way:
//! Bluesky and Mastodon in grapheme clusters (what a person sees as one
//! character), X by twitter-text's weights, Telegram in UTF-16 units (what its
//! Bot API counts), the rest in Unicode code points.

use std::ops::{Range, RangeInclusive};

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::Network;
use crate::limits::{MASTODON_URL_LENGTH, X_URL_WEIGHT, text_limit};
use crate::url::{find_urls, has_scheme};

/// The unit a network counts in, so the counter can say "graphemes" or "characters".
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountUnit {
    Characters,
    Graphemes,
    WeightedCharacters,
    Utf16Units,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextMeasure {
    pub network: Network,
    pub used: u32,
    /// None where the network sets no limit (webhook).
    pub limit: Option<u32>,
    pub unit: CountUnit,
    /// The text is over the network's second, byte-length cap (Bluesky takes
    /// 3000 UTF-8 bytes as well as 300 graphemes), whatever `used` says. Kept
    /// apart so the editor can say which limit was hit.
    #[serde(default)]
    pub over_bytes: bool,
}

impl TextMeasure {
    pub fn is_over(&self) -> bool {
        self.over_bytes || self.limit.is_some_and(|l| self.used > l)
    }
}

/// Measures `text` for `network`. `limit_override` replaces the table's limit
/// where a server told us its own (a Mastodon instance's max characters).
///
/// The override replaces only the main limit: Bluesky's byte cap still applies.
pub fn measure(network: Network, text: &str, limit_override: Option<u32>) -> TextMeasure {
    let table = text_limit(network);
    let max_bytes = table.and_then(|l| l.max_utf8_bytes);
    TextMeasure {
        network,
        used: saturate(count(network, text)),
        limit: limit_override.or(table.map(|l| l.max)),
        // The webhook has no row in the table; its count is in graphemes.
        unit: table.map_or(CountUnit::Graphemes, |l| l.unit),
        over_bytes: max_bytes.is_some_and(|max| text.len() > max as usize),
    }
}

/// How many hashtags `text` holds, counted as Instagram caps them: every `#`
/// that starts a word and is followed by a letter, digit or `_`, outside links
/// (`https://toko.id/#promo` is not a hashtag). A tag used twice counts twice,
/// so the count errs on the side of warning early.
pub fn count_hashtags(text: &str) -> u32 {
    let urls = find_urls(text);
    let tags = text
        .match_indices('#')
        .filter(|&(at, _)| !urls.iter().any(|url| url.contains(&at)))
        .filter(|&(at, _)| starts_hashtag(text, at))
        .count();
    saturate(tags)
}

fn starts_hashtag(text: &str, at: usize) -> bool {
    let after_word = text[..at].chars().next_back().is_some_and(is_word_char);
    let tag_follows = text[at + 1..].chars().next().is_some_and(is_word_char);
    !after_word && tag_follows
}

/// A letter, digit or `_` in any script; close to Ruby's `[[:word:]]`, which
/// Mastodon's mention pattern uses.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Lengths far beyond any limit still compare as over; they cannot wrap.
fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn count(network: Network, text: &str) -> usize {
    match network {
        Network::Bluesky | Network::Webhook => graphemes(text),
        Network::Mastodon => graphemes(&mastodon_countable_text(text)),
        Network::X => x_weighted_length(text),
        // The Bot API counts UTF-16 code units: an emoji outside the BMP is 2.
        // With a parse mode the markup itself is not counted; we count the text
        // as it will be sent.
        Network::Telegram => text.encode_utf16().count(),
        // These say "characters" and count Unicode code points: an emoji
        // family (four people joined by three ZWJs) is 7, "e" with a combining
        // accent is 2. Counting graphemes would let posts through that the
        // network refuses.
        Network::Linkedin
        | Network::Facebook
        | Network::Instagram
        | Network::Tiktok
        | Network::Pinterest
        | Network::Threads
        | Network::GoogleBusiness => text.chars().count(),
    }
}

fn graphemes(text: &str) -> usize {
    text.graphemes(true).count()
}

// ---------------------------------------------------------------- X

/// twitter-text v3: code points in these ranges weigh 1, every other weighs 2.
/// (Latin, Greek, Cyrillic, Arabic, Indic scripts and Thai weigh 1; CJK, Hangul
/// and emoji weigh 2; in General Punctuation, "—" and "“" weigh 1 but "…" 2.)
const X_WEIGHT_ONE: [RangeInclusive<u32>; 4] = [0..=4351, 8192..=8205, 8208..=8223, 8242..=8247];

/// What a whole emoji weighs on X, however many code points it is made of.
const X_EMOJI_WEIGHT: usize = 2;

/// X's weighted length: every link weighs `X_URL_WEIGHT`, every emoji 2, every
/// other code point 1 or 2 by `X_WEIGHT_ONE`.
///
/// twitter-text first normalizes the text to NFC; we skip that (no
/// normalization crate here). That can only over-count: composing merges two
/// or more code points, each weighing at least 1, into one weighing at most 2
/// ("e" + U+0301 weighs 2 here, "é" 1 on X). And X also shortens bare domains
/// ("toko.id") that our link finder leaves as text.
fn x_weighted_length(text: &str) -> usize {
    let mut total = 0;
    let mut pos = 0;
    for url in find_urls(text) {
        total += x_plain_weight(&text[pos..url.start]) + X_URL_WEIGHT as usize;
        pos = url.end;
    }
    total + x_plain_weight(&text[pos..])
}

/// The weight of text without links.
fn x_plain_weight(text: &str) -> usize {
    text.graphemes(true)
        .map(|g| {
            if is_emoji(g) {
                X_EMOJI_WEIGHT
            } else {
                g.chars().map(x_char_weight).sum()
            }
        })
        .sum()
}

fn x_char_weight(c: char) -> usize {
    let cp = u32::from(c);
    if X_WEIGHT_ONE.iter().any(|range| range.contains(&cp)) {
        1
    } else {
        2
    }
}

/// Whether a grapheme cluster is an emoji, which X weighs 2 as a whole: 👍, 👍🏽,
/// a ZWJ family, a flag (two regional indicators), a keycap "1️⃣", "©️".
///
/// twitter-text finds emoji with the full emoji list; this approximates it. A
/// cluster is an emoji when it starts with a pictograph or regional indicator
/// (those blocks weigh 2 as single code points anyway, so only clusters of
/// several code points change weight), or when it asks for emoji presentation
/// (U+FE0F) or is a keycap (U+20E3). A bare "©" stays text and weighs 1.
fn is_emoji(grapheme: &str) -> bool {
    let starts_pictograph = grapheme.chars().next().is_some_and(|c| {
        matches!(
            u32::from(c),
            0x1F000..=0x1FAFF // emoji blocks, regional indicators, skin tones
                | 0x2190..=0x21FF // arrows ↔
                | 0x2300..=0x23FF // ⌚ ⏰
                | 0x25A0..=0x27BF // ▶ ☕ ✌ ❤
                | 0x2900..=0x297F // ⤴
                | 0x2B00..=0x2BFF // ⬆ ⭐
                | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x3030 | 0x303D | 0x3297 | 0x3299
        )
    });
    starts_pictograph || grapheme.contains(['\u{FE0F}', '\u{20E3}'])
}

// ---------------------------------------------------------------- Mastodon

/// The text Mastodon counts the graphemes of: each `http(s)://` link replaced
/// by 23 characters and each `@user@domain` mention by `@user`. Mastodon
/// rewrites the text the same way before counting, so graphemes that join
/// across a replacement count as they do there. A `www.` link is not a link on
/// Mastodon and counts in full.
fn mastodon_countable_text(text: &str) -> String {
    let placeholder = "x".repeat(MASTODON_URL_LENGTH as usize);
    let mut edits: Vec<(Range<usize>, &str)> = find_urls(text)
        .into_iter()
        .filter(|url| has_scheme(&text[url.clone()]))
        .map(|url| (url, placeholder.as_str()))
        .collect();
    for (mention, local) in remote_mentions(text) {
        // A mention inside a link is part of the link (".../@budi@mastodon.social").
        if !edits.iter().any(|(url, _)| overlaps(url, &mention)) {
            edits.push((mention, &text[local]));
        }
    }
    edits.sort_by_key(|(range, _)| range.start);
    apply_edits(text, &edits)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// `text` with each range replaced; the ranges are sorted and do not overlap.
fn apply_edits(text: &str, edits: &[(Range<usize>, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (range, replacement) in edits {
        out.push_str(&text[pos..range.start]);
        out.push_str(replacement);
        pos = range.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// Mentions of accounts on other servers, `@budi@mastodon.social`: the whole
/// mention's byte range, and the range of the `@budi` that Mastodon counts.
/// Follows Mastodon's mention pattern: not right after a letter, digit, `_`, `=`
/// or `/` (so "budi@mail.com" is an address, not a mention), a username of
/// ASCII letters, digits and `_` with `.` or `-` inside, then a domain; a mention
/// followed by another `@` or by "://" is not one.
fn remote_mentions(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    text.match_indices('@')
        .filter_map(|(at, _)| remote_mention_at(text, at))
        .collect()
}

fn remote_mention_at(text: &str, at: usize) -> Option<(Range<usize>, Range<usize>)> {
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| is_word_char(c) || c == '=' || c == '/') {
        return None;
    }
    let local_end = at + 1 + name_len(&text[at + 1..], |c| c.is_ascii_alphanumeric() || c == '_');
    let domain_start = local_end + 1;
    if local_end == at + 1 || !text[local_end..].starts_with('@') {
        return None;
    }
    let end = domain_start + name_len(&text[domain_start..], is_word_char);
    let after = &text[end..];
    if end == domain_start || after.starts_with('@') || after.starts_with("://") {
        return None;
    }
    Some((at..end, at..local_end))
}

/// Length of a name at the start of `s`: characters that `is_name_char`
/// accepts, joined by `.` or `-` but never starting or ending with them
/// ("budi.santoso", "mastodon.social" but not the "." of "mastodon.social.").
fn name_len(s: &str, is_name_char: fn(char) -> bool) -> usize {
    if !s.starts_with(is_name_char) {
        return 0;
    }
    let run = s
        .find(|c: char| !(is_name_char(c) || c == '.' || c == '-'))
        .unwrap_or(s.len());
    s[..run].trim_end_matches(['.', '-']).len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::TELEGRAM_CAPTION_LIMIT;

    const FAMILY: &str = "👨‍👩‍👧‍👦"; // 4 people + 3 ZWJ: 7 code points, 25 bytes, 11 UTF-16 units
    const FLAG_ID: &str = "🇮🇩"; // 2 regional indicators: 8 bytes, 4 UTF-16 units
    const E_ACUTE_DECOMPOSED: &str = "e\u{301}";
    const LONG_URL: &str =
        "https://tokobatik.example.co.id/katalog/2026/kain-tulis-pekalongan?utm_source=jadwal";

    fn used(network: Network, text: &str) -> u32 {
        measure(network, text, None).used
    }

    // ------------------------------------------------------------ X

    #[test]
    fn x_counts_latin_and_indonesian_text_one_per_character() {
        assert_eq!(used(Network::X, "Selamat pagi, Jakarta!"), 22);
        assert_eq!(used(Network::X, "Diskon 50% hari ini"), 19);
    }

    #[test]
    fn x_counts_cjk_and_hangul_two_per_character() {
        assert_eq!(used(Network::X, "日本語"), 6);
        assert_eq!(used(Network::X, "こんにちは"), 10);
        assert_eq!(used(Network::X, "안녕하세요"), 10);
        assert_eq!(used(Network::X, "Halo 你好"), 5 + 4);
    }

    #[test]
    fn x_weighs_general_punctuation_by_its_ranges() {
        // "—" U+2014 and "“" U+201C are in the weight-1 ranges, "…" U+2026 is not.
        assert_eq!(used(Network::X, "Harga—murah…"), 5 + 1 + 5 + 2);
        assert_eq!(used(Network::X, "“Halo”"), 6);
    }

    #[test]
    fn x_counts_every_emoji_as_two_however_it_is_built() {
        assert_eq!(used(Network::X, "👍"), 2);
        assert_eq!(used(Network::X, FAMILY), 2);
        assert_eq!(used(Network::X, FLAG_ID), 2);
        assert_eq!(used(Network::X, "🙏🏽"), 2);
        assert_eq!(used(Network::X, "1️⃣"), 2);
        assert_eq!(used(Network::X, "©️"), 2);
        assert_eq!(used(Network::X, "©"), 1);
        assert_eq!(used(Network::X, "Terima kasih 🙏🏽🇮🇩"), 13 + 2 + 2);
    }

    #[test]
    fn x_does_not_normalize_so_combining_marks_count_apart() {
        assert_eq!(used(Network::X, "é"), 1);
        assert_eq!(used(Network::X, E_ACUTE_DECOMPOSED), 2);
    }

    #[test]
    fn x_counts_every_link_as_23() {
        assert_eq!(used(Network::X, &format!("Promo {LONG_URL}")), 6 + 23);
        assert_eq!(used(Network::X, "https://a.id"), 23);
        assert_eq!(
            used(Network::X, "Lihat https://a.id/x dan www.toko.co.id."),
            6 + 23 + 5 + 23 + 1
        );
    }

    #[test]
    fn x_limit_is_280_weighted_unless_overridden() {
        let at_limit = measure(Network::X, &"日".repeat(140), None);
        assert_eq!((at_limit.used, at_limit.limit), (280, Some(280)));
        assert_eq!(at_limit.unit, CountUnit::WeightedCharacters);
        assert!(!at_limit.is_over());
        assert!(measure(Network::X, &"日".repeat(141), None).is_over());
        let premium = measure(Network::X, &"日".repeat(141), Some(25_000));
        assert_eq!(premium.limit, Some(25_000));
        assert!(!premium.is_over());
    }

    // ------------------------------------------------------------ Mastodon

    #[test]
    fn mastodon_counts_a_remote_mention_as_its_local_part() {
        assert_eq!(used(Network::Mastodon, "@budi@mastodon.social"), 5);
        assert_eq!(
            used(Network::Mastodon, "Halo @budi@mastodon.social!"),
            5 + 5 + 1
        );
        assert_eq!(
            used(
                Network::Mastodon,
                "Terima kasih @budi.santoso@mastodon.social."
            ),
            13 + 13 + 1
        );
        assert_eq!(used(Network::Mastodon, "Halo @budi!"), 11);
    }

    #[test]
    fn mastodon_does_not_shorten_email_addresses() {
        assert_eq!(used(Network::Mastodon, "kontak: budi@mail.com"), 8 + 13);
        assert_eq!(used(Network::Mastodon, "a@b@mastodon.social"), 19);
    }

    #[test]
    fn mastodon_counts_links_with_a_scheme_as_23() {
        assert_eq!(used(Network::Mastodon, &format!("Baca {LONG_URL}")), 5 + 23);
        assert_eq!(
            used(
                Network::Mastodon,
                "https://mastodon.social/@budi@mastodon.social"
            ),
            23
        );
        assert_eq!(
            used(
                Network::Mastodon,
                "@budi@mastodon.social https://a.id/promo"
            ),
            5 + 1 + 23
        );
        // Without a scheme Mastodon does not link it, so it counts in full.
        assert_eq!(used(Network::Mastodon, "www.toko.co.id"), 14);
    }

    #[test]
    fn mastodon_counts_graphemes() {
        assert_eq!(used(Network::Mastodon, FAMILY), 1);
        assert_eq!(used(Network::Mastodon, E_ACUTE_DECOMPOSED), 1);
        assert_eq!(used(Network::Mastodon, "Kopi ☕🇮🇩"), 7);
    }

    #[test]
    fn mastodon_takes_the_instance_limit() {
        let text = "a".repeat(600);
        let default = measure(Network::Mastodon, &text, None);
        assert_eq!((default.used, default.limit), (600, Some(500)));
        assert!(default.is_over());
        let instance = measure(Network::Mastodon, &text, Some(1000));
        assert_eq!(instance.limit, Some(1000));
        assert!(!instance.is_over());
    }

    // ------------------------------------------------------------ Bluesky

    #[test]
    fn bluesky_counts_graphemes() {
        assert_eq!(used(Network::Bluesky, FAMILY), 1);
        assert_eq!(used(Network::Bluesky, FLAG_ID), 1);
        assert_eq!(
            used(Network::Bluesky, "Kopi ☕ enak e\u{301}"),
            5 + 1 + 1 + 4 + 1 + 1
        );
        // Bluesky does not shorten links when counting.
        assert_eq!(used(Network::Bluesky, "https://a.id/promo"), 18);
    }

    #[test]
    fn bluesky_is_over_past_300_graphemes() {
        for unit in ["a", FLAG_ID, E_ACUTE_DECOMPOSED] {
            let full = measure(Network::Bluesky, &unit.repeat(300), None);
            assert_eq!((full.used, full.limit), (300, Some(300)), "{unit}");
            assert!(!full.is_over(), "{unit}");
            let over = measure(Network::Bluesky, &unit.repeat(301), None);
            assert_eq!(over.used, 301, "{unit}");
            assert!(over.is_over() && !over.over_bytes, "{unit}");
        }
    }

    #[test]
    fn bluesky_is_over_past_3000_bytes_even_under_300_graphemes() {
        let full = measure(Network::Bluesky, &FAMILY.repeat(120), None);
        assert_eq!(full.used, 120);
        assert!(!full.over_bytes && !full.is_over());
        let over = measure(Network::Bluesky, &FAMILY.repeat(121), None);
        assert_eq!(over.used, 121);
        assert!(over.over_bytes && over.is_over());
        // The byte cap stays when the grapheme limit is overridden.
        assert!(measure(Network::Bluesky, &FAMILY.repeat(121), Some(1000)).is_over());
    }

    // ------------------------------------------------------------ Telegram

    #[test]
    fn telegram_counts_utf16_units() {
        assert_eq!(used(Network::Telegram, "👍"), 2);
        assert_eq!(used(Network::Telegram, "Halo 👍"), 7);
        assert_eq!(used(Network::Telegram, FLAG_ID), 4);
        assert_eq!(used(Network::Telegram, FAMILY), 11);
        assert_eq!(used(Network::Telegram, "é日本"), 3);
        assert_eq!(
            measure(Network::Telegram, "", None).unit,
            CountUnit::Utf16Units
        );
    }

    #[test]
    fn telegram_captions_use_the_caption_limit() {
        let text = "a".repeat(1025);
        assert!(!measure(Network::Telegram, &text, None).is_over());
        let caption = measure(Network::Telegram, &text, Some(TELEGRAM_CAPTION_LIMIT));
        assert_eq!(caption.limit, Some(1024));
        assert!(caption.is_over());
        assert!(measure(Network::Telegram, &"a".repeat(4097), None).is_over());
    }

    // ------------------------------------------------------------ the others

    #[test]
    fn character_networks_count_code_points() {
        for network in [
            Network::Linkedin,
            Network::Facebook,
            Network::Instagram,
            Network::Tiktok,
            Network::Pinterest,
            Network::Threads,
            Network::GoogleBusiness,
        ] {
            assert_eq!(used(network, "Diskon 50% hari ini"), 19, "{network}");
            assert_eq!(used(network, FAMILY), 7, "{network}");
            assert_eq!(used(network, FLAG_ID), 2, "{network}");
            assert_eq!(used(network, E_ACUTE_DECOMPOSED), 2, "{network}");
            assert_eq!(used(network, LONG_URL), 84, "{network}");
            assert_eq!(measure(network, "", None).unit, CountUnit::Characters);
        }
    }

    #[test]
    fn instagram_caption_limit_is_2200() {
        assert!(!measure(Network::Instagram, &"é".repeat(2200), None).is_over());
        assert!(measure(Network::Instagram, &"é".repeat(2201), None).is_over());
    }

    #[test]
    fn the_override_replaces_any_networks_limit() {
        for network in Network::ALL {
            let m = measure(network, "Halo", Some(3));
            assert_eq!(m.limit, Some(3), "{network}");
            assert!(m.is_over(), "{network}");
        }
    }

    #[test]
    fn webhook_has_no_limit_and_counts_graphemes() {
        let m = measure(Network::Webhook, &FAMILY.repeat(100_000), None);
        assert_eq!(m.used, 100_000);
        assert_eq!(m.limit, None);
        assert_eq!(m.unit, CountUnit::Graphemes);
        assert!(!m.is_over());
    }

    // ------------------------------------------------------------ hashtags

    #[test]
    fn hashtags_are_counted_where_they_start_a_word() {
        assert_eq!(
            count_hashtags("Batik baru! #batik #BatikPekalongan #diskon50 #美食 # #"),
            4
        );
        assert_eq!(count_hashtags("##ganda"), 1);
        assert_eq!(count_hashtags("nomor#1 dan C#"), 0);
        assert_eq!(count_hashtags("ulasan: https://toko.id/#ulasan #promo"), 1);
    }

    #[test]
    fn thirty_one_hashtags_are_over_instagrams_cap() {
        let tags: String = (0..31).map(|i| format!("#tag{i} ")).collect();
        assert_eq!(count_hashtags(&tags), 31);
        assert_eq!(crate::limits::hashtag_limit(Network::Instagram), Some(30));
    }
}
