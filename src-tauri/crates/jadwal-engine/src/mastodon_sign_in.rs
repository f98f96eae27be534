//! Connecting a Mastodon account: Jadwal registers itself on the person's
//! instance, opens its sign-in page in their browser, and hears the answer
//! on a one-shot loopback address (OAuth with PKCE; no password ever passes
//! through Jadwal). The access token goes to the keychain. When that answer
//! cannot be heard, the instance shows a code instead
//! (mastodon_code_sign_in.rs).

use jadwal_channels::Channel;
use jadwal_channels::mastodon::MastodonChannel;
use jadwal_channels::mastodon::oauth::{
    AppRegistration, authorize_url, code_from_callback, exchange_code, loopback_redirect_uri,
    register_app,
};
use jadwal_channels::mastodon::pkce::{Pkce, random_state};
use jadwal_domain::Network;
use jadwal_store::channels::ChannelRecord;
use std::time::Duration;

use crate::Engine;
use crate::adapters::SecretKind;
use crate::dto::{AccountDto, ConnectMastodonInput};
use crate::error::Result;
use crate::oauth_loopback::{Loopback, SIGN_IN_WAIT};
use crate::text::text_limit_key;

impl Engine {
    /// Signs in to a Mastodon instance. `open_browser` shows the instance's
    /// sign-in page (the desktop opens the system browser); Jadwal then
    /// waits up to ten minutes for the person to approve.
    pub async fn connect_mastodon(
        &self,
        input: &ConnectMastodonInput,
        open_browser: impl FnOnce(&str) -> Result<()>,
    ) -> Result<AccountDto> {
        self.connect_mastodon_within(input, open_browser, SIGN_IN_WAIT)
            .await
    }

    /// [`Engine::connect_mastodon`], waiting at most `wait` for the person.
    pub async fn connect_mastodon_within(
        &self,
        input: &ConnectMastodonInput,
        open_browser: impl FnOnce(&str) -> Result<()>,
        wait: Duration,
    ) -> Result<AccountDto> {
        let channel = self.channel_on(input.channel_id, Network::Mastodon)?;
        let loopback = Loopback::bind().await?;
        let redirect = loopback_redirect_uri(loopback.port()?);
        let app = register_app(&self.http, input.instance.trim(), Some(loopback.port()?)).await?;
        let pkce = Pkce::generate()?;
        let state = random_state()?;
        let url = authorize_url(&app, &redirect, &pkce, &state)?;
        open_browser(url.as_str())?;
        let target = loopback.callback(wait).await?;
        let code = code_from_callback(&target, &state)?;
        self.finish_mastodon_sign_in(&channel, &app, &code, &redirect, &pkce)
            .await
    }

    /// Trades the code for a token, checks it, and keeps the account: the
    /// end of either way of signing in.
    pub(crate) async fn finish_mastodon_sign_in(
        &self,
        channel: &ChannelRecord,
        app: &AppRegistration,
        code: &str,
        redirect: &str,
        pkce: &Pkce,
    ) -> Result<AccountDto> {
        let token = exchange_code(&self.http, app, code, redirect, pkce).await?;
        let instance = app.instance.to_string();
        let adapter = MastodonChannel::new(&instance, token.clone(), self.http.clone())?;
        let info = adapter.verify().await?;
        let account = self
            .remember_account(
                channel,
                info,
                Some(&instance),
                vec![(SecretKind::MastodonAccessToken, token)],
            )
            .await?;
        // The instance's own text limit drives the editor's counter and the
        // scheduling check for this channel.
        self.store()?.set_setting(
            &text_limit_key(channel.id),
            &adapter.limits().max_characters.to_string(),
        )?;
        Ok(account)
    }
}
