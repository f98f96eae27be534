//! Settings in a real SQLite file: the app's own and each workspace's,
//! kept apart, announced, and still there after reopening.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use jadwal_store::{Change, Store};
use std::sync::{Arc, Mutex};

#[test]
fn a_workspace_setting_belongs_to_its_workspace_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open(dir.path()).unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        store.on_change(move |c| sink.lock().unwrap().push(c));

        assert_eq!(store.workspace_setting(1, "grace_minutes").unwrap(), None);
        store
            .set_workspace_setting(1, "grace_minutes", "180")
            .unwrap();
        store
            .set_workspace_setting(1, "grace_minutes", "15")
            .unwrap();
        assert_eq!(*seen.lock().unwrap(), vec![Change::Settings; 2]);

        assert_eq!(
            store.workspace_setting(2, "grace_minutes").unwrap(),
            None,
            "another workspace keeps its own"
        );
        assert_eq!(
            store.setting("grace_minutes").unwrap(),
            None,
            "not an app-wide setting"
        );
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store
            .workspace_setting(1, "grace_minutes")
            .unwrap()
            .as_deref(),
        Some("15")
    );
}
