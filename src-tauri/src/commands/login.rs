//! "Start Jadwal when I log in": the operating system's own login item,
//! read and written here through the autostart plugin. The window asks
//! these commands; it has no permission for the plugin itself.

use jadwal_engine::dto::IpcError;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::AutoLaunchManager;

/// Whether the operating system starts Jadwal at login.
#[tauri::command]
pub async fn start_at_login<R: Runtime>(app: AppHandle<R>) -> Result<bool, IpcError> {
    with_login_item(app, |item| item.is_enabled()).await
}

/// Turns starting at login on or off; answers what the system now reports.
#[tauri::command]
pub async fn set_start_at_login<R: Runtime>(
    app: AppHandle<R>,
    enabled: bool,
) -> Result<bool, IpcError> {
    with_login_item(app, move |item| {
        if enabled {
            item.enable()?;
        } else {
            item.disable()?;
        }
        item.is_enabled()
    })
    .await
}

/// Runs `work` on the login item off the async runtime (on macOS it may
/// start a helper program).
async fn with_login_item<R: Runtime>(
    app: AppHandle<R>,
    work: impl FnOnce(&AutoLaunchManager) -> Result<bool, tauri_plugin_autostart::Error>
    + Send
    + 'static,
) -> Result<bool, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let item = app.try_state::<AutoLaunchManager>().ok_or_else(|| {
            crate::error::refused(
                "login_item",
                "Starting at login is not available on this computer.",
            )
        })?;
        work(&item).map_err(|e| {
            log::warn!("login item: {e}");
            crate::error::refused(
                "login_item",
                &format!("Jadwal could not change whether it starts when you log in: {e}"),
            )
        })
    })
    .await
    .map_err(|e| crate::error::internal(&e))?
}
