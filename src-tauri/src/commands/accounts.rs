use jadwal_engine::EngineError;
use jadwal_engine::dto::{
    AccountDto, ConnectBlueskyInput, ConnectMastodonInput, ConnectTelegramInput,
    ConnectWebhookInput, IpcError, PublishResultDto,
};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::AppState;

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
        .run_async(|e| async move {
            e.connect_mastodon(&input, |url| {
                app.opener()
                    .open_url(url, None::<&str>)
                    .map_err(|err| EngineError::Browser(err.to_string()))
            })
            .await
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
