use jadwal_engine::dto::{ChannelDto, ChannelInput, IpcError, LabelDto, LabelInput};
use tauri::State;

use crate::AppState;

#[tauri::command]
pub async fn list_channels(state: State<'_, AppState>) -> Result<Vec<ChannelDto>, IpcError> {
    state.run(|e| e.channels()).await
}

#[tauri::command]
pub async fn create_channel(
    state: State<'_, AppState>,
    input: ChannelInput,
) -> Result<ChannelDto, IpcError> {
    state.run(move |e| e.create_channel(&input)).await
}

#[tauri::command]
pub async fn update_channel(
    state: State<'_, AppState>,
    id: i64,
    input: LabelInput,
) -> Result<ChannelDto, IpcError> {
    state.run(move |e| e.update_channel(id, &input)).await
}

#[tauri::command]
pub async fn delete_channel(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.run(move |e| e.delete_channel(id)).await
}

#[tauri::command]
pub async fn list_labels(state: State<'_, AppState>) -> Result<Vec<LabelDto>, IpcError> {
    state.run(|e| e.labels()).await
}

#[tauri::command]
pub async fn create_label(
    state: State<'_, AppState>,
    input: LabelInput,
) -> Result<LabelDto, IpcError> {
    state.run(move |e| e.create_label(&input)).await
}

#[tauri::command]
pub async fn update_label(
    state: State<'_, AppState>,
    id: i64,
    input: LabelInput,
) -> Result<LabelDto, IpcError> {
    state.run(move |e| e.update_label(id, &input)).await
}

#[tauri::command]
pub async fn delete_label(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.run(move |e| e.delete_label(id)).await
}
