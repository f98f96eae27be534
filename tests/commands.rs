//! The app's commands through Tauri's IPC (mock runtime, real engine, real
//! SQLite file): arguments in, DTOs or `{ code, message }` errors out.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use jadwal_app::startup::{Options, open_engine};
use jadwal_engine::dto::Language;
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

struct App {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

fn app(data_dir: &std::path::Path) -> App {
    let options = Options {
        data_dir: Some(data_dir.to_path_buf()),
        time_zone: "Asia/Jakarta".parse().unwrap(),
        language: Language::Id,
    };
    let app = mock_builder()
        .invoke_handler(jadwal_app::commands::handler())
        .build(mock_context(noop_assets()))
        .unwrap();
    app.manage(open_engine(&options));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    App { _app: app, window }
}

impl App {
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        tauri::test::get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().unwrap())
    }
}

#[test]
fn the_window_can_plan_and_move_a_post() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());

    let state = app.call("app_state", json!({})).unwrap();
    assert_eq!(state["timeZone"], "Asia/Jakarta");
    assert_eq!(
        state["language"], "id",
        "the computer's language until the person picks one"
    );

    let channel = app
        .call(
            "create_channel",
            json!({ "input": { "name": "Toko", "network": "mastodon", "color": null } }),
        )
        .unwrap();
    let saved = app
        .call(
            "create_post",
            json!({ "input": {
                "text": "Kue lapis legit",
                "status": "scheduled",
                "at": "2099-01-10T09:00",
                "targets": [{ "channelId": channel["id"], "variantText": null }],
                "labelIds": []
            }}),
        )
        .unwrap();
    let id = saved["post"]["id"].clone();
    let moved = app
        .call(
            "reschedule_post",
            json!({ "id": id, "at": "2099-01-12T09:00" }),
        )
        .unwrap();
    assert_eq!(moved["post"]["schedule"]["local"], "2099-01-12T09:00");

    let page = app
        .call(
            "calendar_posts",
            json!({ "from": "2099-01-01", "to": "2099-02-01" }),
        )
        .unwrap();
    assert_eq!(page.as_array().unwrap().len(), 1);
    assert_eq!(page[0]["start"], "2099-01-12T09:00");
    assert_eq!(page[0]["excerpt"], "Kue lapis legit");

    let counts = app
        .call("measure_text", json!({ "input": { "text": "halo https://example.com/a/very/long/path/indeed", "targets": [{ "channelId": channel["id"], "variantText": null }] } }))
        .unwrap();
    assert_eq!(
        counts[0]["used"], 28,
        "Mastodon counts the URL as 23: 'halo ' (5) + 23"
    );
}

#[test]
fn errors_cross_as_a_code_and_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let err = app
        .call(
            "reschedule_post",
            json!({ "id": 12345, "at": "2099-01-12T09:00" }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "not_found");
    assert_eq!(err["message"], "Post 12345 does not exist");

    let err = app
        .call(
            "calendar_posts",
            json!({ "from": "2026-02-30", "to": "2026-03-01" }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "invalid_date_time");
    assert_eq!(err["params"]["value"], "2026-02-30");
}

#[test]
fn a_damaged_data_file_is_reported_to_the_window_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(jadwal_store::DB_FILE_NAME);
    std::fs::write(&file, b"definitely not sqlite".repeat(300)).unwrap();
    let app = app(dir.path());
    let err = app.call("app_state", json!({})).unwrap_err();
    assert_eq!(err["code"], "store_corrupt");
    assert!(
        err["params"]["path"]
            .as_str()
            .unwrap()
            .ends_with(jadwal_store::DB_FILE_NAME)
    );
    let err = app.call("tray_posts", json!({})).unwrap_err();
    assert_eq!(
        err["code"], "store_corrupt",
        "every command says the same, none touches the file"
    );
    assert!(
        std::fs::read(&file)
            .unwrap()
            .starts_with(b"definitely not sqlite")
    );
}
