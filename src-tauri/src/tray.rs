//! The tray icon: Jadwal keeps publishing with its window closed, and the
//! tray says so. Its menu opens the window, tells when the next post goes
//! out, and quits (asking first when posts are due soon). The menu follows
//! the store: a change to posts, the zone or the language rewrites it.

use jadwal_engine::dto::Language;
use jadwal_engine::{Engine, StoreChange};
use std::sync::Arc;
use std::time::Duration;
use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tauri::tray::{TrayIcon, TrayIconBuilder};
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::mpsc;

use crate::{closing, texts};

const OPEN: &str = "open";
const NEXT_POST: &str = "next-post";
const QUIT: &str = "quit";

/// A burst of writes (a drag, a pass of the scheduler) rewrites the menu once.
const BATCH_WINDOW: Duration = Duration::from_millis(100);

/// Kept for the app's lifetime: the icon stays while this lives. Its
/// presence tells the window that closing can keep Jadwal running.
pub struct Tray<R: Runtime> {
    icon: TrayIcon<R>,
    open: MenuItem<R>,
    next_post: MenuItem<R>,
    quit: MenuItem<R>,
}

/// Puts Jadwal's icon in the tray and keeps its menu current. A desktop
/// without a tray is logged, and the window then quits when closed.
pub fn start<R: Runtime>(
    app: &AppHandle<R>,
    engine: Arc<Engine>,
    system_language: Language,
) -> Result<(), jadwal_engine::EngineError> {
    let tray = match build(app) {
        Ok(tray) => tray,
        Err(e) => {
            log::warn!("no tray icon: {e}");
            return Ok(());
        }
    };
    app.manage(tray);

    let (tx, mut rx) = mpsc::unbounded_channel::<()>();
    // The store announces while it holds its lock: only hand the news on.
    engine.on_change(move |_: StoreChange| {
        let _ = tx.send(());
    })?;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        refresh(&app, &engine, system_language).await;
        while rx.recv().await.is_some() {
            tokio::time::sleep(BATCH_WINDOW).await;
            while rx.try_recv().is_ok() {}
            refresh(&app, &engine, system_language).await;
        }
    });
    Ok(())
}

#[derive(Debug, thiserror::Error)]
enum TrayError {
    #[error(transparent)]
    Tauri(#[from] tauri::Error),
    #[error("the system's tray library could not be loaded")]
    NoTrayLibrary,
}

fn build<R: Runtime>(app: &AppHandle<R>) -> Result<Tray<R>, TrayError> {
    // Texts in English until the first refresh, a moment later.
    let lang = Language::En;
    let open = MenuItem::with_id(app, OPEN, texts::open_jadwal(lang), true, None::<&str>)?;
    let next_post = MenuItem::with_id(
        app,
        NEXT_POST,
        texts::next_post(lang, None),
        false,
        None::<&str>,
    )?;
    let quit = MenuItem::with_id(app, QUIT, texts::quit_jadwal(lang), true, None::<&str>)?;
    let menu = Menu::with_items(
        app,
        &[
            &open,
            &next_post,
            &PredefinedMenuItem::separator(app)?,
            &quit,
        ],
    )?;
    let mut icon = TrayIconBuilder::with_id("jadwal")
        .tooltip(texts::tooltip(lang))
        .menu(&menu)
        .show_menu_on_left_click(true)
        .on_menu_event(on_menu_event);
    // The app's own icon (icons/, through tauri.conf.json).
    if let Some(image) = app.default_window_icon() {
        icon = icon.icon(image.clone());
    }
    // A missing tray library (libayatana-appindicator on Linux) panics
    // inside the tray crate; Jadwal then runs without an icon.
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| icon.build(app)))
        .map_err(|_| TrayError::NoTrayLibrary)??;
    Ok(Tray {
        icon: built,
        open,
        next_post,
        quit,
    })
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    match event.id().as_ref() {
        OPEN => show_window(app),
        QUIT => closing::quit_asking(app.clone()),
        _ => {}
    }
}

/// Brings the calendar window back from the tray (or forward, from behind
/// other windows). Only what is needed: showing a window that is already
/// shown left WebKitGTK's picture stale (found by the notification e2e).
pub fn show_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        if window.is_minimized().unwrap_or(false) {
            let _ = window.unminimize();
        }
        if !window.is_visible().unwrap_or(true) {
            let _ = window.show();
        }
        let _ = window.set_focus();
    }
}

/// Rewrites the menu from the engine's outlook, in the person's language.
async fn refresh<R: Runtime>(app: &AppHandle<R>, engine: &Arc<Engine>, system_language: Language) {
    let engine = engine.clone();
    let outlook =
        tauri::async_runtime::spawn_blocking(move || engine.outlook(system_language)).await;
    let outlook = match outlook {
        Ok(Ok(outlook)) => outlook,
        Ok(Err(e)) => return log::warn!("tray menu not refreshed: {e}"),
        Err(e) => return log::warn!("tray menu not refreshed: {e}"),
    };
    let Some(tray) = app.try_state::<Tray<R>>() else {
        return;
    };
    let lang = outlook.language;
    let results = [
        tray.open.set_text(texts::open_jadwal(lang)),
        tray.next_post
            .set_text(texts::next_post(lang, outlook.next_post)),
        tray.quit.set_text(texts::quit_jadwal(lang)),
        tray.icon.set_tooltip(Some(texts::tooltip(lang))),
    ];
    for result in results {
        if let Err(e) = result {
            log::warn!("tray menu not refreshed: {e}");
        }
    }
}
