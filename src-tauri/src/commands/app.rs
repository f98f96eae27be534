use jadwal_engine::dto::{AppStateDto, IpcError, SettingsInput};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

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

/// Opens a web address (a published post) in the person's browser. Only
/// `https://` and `http://` addresses: the window cannot make the shell open
/// files or run programs through this.
#[tauri::command]
pub async fn open_link<R: Runtime>(app: AppHandle<R>, url: String) -> Result<(), IpcError> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(crate::error::refused(
            "link_not_web",
            "Only web addresses can be opened.",
        ));
    }
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| crate::error::internal(&e))
}
