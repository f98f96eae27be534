//! The real store: the operating system's keychain through keyring 4.

use keyring::{Entry, Error as KeyringError};
use zeroize::Zeroize;

use crate::{Secret, SecretStore, SecretsError, check_account};

/// The service name of the installed app's items (its bundle identifier).
pub const RELEASE_SERVICE: &str = "id.jadwal.app";

/// The service name of development builds, so `cargo run` never reads,
/// overwrites or deletes the secrets of the Jadwal a person actually uses.
pub const DEBUG_SERVICE: &str = "id.jadwal.app.dev";

/// [`DEBUG_SERVICE`] in a build with debug assertions, [`RELEASE_SERVICE`]
/// otherwise. A convenience for the shell; tests pass their own name.
pub fn service_for_this_build() -> &'static str {
    if cfg!(debug_assertions) {
        DEBUG_SERVICE
    } else {
        RELEASE_SERVICE
    }
}

/// Longest detail from the platform kept in a message: enough for a D-Bus
/// error name and its sentence, not a page of diagnostics.
const MAX_DETAIL: usize = 300;

/// The OS keychain, with every item under one service name. The item's
/// "user" is the account key, so `secret-tool search service id.jadwal.app`
/// lists exactly Jadwal's items.
#[derive(Debug, Clone)]
pub struct Keychain {
    service: String,
}

impl Keychain {
    /// A keychain namespace. Nothing is opened yet: the platform store is
    /// connected on first use (keyring does it once per process).
    pub fn new(service: impl Into<String>) -> Result<Self, SecretsError> {
        let service = service.into();
        check_account(&service).map_err(|_| SecretsError::InvalidAccount {
            reason: "the keychain service name must be a short line of text",
        })?;
        Ok(Keychain { service })
    }

    pub fn service(&self) -> &str {
        &self.service
    }

    /// Whether a keychain can be reached at all, without touching an item:
    /// the Accounts screen asks this before offering to connect anything.
    pub fn check_available(&self) -> Result<(), SecretsError> {
        match Entry::store_status() {
            Ok(()) => Ok(()),
            Err(e) => Err(no_keychain(e)),
        }
    }

    fn entry(&self, account: &str) -> Result<Entry, SecretsError> {
        check_account(account)?;
        Entry::new(&self.service, account).map_err(from_keyring)
    }
}

impl SecretStore for Keychain {
    fn set(&self, account: &str, secret: &Secret) -> Result<(), SecretsError> {
        let entry = self.entry(account)?;
        entry.set_password(secret.expose()).map_err(from_keyring)?;
        log::info!(
            "keychain: stored the secret {account} under {}",
            self.service
        );
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Option<Secret>, SecretsError> {
        let entry = self.entry(account)?;
        match entry.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(e) => Err(from_keyring(e)),
        }
    }

    fn delete(&self, account: &str) -> Result<bool, SecretsError> {
        let entry = self.entry(account)?;
        match entry.delete_credential() {
            Ok(()) => {
                log::info!(
                    "keychain: deleted the secret {account} under {}",
                    self.service
                );
                Ok(true)
            }
            Err(KeyringError::NoEntry) => Ok(false),
            Err(e) => Err(from_keyring(e)),
        }
    }
}

/// keyring's error in Jadwal's words. `NoEntry` never gets here (the callers
/// turn it into `None` / `false`).
fn from_keyring(e: KeyringError) -> SecretsError {
    match e {
        KeyringError::NoDefaultStore => match Entry::store_status() {
            Err(cause) => no_keychain(cause),
            Ok(()) => SecretsError::NoKeychain {
                detail: "no default store".into(),
            },
        },
        KeyringError::PlatformFailure(inner) => SecretsError::KeychainFailed {
            detail: detail(&inner.to_string()),
        },
        KeyringError::NoStorageAccess(inner) => SecretsError::KeychainLocked {
            detail: detail(&inner.to_string()),
        },
        KeyringError::Ambiguous(items) => SecretsError::Ambiguous { count: items.len() },
        // Both carry the raw secret: wipe it and say only that it is unreadable.
        KeyringError::BadEncoding(mut bytes) | KeyringError::BadDataFormat(mut bytes, _) => {
            bytes.zeroize();
            SecretsError::Unreadable
        }
        KeyringError::TooLong(..) => SecretsError::InvalidAccount {
            reason: "it is longer than this keychain allows",
        },
        KeyringError::Invalid(..) => SecretsError::InvalidAccount {
            reason: "this keychain does not accept it",
        },
        other => SecretsError::Refused {
            detail: detail(&other.to_string()),
        },
    }
}

/// The one-time store initialisation failed. On Linux it fails the same way
/// (a platform failure) whether there is no session bus or a bus with no
/// Secret Service on it; the D-Bus error name tells them apart, and they need
/// different advice.
fn no_keychain(cause: &KeyringError) -> SecretsError {
    let text = match cause {
        KeyringError::PlatformFailure(inner) | KeyringError::NoStorageAccess(inner) => {
            inner.to_string()
        }
        other => other.to_string(),
    };
    if text.contains("org.freedesktop.DBus.Error.ServiceUnknown") {
        return SecretsError::KeychainFailed {
            detail: detail(&text),
        };
    }
    SecretsError::NoKeychain {
        detail: detail(&text),
    }
}

fn detail(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_DETAIL) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxed(s: &str) -> Box<dyn std::error::Error + Send + Sync> {
        Box::new(std::io::Error::other(s.to_owned()))
    }

    #[test]
    fn keyring_errors_map_to_plain_words() {
        let failed = from_keyring(KeyringError::PlatformFailure(boxed(
            "org.freedesktop.DBus.Error.ServiceUnknown",
        )));
        assert_eq!(failed.code(), "keychain_failed");
        assert!(failed.to_string().contains("ServiceUnknown"));

        let locked = from_keyring(KeyringError::NoStorageAccess(boxed("locked")));
        assert_eq!(locked.code(), "keychain_locked");
        assert!(locked.to_string().starts_with("The keychain is locked"));

        assert_eq!(
            from_keyring(KeyringError::TooLong("user".into(), 10)).code(),
            "invalid_secret_name"
        );
        assert_eq!(
            from_keyring(KeyringError::NotSupportedByStore("x".into())).code(),
            "keychain_refused"
        );
    }

    #[test]
    fn an_unreadable_item_never_echoes_its_bytes() {
        let e = from_keyring(KeyringError::BadEncoding(b"rahasia\xff".to_vec()));
        assert_eq!(e, SecretsError::Unreadable);
        let shown = format!("{e} {e:?}");
        assert!(
            !shown.contains("rahasia") && !shown.contains("114"),
            "{shown}"
        );
    }

    #[test]
    fn a_bus_without_a_secret_service_is_not_a_missing_bus() {
        let unknown = KeyringError::PlatformFailure(boxed(
            "zbus error: org.freedesktop.DBus.Error.ServiceUnknown: The name \
             org.freedesktop.secrets was not provided by any .service files",
        ));
        assert_eq!(no_keychain(&unknown).code(), "keychain_failed");
        let no_bus = KeyringError::PlatformFailure(boxed("I/O error: No such file or directory"));
        assert_eq!(no_keychain(&no_bus).code(), "keychain_missing");
    }

    #[test]
    fn long_details_are_cut() {
        let long = "é".repeat(1000);
        let d = detail(&long);
        assert_eq!(d.chars().count(), MAX_DETAIL + 1);
        assert!(d.ends_with('…'));
        assert_eq!(detail("  short  "), "short");
    }

    #[test]
    fn service_names_are_checked_and_builds_are_kept_apart() {
        assert!(Keychain::new("").is_err());
        assert_eq!(
            Keychain::new("id.jadwal.app.test").unwrap().service(),
            "id.jadwal.app.test"
        );
        assert_ne!(RELEASE_SERVICE, DEBUG_SERVICE);
        let expected = if cfg!(debug_assertions) {
            DEBUG_SERVICE
        } else {
            RELEASE_SERVICE
        };
        assert_eq!(service_for_this_build(), expected);
    }
}
