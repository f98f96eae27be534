//! The Results dialog: the figures for a range of days, and saving them as a
//! report. The save dialog runs in Rust, so the window never gets rights to
//! the file system.

use jadwal_domain::insights::{BestTimes, Insights};
use jadwal_engine::dto::{IpcError, Language};
use jadwal_engine::report::ReportFormat;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::AppState;

#[tauri::command]
pub async fn insights(
    state: State<'_, AppState>,
    first: String,
    last: String,
) -> Result<Insights, IpcError> {
    state.run(move |e| e.insights(&first, &last)).await
}

/// The hours the workspace's own posts did best in, for picking a time.
#[tauri::command]
pub async fn best_times(state: State<'_, AppState>) -> Result<BestTimes, IpcError> {
    state.run(|e| e.best_times()).await
}

/// Asks where to save, then writes the report there. `None` when the person
/// closed the dialog.
#[tauri::command]
pub async fn save_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    first: String,
    last: String,
    language: Language,
    format: ReportFormat,
    title: String,
) -> Result<Option<String>, IpcError> {
    let (from, to) = (first.clone(), last.clone());
    let name = state
        .run(move |e| e.report_file_name(&from, &to, format))
        .await?;
    let picker = app.clone();
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        picker
            .dialog()
            .file()
            .set_title(title)
            .set_file_name(name)
            .add_filter(format.extension().to_uppercase(), &[format.extension()])
            .blocking_save_file()
    })
    .await
    .map_err(|e| crate::error::internal(&e))?;
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    state
        .run(move |e| e.save_report(&first, &last, language, format, &path))
        .await
        .map(|saved| Some(saved.display().to_string()))
}
