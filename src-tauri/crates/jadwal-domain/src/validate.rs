//! Checks on what a person types, before anything is stored.

use crate::DomainError;

/// Far above any network's limit (Facebook's ~63,000), but small enough that a
/// pasted novel cannot bloat the store or freeze the counter.
pub const MAX_POST_CHARS: usize = 100_000;
pub const MAX_NAME_CHARS: usize = 60;

pub fn post_text(text: &str) -> Result<(), DomainError> {
    if text.trim().is_empty() {
        return Err(DomainError::EmptyText);
    }
    let len = text.chars().count();
    if len > MAX_POST_CHARS {
        return Err(DomainError::TextTooLong {
            len,
            max: MAX_POST_CHARS,
        });
    }
    Ok(())
}

/// A trimmed, non-empty name of reasonable length.
pub fn name(raw: &str, what: &'static str) -> Result<String, DomainError> {
    short_text(raw, what, MAX_NAME_CHARS)
}

/// Trimmed text of at most `max` characters that says something.
pub fn short_text(raw: &str, what: &'static str, max: usize) -> Result<String, DomainError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(DomainError::EmptyName { what });
    }
    let len = trimmed.chars().count();
    if len > max {
        return Err(DomainError::NameTooLong { len, max });
    }
    Ok(trimmed.to_owned())
}

/// A `#rrggbb` colour, returned in lower case.
pub fn color(raw: &str) -> Result<String, DomainError> {
    let s = raw.trim();
    let ok = s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        Ok(s.to_ascii_lowercase())
    } else {
        Err(DomainError::InvalidColor(raw.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_and_oversized_text_are_refused() {
        assert_eq!(post_text(" \n\t"), Err(DomainError::EmptyText));
        let long = "a".repeat(MAX_POST_CHARS + 1);
        assert!(matches!(
            post_text(&long),
            Err(DomainError::TextTooLong { .. })
        ));
        assert!(post_text("Roti tawar baru keluar dari oven!").is_ok());
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(name("  Toko Batik  ", "channel").unwrap(), "Toko Batik");
        assert!(matches!(
            name("   ", "label"),
            Err(DomainError::EmptyName { what: "label" })
        ));
        assert!(name(&"x".repeat(61), "label").is_err());
    }

    #[test]
    fn colours_must_be_six_hex_digits() {
        assert_eq!(color("#A1B2C3").unwrap(), "#a1b2c3");
        for bad in ["red", "#12345", "#1234567", "#ggg000", "123456#"] {
            assert!(color(bad).is_err(), "{bad} should be refused");
        }
    }
}
