use jadwal_engine::dto::{AppStateDto, IpcError, SettingsInput};
use tauri::State;

use crate::AppState;

#[tauri::command]
pub async fn app_state(state: State<'_, AppState>) -> Result<AppStateDto, IpcError> {
    let language = state.system_language;
    state.run(move |e| e.app_state(language)).await
}

#[tauri::command]
pub async fn update_settings(
    state: State<'_, AppState>,
    input: SettingsInput,
) -> Result<AppStateDto, IpcError> {
    let language = state.system_language;
    state
        .run(move |e| e.update_settings(&input, language))
        .await
}

#[tauri::command]
pub async fn list_time_zones(state: State<'_, AppState>) -> Result<Vec<String>, IpcError> {
    state.run(|e| Ok(e.time_zones())).await
}
