use jadwal_engine::EngineError;
use jadwal_engine::dto::{
    AccountDto, ConnectBlueskyInput, ConnectMastodonInput, ConnectTelegramInput,
    ConnectWebhookInput, FinishMastodonSignInInput, IpcError, MastodonCodeSignInDto,
    PublishResultDto,
};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::AppState;

/// Opens an address in the system browser, as the engine's sign-ins ask.
fn browser<R: Runtime>(app: &AppHandle<R>) -> impl Fn(&str) -> Result<(), EngineError> + '_ {
    |url| {
        app.opener()
            .open_url(url, None::<&str>)
            .map_err(|err| EngineError::Browser(err.to_string()))
    }
}

#[tauri::command]
pub async fn list_accounts(state: State<'_, AppState>) -> Result<Vec<AccountDto>, IpcError> {
    state.run(|e| e.accounts()).await
}

#[tauri::command]
pub async fn connect_bluesky(
    state: State<'_, AppState>,
    input: ConnectBlueskyInput,
) -> Result<AccountDto, IpcError> {
    state
        .run_async(|e| async move { e.connect_bluesky(&input).await })
        .await
}

/// Opens the instance's sign-in page in the system browser and waits for
/// the person to approve there.
#[tauri::command]
pub async fn connect_mastodon<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: ConnectMastodonInput,
) -> Result<AccountDto, IpcError> {
    state
        .run_async(|e| async move { e.connect_mastodon(&input, browser(&app)).await })
        .await
}

/// The fallback sign-in: the instance shows a code for the person to paste.
/// Its page opens in the system browser; its address comes back too, for a
/// browser on another device.
#[tauri::command]
pub async fn start_mastodon_code_sign_in<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: ConnectMastodonInput,
) -> Result<MastodonCodeSignInDto, IpcError> {
    state
        .run_async(|e| async move { e.start_mastodon_code_sign_in(&input, browser(&app)).await })
        .await
}

#[tauri::command]
pub async fn finish_mastodon_code_sign_in(
    state: State<'_, AppState>,
    input: FinishMastodonSignInInput,
) -> Result<AccountDto, IpcError> {
    state
        .run_async(|e| async move { e.finish_mastodon_code_sign_in(&input).await })
        .await
}

#[tauri::command]
pub async fn cancel_mastodon_code_sign_in(
    state: State<'_, AppState>,
    channel_id: i64,
) -> Result<(), IpcError> {
    state
        .run(move |e| {
            e.cancel_mastodon_code_sign_in(channel_id);
            Ok(())
        })
        .await
}

#[tauri::command]
pub async fn connect_telegram(
    state: State<'_, AppState>,
    input: ConnectTelegramInput,
) -> Result<AccountDto, IpcError> {
    state
        .run_async(|e| async move { e.connect_telegram(&input).await })
        .await
}

#[tauri::command]
pub async fn connect_webhook(
    state: State<'_, AppState>,
    input: ConnectWebhookInput,
) -> Result<AccountDto, IpcError> {
    state
        .run_async(|e| async move { e.connect_webhook(&input).await })
        .await
}

#[tauri::command]
pub async fn disconnect_account(
    state: State<'_, AppState>,
    channel_id: i64,
) -> Result<(), IpcError> {
    state
        .run_async(|e| async move { e.disconnect_account(channel_id).await })
        .await
}

#[tauri::command]
pub async fn publish_now(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<PublishResultDto>, IpcError> {
    state
        .run_async(|e| async move { e.publish_now(id).await })
        .await
}
