//! The publishing outlook on a real data file with a clock the test moves:
//! when the next post goes out, and how many posts a quit now would keep
//! from going out in the next 24 hours.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use chrono::NaiveDateTime;
use common::{input, utc, world};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::{Language, SettingsInput};
use jadwal_engine::outlook::Outlook;

fn wall(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

#[test]
fn the_next_post_and_the_posts_due_within_a_day_follow_the_clock_and_the_queue() {
    // 08:00 in Jakarta (UTC+7).
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 1, 0));
    let ch = w.channel("Toko", Network::Mastodon);
    assert_eq!(
        w.engine.outlook(Language::En).unwrap(),
        Outlook {
            language: Language::En,
            keep_running: true,
            next_post: None,
            due_soon: 0
        },
        "nothing planned, nothing due; keep running is on at first"
    );

    let post = |text: &str, status: PostStatus, at: &str| {
        w.engine
            .create_post(&input(text, status, Some(at), &[ch]))
            .unwrap()
            .post
            .id
    };
    let soon = post("pagi", PostStatus::Scheduled, "2026-11-23T09:00");
    let last_minute = post("besok pagi", PostStatus::Scheduled, "2026-11-24T07:59");
    post("tepat sehari", PostStatus::Scheduled, "2026-11-24T08:00");
    post("lusa", PostStatus::Scheduled, "2026-11-25T12:00");
    post("draf", PostStatus::Draft, "2026-11-23T08:30");
    let gone = post("dihapus", PostStatus::Scheduled, "2026-11-23T08:15");
    w.engine.delete_post(gone).unwrap();

    let o = w.engine.outlook(Language::En).unwrap();
    assert_eq!(
        o.next_post,
        Some(wall("2026-11-23T09:00")),
        "in the workspace's zone"
    );
    assert_eq!(
        o.due_soon, 2,
        "09:00 and 07:59 tomorrow; not 08:00 tomorrow (24 h exactly), the day after, a draft or a deleted post"
    );

    // An hour and a half later, nothing sent yet (Jadwal was not running):
    // the overdue post still counts, and 08:00 tomorrow is now within a day.
    w.clock.set(utc(2026, 11, 23, 2, 30));
    let o = w.engine.outlook(Language::En).unwrap();
    assert_eq!(o.due_soon, 3);
    assert_eq!(o.next_post, Some(wall("2026-11-23T09:00")));

    // A post held for the person's decision goes nowhere on its own; a post
    // waiting to be tried again counts at its next try.
    let mut store = jadwal_store::Store::open(w.dir.path()).unwrap();
    store.set_hold(soon, Some("missed")).unwrap();
    store
        .set_retry(last_minute, utc(2026, 11, 24, 12, 0), 1)
        .unwrap();
    let o = w.engine.outlook(Language::En).unwrap();
    assert_eq!(o.due_soon, 1, "only 08:00 tomorrow is left within a day");
    assert_eq!(o.next_post, Some(wall("2026-11-24T08:00")));

    // The outlook speaks the person's language, and knows the setting.
    w.engine
        .update_settings(
            &SettingsInput {
                language: Some(Language::Id),
                keep_running: Some(false),
                ..Default::default()
            },
            Language::En,
        )
        .unwrap();
    let o = w.engine.outlook(Language::En).unwrap();
    assert_eq!((o.language, o.keep_running), (Language::Id, false));
}

#[test]
fn the_next_post_is_told_in_the_zone_the_workspace_now_uses() {
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 1, 0));
    let ch = w.channel("Toko", Network::Mastodon);
    w.engine
        .create_post(&input(
            "pagi",
            PostStatus::Scheduled,
            Some("2026-11-23T09:00"),
            &[ch],
        ))
        .unwrap();
    w.engine
        .update_settings(
            &SettingsInput {
                time_zone: Some("Asia/Jayapura".into()),
                ..Default::default()
            },
            Language::En,
        )
        .unwrap();
    assert_eq!(
        w.engine.outlook(Language::En).unwrap().next_post,
        Some(wall("2026-11-23T11:00")),
        "09:00 in Jakarta is 11:00 in Jayapura"
    );
}

#[test]
fn closing_to_the_tray_is_explained_once_ever() {
    let w = world("UTC", utc(2026, 11, 23, 1, 0));
    assert!(w.engine.note_closed_to_tray().unwrap(), "the first time");
    assert!(!w.engine.note_closed_to_tray().unwrap());
    let reopened = common::open(&w.dir, &w.clock, "UTC");
    assert!(
        !reopened.note_closed_to_tray().unwrap(),
        "not again after a restart"
    );
}

#[test]
fn keep_running_and_the_grace_period_are_saved_and_survive_reopening() {
    use jadwal_engine::dto::GracePeriod;
    let w = world("UTC", utc(2026, 11, 23, 1, 0));
    let first = w.engine.app_state(Language::En).unwrap();
    assert!(first.keep_running, "on by default");
    assert_eq!(first.grace_period, GracePeriod::Hour1, "an hour by default");
    assert_eq!(w.engine.grace_period().unwrap(), GracePeriod::Hour1);

    let after = w
        .engine
        .update_settings(
            &SettingsInput {
                keep_running: Some(false),
                grace_period: Some(GracePeriod::Hours3),
                ..Default::default()
            },
            Language::En,
        )
        .unwrap();
    assert!(!after.keep_running);
    assert_eq!(after.grace_period, GracePeriod::Hours3);
    // Changing one leaves the other alone.
    w.engine
        .update_settings(
            &SettingsInput {
                grace_period: Some(GracePeriod::Minutes15),
                ..Default::default()
            },
            Language::En,
        )
        .unwrap();

    let reopened = common::open(&w.dir, &w.clock, "UTC");
    let state = reopened.app_state(Language::En).unwrap();
    assert!(!state.keep_running);
    assert_eq!(state.grace_period, GracePeriod::Minutes15);
    assert_eq!(reopened.grace_period().unwrap(), GracePeriod::Minutes15);
}

#[test]
fn settings_cross_as_the_window_sends_them() {
    // The window may leave the new fields out; they then change nothing.
    let input: SettingsInput =
        serde_json::from_str(r#"{"language":null,"timeZone":null}"#).unwrap();
    assert_eq!(input, SettingsInput::default());
    let input: SettingsInput = serde_json::from_str(
        r#"{"language":null,"timeZone":null,"keepRunning":true,"gracePeriod":"12h"}"#,
    )
    .unwrap();
    assert_eq!(input.keep_running, Some(true));
    assert_eq!(
        input.grace_period,
        Some(jadwal_engine::dto::GracePeriod::Hours12)
    );
}
