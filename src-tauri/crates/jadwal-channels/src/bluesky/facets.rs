//! Rich text: links, @mentions and #hashtags as Bluesky facets.
//!
//! Bluesky does not find links in the text itself: the client sends each one
//! as a facet with the UTF-8 **byte** range it covers. Counting characters
//! instead would put every facet after an emoji or an "é" in the wrong place.
//! Detection follows the rules of Bluesky's own client (`@atproto/api`
//! RichText), with links from `jadwal_domain::url` so the editor's counter
//! and the published post agree on what a link is.

use std::ops::Range;

use jadwal_domain::url::{find_urls, has_scheme};
use serde_json::{Value, json};

/// One facet: a byte range of the text and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    pub byte_start: usize,
    pub byte_end: usize,
    pub feature: FacetFeature,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FacetFeature {
    Link { uri: String },
    Mention { did: String },
    Tag { tag: String },
}

impl Facet {
    /// The facet as `app.bsky.richtext.facet` JSON.
    pub fn to_json(&self) -> Value {
        let feature = match &self.feature {
            FacetFeature::Link { uri } => {
                json!({ "$type": "app.bsky.richtext.facet#link", "uri": uri })
            }
            FacetFeature::Mention { did } => {
                json!({ "$type": "app.bsky.richtext.facet#mention", "did": did })
            }
            FacetFeature::Tag { tag } => {
                json!({ "$type": "app.bsky.richtext.facet#tag", "tag": tag })
            }
        };
        json!({
            "index": { "byteStart": self.byte_start, "byteEnd": self.byte_end },
            "features": [feature],
        })
    }
}

/// An `@handle` found in the text, not yet resolved to a DID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionCandidate {
    /// Covers the `@` and the handle.
    pub range: Range<usize>,
    /// Lower case, without the `@`.
    pub handle: String,
}

/// Longest hashtag Bluesky's client links (characters, without the `#`).
const MAX_TAG_CHARS: usize = 64;

/// The handles mentioned in `text`, in order (for resolving them to DIDs
/// before [`facets`]).
pub fn mentions(text: &str) -> Vec<MentionCandidate> {
    let urls = find_urls(text);
    let mut found = Vec::new();
    for (at, _) in text.match_indices('@') {
        if !starts_after_space_or_paren(text, at) || inside(&urls, at) {
            continue;
        }
        let rest = &text[at + 1..];
        let run = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
            .unwrap_or(rest.len());
        // "@toko.bsky.social." ends a sentence: the dot is not the handle's.
        let handle = rest[..run].trim_end_matches(['.', '-']);
        if is_handle(handle) {
            found.push(MentionCandidate {
                range: at..at + 1 + handle.len(),
                handle: handle.to_ascii_lowercase(),
            });
        }
    }
    found
}

/// The facets of `text`: every link, every hashtag, and every mention whose
/// handle `did_of` knows (a mention nobody can resolve stays plain text, as
/// in Bluesky's own app). Sorted by position, never overlapping.
pub fn facets(text: &str, did_of: impl Fn(&str) -> Option<String>) -> Vec<Facet> {
    let urls = find_urls(text);
    let mut out: Vec<Facet> = urls
        .iter()
        .map(|r| {
            let link = &text[r.clone()];
            let uri = if has_scheme(link) {
                link.to_owned()
            } else {
                format!("https://{link}")
            };
            Facet {
                byte_start: r.start,
                byte_end: r.end,
                feature: FacetFeature::Link { uri },
            }
        })
        .collect();
    for m in mentions(text) {
        if let Some(did) = did_of(&m.handle) {
            out.push(Facet {
                byte_start: m.range.start,
                byte_end: m.range.end,
                feature: FacetFeature::Mention { did },
            });
        }
    }
    for (range, tag) in hashtags(text, &urls) {
        out.push(Facet {
            byte_start: range.start,
            byte_end: range.end,
            feature: FacetFeature::Tag { tag },
        });
    }
    out.sort_by_key(|f| f.byte_start);
    out
}

/// `#tag` ranges (covering the `#`) and the tag without it.
fn hashtags(text: &str, urls: &[Range<usize>]) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    for (at, hash) in text.char_indices().filter(|&(_, c)| c == '#' || c == '＃') {
        let prev_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        if !prev_ok || inside(urls, at) {
            continue;
        }
        let start = at + hash.len_utf8();
        let rest = &text[start..];
        // "#️⃣" is the keycap emoji, not a tag.
        if rest.starts_with('\u{fe0f}') {
            continue;
        }
        let run = rest
            .find(|c: char| c.is_whitespace() || ENDS_TAG.contains(&c))
            .unwrap_or(rest.len());
        let tag = rest[..run].trim_end_matches(is_punctuation);
        let has_letter = tag.chars().any(|c| !c.is_numeric() && !is_punctuation(c));
        if tag.is_empty() || !has_letter || tag.chars().count() > MAX_TAG_CHARS {
            continue;
        }
        found.push((at..start + tag.len(), tag.to_owned()));
    }
    found
}

/// Invisible characters that end a tag in Bluesky's client (soft hyphen,
/// word joiner, hair space, zero-width space and joiners, keycap).
const ENDS_TAG: &[char] = &[
    '\u{00AD}', '\u{2060}', '\u{200A}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{20E2}',
];

/// Unicode punctuation (Bluesky strips a run of it from a tag's end: "#batik!"
/// is "batik"). Without the Unicode tables this covers ASCII, Latin-1 and
/// the General and CJK punctuation blocks, which is what Indonesian and
/// English text uses.
fn is_punctuation(c: char) -> bool {
    // ASCII punctuation minus the symbols ($ + < = > ^ ` | ~ are not P*).
    (c.is_ascii_punctuation() && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~'))
        || matches!(c, '¡' | '§' | '«' | '¶' | '·' | '»' | '¿')
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205E}').contains(&c)
        || ('\u{3001}'..='\u{3003}').contains(&c)
        || ('\u{3008}'..='\u{3011}').contains(&c)
        || ('\u{FF01}'..='\u{FF0F}').contains(&c)
}

/// A mention starts the text, or follows a space or an opening bracket
/// ("budi@toko.id" is an e-mail address, not a mention).
fn starts_after_space_or_paren(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(')
}

fn inside(ranges: &[Range<usize>], at: usize) -> bool {
    ranges.iter().any(|r| r.contains(&at))
}

/// A syntactically valid handle: two or more dot-separated labels of ASCII
/// letters, digits and inner hyphens, the last not starting with a digit.
pub fn is_handle(handle: &str) -> bool {
    if handle.len() > 253 {
        return false;
    }
    let labels: Vec<&str> = handle.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .and_then(|tld| tld.chars().next())
            .is_some_and(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(handle: &str) -> Option<String> {
        match handle {
            "toko-batik.bsky.social" => Some("did:plc:toko".into()),
            "kawan.test" => Some("did:plc:kawan".into()),
            _ => None,
        }
    }

    /// The text each facet covers, and what it is.
    fn covered(text: &str) -> Vec<(String, FacetFeature)> {
        facets(text, known)
            .into_iter()
            .map(|f| (text[f.byte_start..f.byte_end].to_owned(), f.feature))
            .collect()
    }

    fn link(uri: &str) -> FacetFeature {
        FacetFeature::Link { uri: uri.into() }
    }
    fn tag(t: &str) -> FacetFeature {
        FacetFeature::Tag { tag: t.into() }
    }
    fn mention(did: &str) -> FacetFeature {
        FacetFeature::Mention { did: did.into() }
    }

    #[test]
    fn ascii_offsets_are_byte_offsets() {
        let text = "Promo at https://toko.id #batik by @kawan.test";
        let f = facets(text, known);
        assert_eq!(
            f,
            vec![
                Facet {
                    byte_start: 9,
                    byte_end: 24,
                    feature: link("https://toko.id")
                },
                Facet {
                    byte_start: 25,
                    byte_end: 31,
                    feature: tag("batik")
                },
                Facet {
                    byte_start: 35,
                    byte_end: 46,
                    feature: mention("did:plc:kawan")
                },
            ]
        );
    }

    #[test]
    fn emoji_before_a_facet_shift_it_by_their_bytes() {
        // 🎉 is 4 bytes, the family emoji 25: character counts would be wrong.
        let text = "🎉👨‍👩‍👧‍👦 Diskon! https://toko.id/promo #diskon";
        let f = facets(text, known);
        let family = "👨‍👩‍👧‍👦".len();
        assert_eq!(family, 25);
        let link_start = 4 + family + " Diskon! ".len();
        assert_eq!(f[0].byte_start, link_start);
        assert_eq!(f[0].byte_end, link_start + "https://toko.id/promo".len());
        assert_eq!(&text[f[1].byte_start..f[1].byte_end], "#diskon");
        assert_eq!(
            covered(text),
            vec![
                (
                    "https://toko.id/promo".into(),
                    link("https://toko.id/promo")
                ),
                ("#diskon".into(), tag("diskon")),
            ]
        );
    }

    #[test]
    fn indonesian_text_with_accents_and_several_facets() {
        let text = "Kafé kami buka lagi! Pesan di www.kopi-enak.co.id atau https://kopi.id/menu, \
                    sapa @Toko-Batik.bsky.social (dan @kawan.test). #KopiNusantara #美食 #2026 #kopi…";
        assert_eq!(
            covered(text),
            vec![
                (
                    "www.kopi-enak.co.id".into(),
                    link("https://www.kopi-enak.co.id")
                ),
                ("https://kopi.id/menu".into(), link("https://kopi.id/menu")),
                ("@Toko-Batik.bsky.social".into(), mention("did:plc:toko")),
                ("@kawan.test".into(), mention("did:plc:kawan")),
                ("#KopiNusantara".into(), tag("KopiNusantara")),
                ("#美食".into(), tag("美食")),
                ("#kopi".into(), tag("kopi")),
            ]
        );
        // "é" is 2 bytes: the first link starts one byte later than its char index.
        let f = facets(text, known);
        let chars_before = text[..f[0].byte_start].chars().count();
        assert_eq!(f[0].byte_start, chars_before + 1);
    }

    #[test]
    fn unresolvable_mentions_stay_plain_text() {
        let text = "halo @tidak-ada.bsky.social dan @kawan.test";
        assert_eq!(
            covered(text),
            vec![("@kawan.test".into(), mention("did:plc:kawan"))]
        );
        // Still found as candidates, for resolving.
        let handles: Vec<_> = mentions(text).into_iter().map(|m| m.handle).collect();
        assert_eq!(handles, ["tidak-ada.bsky.social", "kawan.test"]);
    }

    #[test]
    fn things_that_are_not_mentions_or_tags() {
        for text in [
            "email budi@kawan.test",
            "@kawan",
            "@-kawan.test",
            "@kawan.123",
            "harga#1",
            "#123",
            "# spasi",
            "#️⃣ keycap",
            "https://toko.id/#promo",
            "https://toko.id/@kawan.test",
        ] {
            let found: Vec<_> = covered(text)
                .into_iter()
                .filter(|(_, f)| !matches!(f, FacetFeature::Link { .. }))
                .collect();
            assert!(found.is_empty(), "{text:?}: {found:?}");
        }
        let long_tag = format!("#{}", "a".repeat(65));
        assert!(facets(&long_tag, known).is_empty());
        assert_eq!(facets(&format!("#{}", "a".repeat(64)), known).len(), 1);
    }

    #[test]
    fn a_mention_ends_where_the_sentence_does() {
        assert_eq!(
            covered("Terima kasih @kawan.test."),
            vec![("@kawan.test".into(), mention("did:plc:kawan"))]
        );
        assert_eq!(
            covered("(@kawan.test)"),
            vec![("@kawan.test".into(), mention("did:plc:kawan"))]
        );
    }

    #[test]
    fn full_width_hash_and_tags_after_newlines() {
        let text = "Baris satu\n＃batik\t#tenun";
        let f = facets(text, known);
        assert_eq!(&text[f[0].byte_start..f[0].byte_end], "＃batik");
        assert_eq!(f[0].feature, tag("batik"));
        assert_eq!(&text[f[1].byte_start..f[1].byte_end], "#tenun");
    }

    #[test]
    fn facet_json_has_the_lexicon_shape() {
        let f = Facet {
            byte_start: 3,
            byte_end: 9,
            feature: tag("batik"),
        };
        assert_eq!(
            f.to_json(),
            json!({
                "index": {"byteStart": 3, "byteEnd": 9},
                "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "batik"}]
            })
        );
    }

    #[test]
    fn handles_are_checked() {
        assert!(is_handle("toko.bsky.social"));
        assert!(is_handle("kawan.test"));
        assert!(!is_handle("kawan"));
        assert!(!is_handle("kawan..test"));
        assert!(!is_handle("kawan.1test"));
        assert!(!is_handle("-a.test"));
    }
}
