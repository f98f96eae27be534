//! A secret in memory.

use std::fmt;

use zeroize::Zeroizing;

/// What a secret prints as, wherever it ends up printed.
const REDACTED: &str = "[redacted]";

/// A password or token. `Debug` and `Display` print `[redacted]`, so a secret
/// inside a struct, an error or a log line never shows; it has no `Serialize`,
/// so it cannot slip into a DTO, an export or the web view; and its bytes are
/// overwritten when it is dropped (copies the network stack makes while
/// sending it are out of our hands, but the long-lived copy is ours).
///
/// Read the value only where it is sent: [`Secret::expose`].
#[derive(Clone, Default)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(Zeroizing::new(value.into()))
    }

    /// The secret itself. The name is long on purpose: a reviewer sees every
    /// place a secret leaves its wrapper.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    #[allow(dead_code)] // only printed
    struct Login {
        handle: String,
        password: Secret,
    }

    #[test]
    fn a_secret_never_prints() {
        let s = Secret::new("abcd-efgh-ijkl-mnop");
        assert_eq!(format!("{s}"), "[redacted]");
        assert_eq!(format!("{s:?}"), "[redacted]");
        assert_eq!(format!("{s:#?}"), "[redacted]");
        let login = Login {
            handle: "toko.bsky.social".into(),
            password: s.clone(),
        };
        let printed = format!("{login:?} {login:#?}");
        assert!(!printed.contains("abcd"), "{printed}");
        assert!(printed.contains("toko.bsky.social"));
    }

    #[test]
    fn the_value_is_there_for_whoever_sends_it() {
        let s = Secret::from("rahasia");
        assert_eq!(s.expose(), "rahasia");
        assert!(!s.is_empty());
        assert!(Secret::default().is_empty());
        assert_eq!(Secret::from(String::from("x")).clone().expose(), "x");
    }
}
