//! Matching a CSV file's headers against the words the big networks'
//! exports use for a column, in English and Indonesian.

/// A header in lower case with every run of other than letters and digits
/// made one space: "Post ID (Instagram)" → "post id instagram".
pub(crate) fn words(header: &str) -> String {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a header equals one of `wanted` or holds it as whole words.
pub(crate) fn matches(header: &str, wanted: &[&str]) -> bool {
    let padded = format!(" {} ", words(header));
    wanted.iter().any(|w| padded.contains(&format!(" {w} ")))
}

/// The first header not yet `taken` (and not refused by `refuse`) that
/// matches the most specific of `wanted` (listed most specific first); it
/// is marked taken. Trying word by word means "Amount spent" wins over an
/// earlier "Cost per result" for the spend, though both hold a spend word.
pub(crate) fn pick_by_words(
    headers: &[String],
    taken: &mut [bool],
    wanted: &[&str],
    refuse: impl Fn(&str) -> bool,
) -> Option<u32> {
    let i = wanted.iter().find_map(|w| {
        headers
            .iter()
            .enumerate()
            .position(|(i, h)| !taken[i] && !refuse(h) && matches(h, &[w]))
    })?;
    taken[i] = true;
    u32::try_from(i).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_by_whole_words() {
        assert_eq!(words("Post ID (Instagram)"), "post id instagram");
        assert!(matches("Amount spent (IDR)", &["amount spent"]));
        assert!(!matches("Clicks (all)", &["click"]));
    }

    #[test]
    fn the_most_specific_word_wins_over_an_earlier_column() {
        let headers: Vec<String> = ["Biaya per hasil", "Jumlah yang dibelanjakan (IDR)"]
            .map(String::from)
            .to_vec();
        let mut taken = vec![false; 2];
        let spend = pick_by_words(
            &headers,
            &mut taken,
            &["jumlah yang dibelanjakan", "biaya"],
            |_| false,
        );
        assert_eq!(spend, Some(1));
        assert_eq!(
            pick_by_words(&headers, &mut taken, &["biaya"], |h| h.contains(" per ")),
            None,
            "a ratio is refused"
        );
        assert_eq!(
            pick_by_words(&headers, &mut taken, &["biaya"], |_| false),
            Some(0)
        );
    }
}
