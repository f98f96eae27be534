//! An in-memory [`SecretStore`] for other crates' fast unit tests (feature
//! `test-support`). It never touches a disk, so it cannot become a plaintext
//! fallback; production code has no way to reach it without that feature.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use crate::{Secret, SecretStore, SecretsError, check_account};

#[derive(Debug, Default)]
pub struct MemoryStore {
    items: Mutex<HashMap<String, Secret>>,
    /// When set, every call fails with this error: a locked or missing
    /// keychain, for testing how the caller tells the person.
    refuse_with: Option<SecretsError>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store that fails every call with `error`.
    pub fn refusing(error: SecretsError) -> Self {
        MemoryStore {
            refuse_with: Some(error),
            ..Self::default()
        }
    }

    /// How many secrets it holds.
    pub fn len(&self) -> usize {
        self.items
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn check(&self, account: &str) -> Result<(), SecretsError> {
        if let Some(e) = &self.refuse_with {
            return Err(e.clone());
        }
        check_account(account)
    }
}

impl SecretStore for MemoryStore {
    fn set(&self, account: &str, secret: &Secret) -> Result<(), SecretsError> {
        self.check(account)?;
        let mut items = self.items.lock().unwrap_or_else(PoisonError::into_inner);
        items.insert(account.to_owned(), secret.clone());
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Option<Secret>, SecretsError> {
        self.check(account)?;
        let items = self.items.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(items.get(account).cloned())
    }

    fn delete(&self, account: &str) -> Result<bool, SecretsError> {
        self.check(account)?;
        let mut items = self.items.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(items.remove(account).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_get_delete() {
        let store = MemoryStore::new();
        assert!(store.get("a").unwrap().is_none());
        store.set("a", &Secret::new("one")).unwrap();
        store.set("a", &Secret::new("two")).unwrap();
        assert_eq!(store.get("a").unwrap().unwrap().expose(), "two");
        assert_eq!(store.len(), 1);
        assert!(store.delete("a").unwrap());
        assert!(!store.delete("a").unwrap());
        assert!(store.is_empty());
    }

    #[test]
    fn a_refusing_store_refuses_everything() {
        let locked = SecretsError::KeychainLocked {
            detail: "test".into(),
        };
        let store = MemoryStore::refusing(locked.clone());
        assert_eq!(store.set("a", &Secret::new("x")), Err(locked.clone()));
        assert_eq!(store.get("a").unwrap_err(), locked);
        assert_eq!(store.delete("a"), Err(locked));
    }
}
