//! Finding links in a post's text.
//!
//! X and Mastodon count every link as 23 characters, and Bluesky needs the byte
//! range of each link to attach a facet, so both need to know where the links
//! are. This finder is deliberately small: it knows `http://`, `https://` and
//! `www.` links, not bare domains such as `toko.id` (that would need the list of
//! every top-level domain, which changes every year).

use std::ops::Range;

/// Characters that close a sentence rather than a link: "lihat https://toko.id."
/// ends the link before the full stop. A link may still contain them in the middle
/// (`?a=1,2`), only a run of them at the very end is dropped.
const TRAILING_PUNCTUATION: &[char] = &['.', ',', ':', ';', '!', '?', '\'', '*'];

/// ASCII characters that never appear in a link as people write it: seeing one
/// ends the link (`<https://toko.id>`, `"https://toko.id"`).
const ASCII_NOT_IN_URL: &[char] = &['<', '>', '"', '`', '{', '}', '|', '\\', '^'];

/// Byte ranges of the links in `text`, in order and never overlapping.
pub fn find_urls(text: &str) -> Vec<Range<usize>> {
    let mut urls = Vec::new();
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        match url_at(text, pos) {
            Some(end) => {
                urls.push(pos..end);
                pos = end;
            }
            None => pos += c.len_utf8(),
        }
    }
    urls
}

/// True when the link starts with `http://` or `https://`. Mastodon only counts
/// such links as 23 characters, a `www.` link stays plain text there.
pub fn has_scheme(url: &str) -> bool {
    scheme_len(url) > 0
}

/// The end of the link starting at byte `start`, if one starts there.
fn url_at(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let scheme = scheme_len(rest);
    if scheme == 0 && !starts_with_ignore_case(rest, "www.") {
        return None;
    }
    if !starts_a_word(text, start, scheme == 0) {
        return None;
    }
    let host_start = start + scheme;
    let host_end = host_start + host_len(&text[host_start..]);
    if !is_plausible_host(&text[host_start..host_end], scheme == 0) {
        return None;
    }
    let end = host_end + port_len(&text[host_end..]);
    let end = match text[end..].chars().next() {
        Some('/' | '?' | '#') => end + path_len(&text[end..]),
        _ => end,
    };
    Some(start + trimmed_len(&text[start..end]))
}

/// Length of the `http://` or `https://` at the start of `s`, any case; 0 if none.
fn scheme_len(s: &str) -> usize {
    ["https://", "http://"]
        .into_iter()
        .find(|scheme| starts_with_ignore_case(s, scheme))
        .map_or(0, str::len)
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// A link starts a word: "xhttps://" or "budi@www.toko.id" are not links. A `www.`
/// link also must not continue a domain or path ("toko.www.id", "/www.a.id").
fn starts_a_word(text: &str, start: usize, bare_www: bool) -> bool {
    match text[..start].chars().next_back() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some(c) => !bare_www || !matches!(c, '.' | '/' | '@' | '-'),
    }
}

/// Length of the host name at the start of `s`: letters (any script, for
/// internationalised domains), digits, `-` and `.`. A trailing `.` or `-` belongs
/// to the sentence ("toko.id.") so it is left out.
fn host_len(s: &str) -> usize {
    let run = s
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map_or(s.len(), |(i, _)| i);
    s[..run].trim_end_matches(['.', '-']).len()
}

/// A host needs at least two labels ("toko.id"), and a `www.` link at least three
/// ("www.toko.id"), so "https://" alone or "www.sekarang" is not taken for a link.
fn is_plausible_host(host: &str, bare_www: bool) -> bool {
    let needed = if bare_www { 3 } else { 2 };
    host.split('.').count() >= needed && host.split('.').all(|label| !label.is_empty())
}

/// Length of a `:8080` port at the start of `s`; 0 when there is none (a colon
/// after a link is usually punctuation: "di https://toko.id: diskon").
fn port_len(s: &str) -> usize {
    let Some(digits) = s.strip_prefix(':') else {
        return 0;
    };
    let n = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    if n == 0 { 0 } else { 1 + n }
}

/// Length of the path, query and fragment at the start of `s`.
fn path_len(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !is_path_char(c))
        .map_or(s.len(), |(i, _)| i)
}

/// Printable ASCII other than the few characters links never contain, plus
/// letters and digits of any script ("/wiki/Jakarta_Selatan", "/berita/日本").
/// Other non-ASCII characters, such as "。", "”" or an emoji, end the link.
fn is_path_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_graphic() && !ASCII_NOT_IN_URL.contains(&c)
    } else {
        c.is_alphanumeric()
    }
}

/// Length of `url` without the punctuation that ends the sentence around it. A
/// closing bracket is kept when it closes one opened inside the link
/// ("https://id.wikipedia.org/wiki/Batik_(kain)"), dropped otherwise
/// ("(lihat https://toko.id)").
fn trimmed_len(url: &str) -> usize {
    let mut url = url;
    while let Some(last) = url.chars().next_back() {
        let drop = match last {
            ')' => url.matches('(').count() < url.matches(')').count(),
            ']' => url.matches('[').count() < url.matches(']').count(),
            c => TRAILING_PUNCTUATION.contains(&c),
        };
        if !drop {
            break;
        }
        url = &url[..url.len() - last.len_utf8()];
    }
    url.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find_urls(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn byte_ranges_point_at_the_link() {
        // "Cek 👉" is 4 + 4 bytes, so the link starts at byte 8 and is 15 long.
        assert_eq!(find_urls("Cek 👉https://toko.id sekarang"), vec![8..23]);
    }

    #[test]
    fn sentence_punctuation_after_a_link_is_not_part_of_it() {
        assert_eq!(find_urls("Kunjungi https://toko.id."), vec![9..24]);
        for text in [
            "Kunjungi https://toko.id.",
            "Kunjungi https://toko.id,",
            "Kunjungi https://toko.id!",
            "Kunjungi https://toko.id?",
            "Kunjungi https://toko.id:",
            "Kunjungi https://toko.id!?...",
            "(Kunjungi https://toko.id)",
            "Kunjungi \"https://toko.id\"",
        ] {
            assert_eq!(found(text), vec!["https://toko.id"], "in {text:?}");
        }
        assert_eq!(
            found("(katalog: https://toko.id/katalog/batik.)"),
            vec!["https://toko.id/katalog/batik"]
        );
    }

    #[test]
    fn brackets_opened_inside_the_link_stay_in_it() {
        assert_eq!(
            found("Sejarah: https://id.wikipedia.org/wiki/Batik_(kain)."),
            vec!["https://id.wikipedia.org/wiki/Batik_(kain)"]
        );
        assert_eq!(
            found("(lihat https://id.wikipedia.org/wiki/Batik_(kain))"),
            vec!["https://id.wikipedia.org/wiki/Batik_(kain)"]
        );
    }

    #[test]
    fn several_links_are_found_in_order() {
        assert_eq!(
            found("a https://a.id, b http://b.co.id/x! c www.c.co.id? d HTTPS://D.ID"),
            vec![
                "https://a.id",
                "http://b.co.id/x",
                "www.c.co.id",
                "HTTPS://D.ID"
            ]
        );
    }

    #[test]
    fn query_fragment_port_and_non_latin_paths_are_kept() {
        let url = "https://toko.id/produk?warna=merah&ukuran=L#ulasan";
        assert_eq!(found(&format!("Beli: {url}")), vec![url]);
        assert_eq!(
            found("status http://192.168.1.10:8080/status ok"),
            vec!["http://192.168.1.10:8080/status"]
        );
        assert_eq!(
            found("https://ja.wikipedia.org/wiki/東京。"),
            vec!["https://ja.wikipedia.org/wiki/東京"]
        );
    }

    #[test]
    fn things_that_only_look_like_links_are_not_links() {
        for text in [
            "https://",
            "http://localhost",
            "www.sekarang",
            "xhttps://toko.id",
            "budi@www.toko.id",
            "toko.id",
            "harga: 10.000",
        ] {
            assert_eq!(found(text), Vec::<&str>::new(), "in {text:?}");
        }
    }

    #[test]
    fn only_links_with_a_scheme_have_one() {
        assert!(has_scheme("https://toko.id"));
        assert!(has_scheme("HTTP://toko.id"));
        assert!(!has_scheme("www.toko.id"));
    }
}
