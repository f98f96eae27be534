//! The desktop shell: builds the Tauri app, opens the engine, and hands the
//! window thin commands that call it. Nothing here holds business rules.

mod closing;
pub mod commands;
mod error;
mod events;
mod notify;
mod scheduling;
pub mod startup;
mod state;
mod texts;
mod tray;

use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime, WindowEvent};

pub use state::AppState;

/// Starts the desktop app and blocks until it quits.
pub fn run() {
    let app = tauri::Builder::default()
        // A second launch focuses the window that is already open instead of
        // opening the same data file twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            tray::show_window(app);
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                .build(),
        )
        .plugin(tauri_plugin_window_state::Builder::new().build())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(login_item_plugin())
        .setup(|app| {
            let state = startup::open_engine(&startup::Options::from_env());
            if let Ok(engine) = &state.engine {
                events::forward_store_changes(app.handle(), engine)?;
                scheduling::start(app.handle(), engine.clone(), state.system_language);
                // Posts go out only while Jadwal runs: the tray says it does.
                tray::start(app.handle(), engine.clone(), state.system_language)?;
            }
            app.manage(state);
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                closing::on_close_requested(window, api);
            }
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(on_run_event),
        Err(e) => {
            log::error!("Jadwal could not start: {e}");
            eprintln!("Jadwal could not start: {e}");
            std::process::exit(1);
        }
    }
}

/// macOS: a click on the Dock icon brings a window closed to the tray back.
#[cfg_attr(not(target_os = "macos"), allow(unused_variables))]
fn on_run_event(app: &tauri::AppHandle, event: tauri::RunEvent) {
    #[cfg(target_os = "macos")]
    if let tauri::RunEvent::Reopen { .. } = event {
        tray::show_window(app);
    }
}

/// The operating system's login item ("Start Jadwal when I log in"). Only
/// Jadwal's own commands use it; the window has no permission for it.
pub fn login_item_plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_autostart::Builder::new().build()
}
