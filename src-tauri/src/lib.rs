//! The desktop shell: builds the Tauri app, opens the engine, and hands the
//! window thin commands that call it. Nothing here holds business rules.

pub mod commands;
mod error;
mod events;
mod scheduling;
pub mod startup;
mod state;

use tauri::Manager;

pub use state::AppState;

/// Starts the desktop app and blocks until it quits.
pub fn run() {
    let app = tauri::Builder::default()
        // A second launch focuses the window that is already open instead of
        // opening the same data file twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
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
        .setup(|app| {
            let state = startup::open_engine(&startup::Options::from_env());
            if let Ok(engine) = &state.engine {
                events::forward_store_changes(app.handle(), engine)?;
                scheduling::start(app.handle(), engine.clone());
            }
            app.manage(state);
            Ok(())
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            log::error!("Jadwal could not start: {e}");
            eprintln!("Jadwal could not start: {e}");
            std::process::exit(1);
        }
    }
}
