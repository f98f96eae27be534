use jadwal_engine::dto::{AutosaveDto, IpcError};
use tauri::State;

use crate::AppState;

#[tauri::command]
pub async fn save_autosave(
    state: State<'_, AppState>,
    slot: String,
    body: String,
) -> Result<(), IpcError> {
    state.run(move |e| e.save_autosave(&slot, &body)).await
}

#[tauri::command]
pub async fn load_autosave(
    state: State<'_, AppState>,
    slot: String,
) -> Result<Option<AutosaveDto>, IpcError> {
    state.run(move |e| e.load_autosave(&slot)).await
}

#[tauri::command]
pub async fn clear_autosave(state: State<'_, AppState>, slot: String) -> Result<(), IpcError> {
    state.run(move |e| e.clear_autosave(&slot)).await
}
