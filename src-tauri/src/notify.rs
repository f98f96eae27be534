//! Desktop notifications that open the right post when clicked. The
//! notification plugin shows them but never hears a click on the desktop, so
//! the shell shows them itself (with the same crate) and waits for the
//! answer on a thread of its own.

use tauri::{AppHandle, Emitter, Runtime};

/// Sent to the window when a notification about a post is clicked.
pub const OPEN_POST: &str = "open-post";

/// Shows a notification; a click raises the window and, when the
/// notification is about one post, opens it in the editor.
pub fn show<R: Runtime>(app: &AppHandle<R>, title: &str, body: &str, post_id: Option<i64>) {
    let app = app.clone();
    let (title, body) = (title.to_owned(), body.to_owned());
    std::thread::spawn(move || {
        let mut n = notify_rust::Notification::new();
        n.summary(&title).body(&body).appname("Jadwal");
        // On Linux a click on the body is reported only with a "default" action.
        n.action("default", "Open");
        let handle = match n.show() {
            Ok(handle) => handle,
            Err(e) => {
                // No notification service (a headless machine): the log has it.
                log::info!("no desktop notification: {e}");
                return;
            }
        };
        let waited = handle.wait_for_response(|response: &notify_rust::NotificationResponse| {
            if matches!(
                response,
                notify_rust::NotificationResponse::Default
                    | notify_rust::NotificationResponse::Action(_)
            ) {
                raise(&app, post_id);
            }
        });
        if let Err(e) = waited {
            log::info!("notification answer not heard: {e}");
        }
    });
}

fn raise<R: Runtime>(app: &AppHandle<R>, post_id: Option<i64>) {
    crate::tray::show_window(app);
    if let Some(id) = post_id {
        let _ = app.emit(OPEN_POST, id);
    }
}
