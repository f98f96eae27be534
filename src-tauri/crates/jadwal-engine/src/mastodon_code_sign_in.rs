//! Connecting Mastodon with the out-of-band code: the instance shows a code
//! instead of sending the browser back to Jadwal, and the person pastes it.
//! For when the loopback address cannot be used (no port could be opened,
//! or the browser is on another device). PKCE applies as on the loopback
//! way; the app's secret and the verifier stay in memory until the code
//! comes, at most ten minutes.

use chrono::{DateTime, Utc};
use jadwal_channels::mastodon::oauth::{
    AppRegistration, OOB_REDIRECT_URI, authorize_url, register_app,
};
use jadwal_channels::mastodon::pkce::{Pkce, random_state};
use jadwal_domain::Network;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use crate::Engine;
use crate::dto::{
    AccountDto, ConnectMastodonInput, FinishMastodonSignInInput, MastodonCodeSignInDto,
};
use crate::error::{EngineError, Result};
use crate::oauth_loopback::SIGN_IN_WAIT;

/// A sign-in waiting for its code.
pub(crate) struct PendingCodeSignIn {
    app: AppRegistration,
    pkce: Pkce,
    started_at: DateTime<Utc>,
}

/// The sign-ins waiting for a code, one per channel (starting again
/// replaces the older one, whose code would no longer match).
#[derive(Default)]
pub(crate) struct CodeSignIns(Mutex<HashMap<i64, PendingCodeSignIn>>);

impl CodeSignIns {
    fn put(&self, channel_id: i64, pending: PendingCodeSignIn) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(channel_id, pending);
    }

    fn take(&self, channel_id: i64) -> Option<PendingCodeSignIn> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&channel_id)
    }
}

impl Engine {
    /// Starts a sign-in that ends with a pasted code: registers Jadwal on
    /// the instance, and opens its sign-in page with `open_browser`. A
    /// browser that cannot be opened is no failure here: the page's address
    /// comes back, to open on any device.
    pub async fn start_mastodon_code_sign_in(
        &self,
        input: &ConnectMastodonInput,
        open_browser: impl FnOnce(&str) -> Result<()>,
    ) -> Result<MastodonCodeSignInDto> {
        let channel = self.channel_on(input.channel_id, Network::Mastodon)?;
        let app = register_app(&self.http, input.instance.trim(), None).await?;
        let pkce = Pkce::generate()?;
        // Unused by the out-of-band answer, but the instance expects one.
        let state = random_state()?;
        let url = authorize_url(&app, OOB_REDIRECT_URI, &pkce, &state)?;
        self.code_sign_ins.put(
            channel.id,
            PendingCodeSignIn {
                app,
                pkce,
                started_at: self.clock.now(),
            },
        );
        let browser_opened = match open_browser(url.as_str()) {
            Ok(()) => true,
            Err(e) => {
                log::warn!("mastodon: the sign-in page was not opened ({e}); showing its address");
                false
            }
        };
        Ok(MastodonCodeSignInDto {
            channel_id: channel.id,
            authorize_url: url.to_string(),
            browser_opened,
        })
    }

    /// Finishes a code sign-in with the code the instance showed. A code the
    /// instance refuses (mistyped) leaves the sign-in open for another try.
    pub async fn finish_mastodon_code_sign_in(
        &self,
        input: &FinishMastodonSignInInput,
    ) -> Result<AccountDto> {
        let channel = self.channel_on(input.channel_id, Network::Mastodon)?;
        let pending = self
            .code_sign_ins
            .take(channel.id)
            .ok_or(EngineError::SignInTimedOut)?;
        if self.clock.now() - pending.started_at > chrono_wait() {
            return Err(EngineError::SignInTimedOut);
        }
        let code = input.code.trim();
        if code.is_empty() {
            self.code_sign_ins.put(channel.id, pending);
            return Err(EngineError::Channel(
                jadwal_channels::ChannelError::AuthorizationFailed {
                    reason: "no code was entered".into(),
                },
            ));
        }
        match self
            .finish_mastodon_sign_in(
                &channel,
                &pending.app,
                code,
                OOB_REDIRECT_URI,
                &pending.pkce,
            )
            .await
        {
            Ok(account) => Ok(account),
            Err(e) => {
                self.code_sign_ins.put(channel.id, pending);
                Err(e)
            }
        }
    }

    /// Forgets a code sign-in the person gave up on.
    pub fn cancel_mastodon_code_sign_in(&self, channel_id: i64) {
        self.code_sign_ins.take(channel_id);
    }
}

fn chrono_wait() -> chrono::Duration {
    chrono::Duration::from_std(SIGN_IN_WAIT).unwrap_or(chrono::Duration::minutes(10))
}
