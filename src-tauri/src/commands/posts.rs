use jadwal_engine::dto::{
    IpcError, MeasureInput, PostDto, PostInput, PostSummaryDto, SaveOutcomeDto, TextMeasureDto,
    ThreadPreviewDto,
};
use tauri::State;

use crate::AppState;

#[tauri::command]
pub async fn calendar_posts(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<Vec<PostSummaryDto>, IpcError> {
    state.run(move |e| e.calendar_posts(&from, &to)).await
}

#[tauri::command]
pub async fn tray_posts(state: State<'_, AppState>) -> Result<Vec<PostSummaryDto>, IpcError> {
    state.run(|e| e.tray_posts()).await
}

#[tauri::command]
pub async fn get_post(state: State<'_, AppState>, id: i64) -> Result<PostDto, IpcError> {
    state.run(move |e| e.post(id)).await
}

#[tauri::command]
pub async fn create_post(
    state: State<'_, AppState>,
    input: PostInput,
) -> Result<SaveOutcomeDto, IpcError> {
    state.run(move |e| e.create_post(&input)).await
}

#[tauri::command]
pub async fn update_post(
    state: State<'_, AppState>,
    id: i64,
    input: PostInput,
) -> Result<SaveOutcomeDto, IpcError> {
    state.run(move |e| e.update_post(id, &input)).await
}

#[tauri::command]
pub async fn reschedule_post(
    state: State<'_, AppState>,
    id: i64,
    at: String,
) -> Result<SaveOutcomeDto, IpcError> {
    state.run(move |e| e.reschedule_post(id, &at)).await
}

#[tauri::command]
pub async fn unschedule_post(
    state: State<'_, AppState>,
    id: i64,
) -> Result<SaveOutcomeDto, IpcError> {
    state.run(move |e| e.unschedule_post(id)).await
}

#[tauri::command]
pub async fn duplicate_post(state: State<'_, AppState>, id: i64) -> Result<PostDto, IpcError> {
    state.run(move |e| e.duplicate_post(id)).await
}

#[tauri::command]
pub async fn delete_post(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.run(move |e| e.delete_post(id)).await
}

#[tauri::command]
pub async fn restore_post(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.run(move |e| e.restore_post(id)).await
}

#[tauri::command]
pub async fn measure_text(
    state: State<'_, AppState>,
    input: MeasureInput,
) -> Result<Vec<TextMeasureDto>, IpcError> {
    state.run(move |e| e.measure_text(&input)).await
}

#[tauri::command]
pub async fn preview_threads(
    state: State<'_, AppState>,
    input: MeasureInput,
) -> Result<Vec<ThreadPreviewDto>, IpcError> {
    state.run(move |e| e.preview_threads(&input)).await
}
