//! The adapter for a connected channel: which network, which login, where
//! its secrets are kept in the keychain.

use jadwal_channels::Channel;
use jadwal_channels::bluesky::{BlueskyChannel, BlueskyConfig, BlueskyLogin};
use jadwal_channels::mastodon::MastodonChannel;
use jadwal_channels::telegram::TelegramChannel;
use jadwal_channels::webhook::WebhookChannel;
use jadwal_domain::Network;
use jadwal_secrets::Secret;
use jadwal_store::accounts::AccountRecord;
use jadwal_store::channels::ChannelRecord;

use crate::Engine;
use crate::accounts::with_secrets;
use crate::error::{EngineError, Result};

/// A secret a connected channel keeps in the keychain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SecretKind {
    BlueskyAppPassword,
    MastodonAccessToken,
    TelegramBotToken,
    WebhookUrl,
    WebhookSecret,
}

impl SecretKind {
    /// The keychain entry's name for `channel_id`.
    pub(crate) fn key(self, channel_id: i64) -> String {
        match self {
            SecretKind::BlueskyAppPassword => format!("bluesky/{channel_id}/app-password"),
            SecretKind::MastodonAccessToken => format!("mastodon/{channel_id}/access-token"),
            SecretKind::TelegramBotToken => format!("telegram/{channel_id}/bot-token"),
            SecretKind::WebhookUrl => format!("webhook/{channel_id}/url"),
            SecretKind::WebhookSecret => format!("webhook/{channel_id}/secret"),
        }
    }

    /// Every secret a channel of `network` may have left in the keychain.
    pub(crate) fn of(network: Network) -> &'static [SecretKind] {
        match network {
            Network::Bluesky => &[SecretKind::BlueskyAppPassword],
            Network::Mastodon => &[SecretKind::MastodonAccessToken],
            Network::Telegram => &[SecretKind::TelegramBotToken],
            Network::Webhook => &[SecretKind::WebhookUrl, SecretKind::WebhookSecret],
            _ => &[],
        }
    }
}

impl Engine {
    /// One secret of a connected channel; a missing one means the channel
    /// must be connected again.
    async fn secret(&self, channel: &ChannelRecord, kind: SecretKind) -> Result<Secret> {
        let key = kind.key(channel.id);
        with_secrets(&self.secrets, move |s| s.get(&key))
            .await?
            .ok_or_else(|| EngineError::NotConnected {
                channel: channel.name.clone(),
            })
    }

    /// The Mastodon adapter for `channel` as `account` (publishing, and the
    /// instance's own schedule).
    pub(crate) async fn mastodon_channel(
        &self,
        channel: &ChannelRecord,
        account: &AccountRecord,
    ) -> Result<MastodonChannel> {
        let token = self
            .secret(channel, SecretKind::MastodonAccessToken)
            .await?;
        let instance = account
            .service_url
            .as_deref()
            .ok_or_else(|| EngineError::NotConnected {
                channel: channel.name.clone(),
            })?;
        Ok(MastodonChannel::new(instance, token, self.http.clone())?)
    }

    /// The Bluesky adapter for `channel` as `account`; `appview` is where
    /// counts are read (Bluesky's own when None).
    pub(crate) async fn bluesky_channel(
        &self,
        channel: &ChannelRecord,
        account: &AccountRecord,
        appview: Option<&str>,
    ) -> Result<BlueskyChannel> {
        let password = self.secret(channel, SecretKind::BlueskyAppPassword).await?;
        let mut config = BlueskyConfig::new(account.service_url.as_deref())?;
        if let Some(appview) = appview {
            config = config.with_appview(appview)?;
        }
        Ok(BlueskyChannel::new(
            config,
            BlueskyLogin::new(&account.remote_id, password)?,
            self.http.clone(),
        ))
    }

    /// The adapter that publishes to `channel` as `account`.
    pub(crate) async fn adapter(
        &self,
        channel: &ChannelRecord,
        account: &AccountRecord,
    ) -> Result<Box<dyn Channel>> {
        Ok(match channel.network {
            Network::Bluesky => Box::new(self.bluesky_channel(channel, account, None).await?),
            Network::Mastodon => Box::new(self.mastodon_channel(channel, account).await?),
            Network::Telegram => {
                let token = self.secret(channel, SecretKind::TelegramBotToken).await?;
                let adapter = TelegramChannel::new(token, &account.remote_id, self.http.clone())?;
                Box::new(match account.service_url.as_deref() {
                    Some(api) => adapter.with_api(api)?,
                    None => adapter,
                })
            }
            Network::Webhook => {
                let url = self.secret(channel, SecretKind::WebhookUrl).await?;
                let secret = self.secret(channel, SecretKind::WebhookSecret).await?;
                Box::new(WebhookChannel::new(
                    url.expose(),
                    secret,
                    self.http.clone(),
                )?)
            }
            _ => {
                return Err(EngineError::NotConnected {
                    channel: channel.name.clone(),
                });
            }
        })
    }
}
