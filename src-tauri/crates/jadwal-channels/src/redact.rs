//! Keeping secrets out of messages.
//!
//! A server's error message is shown to the person and stored in the attempt
//! log. Servers do not normally echo credentials, but nothing guarantees it,
//! so every quoted message has the adapter's own secrets replaced first.

use jadwal_secrets::Secret;

/// Longest quoted message kept: a server's sentence, not a page of HTML.
pub const MAX_MESSAGE_CHARS: usize = 300;

/// `text` with every secret in `secrets` replaced by `[redacted]`, and cut to
/// [`MAX_MESSAGE_CHARS`].
pub fn scrub(text: &str, secrets: &[&Secret]) -> String {
    let mut out = text.to_owned();
    for secret in secrets {
        // Parts of a secret could be echoed too, but a secret shorter than 8
        // characters is not one Jadwal holds (app passwords are 19, tokens
        // hundreds); replacing it would mangle ordinary words.
        if secret.expose().len() >= 8 {
            out = out.replace(secret.expose(), "[redacted]");
        }
    }
    shorten(&out)
}

/// `text` cut to [`MAX_MESSAGE_CHARS`] characters, with "…" when cut.
pub fn shorten(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_replaced_and_long_text_cut() {
        let password = Secret::new("abcd-efgh-ijkl-mnop");
        let short = Secret::new("ab");
        let text = "bad password abcd-efgh-ijkl-mnop for ab";
        assert_eq!(
            scrub(text, &[&password, &short]),
            "bad password [redacted] for ab"
        );
        let long = "é".repeat(400);
        assert_eq!(shorten(&long).chars().count(), MAX_MESSAGE_CHARS + 1);
    }
}
