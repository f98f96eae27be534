//! Connecting a Mastodon account: register Jadwal as an app on the person's
//! instance, send them to its sign-in page in the system browser (OAuth
//! authorization code with PKCE), and trade the code for an access token.
//!
//! The code comes back either to a loopback address the app listens on
//! (`http://127.0.0.1:<port>/callback`) or, as a fallback, shown by the
//! instance for the person to paste (`urn:ietf:wg:oauth:2.0:oob`). Both are
//! registered, so one registration serves either way.

use jadwal_secrets::Secret;
use reqwest::Url;
use serde::Deserialize;

use super::api::{self, Body, Call, Method, Op};
use super::instance::instance_url;
use super::pkce::{CHALLENGE_METHOD, Pkce};
use crate::{ChannelError, HttpClient};

/// The redirect that makes the instance show the code instead.
pub const OOB_REDIRECT_URI: &str = "urn:ietf:wg:oauth:2.0:oob";
/// What Jadwal asks for: who the account is, posting, and uploading media.
pub const SCOPES: &str = "read:accounts write:statuses write:media";
const CLIENT_NAME: &str = "Jadwal";

/// The loopback redirect for a port the app listens on.
pub fn loopback_redirect_uri(port: u16) -> String {
    format!("http://127.0.0.1:{port}/callback")
}

/// Jadwal's app on one instance. Keep all of it (the secret in the
/// keychain): the same registration serves every later sign-in there.
#[derive(Debug, Clone)]
pub struct AppRegistration {
    /// The instance's base address.
    pub instance: Url,
    pub client_id: String,
    pub client_secret: Secret,
    pub redirect_uris: Vec<String>,
    pub scopes: String,
}

#[derive(Deserialize)]
struct AppAnswer {
    client_id: String,
    client_secret: String,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
}

/// `POST /api/v1/apps`. `loopback_port` adds the loopback redirect; the
/// out-of-band one is always registered.
pub async fn register_app(
    http: &HttpClient,
    instance: &str,
    loopback_port: Option<u16>,
) -> Result<AppRegistration, ChannelError> {
    let base = instance_url(instance)?;
    let mut redirect_uris = vec![OOB_REDIRECT_URI.to_owned()];
    if let Some(port) = loopback_port {
        redirect_uris.push(loopback_redirect_uri(port));
    }
    let mut call = Call::new(Method::Post, "/api/v1/apps");
    // One string, one URI per line: every Mastodon version takes that (the
    // array form is 4.3 and later).
    call.body = Body::Form(vec![
        ("client_name".into(), CLIENT_NAME.into()),
        ("redirect_uris".into(), redirect_uris.join("\n")),
        ("scopes".into(), SCOPES.into()),
    ]);
    let (_, answer) = api::send(http, &base, &call, &[]).await?;
    let app: AppAnswer = api::parse(answer, &base, "app registration")?;
    log::info!("mastodon: registered the app on {}", base.as_str());
    Ok(AppRegistration {
        instance: base,
        client_id: app.client_id,
        client_secret: Secret::new(app.client_secret),
        redirect_uris,
        scopes: SCOPES.to_owned(),
    })
}

/// The instance's sign-in page to open in the system browser.
pub fn authorize_url(
    app: &AppRegistration,
    redirect_uri: &str,
    pkce: &Pkce,
    state: &str,
) -> Result<Url, ChannelError> {
    if !app.redirect_uris.iter().any(|r| r == redirect_uri) {
        // The instance would refuse it after the person signed in.
        return Err(ChannelError::AuthorizationFailed {
            reason: format!("{redirect_uri} is not a redirect this app registered"),
        });
    }
    let mut url = app
        .instance
        .join("/oauth/authorize")
        .map_err(|_| ChannelError::InvalidUrl {
            input: app.instance.to_string(),
        })?;
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", &app.client_id)
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("scope", &app.scopes)
        .append_pair("code_challenge", pkce.challenge())
        .append_pair("code_challenge_method", CHALLENGE_METHOD)
        .append_pair("state", state);
    Ok(url)
}

/// The code from the loopback callback's request target
/// (`/callback?code=…&state=…`, or a whole URL). The state must be this
/// sign-in's; an `error` (the person clicked "Deny") is said as it is.
pub fn code_from_callback(target: &str, expected_state: &str) -> Result<String, ChannelError> {
    let query = target.split_once('?').map_or("", |(_, q)| q);
    let query = query.split('#').next().unwrap_or("");
    let mut code = None;
    let mut state = None;
    let mut error = None;
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        match k.as_ref() {
            "code" => code = Some(v.into_owned()),
            "state" => state = Some(v.into_owned()),
            "error_description" => error = Some(v.into_owned()),
            "error" if error.is_none() => error = Some(v.into_owned()),
            _ => {}
        }
    }
    if let Some(error) = error {
        return Err(ChannelError::AuthorizationFailed {
            reason: crate::redact::shorten(&error),
        });
    }
    if state.as_deref() != Some(expected_state) {
        return Err(ChannelError::AuthorizationFailed {
            reason: "the answer does not belong to this sign-in; start again".into(),
        });
    }
    code.filter(|c| !c.is_empty())
        .ok_or_else(|| ChannelError::AuthorizationFailed {
            reason: "the instance sent no code".into(),
        })
}

/// `POST /oauth/token`: the code (with the PKCE verifier) for an access
/// token. Keep the token in the keychain; Mastodon's do not expire.
pub async fn exchange_code(
    http: &HttpClient,
    app: &AppRegistration,
    code: &str,
    redirect_uri: &str,
    pkce: &Pkce,
) -> Result<Secret, ChannelError> {
    let code = code.trim();
    let mut call = Call::new(Method::Post, "/oauth/token");
    call.op = Op::Token;
    call.body = Body::Form(vec![
        ("grant_type".into(), "authorization_code".into()),
        ("code".into(), code.into()),
        ("client_id".into(), app.client_id.clone()),
        (
            "client_secret".into(),
            app.client_secret.expose().to_owned(),
        ),
        ("redirect_uri".into(), redirect_uri.into()),
        ("code_verifier".into(), pkce.verifier().expose().to_owned()),
        ("scope".into(), app.scopes.clone()),
    ]);
    let code_secret = Secret::new(code);
    let secrets = [&app.client_secret, pkce.verifier(), &code_secret];
    let (_, answer) = api::send(http, &app.instance, &call, &secrets).await?;
    let token: TokenAnswer = api::parse(answer, &app.instance, "token")?;
    Ok(Secret::new(token.access_token))
}

/// `POST /oauth/revoke`, when the person disconnects the account.
pub async fn revoke_token(
    http: &HttpClient,
    app: &AppRegistration,
    token: &Secret,
) -> Result<(), ChannelError> {
    let mut call = Call::new(Method::Post, "/oauth/revoke");
    call.op = Op::Token;
    call.body = Body::Form(vec![
        ("client_id".into(), app.client_id.clone()),
        (
            "client_secret".into(),
            app.client_secret.expose().to_owned(),
        ),
        ("token".into(), token.expose().to_owned()),
    ]);
    api::send(http, &app.instance, &call, &[&app.client_secret, token]).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> AppRegistration {
        AppRegistration {
            instance: Url::parse("https://toot.example/").unwrap(),
            client_id: "cid".into(),
            client_secret: Secret::new("client-secret-xxxxxxxx"),
            redirect_uris: vec![OOB_REDIRECT_URI.into(), loopback_redirect_uri(8765)],
            scopes: SCOPES.into(),
        }
    }

    #[test]
    fn the_authorization_url_carries_the_challenge_not_the_verifier() {
        let pkce = Pkce::from_random(&[7; 32]);
        let url = authorize_url(&app(), "http://127.0.0.1:8765/callback", &pkce, "st").unwrap();
        assert_eq!(url.path(), "/oauth/authorize");
        let q: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
        assert_eq!(q["response_type"], "code");
        assert_eq!(q["client_id"], "cid");
        assert_eq!(q["redirect_uri"], "http://127.0.0.1:8765/callback");
        assert_eq!(q["scope"], SCOPES);
        assert_eq!(q["code_challenge"], pkce.challenge());
        assert_eq!(q["code_challenge_method"], "S256");
        assert_eq!(q["state"], "st");
        assert!(!url.as_str().contains(pkce.verifier().expose()));
        assert!(!url.as_str().contains("client-secret"));
        let e = authorize_url(&app(), "http://127.0.0.1:1/x", &pkce, "st").unwrap_err();
        assert_eq!(e.code(), "authorization_failed");
    }

    #[test]
    fn the_callback_gives_the_code_only_with_the_right_state() {
        assert_eq!(
            code_from_callback("/callback?code=abc&state=st", "st").unwrap(),
            "abc"
        );
        assert_eq!(
            code_from_callback("http://127.0.0.1:8765/callback?state=st&code=a%2Bb", "st").unwrap(),
            "a+b"
        );
        for (target, words) in [
            ("/callback?code=abc&state=other", "does not belong"),
            ("/callback?code=abc", "does not belong"),
            ("/callback?state=st", "no code"),
            (
                "/callback?error=access_denied&error_description=The+resource+owner+denied",
                "owner denied",
            ),
        ] {
            let e = code_from_callback(target, "st").unwrap_err();
            assert_eq!(e.code(), "authorization_failed");
            assert!(e.to_string().contains(words), "{target}: {e}");
        }
    }
}
