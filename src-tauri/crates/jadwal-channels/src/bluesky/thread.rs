//! Splitting a long text into a thread of posts that each fit.
//!
//! Pure, so the editor can show the parts before anything is sent, and the
//! adapter publishes exactly what the person saw.

use unicode_segmentation::UnicodeSegmentation;

/// Bluesky's limits on a post's text: 300 graphemes and 3000 UTF-8 bytes.
pub const MAX_GRAPHEMES: usize = 300;
pub const MAX_BYTES: usize = 3000;

/// Whether `text` fits in one Bluesky post.
pub fn fits(text: &str) -> bool {
    fits_within(text, MAX_GRAPHEMES, MAX_BYTES)
}

/// The texts a post goes out as: its trimmed text as one post, or the parts
/// of a thread when the person chose one and the text does not fit. The
/// editor's preview and the adapter both ask this, so what is shown is what
/// is sent.
pub fn parts_for(text: &str, as_thread: bool) -> Vec<String> {
    let text = text.trim();
    if as_thread && !fits(text) {
        split_thread(text)
    } else {
        vec![text.to_owned()]
    }
}

/// The parts of a thread for `text`, each within Bluesky's limits. A text
/// that fits comes back as one part. Parts break, in order of preference, at
/// a blank line, after a sentence, between words, and only inside a word
/// when one word is longer than a whole post. The first two are used only
/// when they keep at least half of the part, so parts stay even.
pub fn split_thread(text: &str) -> Vec<String> {
    split_with_limits(text, MAX_GRAPHEMES, MAX_BYTES)
}

/// [`split_thread`] with other limits (tests, and networks with threads).
pub fn split_with_limits(text: &str, max_graphemes: usize, max_bytes: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if fits_within(rest, max_graphemes, max_bytes) {
            parts.push(rest.to_owned());
            break;
        }
        let end = longest_fitting_prefix(rest, max_graphemes, max_bytes);
        let cut = best_cut(rest, end);
        let part = rest[..cut].trim_end();
        if part.is_empty() {
            // Cannot happen (best_cut returns > 0 for a non-empty window),
            // but never loop forever on a surprise.
            parts.push(rest[..end].to_owned());
            rest = rest[end..].trim_start();
            continue;
        }
        parts.push(part.to_owned());
        rest = rest[cut..].trim_start();
    }
    parts
}

fn fits_within(text: &str, max_graphemes: usize, max_bytes: usize) -> bool {
    text.len() <= max_bytes && text.graphemes(true).nth(max_graphemes).is_none()
}

/// Byte length of the longest prefix of whole graphemes within both limits
/// (at least one grapheme, so progress is always made).
fn longest_fitting_prefix(text: &str, max_graphemes: usize, max_bytes: usize) -> usize {
    let mut end = 0;
    for (count, (i, g)) in text.grapheme_indices(true).enumerate() {
        if count == max_graphemes || (i + g.len() > max_bytes && count > 0) {
            break;
        }
        end = i + g.len();
    }
    end
}

/// Where to end the part whose longest possible form is `text[..end]`.
fn best_cut(text: &str, end: usize) -> usize {
    let window = &text[..end];
    let half = end / 2;
    // A blank line: the end of a paragraph.
    if let Some(i) = window.rfind("\n\n").filter(|&i| i >= half) {
        return i;
    }
    // After a sentence: ".", "!", "?" or "…" followed by white space.
    let sentence = window
        .char_indices()
        .filter(|&(_, c)| matches!(c, '.' | '!' | '?' | '…'))
        .map(|(i, c)| i + c.len_utf8())
        .rfind(|&after| after >= half && starts_with_space(&text[after..]));
    if let Some(after) = sentence {
        return after;
    }
    // Between words: the window itself when a space follows it, else the
    // last space inside it.
    if starts_with_space(&text[end..]) {
        return end;
    }
    if let Some((i, _)) = window
        .char_indices()
        .rfind(|&(i, c)| c.is_whitespace() && i > 0)
    {
        return i;
    }
    end
}

fn starts_with_space(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graphemes(s: &str) -> usize {
        s.graphemes(true).count()
    }

    fn words(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    fn check_parts(text: &str, parts: &[String]) {
        for p in parts {
            assert!(
                fits(p),
                "part too long: {} graphemes, {} bytes",
                graphemes(p),
                p.len()
            );
            assert_eq!(p.trim(), p, "parts are trimmed");
        }
        let joined = parts.join(" ");
        assert_eq!(
            words(&joined),
            words(text),
            "no word is lost, split or moved"
        );
    }

    #[test]
    fn a_text_that_fits_is_one_part() {
        assert_eq!(
            split_thread("  Roti baru keluar dari oven!  "),
            ["Roti baru keluar dari oven!"]
        );
        let exactly = "a".repeat(300);
        assert_eq!(split_thread(&exactly), std::slice::from_ref(&exactly));
        assert!(split_thread("   ").is_empty());
    }

    #[test]
    fn long_text_breaks_between_words() {
        // 60 words of 5 letters + spaces = 359 graphemes.
        let text = ["batik"; 60].join(" ");
        let parts = split_thread(&text);
        assert_eq!(parts.len(), 2);
        check_parts(&text, &parts);
        assert!(graphemes(&parts[0]) > 290, "the first part is filled");
    }

    #[test]
    fn a_sentence_end_or_a_blank_line_is_preferred() {
        let first = format!("{}.", ["kopi"; 40].join(" ")); // 200 graphemes
        let second = ["susu"; 40].join(" ");
        let text = format!("{first} {second}");
        let parts = split_thread(&text);
        assert_eq!(parts[0], first);
        check_parts(&text, &parts);

        let para = format!("{}\n\n{}", ["teh"; 50].join(" "), ["gula"; 40].join(" "));
        let parts = split_thread(&para);
        assert_eq!(parts[0], ["teh"; 50].join(" "));
        check_parts(&para, &parts);
    }

    #[test]
    fn a_sentence_end_too_early_is_not_taken() {
        // The only full stop is 10 graphemes in: a 10-grapheme part would be silly.
        let text = format!("Halo semua. {}", ["promo"; 70].join(" "));
        let parts = split_thread(&text);
        assert!(graphemes(&parts[0]) > 250, "{}", parts[0]);
        check_parts(&text, &parts);
    }

    #[test]
    fn emoji_and_indonesian_text_stay_within_graphemes_and_bytes() {
        let text = "Selamat pagi 🌅 kopi ☕ dan roti 🥐 hangat untuk keluarga 👨‍👩‍👧‍👦 ".repeat(20);
        let parts = split_thread(&text);
        assert!(parts.len() >= 4);
        check_parts(&text, &parts);
        // A grapheme of 25 bytes is never cut in the middle.
        for p in &parts {
            assert!(p.is_char_boundary(p.len()));
        }
    }

    #[test]
    fn the_byte_limit_splits_even_under_300_graphemes() {
        // 200 family emoji of 25 bytes: 200 graphemes but 5,199 bytes.
        let text = vec!["👨‍👩‍👧‍👦"; 200].join(" ");
        let parts = split_thread(&text);
        assert_eq!(parts.len(), 2);
        check_parts(&text, &parts);
        assert!(parts[0].len() <= MAX_BYTES);
    }

    #[test]
    fn a_word_longer_than_a_post_is_cut_inside() {
        let word = "a".repeat(700);
        let parts = split_thread(&word);
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [300, 300, 100]
        );
    }

    #[test]
    fn links_are_never_cut() {
        let link = "https://toko.id/katalog/batik-tulis-pekalongan?warna=biru";
        let text = format!(
            "{} {link} {}",
            ["kain"; 55].join(" "),
            ["motif"; 10].join(" ")
        );
        let parts = split_thread(&text);
        assert!(parts.iter().any(|p| p.contains(link)), "{parts:?}");
        check_parts(&text, &parts);
    }
}
