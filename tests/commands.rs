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
        .plugin(jadwal_app::login_item_plugin())
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
fn the_window_can_write_a_plan_and_read_its_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let channel = app
        .call(
            "create_channel",
            json!({ "input": { "name": "Toko Telegram", "network": "telegram", "color": null } }),
        )
        .unwrap();
    app.call(
        "add_swot_item",
        json!({ "input": { "quadrant": "strengths", "text": "Roti segar" } }),
    )
    .unwrap();
    app.call(
        "add_pillar",
        json!({ "input": { "name": "Edukasi", "color": "#3f9d5a", "share": 40 } }),
    )
    .unwrap();
    app.call(
        "set_rhythm",
        json!({ "input": { "channelId": channel["id"], "postsPerWeek": 2 } }),
    )
    .unwrap();
    let refused = app
        .call(
            "create_goal",
            json!({ "input": { "kind": "engagement", "measure": "engagement_rate", "target": 0, "starts": "2099-01-01", "ends": "2099-01-31", "channelIds": [] } }),
        )
        .unwrap_err();
    assert_eq!(refused["code"], "target_not_positive");

    let plan = app.call("strategy", json!({})).unwrap();
    assert_eq!(plan["swot"][0]["text"], "Roti segar");
    assert_eq!(plan["pillars"][0]["share"], 40);
    assert_eq!(plan["rhythm"][0]["postsPerWeek"], 2);
    assert_eq!(plan["goals"].as_array().unwrap().len(), 0);

    // A week far ahead with nothing planned: two free days offered.
    let gaps = app
        .call(
            "plan_gaps",
            json!({ "from": "2099-01-12", "to": "2099-01-19" }),
        )
        .unwrap();
    assert_eq!(gaps["rhythm"][0]["weekStart"], "2099-01-12");
    assert_eq!(gaps["rhythm"][0]["slots"].as_array().unwrap().len(), 2);
    assert_eq!(gaps["farOffPoints"], 10.0);
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

#[test]
fn the_publishing_settings_are_saved_through_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let state = app.call("app_state", json!({})).unwrap();
    assert_eq!(state["keepRunning"], true, "keep publishing: on at first");
    assert_eq!(state["gracePeriod"], "1h");

    let state = app
        .call(
            "update_settings",
            json!({ "input": { "language": null, "timeZone": null, "keepRunning": false, "gracePeriod": "12h" } }),
        )
        .unwrap();
    assert_eq!(state["keepRunning"], false);
    assert_eq!(state["gracePeriod"], "12h");

    // The window of an older build leaves the new fields out: nothing changes.
    let state = app
        .call(
            "update_settings",
            json!({ "input": { "language": "en", "timeZone": null } }),
        )
        .unwrap();
    assert_eq!(
        (state["keepRunning"].clone(), state["gracePeriod"].clone()),
        (json!(false), json!("12h"))
    );

    // A grace period that is not one of the choices is refused, and changes nothing.
    assert!(
        app.call(
            "update_settings",
            json!({ "input": { "language": null, "timeZone": null, "gracePeriod": "2h" } }),
        )
        .is_err()
    );
    let state = app.call("app_state", json!({})).unwrap();
    assert_eq!(state["gracePeriod"], "12h");
}

/// The login item is the operating system's own (on Linux a file in
/// ~/.config/autostart): the real thing is written, in a child process
/// whose HOME is a temporary folder, never the person's.
#[cfg(target_os = "linux")]
#[test]
fn start_at_login_turns_the_systems_login_item_on_and_off() {
    const CHILD: &str = "JADWAL_TEST_LOGIN_ITEM_HOME";
    let Some(home) = std::env::var_os(CHILD) else {
        let home = tempfile::tempdir().unwrap();
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "start_at_login_turns_the_systems_login_item_on_and_off",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, home.path())
            .env("HOME", home.path())
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{said}");
        assert!(
            home.path().join("login-item-checked").exists(),
            "the child ran the checks: {said}"
        );
        return;
    };
    let home = std::path::PathBuf::from(home);
    let autostart = home.join(".config/autostart");
    let data = tempfile::tempdir().unwrap();
    let app = app(data.path());
    let items = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(&autostart)
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default()
    };

    assert_eq!(app.call("start_at_login", json!({})).unwrap(), false);
    assert!(items().is_empty());

    assert_eq!(
        app.call("set_start_at_login", json!({ "enabled": true }))
            .unwrap(),
        true
    );
    let written = items();
    assert_eq!(written.len(), 1, "{written:?}");
    let entry = std::fs::read_to_string(&written[0]).unwrap();
    let exe = std::env::current_exe().unwrap();
    assert!(
        entry.contains(&exe.display().to_string()),
        "starts this program: {entry}"
    );
    assert_eq!(app.call("start_at_login", json!({})).unwrap(), true);

    assert_eq!(
        app.call("set_start_at_login", json!({ "enabled": false }))
            .unwrap(),
        false
    );
    assert!(items().is_empty(), "the login item is gone");
    // Turning off what is already off is fine.
    assert_eq!(
        app.call("set_start_at_login", json!({ "enabled": false }))
            .unwrap(),
        false
    );
    std::fs::write(home.join("login-item-checked"), b"").unwrap();
}

#[test]
fn figures_are_typed_in_imported_and_read_back_through_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let channel = app
        .call(
            "create_channel",
            json!({ "input": { "name": "Insta", "network": "instagram", "color": null } }),
        )
        .unwrap();
    let post = app
        .call(
            "create_post",
            json!({ "input": {
                "text": "Roti sobek", "status": "draft", "at": "2026-03-05T09:00",
                "targets": [{ "channelId": channel["id"], "variantText": null }], "labelIds": []
            }}),
        )
        .unwrap()["post"]["id"]
        .clone();
    let recorded = app
        .call(
            "record_metric",
            json!({ "input": { "channelId": channel["id"], "postId": post, "metric": "saves", "value": 4, "at": "2026-03-06T10:00" } }),
        )
        .unwrap();
    assert_eq!(recorded["source"], "manual");
    assert_eq!(recorded["takenAt"], "2026-03-06T03:00:00Z");
    let figures = app
        .call(
            "target_metrics",
            json!({ "postId": post, "channelId": channel["id"] }),
        )
        .unwrap();
    assert_eq!(figures["latest"][0]["metric"], "saves");

    let csv = dir.path().join("insights.csv");
    std::fs::write(
        &csv,
        "\u{feff}Tanggal;Pengikut;Tayangan\n06/03/2026;1.204;2.500\n",
    )
    .unwrap();
    let preview = app
        .call(
            "preview_metrics_csv",
            json!({ "path": csv, "channelId": channel["id"] }),
        )
        .unwrap();
    assert_eq!(preview["rowCount"], 1);
    let imported = app
        .call(
            "import_metrics_csv",
            json!({ "path": csv, "mapping": preview["suggested"] }),
        )
        .unwrap();
    assert_eq!(imported["imported"], 2);
    let err = app
        .call(
            "record_metric",
            json!({ "input": { "channelId": channel["id"], "metric": "likes", "value": 1.5, "at": "2026-03-06" } }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "impossible_metric_value");

    assert_eq!(
        app.call("bluesky_appview", json!({})).unwrap(),
        "https://public.api.bsky.app"
    );
    app.call(
        "set_bluesky_appview",
        json!({ "url": "https://appview.example" }),
    )
    .unwrap();
    assert_eq!(
        app.call("bluesky_appview", json!({})).unwrap(),
        "https://appview.example"
    );
    let err = app
        .call("set_bluesky_appview", json!({ "url": "not a web address" }))
        .unwrap_err();
    assert_eq!(err["code"], "invalid_url");
}
