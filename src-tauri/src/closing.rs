//! Closing the window and quitting. Posts go out only while Jadwal runs, so
//! by default a closed window leaves Jadwal running in the tray (said once,
//! in a notification), and a quit that would keep posts due within a day
//! from going out asks first.

use jadwal_engine::Engine;
use jadwal_engine::dto::Language;
use jadwal_engine::outlook::Outlook;
use std::sync::Arc;
use tauri::{AppHandle, Manager, Runtime, Window};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use crate::tray::Tray;
use crate::{AppState, texts};

/// What closing the window does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseAction {
    /// Hide the window; Jadwal keeps publishing from the tray.
    ToTray,
    /// Quit, after asking when posts are due soon.
    Quit,
}

/// Keep running only where the person wants it and where a tray icon can
/// bring the window back (or quit): a hidden window without one is a trap.
pub fn close_action(outlook: &Outlook, has_tray: bool) -> CloseAction {
    if outlook.keep_running && has_tray {
        CloseAction::ToTray
    } else {
        CloseAction::Quit
    }
}

/// The window's close button. The window stays until the engine has said
/// what to do; then it hides, or Jadwal quits (perhaps after a question).
pub fn on_close_requested<R: Runtime>(window: &Window<R>, api: &tauri::CloseRequestApi) {
    if window.label() != "main" {
        return;
    }
    api.prevent_close();
    let app = window.app_handle().clone();
    tauri::async_runtime::spawn(async move {
        let Some((engine, outlook)) = outlook(&app).await else {
            // Nothing publishes without the engine: closing simply quits.
            return app.exit(0);
        };
        let has_tray = app.try_state::<Tray<R>>().is_some();
        match close_action(&outlook, has_tray) {
            CloseAction::ToTray => {
                if let Some(window) = app.get_webview_window("main")
                    && let Err(e) = window.hide()
                {
                    log::warn!("the window could not be hidden: {e}");
                }
                explain_the_first_time(&app, engine, outlook.language).await;
            }
            CloseAction::Quit => ask_then_quit(&app, &outlook),
        }
    });
}

/// "Quit Jadwal" in the tray: quits, asking first when posts are due soon.
pub fn quit_asking<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        match outlook(&app).await {
            Some((_, outlook)) => ask_then_quit(&app, &outlook),
            None => app.exit(0),
        }
    });
}

/// The engine and its outlook now, or None when the data could not be
/// opened (or read just now: the person can still quit).
async fn outlook<R: Runtime>(app: &AppHandle<R>) -> Option<(Arc<Engine>, Outlook)> {
    let state = app.try_state::<AppState>()?;
    let engine = state.engine.clone().ok()?;
    let language = state.system_language;
    let reader = engine.clone();
    match tauri::async_runtime::spawn_blocking(move || reader.outlook(language)).await {
        Ok(Ok(outlook)) => Some((engine, outlook)),
        Ok(Err(e)) => {
            log::warn!("could not read what is due: {e}");
            None
        }
        Err(e) => {
            log::warn!("could not read what is due: {e}");
            None
        }
    }
}

fn ask_then_quit<R: Runtime>(app: &AppHandle<R>, outlook: &Outlook) {
    // Nothing to lose: no post due soon, or another Jadwal (the agent)
    // publishes them whether this one runs or not.
    if outlook.due_soon == 0 || !crate::scheduling::publishes_here(app) {
        return app.exit(0);
    }
    let (message, quit, keep) = texts::quit_question(outlook.language, outlook.due_soon);
    let quitter = app.clone();
    app.dialog()
        .message(message)
        .title("Jadwal")
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            quit.into(),
            keep.into(),
        ))
        .show(move |quit| {
            if quit {
                quitter.exit(0);
            }
        });
}

/// The first time ever the window closes to the tray, a notification says
/// that Jadwal is still running and where to find it.
async fn explain_the_first_time<R: Runtime>(
    app: &AppHandle<R>,
    engine: Arc<Engine>,
    language: Language,
) {
    use tauri_plugin_notification::NotificationExt;
    let first = tauri::async_runtime::spawn_blocking(move || engine.note_closed_to_tray()).await;
    match first {
        Ok(Ok(true)) => {}
        Ok(Ok(false)) => return,
        Ok(Err(e)) => return log::warn!("could not note the closed window: {e}"),
        Err(e) => return log::warn!("could not note the closed window: {e}"),
    }
    let (title, body) = texts::still_running(language);
    if let Err(e) = app.notification().builder().title(title).body(body).show() {
        // No notification service (a headless machine): the log has it.
        log::info!("no desktop notification: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlook(keep_running: bool) -> Outlook {
        Outlook {
            language: Language::En,
            keep_running,
            next_post: None,
            due_soon: 2,
        }
    }

    #[test]
    fn closing_keeps_running_only_when_wanted_and_a_tray_can_bring_it_back() {
        assert_eq!(close_action(&outlook(true), true), CloseAction::ToTray);
        assert_eq!(close_action(&outlook(false), true), CloseAction::Quit);
        assert_eq!(
            close_action(&outlook(true), false),
            CloseAction::Quit,
            "no tray icon: a hidden window could not be found again"
        );
    }
}
