//! The scheduler on a real data folder with a clock the test moves: posts go
//! out when due, missed ones wait for the person, temporary trouble is
//! retried with backoff and then reported, moved posts are not published at
//! their old time, and only one scheduler may run per data folder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use chrono::Duration;
use common::{input, utc};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::ChannelInput;
use jadwal_engine::scheduler::{SchedulerLock, SchedulerSettings};
use jadwal_engine::{Engine, EngineConfig, FixedClock};
use jadwal_secrets::{MemoryStore, Secret, SecretStore};
use jadwal_store::accounts::{AccountRecord, AccountStatus};
use std::sync::Arc;

struct World {
    dir: tempfile::TempDir,
    clock: Arc<FixedClock>,
    secrets: Arc<MemoryStore>,
    engine: Engine,
}

fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(utc(2026, 11, 23, 1, 0)));
    let secrets = Arc::new(MemoryStore::new());
    let engine = Engine::open(EngineConfig {
        data_dir: dir.path().to_path_buf(),
        clock: clock.clone(),
        default_time_zone: "Asia/Jakarta".parse().unwrap(),
        secrets: secrets.clone(),
    })
    .unwrap();
    World {
        dir,
        clock,
        secrets,
        engine,
    }
}

/// A server on loopback that answers everything with "503 Service
/// Unavailable"; its port.
fn server_in_trouble() -> u16 {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut sock in listener.incoming().flatten() {
            let mut buf = [0u8; 8192];
            let _ = sock.read(&mut buf);
            let body = r#"{"error":"Unavailable","message":"try later"}"#;
            let _ = write!(
                sock,
                "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    port
}

impl World {
    /// A Bluesky channel whose server answers every request with a 503:
    /// every publish is a temporary failure (the server, not the login, and
    /// not this computer being offline).
    fn troubled_bluesky(&self) -> i64 {
        let id = self
            .engine
            .create_channel(&ChannelInput {
                name: "Bluesky".into(),
                network: Network::Bluesky,
                color: None,
            })
            .unwrap()
            .id;
        let port = server_in_trouble();
        let mut store = jadwal_store::Store::open(self.dir.path()).unwrap();
        store
            .put_account(&AccountRecord {
                channel_id: id,
                remote_id: "did:plc:abcdefghijklmnopqrstuvwx".into(),
                handle: "toko.test".into(),
                display_name: None,
                avatar_url: None,
                service_url: Some(format!("http://127.0.0.1:{port}")),
                status: AccountStatus::Connected,
                verified_at: utc(2026, 11, 1, 0, 0),
            })
            .unwrap();
        self.secrets
            .set(
                &format!("bluesky/{id}/app-password"),
                &Secret::new("app-pass-word"),
            )
            .unwrap();
        id
    }

    fn status(&self, id: i64) -> PostStatus {
        self.engine.post(id).unwrap().status
    }
}

#[tokio::test]
async fn nothing_goes_out_before_its_time_and_a_refused_post_fails_at_its_time() {
    let w = world();
    let ig_less = w
        .engine
        .create_channel(&ChannelInput {
            name: "Bluesky tanpa akun".into(),
            network: Network::Bluesky,
            color: None,
        })
        .unwrap()
        .id;
    // 09:00 Jakarta = 02:00 UTC.
    let p = w
        .engine
        .create_post(&input(
            "pagi",
            PostStatus::Scheduled,
            Some("2026-11-23T09:00"),
            &[ig_less],
        ))
        .unwrap()
        .post;
    let s = SchedulerSettings::default();

    w.clock.set(utc(2026, 11, 23, 1, 59));
    let early = w.engine.run_due(&s).await.unwrap();
    assert!(early.published.is_empty() && early.failed.is_empty());
    assert_eq!(
        early.next_due,
        Some(utc(2026, 11, 23, 2, 0)),
        "it knows when to wake"
    );
    assert_eq!(w.status(p.id), PostStatus::Scheduled);

    w.clock.set(utc(2026, 11, 23, 2, 0));
    let due = w.engine.run_due(&s).await.unwrap();
    assert_eq!(
        due.failed,
        vec![p.id],
        "no account: refused for good, said at once"
    );
    assert_eq!(w.status(p.id), PostStatus::Failed);
    assert_eq!(due.next_due, None);
}

#[tokio::test]
async fn a_post_missed_beyond_the_grace_period_waits_for_a_decision() {
    let w = world();
    let ch = w.troubled_bluesky();
    let late = w
        .engine
        .create_post(&input(
            "lama",
            PostStatus::Scheduled,
            Some("2026-11-23T09:00"),
            &[ch],
        ))
        .unwrap()
        .post;
    let recent = w
        .engine
        .create_post(&input(
            "baru",
            PostStatus::Scheduled,
            Some("2026-11-23T10:30"),
            &[ch],
        ))
        .unwrap()
        .post;

    // The computer wakes at 11:00 Jakarta: two hours after one, half an hour after the other.
    w.clock.set(utc(2026, 11, 23, 4, 0));
    let s = SchedulerSettings::default();
    let pass = w.engine.run_due(&s).await.unwrap();
    assert_eq!(pass.held, vec![late.id]);
    assert_eq!(
        pass.retrying,
        vec![recent.id],
        "within the grace period it is tried"
    );
    assert_eq!(
        w.engine.needs_decision().unwrap(),
        vec![(late.id, "missed".to_owned())]
    );
    // Held posts are not tried again by later passes.
    w.clock.set(utc(2026, 11, 23, 5, 0));
    assert!(!w.engine.run_due(&s).await.unwrap().held.contains(&late.id));

    // Moving it is a decision: it leaves the list and is scheduled again.
    w.engine
        .reschedule_post(late.id, "2026-11-24T09:00")
        .unwrap();
    assert!(w.engine.needs_decision().unwrap().is_empty());
    assert_eq!(w.status(late.id), PostStatus::Scheduled);
}

/// Two posts, 2 hours and 20 minutes late when the computer wakes, under
/// the workspace's `grace` setting: which the first pass holds for the
/// person, and which it tries to send.
async fn late_posts_under(
    grace: jadwal_engine::dto::GracePeriod,
) -> (Vec<&'static str>, Vec<&'static str>) {
    use jadwal_engine::dto::{Language, SettingsInput};
    let w = world();
    let ch = w.troubled_bluesky();
    w.engine
        .update_settings(
            &SettingsInput {
                grace_period: Some(grace),
                ..Default::default()
            },
            Language::En,
        )
        .unwrap();
    w.clock.set(utc(2026, 11, 23, 0, 0)); // 07:00 in Jakarta
    let post = |text: &str, at: &str| {
        w.engine
            .create_post(&input(text, PostStatus::Scheduled, Some(at), &[ch]))
            .unwrap()
            .post
            .id
    };
    let two_hours = post("dua jam", "2026-11-23T07:20");
    let twenty_minutes = post("dua puluh menit", "2026-11-23T09:00");
    // The computer wakes at 09:20 in Jakarta.
    w.clock.set(utc(2026, 11, 23, 2, 20));
    let pass = w
        .engine
        .run_due(&SchedulerSettings::default())
        .await
        .unwrap();
    let name = |ids: &[i64]| -> Vec<&'static str> {
        ids.iter()
            .map(|&id| match id {
                id if id == two_hours => "2 h late",
                id if id == twenty_minutes => "20 min late",
                _ => "another post",
            })
            .collect()
    };
    (name(&pass.held), name(&pass.retrying))
}

#[tokio::test]
async fn the_scheduler_holds_missed_posts_by_the_workspaces_grace_period() {
    use jadwal_engine::dto::GracePeriod;
    assert_eq!(
        late_posts_under(GracePeriod::Minutes15).await,
        (vec!["2 h late", "20 min late"], vec![]),
        "15 minutes: both wait for the person"
    );
    assert_eq!(
        late_posts_under(GracePeriod::Hour1).await,
        (vec!["2 h late"], vec!["20 min late"]),
        "the default hour"
    );
    assert_eq!(
        late_posts_under(GracePeriod::Hours3).await,
        (vec![], vec!["2 h late", "20 min late"]),
        "3 hours: both still go out (here: are tried)"
    );
}

#[tokio::test]
async fn skipping_a_missed_post_keeps_it_as_a_draft() {
    let w = world();
    let ch = w.troubled_bluesky();
    let p = w
        .engine
        .create_post(&input(
            "lewat",
            PostStatus::Scheduled,
            Some("2026-11-23T09:00"),
            &[ch],
        ))
        .unwrap()
        .post;
    w.clock.set(utc(2026, 11, 24, 0, 0));
    w.engine
        .run_due(&SchedulerSettings::default())
        .await
        .unwrap();
    w.engine.skip_post(p.id).unwrap();
    let after = w.engine.post(p.id).unwrap();
    assert_eq!(after.status, PostStatus::Draft);
    assert_eq!(after.schedule.unwrap().local, "2026-11-23T09:00");
    assert!(w.engine.needs_decision().unwrap().is_empty());
}

#[tokio::test]
async fn temporary_trouble_is_retried_with_growing_waits_then_reported() {
    let w = world();
    let ch = w.troubled_bluesky();
    let p = w
        .engine
        .create_post(&input(
            "coba lagi",
            PostStatus::Scheduled,
            Some("2026-11-23T09:00"),
            &[ch],
        ))
        .unwrap()
        .post;
    let s = SchedulerSettings {
        max_retries: 3,
        first_backoff: Duration::seconds(30),
        ..SchedulerSettings::default()
    };

    w.clock.set(utc(2026, 11, 23, 2, 0));
    let first = w.engine.run_due(&s).await.unwrap();
    assert_eq!(first.retrying, vec![p.id]);
    let wait1 = first.next_due.unwrap() - utc(2026, 11, 23, 2, 0);
    assert!(
        wait1 >= Duration::seconds(30) && wait1 <= Duration::seconds(38),
        "{wait1}"
    );
    assert_eq!(
        w.status(p.id),
        PostStatus::Scheduled,
        "a network hiccup is not a failure"
    );

    // Not again before the wait is over.
    w.clock.set(utc(2026, 11, 23, 2, 0) + Duration::seconds(10));
    assert!(w.engine.run_due(&s).await.unwrap().retrying.is_empty());

    w.clock.set(first.next_due.unwrap());
    let second = w.engine.run_due(&s).await.unwrap();
    assert_eq!(second.retrying, vec![p.id]);
    let wait2 = second.next_due.unwrap() - first.next_due.unwrap();
    assert!(wait2 >= Duration::seconds(60), "the wait doubles: {wait2}");

    w.clock.set(second.next_due.unwrap());
    let third = w.engine.run_due(&s).await.unwrap();
    assert_eq!(
        third.failed,
        vec![p.id],
        "after the last try it fails visibly"
    );
    assert_eq!(w.status(p.id), PostStatus::Failed);
    // Every try is in the log, each with the network's reason.
    let store = jadwal_store::Store::open(w.dir.path()).unwrap();
    let attempts = store.attempts(p.id).unwrap();
    assert_eq!(attempts.len(), 3);
    assert!(
        attempts
            .iter()
            .all(|a| a.idempotency_key == attempts[0].idempotency_key),
        "one key for every try"
    );
}

#[tokio::test]
async fn a_post_moved_before_its_time_is_not_published_at_the_old_time() {
    let w = world();
    let ch = w.troubled_bluesky();
    let p = w
        .engine
        .create_post(&input(
            "pindah",
            PostStatus::Scheduled,
            Some("2026-11-23T09:00"),
            &[ch],
        ))
        .unwrap()
        .post;
    w.engine.reschedule_post(p.id, "2026-11-23T15:00").unwrap();
    w.clock.set(utc(2026, 11, 23, 2, 0));
    let pass = w
        .engine
        .run_due(&SchedulerSettings::default())
        .await
        .unwrap();
    assert!(pass.retrying.is_empty() && pass.failed.is_empty() && pass.published.is_empty());
    assert_eq!(pass.next_due, Some(utc(2026, 11, 23, 8, 0)));
    let store = jadwal_store::Store::open(w.dir.path()).unwrap();
    assert!(store.attempts(p.id).unwrap().is_empty(), "nothing was sent");
}

#[test]
fn only_one_scheduler_per_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let first = SchedulerLock::acquire(dir.path()).unwrap();
    let second = SchedulerLock::acquire(dir.path());
    assert_eq!(second.err().map(|e| e.code()), Some("scheduler_busy"));
    drop(first);
    assert!(
        SchedulerLock::acquire(dir.path()).is_ok(),
        "free again once the first stops"
    );
}

#[tokio::test]
async fn the_publish_log_keeps_every_try_with_the_networks_reason() {
    let w = world();
    let ch = w.troubled_bluesky();
    let p = w
        .engine
        .create_post(&input(
            "log",
            PostStatus::Scheduled,
            Some("2026-11-23T09:00"),
            &[ch],
        ))
        .unwrap()
        .post;
    w.clock.set(utc(2026, 11, 23, 2, 0));
    let s = SchedulerSettings::default();
    let first = w.engine.run_due(&s).await.unwrap();
    w.clock.set(first.next_due.unwrap());
    w.engine.run_due(&s).await.unwrap();
    let log = w.engine.publish_log(p.id).unwrap();
    assert_eq!(log.len(), 2);
    assert!(
        log.iter()
            .all(|a| a.outcome == "failed" && a.channel_name == "Bluesky")
    );
    assert_eq!(log[0].code.as_deref(), Some("server_error"));
    assert!(
        log[0].message.as_deref().unwrap_or_default().len() > 10,
        "{:?}",
        log[0].message
    );
    assert!(
        !format!("{log:?}").contains("app-pass-word"),
        "no secret in the log"
    );
    assert_eq!(w.engine.publish_log(9999).unwrap_err().code(), "not_found");
}

#[tokio::test]
async fn many_missed_posts_are_held_in_one_write_not_a_stampede() {
    let w = world();
    let ch = w.troubled_bluesky();
    // A week away from a busy plan: more than the window lists at once.
    let ids: Vec<i64> = (0..205)
        .map(|i| {
            let at = format!(
                "2026-11-{:02}T{:02}:{:02}",
                23 + i / 60,
                9 + (i % 60) / 6,
                (i % 6) * 10
            );
            w.engine
                .create_post(&input("lama", PostStatus::Scheduled, Some(&at), &[ch]))
                .unwrap()
                .post
                .id
        })
        .collect();
    let changes = Arc::new(std::sync::Mutex::new(0));
    let seen = changes.clone();
    w.engine
        .on_change(move |_| *seen.lock().unwrap() += 1)
        .unwrap();
    w.clock.set(utc(2026, 11, 30, 0, 0));
    let pass = w
        .engine
        .run_due(&SchedulerSettings::default())
        .await
        .unwrap();
    assert_eq!(pass.held, ids);
    assert_eq!(*changes.lock().unwrap(), 1, "one write, one announcement");
    assert_eq!(w.engine.needs_decision().unwrap().len(), 200);
    // The window gets the oldest 200 and is told how many wait in all.
    let held = w.engine.held_posts().unwrap();
    assert_eq!(held.total, 205);
    assert_eq!(held.posts.len(), 200);
    assert_eq!(held.posts[0].post.id, ids[0], "oldest first");
}
