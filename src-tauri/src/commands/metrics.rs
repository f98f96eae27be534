//! Figures about published posts and accounts: typed in, imported from a
//! network's CSV export (a preview, then the mapping the person confirmed),
//! fetched from the networks now, and read back per post.

use jadwal_engine::dto::{
    CsvImportDto, CsvMappingInput, CsvPreviewDto, IpcError, MetricSampleDto, MetricsRefreshDto,
    RecordMetricInput, TargetMetricsDto,
};
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::AppState;

/// The system's file picker for a CSV export; None when cancelled. The
/// picker runs in Rust so the window never needs file-system rights.
#[tauri::command]
pub async fn choose_metrics_csv<R: Runtime>(
    app: AppHandle<R>,
    title: String,
) -> Result<Option<String>, IpcError> {
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .add_filter("CSV", &["csv", "CSV", "txt"])
            .blocking_pick_file()
    })
    .await
    .map_err(|e| crate::error::internal(&e))?;
    Ok(picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.to_string_lossy().into_owned()))
}

#[tauri::command]
pub async fn preview_metrics_csv(
    state: State<'_, AppState>,
    path: PathBuf,
    channel_id: Option<i64>,
) -> Result<CsvPreviewDto, IpcError> {
    state.run(move |e| e.csv_preview(&path, channel_id)).await
}

#[tauri::command]
pub async fn import_metrics_csv(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: CsvMappingInput,
) -> Result<CsvImportDto, IpcError> {
    state.run(move |e| e.csv_import(&path, &mapping)).await
}

#[tauri::command]
pub async fn record_metric(
    state: State<'_, AppState>,
    input: RecordMetricInput,
) -> Result<MetricSampleDto, IpcError> {
    state.run(move |e| e.record_metric(&input)).await
}

/// Fetches the figures the networks give (Bluesky, Mastodon) now.
#[tauri::command]
pub async fn refresh_metrics(state: State<'_, AppState>) -> Result<MetricsRefreshDto, IpcError> {
    state
        .run_async(|e| async move { e.refresh_metrics().await })
        .await
}

/// A post's figures on a channel: the newest of each and the history.
#[tauri::command]
pub async fn target_metrics(
    state: State<'_, AppState>,
    post_id: i64,
    channel_id: i64,
) -> Result<TargetMetricsDto, IpcError> {
    state
        .run(move |e| e.target_metrics(post_id, channel_id))
        .await
}

/// The Bluesky AppView that counts likes and followers.
#[tauri::command]
pub async fn bluesky_appview(state: State<'_, AppState>) -> Result<String, IpcError> {
    state.run(|e| e.bluesky_appview()).await
}

/// Sets the Bluesky AppView; null or empty for Bluesky's own.
#[tauri::command]
pub async fn set_bluesky_appview(
    state: State<'_, AppState>,
    url: Option<String>,
) -> Result<(), IpcError> {
    state
        .run(move |e| e.set_bluesky_appview(url.as_deref()))
        .await
}
