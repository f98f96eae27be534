//! The media library and a post's pictures. Previews reach the window as
//! small `data:` URLs (thumbnails, at most 400 px): the asset protocol stays
//! off, so the web view can never read a file by its path.

use jadwal_engine::dto::{
    AttachmentDto, AttachmentInput, CropDto, ImportResultDto, IpcError, MediaDto, MediaFixDto,
    MediaFixOutcomeDto, MediaProblemDto, NetworkPresetsDto, ThumbnailDto,
};
use std::path::PathBuf;
use tauri::{AppHandle, Emitter, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::AppState;

/// Sent once per file as a batch import goes (an `ImportProgressDto`).
pub const MEDIA_IMPORT_PROGRESS: &str = "media-import-progress";

/// Adds files (paths from the file picker or a drop) to the library.
#[tauri::command]
pub async fn import_media<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
) -> Result<Vec<ImportResultDto>, IpcError> {
    state
        .run(move |e| {
            e.import_media_with_progress(&paths, |p| {
                // Progress is a nicety: a window that cannot hear it still gets the results.
                let _ = app.emit(MEDIA_IMPORT_PROGRESS, p);
            })
        })
        .await
}

/// Opens the system's file picker and imports what the person chose. The
/// picker runs in Rust so the window never needs file-system rights; a
/// cancelled picker imports nothing and returns an empty list.
#[tauri::command]
pub async fn choose_and_import_media<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    title: String,
) -> Result<Vec<ImportResultDto>, IpcError> {
    let picker = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        picker
            .dialog()
            .file()
            .set_title(title)
            .add_filter("Images", IMAGE_EXTENSIONS)
            .blocking_pick_files()
    })
    .await
    .map_err(|e| crate::error::internal(&e))?;
    let paths: Vec<PathBuf> = picked
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect();
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    import_media(app, state, paths).await
}

/// What the picker offers; anything else dropped on the window is still
/// tried, and refused by the importer with a message naming the file.
const IMAGE_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "webp", "gif", "heic", "heif", "JPG", "JPEG", "PNG",
];

#[tauri::command]
pub async fn media_library(
    state: State<'_, AppState>,
    query: Option<String>,
) -> Result<Vec<MediaDto>, IpcError> {
    state.run(move |e| e.media_library(query.as_deref())).await
}

#[tauri::command]
pub async fn media_thumbnails(
    state: State<'_, AppState>,
    hashes: Vec<String>,
) -> Result<Vec<ThumbnailDto>, IpcError> {
    state.run(move |e| e.media_thumbnails(&hashes)).await
}

#[tauri::command]
pub async fn post_thumbnails(
    state: State<'_, AppState>,
    post_ids: Vec<i64>,
) -> Result<Vec<ThumbnailDto>, IpcError> {
    state.run(move |e| e.post_thumbnails(&post_ids)).await
}

#[tauri::command]
pub async fn media_crops(
    state: State<'_, AppState>,
    hash: String,
    focal_x: f32,
    focal_y: f32,
) -> Result<Vec<CropDto>, IpcError> {
    state
        .run(move |e| e.media_crops(&hash, focal_x, focal_y))
        .await
}

/// The renditions each network gets, for the editor's previews.
#[tauri::command]
pub async fn network_presets(
    state: State<'_, AppState>,
) -> Result<Vec<NetworkPresetsDto>, IpcError> {
    state.run(|e| Ok(e.network_presets())).await
}

#[tauri::command]
pub async fn post_media(
    state: State<'_, AppState>,
    post_id: i64,
) -> Result<Vec<AttachmentDto>, IpcError> {
    state.run(move |e| e.post_media(post_id)).await
}

#[tauri::command]
pub async fn set_post_media(
    state: State<'_, AppState>,
    post_id: i64,
    items: Vec<AttachmentInput>,
) -> Result<Vec<AttachmentDto>, IpcError> {
    state.run(move |e| e.set_post_media(post_id, &items)).await
}

#[tauri::command]
pub async fn update_post_media(
    state: State<'_, AppState>,
    post_id: i64,
    item: AttachmentInput,
) -> Result<Vec<AttachmentDto>, IpcError> {
    state
        .run(move |e| e.update_post_media(post_id, &item))
        .await
}

#[tauri::command]
pub async fn post_media_checks(
    state: State<'_, AppState>,
    post_id: i64,
) -> Result<Vec<MediaProblemDto>, IpcError> {
    state.run(move |e| e.post_media_checks(post_id)).await
}

#[tauri::command]
pub async fn apply_media_fix(
    state: State<'_, AppState>,
    post_id: i64,
    hash: Option<String>,
    fix: MediaFixDto,
) -> Result<MediaFixOutcomeDto, IpcError> {
    state
        .run(move |e| e.apply_media_fix(post_id, hash.as_deref(), fix))
        .await
}

/// Cuts the post's pictures for each of its networks into a folder and
/// shows that folder in the file manager, for posting by hand. Answers how
/// many pictures were written (0: nothing to show, no folder opened).
#[tauri::command]
pub async fn show_pictures_for_posting<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> Result<u32, IpcError> {
    let (folder, written) = state.run(move |e| e.pictures_for_posting(id)).await?;
    if written.is_empty() {
        return Ok(0);
    }
    let path = folder.display().to_string();
    if let Err(e) = app.opener().open_path(path.clone(), None::<&str>) {
        // The pictures are there; say where, since the file manager did not open.
        log::warn!("could not open {path}: {e}");
        return Err(IpcError {
            code: "folder_not_opened".into(),
            message: format!(
                "The pictures are ready in {path}, but Jadwal could not open that folder."
            ),
            params: [("path".to_owned(), path)].into_iter().collect(),
        });
    }
    Ok(u32::try_from(written.len()).unwrap_or(u32::MAX))
}
