use jadwal_engine::dto::{HeldPostsDto, IpcError, PublishResultDto, PublishingStatusDto};
use tauri::State;

use crate::AppState;

/// Posts the scheduler holds for the person (missed, or assisted channels left).
#[tauri::command]
pub async fn needs_decision(state: State<'_, AppState>) -> Result<HeldPostsDto, IpcError> {
    state.run(|e| e.held_posts()).await
}

/// Whether posts are waiting for the internet.
#[tauri::command]
pub async fn publishing_status(
    state: State<'_, AppState>,
) -> Result<PublishingStatusDto, IpcError> {
    state.run(|e| e.publishing_status()).await
}

#[tauri::command]
pub async fn skip_post(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.run(move |e| e.skip_post(id)).await
}

#[tauri::command]
pub async fn publish_held_now(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<PublishResultDto>, IpcError> {
    state
        .run_async(|e| async move { e.publish_held_now(id).await })
        .await
}

/// The person published the post on this channel by hand (assisted networks).
#[tauri::command]
pub async fn mark_posted(
    state: State<'_, AppState>,
    id: i64,
    channel_id: i64,
    url: Option<String>,
) -> Result<Vec<PublishResultDto>, IpcError> {
    state
        .run_async(|e| async move { e.mark_posted(id, channel_id, url).await })
        .await
}

/// The person's answer for a post Jadwal is unsure went out.
#[tauri::command]
pub async fn confirm_outcome(
    state: State<'_, AppState>,
    id: i64,
    arrived: bool,
) -> Result<Vec<PublishResultDto>, IpcError> {
    state
        .run_async(|e| async move { e.confirm_outcome(id, arrived).await })
        .await
}

/// Every try to publish a post, with the networks' answers.
#[tauri::command]
pub async fn publish_log(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<jadwal_engine::dto::AttemptDto>, IpcError> {
    state.run(move |e| e.publish_log(id)).await
}
