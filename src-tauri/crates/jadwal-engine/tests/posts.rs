//! The editor's and the calendar's use cases, on a real data folder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::{input, utc, world};
use jadwal_domain::{Network, PostStatus, ScheduleAdjustment};
use jadwal_engine::dto::{LabelInput, MeasureInput, TargetDto};

#[test]
fn a_scheduled_post_is_stored_in_utc_with_its_zone_and_shown_in_wall_time() {
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 0, 0));
    let bsky = w.channel("Bluesky", Network::Bluesky);
    let out = w
        .engine
        .create_post(&input(
            "Roti baru!",
            PostStatus::Scheduled,
            Some("2026-11-25T09:30"),
            &[bsky],
        ))
        .unwrap();
    let s = out.post.schedule.unwrap();
    assert_eq!(s.local, "2026-11-25T09:30");
    assert_eq!(s.utc, "2026-11-25T02:30:00Z");
    assert_eq!(s.time_zone, "Asia/Jakarta");
    assert_eq!(out.post.status, PostStatus::Scheduled);
    assert_eq!(out.adjustment, None);
}

#[test]
fn scheduling_needs_a_time_a_channel_a_future_and_a_text_within_limits() {
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 0, 0));
    let bsky = w.channel("Bluesky toko", Network::Bluesky);
    let e = &w.engine;
    let code = |r: Result<_, jadwal_engine::EngineError>| r.map(|_| ()).unwrap_err().code();

    assert_eq!(
        code(e.create_post(&input("x", PostStatus::Scheduled, None, &[bsky]))),
        "schedule_needs_time"
    );
    assert_eq!(
        code(e.create_post(&input(
            "x",
            PostStatus::Scheduled,
            Some("2026-11-25T09:00"),
            &[]
        ))),
        "schedule_needs_channel"
    );
    assert_eq!(
        code(e.create_post(&input(
            "x",
            PostStatus::Scheduled,
            Some("2026-11-23T06:59"),
            &[bsky]
        ))),
        "schedule_in_past"
    );
    let too_long = "a".repeat(301);
    let err = e
        .create_post(&input(
            &too_long,
            PostStatus::Scheduled,
            Some("2026-11-25T09:00"),
            &[bsky],
        ))
        .unwrap_err();
    assert_eq!(err.code(), "over_limit");
    assert_eq!(
        err.to_ipc().params.get("channels").map(String::as_str),
        Some("Bluesky toko")
    );
    // The same text may wait as a draft.
    assert!(
        e.create_post(&input(
            &too_long,
            PostStatus::Draft,
            Some("2026-11-25T09:00"),
            &[bsky]
        ))
        .is_ok()
    );
    assert_eq!(
        code(e.create_post(&input("  ", PostStatus::Draft, None, &[]))),
        "empty_text"
    );
    assert_eq!(
        code(e.create_post(&input(
            "x",
            PostStatus::Draft,
            Some("2026-02-30T10:00"),
            &[]
        ))),
        "invalid_date_time"
    );
    assert_eq!(
        code(e.create_post(&input("x", PostStatus::Draft, None, &[9999]))),
        "not_found"
    );
}

#[test]
fn a_channel_override_is_what_gets_measured_for_that_channel() {
    let w = world("UTC", utc(2026, 11, 23, 0, 0));
    let bsky = w.channel("Bluesky", Network::Bluesky);
    let masto = w.channel("Mastodon", Network::Mastodon);
    let long = "b".repeat(400);
    let measures = w
        .engine
        .measure_text(&MeasureInput {
            text: long.clone(),
            targets: vec![
                TargetDto {
                    channel_id: bsky,
                    variant_text: Some("pendek".into()),
                    as_thread: false,
                },
                TargetDto {
                    channel_id: masto,
                    variant_text: None,
                    as_thread: false,
                },
            ],
        })
        .unwrap();
    assert_eq!(measures.len(), 2);
    assert_eq!(
        (measures[0].used, measures[0].limit, measures[0].over),
        (6, Some(300), false)
    );
    assert_eq!(
        (measures[1].used, measures[1].limit, measures[1].over),
        (400, Some(500), false)
    );

    let mut post = input(
        &long,
        PostStatus::Scheduled,
        Some("2026-11-25T09:00"),
        &[bsky, masto],
    );
    assert_eq!(
        w.engine.create_post(&post).unwrap_err().code(),
        "over_limit"
    );
    post.targets[0].variant_text = Some("pendek".into());
    assert!(w.engine.create_post(&post).is_ok());
}

#[test]
fn moving_across_a_dst_change_keeps_the_wall_clock_time() {
    let w = world("Europe/Berlin", utc(2026, 3, 1, 0, 0));
    let ch = w.channel("Mastodon", Network::Mastodon);
    let p = w
        .engine
        .create_post(&input(
            "Guten Morgen",
            PostStatus::Scheduled,
            Some("2026-03-27T09:00"),
            &[ch],
        ))
        .unwrap()
        .post;
    assert_eq!(p.schedule.as_ref().unwrap().utc, "2026-03-27T08:00:00Z");
    let moved = w
        .engine
        .reschedule_post(p.id, "2026-03-30T09:00")
        .unwrap()
        .post;
    let s = moved.schedule.unwrap();
    assert_eq!(s.local, "2026-03-30T09:00");
    assert_eq!(
        s.utc, "2026-03-30T07:00:00Z",
        "summer time: 09:00 is 07:00 UTC"
    );
    assert_eq!(moved.status, PostStatus::Scheduled);
}

#[test]
fn a_time_the_clocks_skip_is_moved_forward_and_reported() {
    let w = world("America/New_York", utc(2026, 3, 1, 0, 0));
    let p = w
        .engine
        .create_post(&input("x", PostStatus::Draft, None, &[]))
        .unwrap()
        .post;
    let out = w.engine.reschedule_post(p.id, "2026-03-08T02:30").unwrap();
    assert_eq!(out.post.schedule.unwrap().local, "2026-03-08T03:30");
    assert!(matches!(
        out.adjustment,
        Some(ScheduleAdjustment::SkippedForward { .. })
    ));
    assert_eq!(
        out.post.status,
        PostStatus::Draft,
        "a date on a draft is a plan, not a promise"
    );
}

#[test]
fn a_calendar_page_follows_the_workspace_zone_and_its_changes() {
    let w = world("Asia/Jakarta", utc(2026, 11, 1, 0, 0));
    let e = &w.engine;
    // 30 November 23:30 in Jakarta is 30 November 16:30 UTC.
    let p = e
        .create_post(&input(
            "malam",
            PostStatus::Draft,
            Some("2026-11-30T23:30"),
            &[],
        ))
        .unwrap()
        .post;
    let nov = e.calendar_posts("2026-11-01", "2026-12-01").unwrap();
    assert_eq!(nov.iter().map(|s| s.id).collect::<Vec<_>>(), vec![p.id]);
    assert_eq!(nov[0].start.as_deref(), Some("2026-11-30T23:30"));
    assert!(
        e.calendar_posts("2026-12-01", "2027-01-01")
            .unwrap()
            .is_empty()
    );

    // Shown from New York the same instant is 30 November 11:30.
    e.update_settings(
        &jadwal_engine::dto::SettingsInput {
            language: None,
            time_zone: Some("America/New_York".into()),
            ..Default::default()
        },
        jadwal_engine::dto::Language::En,
    )
    .unwrap();
    let nov = e.calendar_posts("2026-11-01", "2026-12-01").unwrap();
    assert_eq!(nov[0].start.as_deref(), Some("2026-11-30T11:30"));
    assert_eq!(
        e.calendar_posts("2026-13-01", "2027-01-01")
            .unwrap_err()
            .code(),
        "invalid_date_time"
    );
}

#[test]
fn drafts_without_a_date_wait_on_the_tray_and_leave_it_when_dated() {
    let w = world("UTC", utc(2026, 11, 1, 0, 0));
    let e = &w.engine;
    let p = e
        .create_post(&input("ide", PostStatus::Draft, None, &[]))
        .unwrap()
        .post;
    assert_eq!(e.tray_posts().unwrap().len(), 1);
    e.reschedule_post(p.id, "2026-11-10T08:00").unwrap();
    assert!(e.tray_posts().unwrap().is_empty());
    let back = e.unschedule_post(p.id).unwrap().post;
    assert_eq!(back.schedule, None);
    assert_eq!(e.tray_posts().unwrap()[0].id, p.id);
}

#[test]
fn unscheduling_a_scheduled_post_makes_it_a_draft() {
    let w = world("UTC", utc(2026, 11, 1, 0, 0));
    let ch = w.channel("T", Network::Telegram);
    let p = w
        .engine
        .create_post(&input(
            "x",
            PostStatus::Scheduled,
            Some("2026-11-10T08:00"),
            &[ch],
        ))
        .unwrap()
        .post;
    assert_eq!(
        w.engine.unschedule_post(p.id).unwrap().post.status,
        PostStatus::Draft
    );
}

#[test]
fn a_scheduled_post_cannot_be_moved_into_the_past_but_a_draft_can() {
    let w = world("UTC", utc(2026, 11, 20, 12, 0));
    let ch = w.channel("T", Network::Telegram);
    let s = w
        .engine
        .create_post(&input(
            "x",
            PostStatus::Scheduled,
            Some("2026-11-25T08:00"),
            &[ch],
        ))
        .unwrap()
        .post;
    assert_eq!(
        w.engine
            .reschedule_post(s.id, "2026-11-19T08:00")
            .unwrap_err()
            .code(),
        "schedule_in_past"
    );
    assert_eq!(
        w.engine.post(s.id).unwrap().schedule.unwrap().local,
        "2026-11-25T08:00"
    );
    let d = w
        .engine
        .create_post(&input("y", PostStatus::Draft, None, &[]))
        .unwrap()
        .post;
    assert!(w.engine.reschedule_post(d.id, "2026-11-19T08:00").is_ok());
}

#[test]
fn duplicate_delete_and_restore() {
    let w = world("UTC", utc(2026, 11, 1, 0, 0));
    let e = &w.engine;
    let ch = w.channel("M", Network::Mastodon);
    let label = e
        .create_label(&LabelInput {
            name: "Edukasi".into(),
            color: "#00AA00".into(),
        })
        .unwrap();
    let mut i = input(
        "asli",
        PostStatus::Scheduled,
        Some("2026-11-10T08:00"),
        &[ch],
    );
    i.label_ids = vec![label.id];
    let original = e.create_post(&i).unwrap().post;

    let copy = e.duplicate_post(original.id).unwrap();
    assert_ne!(copy.id, original.id);
    assert_eq!(
        (copy.text.as_str(), copy.status, copy.schedule.clone()),
        ("asli", PostStatus::Draft, None)
    );
    assert_eq!(copy.targets, original.targets);
    assert_eq!(copy.label_ids, vec![label.id]);
    assert_eq!(label.color, "#00aa00");

    e.delete_post(original.id).unwrap();
    assert_eq!(e.post(original.id).unwrap_err().code(), "not_found");
    assert!(
        e.calendar_posts("2026-11-01", "2026-12-01")
            .unwrap()
            .is_empty()
    );
    e.restore_post(original.id).unwrap();
    assert_eq!(
        e.calendar_posts("2026-11-01", "2026-12-01").unwrap()[0].id,
        original.id
    );
}

#[test]
fn a_published_post_can_be_duplicated_but_not_changed() {
    let w = world("UTC", utc(2026, 11, 1, 0, 0));
    let p = w
        .engine
        .create_post(&input("sudah terbit", PostStatus::Draft, None, &[]))
        .unwrap()
        .post;
    // Publishing belongs to the scheduler; mark it the way it will.
    {
        let store = jadwal_store::Store::open(w.dir.path()).unwrap();
        store
            .connection()
            .execute("UPDATE post SET status = 'published' WHERE id = ?1", [p.id])
            .unwrap();
    }
    let e = &w.engine;
    assert!(!e.post(p.id).unwrap().editable);
    assert_eq!(
        e.reschedule_post(p.id, "2026-11-10T08:00")
            .unwrap_err()
            .code(),
        "not_editable"
    );
    assert_eq!(
        e.update_post(p.id, &input("ubah", PostStatus::Draft, None, &[]))
            .unwrap_err()
            .code(),
        "not_editable"
    );
    assert_eq!(e.unschedule_post(p.id).unwrap_err().code(), "not_editable");
    assert_eq!(e.duplicate_post(p.id).unwrap().status, PostStatus::Draft);
}

#[test]
fn settings_and_the_autosave_survive_reopening() {
    let w = world("UTC", utc(2026, 11, 1, 0, 0));
    w.engine
        .update_settings(
            &jadwal_engine::dto::SettingsInput {
                language: Some(jadwal_engine::dto::Language::Id),
                time_zone: Some("Asia/Makassar".into()),
                ..Default::default()
            },
            jadwal_engine::dto::Language::En,
        )
        .unwrap();
    w.engine
        .save_autosave("editor", "{\"text\":\"Selamat pa\"}")
        .unwrap();
    let bad = w.engine.update_settings(
        &jadwal_engine::dto::SettingsInput {
            language: None,
            time_zone: Some("Mars/Olympus".into()),
            ..Default::default()
        },
        jadwal_engine::dto::Language::En,
    );
    assert_eq!(bad.unwrap_err().code(), "unknown_time_zone");

    let again = common::open(&w.dir, &w.clock, "UTC");
    let state = again.app_state(jadwal_engine::dto::Language::En).unwrap();
    assert_eq!(state.language, jadwal_engine::dto::Language::Id);
    assert_eq!(state.time_zone, "Asia/Makassar");
    assert_eq!(state.now_local, "2026-11-01T08:00");
    assert_eq!(
        again.load_autosave("editor").unwrap().unwrap().body,
        "{\"text\":\"Selamat pa\"}"
    );
    again.clear_autosave("editor").unwrap();
    assert_eq!(again.load_autosave("editor").unwrap(), None);
}

#[test]
fn every_write_is_announced() {
    let w = world("UTC", utc(2026, 11, 1, 0, 0));
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = seen.clone();
    w.engine
        .on_change(move |c| sink.lock().unwrap().push(c.topic()))
        .unwrap();
    let p = w
        .engine
        .create_post(&input("x", PostStatus::Draft, None, &[]))
        .unwrap()
        .post;
    w.engine.reschedule_post(p.id, "2026-11-10T08:00").unwrap();
    w.channel("C", Network::Webhook);
    assert_eq!(*seen.lock().unwrap(), vec!["posts", "posts", "channels"]);
}
