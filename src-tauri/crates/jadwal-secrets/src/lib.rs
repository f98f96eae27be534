//! Jadwal's secrets (app passwords, tokens, bot tokens, webhook keys) live only
//! in the operating system's keychain, never in SQLite, a log or an export.
//!
//! - [`SecretStore`] is the small trait the engine talks to: set, get and
//!   delete a secret by account key.
//! - [`Keychain`] is the real one over keyring 4 (Secret Service on Linux,
//!   Keychain on macOS, Credential Manager on Windows), namespaced by a service
//!   name the caller picks, so a debug build never reads or overwrites the
//!   items of the installed release ([`RELEASE_SERVICE`], [`DEBUG_SERVICE`]).
//! - [`Secret`] holds a secret in memory: it prints as `[redacted]`, cannot be
//!   serialized, and is wiped when dropped.
//!
//! There is no plaintext fallback: with no usable keychain every call fails
//! with a [`SecretsError`] that says why in plain words, and the caller refuses
//! to connect the account.

mod error;
mod keychain;
#[cfg(any(test, feature = "test-support"))]
mod memory;
mod secret;

pub use error::SecretsError;
pub use keychain::{DEBUG_SERVICE, Keychain, RELEASE_SERVICE, service_for_this_build};
#[cfg(any(test, feature = "test-support"))]
pub use memory::MemoryStore;
pub use secret::Secret;

/// Where secrets are kept, by account key (for example
/// `bluesky/3f2a…/app-password`). Every call may block on the platform
/// (a D-Bus round trip, an unlock prompt on a desktop): call it off the async
/// runtime (`tokio::task::spawn_blocking`).
pub trait SecretStore: Send + Sync {
    /// Stores `secret` under `account`, replacing what was there.
    fn set(&self, account: &str, secret: &Secret) -> Result<(), SecretsError>;

    /// The secret under `account`, or `None` when there is none.
    fn get(&self, account: &str) -> Result<Option<Secret>, SecretsError>;

    /// Removes the secret under `account`. True when one was there; deleting
    /// what is not there is not an error, so "disconnect" can always finish.
    fn delete(&self, account: &str) -> Result<bool, SecretsError>;
}

/// Longest account key accepted. Keychains cap attribute lengths (Windows'
/// target name is 32,767 characters, but some stores are far stricter);
/// 200 is far above any key Jadwal builds.
pub const MAX_ACCOUNT_LEN: usize = 200;

/// Checks an account key before it reaches a keychain, so a bug in the caller
/// (an empty key, a key holding a newline) shows up as a plain error, not as
/// an item nobody can find again.
pub fn check_account(account: &str) -> Result<(), SecretsError> {
    if account.trim().is_empty() {
        return Err(SecretsError::InvalidAccount {
            reason: "it is empty",
        });
    }
    if account.len() > MAX_ACCOUNT_LEN {
        return Err(SecretsError::InvalidAccount {
            reason: "it is longer than 200 bytes",
        });
    }
    if account.chars().any(char::is_control) {
        return Err(SecretsError::InvalidAccount {
            reason: "it contains a control character",
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_keys_are_checked() {
        assert!(check_account("bluesky/abc/app-password").is_ok());
        for bad in ["", "   ", "a\nb", &"x".repeat(201)] {
            let err = check_account(bad).unwrap_err();
            assert_eq!(err.code(), "invalid_secret_name", "{bad:?}");
        }
    }
}
