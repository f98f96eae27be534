//! Connecting a channel to a real account. The secret goes to the OS
//! keychain; SQLite keeps only who the account is.

use jadwal_channels::Channel;
use jadwal_channels::bluesky::{BlueskyChannel, BlueskyConfig, BlueskyLogin};
use jadwal_domain::Network;
use jadwal_secrets::{Secret, SecretStore};
use jadwal_store::accounts::{AccountRecord, AccountStatus};
use std::sync::Arc;

use crate::dto::{AccountDto, ConnectBlueskyInput};
use crate::error::{EngineError, Result};
use crate::{Engine, convert};

/// Where a Bluesky channel's app password is kept in the keychain.
pub(crate) fn bluesky_password_key(channel_id: i64) -> String {
    format!("bluesky/{channel_id}/app-password")
}

/// Runs a keychain call off the async runtime: it may wait on D-Bus or an
/// unlock prompt.
pub(crate) async fn with_secrets<T: Send + 'static>(
    secrets: &Arc<dyn SecretStore>,
    work: impl FnOnce(&dyn SecretStore) -> std::result::Result<T, jadwal_secrets::SecretsError>
    + Send
    + 'static,
) -> Result<T> {
    let secrets = secrets.clone();
    tokio::task::spawn_blocking(move || work(secrets.as_ref()))
        .await
        .map_err(|_| EngineError::Poisoned)?
        .map_err(EngineError::from)
}

fn account_dto(a: AccountRecord, network: Network) -> AccountDto {
    AccountDto {
        channel_id: a.channel_id,
        network,
        handle: a.handle,
        display_name: a.display_name,
        avatar_url: a.avatar_url,
        status: a.status.as_str().to_owned(),
        verified_at: convert::rfc3339(a.verified_at),
    }
}

impl Engine {
    /// Logs in with the app password, and only when the network says who the
    /// account is, keeps the password in the keychain.
    pub async fn connect_bluesky(&self, input: &ConnectBlueskyInput) -> Result<AccountDto> {
        let channel = {
            let store = self.store()?;
            self.channel_record(&store, input.channel_id)?
        };
        if channel.network != Network::Bluesky {
            return Err(EngineError::WrongNetwork {
                channel: channel.name,
                network: channel.network.display_name(),
            });
        }
        let service = input
            .service
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let password = Secret::new(input.app_password.trim());
        let login = BlueskyLogin::new(&input.identifier, password.clone())?;
        let info = BlueskyChannel::new(BlueskyConfig::new(service)?, login, self.http.clone())
            .verify()
            .await?;

        let key = bluesky_password_key(channel.id);
        with_secrets(&self.secrets, move |s| s.set(&key, &password)).await?;

        let record = AccountRecord {
            channel_id: channel.id,
            remote_id: info.remote_id,
            handle: info.handle,
            display_name: info.display_name,
            avatar_url: info.avatar_url,
            service_url: service.map(str::to_owned),
            status: AccountStatus::Connected,
            verified_at: self.clock.now(),
        };
        self.store()?.put_account(&record)?;
        Ok(account_dto(record, channel.network))
    }

    pub fn accounts(&self) -> Result<Vec<AccountDto>> {
        let store = self.store()?;
        let channels = store.channels(self.workspace_id)?;
        Ok(store
            .accounts(self.workspace_id)?
            .into_iter()
            .filter_map(|a| {
                let network = channels.iter().find(|c| c.id == a.channel_id)?.network;
                Some(account_dto(a, network))
            })
            .collect())
    }

    /// Forgets the account: its secret leaves the keychain, its row the store.
    pub async fn disconnect_account(&self, channel_id: i64) -> Result<()> {
        {
            let store = self.store()?;
            self.channel_record(&store, channel_id)?;
        }
        let key = bluesky_password_key(channel_id);
        with_secrets(&self.secrets, move |s| s.delete(&key)).await?;
        self.store()?.delete_account(channel_id)?;
        Ok(())
    }
}
