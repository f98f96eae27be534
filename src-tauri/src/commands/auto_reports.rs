//! Automatic reports in Settings: the choices, the folder picker (run in
//! Rust, so the window never gets rights to the file system) and opening
//! the chosen folder.

use jadwal_engine::dto::{AutoReportSettings, AutoReportsDto, IpcError};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::AppState;

#[tauri::command]
pub async fn auto_reports(state: State<'_, AppState>) -> Result<AutoReportsDto, IpcError> {
    let language = state.system_language;
    state.run(move |e| e.auto_reports(language)).await
}

#[tauri::command]
pub async fn set_auto_reports(
    state: State<'_, AppState>,
    settings: AutoReportSettings,
) -> Result<AutoReportsDto, IpcError> {
    let language = state.system_language;
    state
        .run(move |e| e.set_auto_reports(&settings, language))
        .await
}

/// Asks for a folder with the system's folder picker; its path, or `None`
/// when the person closed the picker.
#[tauri::command]
pub async fn choose_report_folder<R: Runtime>(
    app: AppHandle<R>,
    title: String,
) -> Result<Option<String>, IpcError> {
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        app.dialog().file().set_title(title).blocking_pick_folder()
    })
    .await
    .map_err(|e| crate::error::internal(&e))?;
    Ok(chosen
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}

/// Shows the chosen folder in the file manager. Only that folder: the
/// window cannot make the shell open any path it likes through this.
#[tauri::command]
pub async fn open_report_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<(), IpcError> {
    let language = state.system_language;
    let shown = state.run(move |e| e.auto_reports(language)).await?;
    let Some(folder) = shown.settings.folder else {
        return Err(jadwal_engine::EngineError::ReportFolderNotSet.to_ipc());
    };
    app.opener()
        .open_path(folder.clone(), None::<&str>)
        .map_err(|e| {
            log::warn!("could not open {folder}: {e}");
            IpcError {
                code: "report_folder_not_opened".into(),
                message: format!("Jadwal could not open the folder {folder}."),
                params: [("path".to_owned(), folder)].into_iter().collect(),
            }
        })
}
