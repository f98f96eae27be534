//! Connecting a channel to a real account. The secret goes to the OS
//! keychain; SQLite keeps only who the account is.

use jadwal_channels::bluesky::{BlueskyChannel, BlueskyConfig, BlueskyLogin};
use jadwal_channels::telegram::TelegramChannel;
use jadwal_channels::webhook::WebhookChannel;
use jadwal_channels::{AccountInfo, Channel};
use jadwal_domain::Network;
use jadwal_secrets::{Secret, SecretStore};
use jadwal_store::accounts::{AccountRecord, AccountStatus};
use jadwal_store::channels::ChannelRecord;
use std::sync::Arc;

use crate::adapters::SecretKind;
use crate::dto::{AccountDto, ConnectBlueskyInput, ConnectTelegramInput, ConnectWebhookInput};
use crate::error::{EngineError, Result};
use crate::{Engine, convert};

/// A form field the person may leave empty.
fn optional(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|s| !s.is_empty())
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
    /// The channel to connect, refused unless it is on `network`.
    pub(crate) fn channel_on(&self, channel_id: i64, network: Network) -> Result<ChannelRecord> {
        let store = self.store()?;
        let channel = self.channel_record(&store, channel_id)?;
        if channel.network != network {
            return Err(EngineError::WrongNetwork {
                channel: channel.name,
                network: channel.network.display_name(),
                expected: network.display_name(),
            });
        }
        Ok(channel)
    }

    /// Keeps the secrets in the keychain and who the account is in the
    /// store; only called once the network has accepted the login.
    pub(crate) async fn remember_account(
        &self,
        channel: &ChannelRecord,
        info: AccountInfo,
        service_url: Option<&str>,
        secrets: Vec<(SecretKind, Secret)>,
    ) -> Result<AccountDto> {
        let channel_id = channel.id;
        with_secrets(&self.secrets, move |s| {
            secrets
                .iter()
                .try_for_each(|(kind, secret)| s.set(&kind.key(channel_id), secret))
        })
        .await?;
        // The window cannot load the network's picture itself: a small copy.
        let avatar = match info.avatar_url.as_deref() {
            Some(url) => crate::avatar::fetch_avatar(&self.http, url).await,
            None => None,
        };
        let record = AccountRecord {
            channel_id,
            remote_id: info.remote_id,
            handle: info.handle,
            display_name: info.display_name,
            avatar_url: avatar,
            service_url: service_url.map(str::to_owned),
            status: AccountStatus::Connected,
            verified_at: self.clock.now(),
        };
        self.store()?.put_account(&record)?;
        Ok(account_dto(record, channel.network))
    }

    /// Logs in with the app password, and only when the network says who the
    /// account is, keeps the password in the keychain.
    pub async fn connect_bluesky(&self, input: &ConnectBlueskyInput) -> Result<AccountDto> {
        let channel = self.channel_on(input.channel_id, Network::Bluesky)?;
        let service = optional(input.service.as_deref());
        let password = Secret::new(input.app_password.trim());
        let login = BlueskyLogin::new(&input.identifier, password.clone())?;
        let info = BlueskyChannel::new(BlueskyConfig::new(service)?, login, self.http.clone())
            .verify()
            .await?;
        self.remember_account(
            &channel,
            info,
            service,
            vec![(SecretKind::BlueskyAppPassword, password)],
        )
        .await
    }

    /// Asks Telegram whether the bot exists and can see the chat; only then
    /// keeps the token in the keychain. The chat's number is what is stored,
    /// so renaming the channel's @name later does not break publishing.
    pub async fn connect_telegram(&self, input: &ConnectTelegramInput) -> Result<AccountDto> {
        let channel = self.channel_on(input.channel_id, Network::Telegram)?;
        let api = optional(input.api_url.as_deref());
        let token = Secret::new(input.bot_token.trim());
        let mut adapter =
            TelegramChannel::new(token.clone(), input.chat.trim(), self.http.clone())?;
        if let Some(api) = api {
            adapter = adapter.with_api(api)?;
        }
        let info = adapter.verify().await?;
        self.remember_account(
            &channel,
            info,
            api,
            vec![(SecretKind::TelegramBotToken, token)],
        )
        .await
    }

    /// Checks the address and keeps it and the signing secret in the
    /// keychain. Nothing is sent: a receiver would take a test delivery for
    /// a post.
    pub async fn connect_webhook(&self, input: &ConnectWebhookInput) -> Result<AccountDto> {
        let channel = self.channel_on(input.channel_id, Network::Webhook)?;
        let url = Secret::new(input.url.trim());
        let secret = Secret::new(input.secret.trim());
        let info = WebhookChannel::new(url.expose(), secret.clone(), self.http.clone())?
            .verify()
            .await?;
        self.remember_account(
            &channel,
            info,
            None,
            vec![
                (SecretKind::WebhookUrl, url),
                (SecretKind::WebhookSecret, secret),
            ],
        )
        .await
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
        let network = {
            let store = self.store()?;
            self.channel_record(&store, channel_id)?.network
        };
        with_secrets(&self.secrets, move |s| {
            SecretKind::of(network)
                .iter()
                .try_for_each(|kind| s.delete(&kind.key(channel_id)).map(|_| ()))
        })
        .await?;
        self.store()?.delete_account(channel_id)?;
        Ok(())
    }
}
