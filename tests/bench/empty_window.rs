//! An empty Tauri window: the peer the app's idle memory is measured against.
//! Same Tauri, same WebKit, a blank page and no plugins.

fn main() {
    let context = tauri::generate_context!("tests/bench/empty-window/tauri.conf.json");
    if let Err(e) = tauri::Builder::default().run(context) {
        eprintln!("the empty window could not start: {e}");
        std::process::exit(1);
    }
}
