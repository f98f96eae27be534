//! Why a secret could not be stored or read, in words a person can act on.
//!
//! No variant carries the secret or the bytes a keychain returned: keyring's
//! own `BadEncoding` holds the raw secret, so it is dropped here, never kept.

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SecretsError {
    /// keyring's `NoDefaultStore`: no keychain could be opened at all (on
    /// Linux: no D-Bus session bus, so no Secret Service can be reached).
    #[error(
        "Jadwal found no keychain to keep passwords in ({detail}). On Linux it needs a desktop \
         session with a Secret Service (GNOME Keyring or KWallet). Jadwal does not store \
         passwords anywhere else, so the account was not saved."
    )]
    NoKeychain { detail: String },

    /// keyring's `PlatformFailure`: the keychain is there in principle but did
    /// not answer (on Linux: the session bus has no Secret Service on it).
    #[error(
        "The keychain did not answer ({detail}). Check that a keyring service such as GNOME \
         Keyring or KWallet is installed and running, then try again."
    )]
    KeychainFailed { detail: String },

    /// keyring's `NoStorageAccess`: the keychain is locked, or the person
    /// refused the unlock prompt.
    #[error(
        "The keychain is locked ({detail}). Unlock it (log in again, or open your keyring app) \
         and try again."
    )]
    KeychainLocked { detail: String },

    /// keyring's `Ambiguous`: several items match one account, which Jadwal
    /// never creates itself; someone else's item is in the way.
    #[error(
        "The keychain holds {count} items for one Jadwal account; remove the extra ones in your \
         keyring app and try again."
    )]
    Ambiguous { count: usize },

    /// keyring's `BadEncoding` / `BadDataFormat`: the item is there but is not
    /// a text secret Jadwal wrote.
    #[error(
        "The keychain item for this account cannot be read as a password. Disconnect and \
         connect the account again."
    )]
    Unreadable,

    #[error("The name Jadwal gave this secret is not valid: {reason}.")]
    InvalidAccount { reason: &'static str },

    /// Anything keyring may add later (its error enum is non-exhaustive).
    #[error("The keychain refused the request ({detail}).")]
    Refused { detail: String },
}

impl SecretsError {
    /// A stable code the web view and scripts branch on.
    pub fn code(&self) -> &'static str {
        match self {
            SecretsError::NoKeychain { .. } => "keychain_missing",
            SecretsError::KeychainFailed { .. } => "keychain_failed",
            SecretsError::KeychainLocked { .. } => "keychain_locked",
            SecretsError::Ambiguous { .. } => "keychain_ambiguous",
            SecretsError::Unreadable => "keychain_item_unreadable",
            SecretsError::InvalidAccount { .. } => "invalid_secret_name",
            SecretsError::Refused { .. } => "keychain_refused",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_and_distinct() {
        let all = [
            SecretsError::NoKeychain { detail: "x".into() },
            SecretsError::KeychainFailed { detail: "x".into() },
            SecretsError::KeychainLocked { detail: "x".into() },
            SecretsError::Ambiguous { count: 2 },
            SecretsError::Unreadable,
            SecretsError::InvalidAccount { reason: "x" },
            SecretsError::Refused { detail: "x".into() },
        ];
        let codes: Vec<_> = all.iter().map(SecretsError::code).collect();
        assert_eq!(
            codes,
            [
                "keychain_missing",
                "keychain_failed",
                "keychain_locked",
                "keychain_ambiguous",
                "keychain_item_unreadable",
                "invalid_secret_name",
                "keychain_refused",
            ]
        );
    }
}
