//! Compiles the Tauri context: the config at the repository root and the
//! webview's permissions in src-tauri/capabilities.

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*.json");
    tauri_build::try_build(attributes).unwrap_or_else(|e| panic!("tauri build step failed: {e:#}"));
}
