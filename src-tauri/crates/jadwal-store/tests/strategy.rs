//! The workspace's plan in a real SQLite file: SWOT board, goals, personas,
//! pillars (labels with a share) and rhythm, each write announced, all of it
//! kept across reopening; and a file from before the plan gaining it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use jadwal_domain::Network;
use jadwal_domain::strategy::{GoalKind, GoalMeasure, SwotQuadrant};
use jadwal_store::goals::GoalWrite;
use jadwal_store::personas::PersonaWrite;
use jadwal_store::{Change, OpenOptions, Store, StoreError};
use std::sync::{Arc, Mutex};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

struct Fixture {
    dir: tempfile::TempDir,
    store: Store,
    ws: i64,
    changes: Arc<Mutex<Vec<Change>>>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let ws = store
        .ensure_workspace("Toko Roti", "Asia/Jakarta", now())
        .unwrap()
        .id;
    let changes = Arc::new(Mutex::new(Vec::new()));
    let sink = changes.clone();
    store.on_change(move |c| sink.lock().unwrap().push(c));
    Fixture {
        dir,
        store,
        ws,
        changes,
    }
}

fn texts(store: &Store, ws: i64, q: SwotQuadrant) -> Vec<String> {
    store
        .swot_items(ws)
        .unwrap()
        .into_iter()
        .filter(|i| i.quadrant == q)
        .map(|i| i.text)
        .collect()
}

#[test]
fn swot_items_are_added_edited_reordered_and_removed_within_their_list() {
    let mut f = fixture();
    let a = f
        .store
        .insert_swot_item(f.ws, SwotQuadrant::Strengths, "Fresh bread daily", now())
        .unwrap();
    let b = f
        .store
        .insert_swot_item(f.ws, SwotQuadrant::Strengths, "Loyal neighbours", now())
        .unwrap();
    let c = f
        .store
        .insert_swot_item(f.ws, SwotQuadrant::Strengths, "Family recipes", now())
        .unwrap();
    f.store
        .insert_swot_item(f.ws, SwotQuadrant::Threats, "New chain bakery", now())
        .unwrap();
    assert_eq!(f.changes.lock().unwrap().len(), 4);
    assert!(
        f.changes
            .lock()
            .unwrap()
            .iter()
            .all(|c| *c == Change::Strategy)
    );

    f.store.move_swot_item(c, 0).unwrap();
    f.store
        .update_swot_item(a, "Fresh bread twice a day")
        .unwrap();
    assert_eq!(
        texts(&f.store, f.ws, SwotQuadrant::Strengths),
        [
            "Family recipes",
            "Fresh bread twice a day",
            "Loyal neighbours"
        ]
    );
    f.store.move_swot_item(c, 99).unwrap();
    f.store.delete_swot_item(b).unwrap();
    assert_eq!(
        texts(&f.store, f.ws, SwotQuadrant::Strengths),
        ["Fresh bread twice a day", "Family recipes"]
    );
    // The other list is untouched by moves in this one.
    assert_eq!(
        texts(&f.store, f.ws, SwotQuadrant::Threats),
        ["New chain bakery"]
    );
    assert!(matches!(
        f.store.update_swot_item(b, "gone"),
        Err(StoreError::NotFound { .. })
    ));

    drop(f.store);
    let store = Store::open(f.dir.path()).unwrap();
    assert_eq!(
        texts(&store, f.ws, SwotQuadrant::Strengths),
        ["Fresh bread twice a day", "Family recipes"]
    );
}

#[test]
fn goals_keep_their_measure_period_and_live_channels() {
    let mut f = fixture();
    let ig = f
        .store
        .insert_channel(f.ws, "Instagram", Network::Instagram, "#c13584", now())
        .unwrap();
    let bsky = f
        .store
        .insert_channel(f.ws, "Bluesky", Network::Bluesky, "#1185fe", now())
        .unwrap();
    let write = GoalWrite {
        kind: GoalKind::Engagement,
        measure: GoalMeasure::EngagementRate,
        target: 4.5,
        starts: day("2026-12-01"),
        ends: day("2026-12-31"),
        channel_ids: vec![bsky, ig],
    };
    let id = f.store.insert_goal(f.ws, &write, now()).unwrap();
    let back = f.store.goal(id).unwrap();
    assert_eq!(back.goal.measure.as_str(), "engagement_rate");
    assert_eq!(back.goal.target, 4.5);
    assert_eq!(back.goal.channel_ids, {
        let mut ids = vec![ig, bsky];
        ids.sort_unstable();
        ids
    });

    let earlier = GoalWrite {
        kind: GoalKind::Awareness,
        measure: GoalMeasure::Followers,
        target: 500.0,
        starts: day("2026-11-01"),
        ends: day("2026-11-30"),
        channel_ids: vec![],
    };
    let first = f.store.insert_goal(f.ws, &earlier, now()).unwrap();
    let ids: Vec<i64> = f.store.goals(f.ws).unwrap().iter().map(|g| g.id).collect();
    assert_eq!(ids, [first, id], "earliest period first");

    f.store.delete_channel(ig, now()).unwrap();
    assert_eq!(f.store.goal(id).unwrap().goal.channel_ids, [bsky]);

    let mut changed = write.clone();
    changed.target = 6.0;
    changed.channel_ids = vec![];
    f.store.update_goal(id, &changed).unwrap();
    assert_eq!(f.store.goal(id).unwrap().goal, changed);

    // The file itself refuses what the domain refuses.
    let mut backwards = earlier.clone();
    backwards.ends = day("2026-10-01");
    assert!(f.store.insert_goal(f.ws, &backwards, now()).is_err());

    f.store.delete_goal(id).unwrap();
    assert!(matches!(f.store.goal(id), Err(StoreError::NotFound { .. })));
    assert_eq!(f.store.goals(f.ws).unwrap().len(), 1);
}

#[test]
fn personas_keep_their_networks_and_hours() {
    let mut f = fixture();
    let write = PersonaWrite {
        name: "Ibu Rina".into(),
        demographics: "35–45, Bandung, two children".into(),
        interests: "home baking, school events".into(),
        behaviour: "orders for weekends".into(),
        networks: vec![Network::Instagram, Network::Facebook],
        active_hours: (1 << 6) | (1 << 7) | (1 << 20),
    };
    let id = f.store.insert_persona(f.ws, &write, now()).unwrap();
    assert_eq!(f.store.persona(id).unwrap().persona, write);
    let mut changed = write.clone();
    changed.networks = vec![];
    changed.active_hours = 0;
    f.store.update_persona(id, &changed).unwrap();
    assert_eq!(f.store.personas(f.ws).unwrap()[0].persona, changed);
    f.store.delete_persona(id).unwrap();
    assert!(f.store.personas(f.ws).unwrap().is_empty());
}

#[test]
fn rhythm_and_pillar_shares_are_set_replaced_and_cleared() {
    let mut f = fixture();
    let ig = f
        .store
        .insert_channel(f.ws, "Instagram", Network::Instagram, "#c13584", now())
        .unwrap();
    let tg = f
        .store
        .insert_channel(f.ws, "Telegram", Network::Telegram, "#229ed9", now())
        .unwrap();
    f.store.set_rhythm(ig, Some(3)).unwrap();
    f.store.set_rhythm(tg, Some(5)).unwrap();
    f.store.set_rhythm(ig, Some(4)).unwrap();
    let weekly: Vec<(i64, u32)> = f
        .store
        .rhythms(f.ws)
        .unwrap()
        .iter()
        .map(|r| (r.channel_id, r.posts_per_week))
        .collect();
    assert_eq!(weekly, [(ig, 4), (tg, 5)]);
    f.store.set_rhythm(tg, None).unwrap();
    f.store.delete_channel(ig, now()).unwrap();
    assert!(f.store.rhythms(f.ws).unwrap().is_empty());
    assert!(
        f.store.set_rhythm(tg, Some(0)).is_err(),
        "the file refuses 0"
    );

    let edu = f
        .store
        .insert_label(f.ws, "Education", "#2f9e44", now())
        .unwrap();
    f.changes.lock().unwrap().clear();
    f.store.set_label_share(edu, Some(40)).unwrap();
    assert_eq!(f.store.label(edu).unwrap().target_share, Some(40));
    assert_eq!(
        *f.changes.lock().unwrap(),
        [Change::Labels, Change::Strategy]
    );
    assert!(f.store.set_label_share(edu, Some(101)).is_err());
    assert_eq!(f.store.label(edu).unwrap().target_share, Some(40));
    f.store.set_label_share(edu, None).unwrap();
    assert_eq!(f.store.labels(f.ws).unwrap()[0].target_share, None);
}

#[test]
fn a_file_from_before_the_plan_gains_it_and_keeps_its_labels() {
    let dir = tempfile::tempdir().unwrap();
    {
        let old = OpenOptions {
            migrate_up_to: 7,
            ..Default::default()
        }
        .open(dir.path())
        .unwrap();
        old.connection()
            .execute_batch(
                "INSERT INTO workspace (id, name, time_zone, created_at) VALUES (1, 'Toko Roti', 'Asia/Jakarta', 0);
                 INSERT INTO label (id, workspace_id, name, color, created_at) VALUES (5, 1, 'Promo', '#ff0000', 0);",
            )
            .unwrap();
        let has_goal: i64 = old
            .connection()
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'goal'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(has_goal, 0);
    }
    let mut store = Store::open(dir.path()).unwrap();
    let label = store.label(5).unwrap();
    assert_eq!((label.name.as_str(), label.target_share), ("Promo", None));
    store.set_label_share(5, Some(30)).unwrap();
    store
        .insert_swot_item(1, SwotQuadrant::Opportunities, "Ramadan orders", now())
        .unwrap();
    assert_eq!(store.swot_items(1).unwrap().len(), 1);
    assert_eq!(store.label(5).unwrap().target_share, Some(30));
}
