//! Telegram and webhook channels through the engine, against HTTP servers
//! on loopback: connecting (secrets only in the keychain), publishing with
//! pictures, a lost answer on Telegram held for the person's word instead
//! of a second message, and posts published by hand on assisted networks.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::pictures::{attach, jpeg};
use common::{data_file_holds, input, utc, world};
use jadwal_channels::testing::{Request, Seen, fake, reply};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::{ConnectTelegramInput, ConnectWebhookInput};

const TOKEN: &str = "123456:AAH-toko-roti-secret_token";

/// A Bot API server that knows one bot and one channel and numbers the
/// messages it is sent.
async fn bot_api() -> (String, Seen) {
    let sent = std::sync::atomic::AtomicI64::new(0);
    fake(move |r: &Request| {
        let chat = r#"{"id":-1001234,"title":"Toko Roti","username":"tokoroti","type":"channel"}"#;
        if r.target.ends_with("/getMe") {
            reply(
                200,
                r#"{"ok":true,"result":{"id":1,"is_bot":true,"username":"tokobot"}}"#,
            )
        } else if r.target.ends_with("/getChat") {
            reply(200, &format!(r#"{{"ok":true,"result":{chat}}}"#))
        } else if r.target.ends_with("/sendMessage") || r.target.ends_with("/sendPhoto") {
            let id = sent.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
            reply(
                200,
                &format!(r#"{{"ok":true,"result":{{"message_id":{id},"chat":{chat}}}}}"#),
            )
        } else {
            reply(
                404,
                r#"{"ok":false,"error_code":404,"description":"Not Found"}"#,
            )
        }
    })
    .await
}

/// A Telegram channel connected to the bot on `api`.
async fn connected_bot(w: &common::World, api: &str) -> i64 {
    let tg = w.channel("Telegram toko", Network::Telegram);
    w.engine
        .connect_telegram(&ConnectTelegramInput {
            channel_id: tg,
            bot_token: TOKEN.into(),
            chat: "@tokoroti".into(),
            api_url: Some(api.to_owned()),
        })
        .await
        .unwrap();
    tg
}

fn sends(seen: &Seen) -> usize {
    seen.lock()
        .unwrap()
        .iter()
        .filter(|r| r.target.contains("/send"))
        .count()
}

#[tokio::test]
async fn telegram_connects_publishes_and_never_repeats_a_message_it_is_unsure_of() {
    let (api, seen) = bot_api().await;
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 2, 0));
    let tg = w.channel("Telegram toko", Network::Telegram);
    let bsky = w.channel("Bluesky", Network::Bluesky);

    let wrong = w
        .engine
        .connect_telegram(&ConnectTelegramInput {
            channel_id: bsky,
            bot_token: TOKEN.into(),
            chat: "@tokoroti".into(),
            api_url: Some(api.clone()),
        })
        .await
        .unwrap_err();
    assert_eq!(wrong.code(), "wrong_network");
    // A token that is not one: the window can say which field is wrong.
    let bad = w
        .engine
        .connect_telegram(&ConnectTelegramInput {
            channel_id: tg,
            bot_token: "not-a-token".into(),
            chat: "@tokoroti".into(),
            api_url: Some(api.clone()),
        })
        .await
        .unwrap_err()
        .to_ipc();
    assert_eq!(bad.code, "bad_credentials");
    assert_eq!(
        bad.params.get("network").map(String::as_str),
        Some("Telegram")
    );
    assert!(bad.params["what"].starts_with("bot token"), "{bad:?}");
    let account = w
        .engine
        .connect_telegram(&ConnectTelegramInput {
            channel_id: tg,
            bot_token: format!(" {TOKEN} "),
            chat: "@tokoroti".into(),
            api_url: Some(api.clone()),
        })
        .await
        .unwrap();
    assert_eq!(account.handle, "@tokoroti");
    assert_eq!(account.display_name.as_deref(), Some("Toko Roti"));
    assert!(
        !data_file_holds(w.dir.path(), "AAH-toko-roti"),
        "the token is only in the keychain"
    );

    // A post with a picture goes out as one photo message.
    let files = tempfile::tempdir().unwrap();
    let photo = jpeg(files.path(), "roti.jpg", 1200, 900);
    let hash = w.engine.import_media(&[photo]).unwrap()[0]
        .media
        .clone()
        .unwrap()
        .hash;
    let p = w
        .engine
        .create_post(&input("Roti sobek hangat", PostStatus::Draft, None, &[tg]))
        .unwrap()
        .post;
    w.engine
        .set_post_media(p.id, &[attach(&hash, "Roti sobek di rak", (0.5, 0.5))])
        .unwrap();
    let results = w.engine.publish_now(p.id).await.unwrap();
    assert!(results[0].published, "{results:?}");
    assert_eq!(results[0].url.as_deref(), Some("https://t.me/tokoroti/1"));
    let photo_call = seen
        .lock()
        .unwrap()
        .iter()
        .find(|r| r.target.ends_with("/sendPhoto"))
        .cloned()
        .expect("sent as a photo");
    let parts = photo_call.parts();
    let caption = parts
        .iter()
        .find(|p| p.name == "caption")
        .expect("a caption");
    assert_eq!(caption.text(), "Roti sobek hangat");
    let image = parts.iter().find(|p| p.name == "photo").expect("the photo");
    assert!(image.data.starts_with(&[0xFF, 0xD8]), "a JPEG rendition");

    // The answer to the next post is lost (as after a crash mid-send).
    let q = w
        .engine
        .create_post(&input("Kue lapis legit", PostStatus::Draft, None, &[tg]))
        .unwrap()
        .post;
    w.engine.publish_now(q.id).await.unwrap();
    let forget_answer = |id: i64| {
        let store = jadwal_store::Store::open(w.dir.path()).unwrap();
        store
            .connection()
            .execute_batch(&format!(
                "UPDATE publish_attempt SET outcome = NULL, finished_at = NULL, url = NULL, remote_id = NULL WHERE post_id = {id};
                 UPDATE post SET status = 'scheduled' WHERE id = {id};"
            ))
            .unwrap();
    };
    forget_answer(q.id);
    assert_eq!(sends(&seen), 2);
    let unsure = w.engine.publish_now(q.id).await.unwrap();
    assert_eq!(unsure[0].code.as_deref(), Some("outcome_unknown"));
    assert_eq!(
        sends(&seen),
        2,
        "Telegram cannot spot a repeat: nothing is sent again"
    );
    assert_eq!(
        w.engine.needs_decision().unwrap(),
        vec![(q.id, "unsure".to_owned())]
    );
    assert_eq!(w.engine.post(q.id).unwrap().status, PostStatus::Scheduled);

    // "It arrived": published, still one message.
    let done = w.engine.confirm_outcome(q.id, true).await.unwrap();
    assert!(done[0].published, "{done:?}");
    assert_eq!(sends(&seen), 2);
    assert_eq!(w.engine.post(q.id).unwrap().status, PostStatus::Published);
    assert!(w.engine.needs_decision().unwrap().is_empty());

    // "It did not arrive": sent again, once.
    forget_answer(q.id);
    w.engine.publish_now(q.id).await.unwrap();
    let again = w.engine.confirm_outcome(q.id, false).await.unwrap();
    assert!(again[0].published, "{again:?}");
    assert_eq!(sends(&seen), 3);
    let log = w.engine.publish_log(q.id).unwrap();
    assert!(
        log.iter().any(|a| a.code.as_deref() == Some("not_arrived")),
        "{log:?}"
    );

    w.engine.disconnect_account(tg).await.unwrap();
    let gone = w
        .engine
        .create_post(&input("lagi", PostStatus::Draft, None, &[tg]))
        .unwrap()
        .post;
    assert_eq!(
        w.engine.publish_now(gone.id).await.unwrap()[0]
            .code
            .as_deref(),
        Some("not_connected")
    );
}

#[tokio::test]
async fn a_webhook_gets_the_signed_post_and_its_address_stays_in_the_keychain() {
    let (url, seen) = fake(|_r: &Request| reply(200, r#"{"url":"https://crm.example/p/9"}"#)).await;
    let hook_url = format!("{url}/hooks/catch/998877/secretpath");
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 2, 0));
    let hook = w.channel("Zapier", Network::Webhook);
    let empty = w
        .engine
        .connect_webhook(&ConnectWebhookInput {
            channel_id: hook,
            url: hook_url.clone(),
            secret: "  ".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(empty.code(), "bad_credentials");
    let account = w
        .engine
        .connect_webhook(&ConnectWebhookInput {
            channel_id: hook,
            url: hook_url.clone(),
            secret: "rahasia-toko".into(),
        })
        .await
        .unwrap();
    assert!(
        account.handle.starts_with("127.0.0.1:"),
        "{}",
        account.handle
    );
    assert!(seen.lock().unwrap().is_empty(), "connecting sends nothing");
    assert!(!data_file_holds(w.dir.path(), "secretpath"));
    assert!(!data_file_holds(w.dir.path(), "rahasia-toko"));

    let p = w
        .engine
        .create_post(&input(
            "Promo akhir bulan",
            PostStatus::Draft,
            None,
            &[hook],
        ))
        .unwrap()
        .post;
    let results = w.engine.publish_now(p.id).await.unwrap();
    assert!(results[0].published, "{results:?}");
    assert_eq!(results[0].url.as_deref(), Some("https://crm.example/p/9"));
    let requests = seen.lock().unwrap().clone();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].target, "/hooks/catch/998877/secretpath");
    assert!(requests[0].header("x-jadwal-signature").is_some());
    assert_eq!(requests[0].json()["text"], "Promo akhir bulan");
}

#[tokio::test]
async fn a_post_published_by_hand_is_marked_with_its_address() {
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 2, 0));
    let ig = w.channel("Instagram toko", Network::Instagram);
    let p = w
        .engine
        .create_post(&input("Batik baru", PostStatus::Draft, None, &[ig]))
        .unwrap()
        .post;
    let first = w.engine.publish_now(p.id).await.unwrap();
    assert_eq!(first[0].code.as_deref(), Some("assisted_network"));

    let bad = w
        .engine
        .mark_posted(p.id, ig, Some("file:///etc/passwd".into()))
        .await
        .unwrap_err();
    assert_eq!(bad.code(), "not_a_web_address");
    let other = w.channel("Facebook", Network::Facebook);
    assert_eq!(
        w.engine
            .mark_posted(p.id, other, None)
            .await
            .unwrap_err()
            .code(),
        "not_found"
    );

    let url = "https://www.instagram.com/p/Cabc123/";
    let done = w
        .engine
        .mark_posted(p.id, ig, Some(format!(" {url} ")))
        .await
        .unwrap();
    assert!(done[0].published, "{done:?}");
    assert_eq!(done[0].url.as_deref(), Some(url));
    assert_eq!(w.engine.post(p.id).unwrap().status, PostStatus::Published);
    let log = w.engine.publish_log(p.id).unwrap();
    assert_eq!(log.last().unwrap().url.as_deref(), Some(url));
}

#[tokio::test]
async fn offline_posts_wait_for_the_internet_without_using_up_their_retries() {
    let (api, seen) = bot_api().await;
    let w = world("UTC", utc(2026, 11, 23, 1, 0));
    let tg = connected_bot(&w, &api).await;
    let p = w
        .engine
        .create_post(&input(
            "Buka jam 7 pagi",
            PostStatus::Scheduled,
            Some("2026-11-23T02:00"),
            &[tg],
        ))
        .unwrap()
        .post;
    let point_bot_at = |url: &str| {
        let store = jadwal_store::Store::open(w.dir.path()).unwrap();
        store
            .connection()
            .execute("UPDATE account SET service_url = ?1", [url])
            .unwrap();
    };
    let retries = || -> i64 {
        let store = jadwal_store::Store::open(w.dir.path()).unwrap();
        store
            .connection()
            .query_row("SELECT retries FROM post WHERE id = ?1", [p.id], |r| {
                r.get(0)
            })
            .unwrap()
    };

    // The connection drops: nothing answers where the Bot API was.
    point_bot_at(&jadwal_channels::testing::closed_port());
    let settings = jadwal_engine::scheduler::SchedulerSettings::default();
    let mut at = utc(2026, 11, 23, 2, 0);
    // Longer offline than every retry of a temporary failure together.
    for _ in 0..(settings.max_retries + 3) {
        w.clock.set(at);
        let pass = w.engine.run_due(&settings).await.unwrap();
        assert_eq!(pass.offline, vec![p.id], "{pass:?}");
        assert!(pass.failed.is_empty());
        assert_eq!(retries(), 0, "waiting for the internet uses up no retries");
        at += settings.offline_retry;
    }
    assert_eq!(w.engine.post(p.id).unwrap().status, PostStatus::Scheduled);
    let status = w.engine.publishing_status().unwrap();
    assert_eq!(status.waiting_for_internet, 1);
    assert_eq!(
        status.waiting_since.as_deref(),
        Some("2026-11-23T02:00:00Z")
    );
    // Before the next try is due, nothing is sent.
    w.clock.set(at - chrono::Duration::seconds(1));
    assert!(
        w.engine
            .run_due(&settings)
            .await
            .unwrap()
            .offline
            .is_empty()
    );

    // Back online: the next try publishes it, once.
    point_bot_at(&api);
    w.clock.set(at);
    let pass = w.engine.run_due(&settings).await.unwrap();
    assert_eq!(pass.published, vec![p.id], "{pass:?}");
    assert_eq!(sends(&seen), 1);
    assert_eq!(w.engine.post(p.id).unwrap().status, PostStatus::Published);
    assert_eq!(
        w.engine.publishing_status().unwrap().waiting_for_internet,
        0
    );
}

#[tokio::test]
async fn an_unreadable_answer_from_a_webhook_is_not_followed_by_a_blind_resend() {
    // The receiver takes the post but answers with a broken gateway page
    // cut short: Jadwal cannot tell whether it arrived.
    let (url, seen) = fake(|_r: &Request| {
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 40\r\nconnection: close\r\n\r\n{\"url\":".to_vec()
    })
    .await;
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 2, 0));
    let hook = w.channel("Make", Network::Webhook);
    w.engine
        .connect_webhook(&ConnectWebhookInput {
            channel_id: hook,
            url: format!("{url}/hook"),
            secret: "rahasia".into(),
        })
        .await
        .unwrap();
    let p = w
        .engine
        .create_post(&input("Diskon 20%", PostStatus::Draft, None, &[hook]))
        .unwrap()
        .post;
    let first = w.engine.publish_now(p.id).await.unwrap();
    assert_eq!(
        first[0].code.as_deref(),
        Some("outcome_unknown"),
        "{first:?}"
    );
    assert_eq!(
        w.engine.needs_decision().unwrap(),
        vec![(p.id, "unsure".to_owned())]
    );
    // Trying again does not send again while the person has not answered.
    w.engine.publish_held_now(p.id).await.unwrap();
    assert_eq!(seen.lock().unwrap().len(), 1);
    let log = w.engine.publish_log(p.id).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].outcome, "unknown");
}

#[tokio::test]
async fn a_busy_minute_stays_within_telegrams_pace_and_the_rest_follow() {
    let (api, seen) = bot_api().await;
    let w = world("UTC", utc(2026, 11, 23, 1, 0));
    let tg = connected_bot(&w, &api).await;
    let ids: Vec<i64> = (0..25)
        .map(|i| {
            w.engine
                .create_post(&input(
                    &format!("Menu {i}"),
                    PostStatus::Scheduled,
                    Some("2026-11-23T02:00"),
                    &[tg],
                ))
                .unwrap()
                .post
                .id
        })
        .collect();
    let settings = jadwal_engine::scheduler::SchedulerSettings::default();
    w.clock.set(utc(2026, 11, 23, 2, 0));
    let first = w.engine.run_due(&settings).await.unwrap();
    assert_eq!(first.published, ids[..20].to_vec());
    assert_eq!(first.paced, ids[20..].to_vec());
    assert!(first.failed.is_empty());
    assert_eq!(sends(&seen), 20);
    assert_eq!(first.next_due, Some(utc(2026, 11, 23, 2, 1)));

    w.clock
        .set(utc(2026, 11, 23, 2, 0) + chrono::Duration::seconds(59));
    assert!(
        w.engine
            .run_due(&settings)
            .await
            .unwrap()
            .published
            .is_empty()
    );
    w.clock.set(utc(2026, 11, 23, 2, 1));
    let second = w.engine.run_due(&settings).await.unwrap();
    assert_eq!(second.published, ids[20..].to_vec());
    assert_eq!(sends(&seen), 25, "each post once");
}

#[tokio::test]
async fn marking_one_of_two_hand_posted_channels_keeps_the_post_waiting_for_the_other() {
    let w = world("UTC", utc(2026, 11, 23, 1, 0));
    let ig = w.channel("Instagram", Network::Instagram);
    let fb = w.channel("Facebook", Network::Facebook);
    let p = w
        .engine
        .create_post(&input(
            "Batik baru",
            PostStatus::Scheduled,
            Some("2026-11-23T02:00"),
            &[ig, fb],
        ))
        .unwrap()
        .post;
    w.clock.set(utc(2026, 11, 23, 2, 0));
    let settings = jadwal_engine::scheduler::SchedulerSettings::default();
    assert_eq!(w.engine.run_due(&settings).await.unwrap().held, vec![p.id]);

    w.engine.mark_posted(p.id, ig, None).await.unwrap();
    assert_eq!(
        w.engine.needs_decision().unwrap(),
        vec![(p.id, "assisted".to_owned())],
        "Facebook still needs a hand"
    );
    assert_eq!(w.engine.post(p.id).unwrap().status, PostStatus::Scheduled);
    // The scheduler does not take it for missed meanwhile.
    w.clock.set(utc(2026, 11, 23, 6, 0));
    assert!(w.engine.run_due(&settings).await.unwrap().held.is_empty());

    let done = w.engine.mark_posted(p.id, fb, None).await.unwrap();
    assert!(done.iter().all(|r| r.published), "{done:?}");
    assert_eq!(w.engine.post(p.id).unwrap().status, PostStatus::Published);
    assert!(w.engine.needs_decision().unwrap().is_empty());
}

#[tokio::test]
async fn clock_and_zone_changes_publish_nothing_early_and_nothing_twice() {
    let (api, seen) = bot_api().await;
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 1, 0));
    let tg = connected_bot(&w, &api).await;
    // 09:00 in Jakarta is 02:00 UTC.
    let p = w
        .engine
        .create_post(&input(
            "Buka jam 9",
            PostStatus::Scheduled,
            Some("2026-11-23T09:00"),
            &[tg],
        ))
        .unwrap()
        .post;
    let settings = jadwal_engine::scheduler::SchedulerSettings::default();

    // The person switches the workspace to Berlin: the post keeps its
    // instant (now shown at 03:00 Berlin), so nothing goes out early.
    w.engine
        .update_settings(
            &jadwal_engine::dto::SettingsInput {
                language: None,
                time_zone: Some("Europe/Berlin".into()),
                keep_running: None,
                grace_period: None,
            },
            jadwal_engine::dto::Language::En,
        )
        .unwrap();
    assert_eq!(
        w.engine.post(p.id).unwrap().schedule.unwrap().local,
        "2026-11-23T03:00"
    );
    w.clock.set(utc(2026, 11, 23, 1, 59));
    assert!(
        w.engine
            .run_due(&settings)
            .await
            .unwrap()
            .published
            .is_empty()
    );
    assert_eq!(sends(&seen), 0, "never early");

    w.clock.set(utc(2026, 11, 23, 2, 0));
    assert_eq!(
        w.engine.run_due(&settings).await.unwrap().published,
        vec![p.id]
    );

    // The computer's clock is set back half an hour, then catches up again:
    // the post is not sent a second time.
    w.clock.set(utc(2026, 11, 23, 1, 30));
    w.engine.run_due(&settings).await.unwrap();
    w.clock.set(utc(2026, 11, 23, 2, 0));
    w.engine.run_due(&settings).await.unwrap();
    assert_eq!(sends(&seen), 1, "once");
}
