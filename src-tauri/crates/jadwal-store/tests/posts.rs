//! Posts in a real SQLite file: saving, reading a calendar page, moving,
//! deleting and bringing back, and the change events every write announces.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use chrono::{DateTime, TimeZone, Utc};
use jadwal_domain::{Network, PostStatus};
use jadwal_store::posts::{PostWrite, StoredSchedule, Target};
use jadwal_store::{Change, Store};
use std::sync::{Arc, Mutex};

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    ws: i64,
    changes: Arc<Mutex<Vec<Change>>>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let ws = store
        .ensure_workspace("Toko", "Asia/Jakarta", at(2026, 1, 1, 0))
        .unwrap()
        .id;
    let changes = Arc::new(Mutex::new(Vec::new()));
    let sink = changes.clone();
    store.on_change(move |c| sink.lock().unwrap().push(c));
    Fixture {
        _dir: dir,
        store,
        ws,
        changes,
    }
}

fn write(text: &str, when: Option<DateTime<Utc>>, targets: Vec<Target>) -> PostWrite {
    PostWrite {
        text: text.into(),
        status: if when.is_some() {
            PostStatus::Scheduled
        } else {
            PostStatus::Draft
        },
        schedule: when.map(|at| StoredSchedule {
            at,
            time_zone: "Asia/Jakarta".into(),
        }),
        targets,
        label_ids: vec![],
    }
}

#[test]
fn a_saved_post_reads_back_whole_and_announces_itself() {
    let mut f = fixture();
    let bsky = f
        .store
        .insert_channel(
            f.ws,
            "Bluesky toko",
            Network::Bluesky,
            "#1185fe",
            at(2026, 1, 1, 0),
        )
        .unwrap();
    let promo = f
        .store
        .insert_label(f.ws, "Promo", "#ff0000", at(2026, 1, 1, 0))
        .unwrap();
    f.changes.lock().unwrap().clear();

    let mut w = write(
        "<img src=x onerror=alert(1)> Diskon 20%!",
        Some(at(2026, 11, 25, 2)),
        vec![Target {
            channel_id: bsky,
            variant_text: Some("Diskon!".into()),
            as_thread: true,
        }],
    );
    w.label_ids = vec![promo];
    let id = f.store.insert_post(f.ws, &w, at(2026, 11, 1, 0)).unwrap();

    let p = f.store.post(id).unwrap();
    assert_eq!(p.text, "<img src=x onerror=alert(1)> Diskon 20%!");
    assert_eq!(p.status, PostStatus::Scheduled);
    assert_eq!(p.schedule.unwrap().at, at(2026, 11, 25, 2));
    assert_eq!(
        p.targets,
        vec![Target {
            channel_id: bsky,
            variant_text: Some("Diskon!".into()),
            as_thread: true,
        }],
    );
    assert_eq!(p.label_ids, vec![promo]);
    assert_eq!(
        *f.changes.lock().unwrap(),
        vec![Change::Posts { ids: vec![id] }]
    );
}

#[test]
fn a_calendar_page_holds_exactly_the_posts_in_its_range_in_time_order() {
    let mut f = fixture();
    let now = at(2026, 11, 1, 0);
    let late = f
        .store
        .insert_post(
            f.ws,
            &write("late", Some(at(2026, 11, 30, 16)), vec![]),
            now,
        )
        .unwrap();
    let early = f
        .store
        .insert_post(f.ws, &write("early", Some(at(2026, 11, 1, 0)), vec![]), now)
        .unwrap();
    f.store
        .insert_post(
            f.ws,
            &write("next month", Some(at(2026, 12, 1, 0)), vec![]),
            now,
        )
        .unwrap();
    f.store
        .insert_post(f.ws, &write("tray", None, vec![]), now)
        .unwrap();

    let page = f
        .store
        .posts_between(f.ws, at(2026, 11, 1, 0), at(2026, 12, 1, 0))
        .unwrap();
    let ids: Vec<i64> = page.iter().map(|p| p.id).collect();
    assert_eq!(ids, vec![early, late]);
    let tray = f.store.unscheduled_posts(f.ws).unwrap();
    assert_eq!(tray.len(), 1);
    assert_eq!(tray[0].excerpt, "tray");
}

#[test]
fn the_excerpt_is_cut_but_the_post_keeps_its_whole_text() {
    let mut f = fixture();
    let long = "Batik tulis ".repeat(100);
    let id = f
        .store
        .insert_post(f.ws, &write(&long, None, vec![]), at(2026, 1, 1, 0))
        .unwrap();
    let tray = f.store.unscheduled_posts(f.ws).unwrap();
    assert_eq!(
        tray[0].excerpt.chars().count(),
        jadwal_store::posts::EXCERPT_CHARS as usize
    );
    assert_eq!(f.store.post(id).unwrap().text, long);
}

#[test]
fn moving_a_post_changes_only_its_time_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let id;
    {
        let mut store = Store::open(dir.path()).unwrap();
        let ws = store
            .ensure_workspace("Toko", "Asia/Jakarta", at(2026, 1, 1, 0))
            .unwrap()
            .id;
        id = store
            .insert_post(
                ws,
                &write("pagi", Some(at(2026, 11, 25, 2)), vec![]),
                at(2026, 11, 1, 0),
            )
            .unwrap();
        let moved = StoredSchedule {
            at: at(2026, 11, 27, 3),
            time_zone: "Asia/Jakarta".into(),
        };
        store
            .set_post_schedule(id, Some(&moved), PostStatus::Scheduled, at(2026, 11, 2, 0))
            .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let p = store.post(id).unwrap();
    assert_eq!(p.schedule.unwrap().at, at(2026, 11, 27, 3));
    assert_eq!(p.text, "pagi");
    assert_eq!(p.updated_at, at(2026, 11, 2, 0));
}

#[test]
fn a_deleted_post_leaves_every_list_and_comes_back_on_restore() {
    let mut f = fixture();
    let id = f
        .store
        .insert_post(
            f.ws,
            &write("oops", Some(at(2026, 11, 5, 0)), vec![]),
            at(2026, 11, 1, 0),
        )
        .unwrap();
    f.store.delete_post(id, at(2026, 11, 2, 0)).unwrap();
    assert!(
        f.store
            .posts_between(f.ws, at(2026, 11, 1, 0), at(2026, 12, 1, 0))
            .unwrap()
            .is_empty()
    );
    assert_eq!(f.store.post(id).unwrap_err().code(), "not_found");
    assert_eq!(
        f.store
            .delete_post(id, at(2026, 11, 2, 0))
            .unwrap_err()
            .code(),
        "not_found"
    );
    f.store.restore_post(id).unwrap();
    assert_eq!(f.store.post(id).unwrap().text, "oops");
}

#[test]
fn a_deleted_channel_drops_out_of_posts_but_the_posts_stay() {
    let mut f = fixture();
    let a = f
        .store
        .insert_channel(f.ws, "A", Network::Mastodon, "#000000", at(2026, 1, 1, 0))
        .unwrap();
    let b = f
        .store
        .insert_channel(f.ws, "B", Network::Telegram, "#000000", at(2026, 1, 1, 0))
        .unwrap();
    let targets = vec![
        Target {
            channel_id: a,
            variant_text: None,
            as_thread: false,
        },
        Target {
            channel_id: b,
            variant_text: None,
            as_thread: false,
        },
    ];
    let id = f
        .store
        .insert_post(f.ws, &write("both", None, targets), at(2026, 1, 1, 0))
        .unwrap();
    f.store.delete_channel(a, at(2026, 1, 2, 0)).unwrap();
    assert_eq!(
        f.store.unscheduled_posts(f.ws).unwrap()[0].channel_ids,
        vec![b]
    );
    assert_eq!(f.store.post(id).unwrap().targets.len(), 1);
    let names: Vec<String> = f
        .store
        .channels(f.ws)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, vec!["B"]);
    assert!(f.changes.lock().unwrap().contains(&Change::Channels));
}

#[test]
fn the_schedule_and_its_zone_are_stored_together_or_not_at_all() {
    let f = fixture();
    let err = f
        .store
        .connection()
        .execute(
            "INSERT INTO post (workspace_id, text, status, scheduled_at, created_at, updated_at)
             VALUES (?1, 'x', 'scheduled', 100, 0, 0)",
            [f.ws],
        )
        .unwrap_err();
    assert!(err.to_string().contains("CHECK"), "{err}");
}

#[test]
fn autosave_keeps_the_last_body_per_slot_until_cleared() {
    let mut f = fixture();
    f.store
        .put_autosave("editor", "{\"text\":\"Ha\"}", at(2026, 1, 1, 0))
        .unwrap();
    f.store
        .put_autosave("editor", "{\"text\":\"Halo\"}", at(2026, 1, 1, 1))
        .unwrap();
    let saved = f.store.autosave("editor").unwrap().unwrap();
    assert_eq!(saved.body, "{\"text\":\"Halo\"}");
    assert_eq!(saved.saved_at, at(2026, 1, 1, 1));
    f.store.clear_autosave("editor").unwrap();
    assert_eq!(f.store.autosave("editor").unwrap(), None);
}

#[test]
fn the_thread_choice_is_kept_per_channel_and_can_be_taken_back() {
    let mut f = fixture();
    let bsky = f
        .store
        .insert_channel(
            f.ws,
            "Bluesky",
            Network::Bluesky,
            "#1185fe",
            at(2026, 1, 1, 0),
        )
        .unwrap();
    let masto = f
        .store
        .insert_channel(
            f.ws,
            "Mastodon",
            Network::Mastodon,
            "#6364ff",
            at(2026, 1, 1, 0),
        )
        .unwrap();
    let target = |channel_id, as_thread| Target {
        channel_id,
        variant_text: None,
        as_thread,
    };
    let id = f
        .store
        .insert_post(
            f.ws,
            &write(
                "panjang",
                None,
                vec![target(bsky, true), target(masto, false)],
            ),
            at(2026, 1, 1, 0),
        )
        .unwrap();
    let threads = |store: &Store| -> Vec<(i64, bool)> {
        store
            .post(id)
            .unwrap()
            .targets
            .iter()
            .map(|t| (t.channel_id, t.as_thread))
            .collect()
    };
    assert_eq!(threads(&f.store), [(bsky, true), (masto, false)]);
    f.store
        .update_post(
            id,
            &write(
                "pendek",
                None,
                vec![target(bsky, false), target(masto, false)],
            ),
            at(2026, 1, 2, 0),
        )
        .unwrap();
    assert_eq!(threads(&f.store), [(bsky, false), (masto, false)]);
}

#[test]
fn targets_saved_before_threads_existed_read_back_as_single_posts() {
    let dir = tempfile::tempdir().unwrap();
    {
        let old = jadwal_store::OpenOptions {
            migrate_up_to: 8,
            ..Default::default()
        }
        .open(dir.path())
        .unwrap();
        old.connection()
            .execute_batch(
                "INSERT INTO workspace (id, name, time_zone, created_at) VALUES (1, 'Toko', 'UTC', 0);
                 INSERT INTO channel (id, workspace_id, name, network, color, created_at)
                      VALUES (1, 1, 'Bluesky', 'bluesky', '#1185fe', 0);
                 INSERT INTO post (id, workspace_id, text, status, created_at, updated_at)
                      VALUES (1, 1, 'lama', 'draft', 0, 0);
                 INSERT INTO post_channel (post_id, channel_id) VALUES (1, 1);",
            )
            .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let targets = store.post(1).unwrap().targets;
    assert_eq!(targets.len(), 1);
    assert!(!targets[0].as_thread);
}
