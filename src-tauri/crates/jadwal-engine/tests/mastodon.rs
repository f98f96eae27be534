//! Connecting Mastodon through the browser sign-in and publishing to it,
//! against a small Mastodon on loopback. The "browser" here follows the
//! instance's redirect as a real one would: a GET to Jadwal's loopback
//! address with the code and state.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::{data_file_holds, input, utc, world};
use jadwal_channels::testing::{Request, Seen, fake, reply};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::ConnectMastodonInput;
use std::time::Duration;

const TOKEN: &str = "tok-sekali-pakai-9f8e7d";

/// What the small Mastodon holds in its own schedule: id -> time.
type Scheduled = std::sync::Arc<std::sync::Mutex<std::collections::BTreeMap<String, String>>>;

async fn instance() -> (String, Seen) {
    let (url, seen, _) = instance_with_schedule().await;
    (url, seen)
}

async fn instance_with_schedule() -> (String, Seen, Scheduled) {
    let scheduled: Scheduled = Scheduled::default();
    let book = scheduled.clone();
    let next = std::sync::atomic::AtomicU32::new(0);
    let (url, seen) = fake(move |r: &Request| {
        let authed = r.header("authorization") == Some(&format!("Bearer {TOKEN}"));
        let form_value = |name: &str| {
            r.form()
                .into_iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v)
        };
        match (r.method.as_str(), r.path()) {
            ("POST", "/api/v1/apps") => reply(
                200,
                r#"{"client_id":"cid-1","client_secret":"csecret-2","name":"Jadwal"}"#,
            ),
            ("POST", "/oauth/token") => {
                let form = r.form();
                let code = form.iter().find(|(k, _)| k == "code").map(|(_, v)| v.as_str());
                let verifier = form.iter().any(|(k, v)| k == "code_verifier" && v.len() >= 43);
                if code == Some("kode-benar") && verifier {
                    reply(200, &format!(r#"{{"access_token":"{TOKEN}","token_type":"Bearer"}}"#))
                } else {
                    reply(400, r#"{"error":"invalid_grant"}"#)
                }
            }
            ("GET", "/api/v2/instance") => reply(
                200,
                r#"{"domain":"toot.test","configuration":{"statuses":{"max_characters":1000,"max_media_attachments":4,"characters_reserved_per_url":23}}}"#,
            ),
            // The avatar is public, as on a real instance's media host.
            ("GET", "/avatars/toko.png") => {
                let png = common::pictures::png_bytes(300, 300);
                let mut answer = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: image/png\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                    png.len()
                )
                .into_bytes();
                answer.extend_from_slice(&png);
                answer
            }
            _ if !authed => reply(401, r#"{"error":"The access token is invalid"}"#),
            ("GET", "/api/v1/accounts/verify_credentials") => reply(
                200,
                &format!(
                    r#"{{"id":"109","username":"toko","acct":"toko","display_name":"Toko Batik","avatar":"http://{}/avatars/toko.png"}}"#,
                    r.header("host").unwrap_or("127.0.0.1")
                ),
            ),
            // Media ready at once (a real instance may answer 202 and process).
            ("POST", "/api/v2/media") => {
                let n = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
                reply(200, &format!(r#"{{"id":"m{n}","url":"https://toot.test/m{n}"}}"#))
            }
            ("POST", "/api/v1/statuses") => match form_value("scheduled_at") {
                Some(at) => {
                    let n = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
                    let id = format!("s{n}");
                    book.lock().unwrap().insert(id.clone(), at.clone());
                    reply(
                        200,
                        &format!(r#"{{"id":"{id}","scheduled_at":"{at}","params":{{}},"media_attachments":[]}}"#),
                    )
                }
                None => reply(
                    200,
                    r#"{"id":"1101","uri":"https://toot.test/users/toko/statuses/1101","url":"https://toot.test/@toko/1101"}"#,
                ),
            },
            (method, path) if path.starts_with("/api/v1/scheduled_statuses/") => {
                let id = path.trim_start_matches("/api/v1/scheduled_statuses/").to_owned();
                let mut book = book.lock().unwrap();
                if !book.contains_key(&id) {
                    return reply(404, r#"{"error":"Record not found"}"#);
                }
                match method {
                    "PUT" => {
                        let at = form_value("scheduled_at").unwrap();
                        book.insert(id.clone(), at.clone());
                        reply(200, &format!(r#"{{"id":"{id}","scheduled_at":"{at}","params":{{}},"media_attachments":[]}}"#))
                    }
                    "DELETE" => {
                        book.remove(&id);
                        reply(200, "{}")
                    }
                    _ => reply(405, "{}"),
                }
            }
            _ => reply(404, r#"{"error":"Record not found"}"#),
        }
    })
    .await;
    (url, seen, scheduled)
}

type Browser = Box<dyn FnOnce(&str) -> jadwal_engine::error::Result<()>>;

/// Plays the browser: the person approves (or denies) on the instance,
/// which sends the browser to the redirect address with the answer. The
/// page Jadwal shows then comes back through the receiver.
fn browser(answer: &'static str) -> (Browser, tokio::sync::mpsc::UnboundedReceiver<String>) {
    let (page_tx, page_rx) = tokio::sync::mpsc::unbounded_channel();
    let open = move |authorize: &str| {
        let url = reqwest::Url::parse(authorize).unwrap();
        let param = |name: &str| {
            url.query_pairs()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
                .unwrap()
        };
        assert_eq!(param("code_challenge_method"), "S256");
        assert_eq!(param("client_id"), "cid-1");
        let redirect = param("redirect_uri");
        assert!(redirect.starts_with("http://127.0.0.1:"), "{redirect}");
        let back = format!("{redirect}?{answer}&state={}", param("state"));
        tokio::spawn(async move {
            // A browser asks for the favicon too; it must not end the wait.
            let origin = back.split("/callback").next().unwrap().to_owned();
            let _ = reqwest::get(format!("{origin}/favicon.ico")).await;
            let page = reqwest::get(back).await.unwrap().text().await.unwrap();
            // Nobody may be listening (a test that does not read the page).
            let _ = page_tx.send(page);
        });
        Ok(())
    };
    (Box::new(open), page_rx)
}

#[tokio::test]
async fn mastodon_signs_in_through_the_browser_and_publishes() {
    let (base, seen) = instance().await;
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 2, 0));
    let toot = w.channel("Mastodon toko", Network::Mastodon);
    let input_for = |instance: &str| ConnectMastodonInput {
        channel_id: toot,
        instance: instance.into(),
    };

    // Denied on the instance: said so, nothing kept.
    let (deny, _) = browser("error=access_denied&error_description=Ditolak");
    let denied = w
        .engine
        .connect_mastodon_within(&input_for(&base), deny, Duration::from_secs(20))
        .await
        .unwrap_err();
    assert_eq!(denied.code(), "authorization_failed");
    assert!(w.engine.accounts().unwrap().is_empty());

    // Never finished: the wait ends with its own message.
    let timed_out = w
        .engine
        .connect_mastodon_within(&input_for(&base), |_| Ok(()), Duration::from_millis(300))
        .await
        .unwrap_err();
    assert_eq!(timed_out.code(), "sign_in_timed_out");

    let (approve, page) = browser("code=kode-benar");
    let account = w
        .engine
        .connect_mastodon_within(&input_for(&base), approve, Duration::from_secs(20))
        .await
        .unwrap();
    let mut page = page;
    let page = tokio::time::timeout(Duration::from_secs(10), page.recv())
        .await
        .unwrap()
        .unwrap();
    assert!(page.contains("go back to Jadwal"), "{page}");
    assert_eq!(account.handle, "toko@127.0.0.1");
    assert_eq!(account.display_name.as_deref(), Some("Toko Batik"));
    assert!(
        !data_file_holds(w.dir.path(), TOKEN),
        "the token is only in the keychain"
    );

    // The instance takes 1,000 characters (stock Mastodon: 500): the
    // counter and the scheduling check follow it.
    let long = "Batik ".repeat(120);
    let measured = w
        .engine
        .measure_text(&jadwal_engine::dto::MeasureInput {
            text: long.clone(),
            targets: vec![jadwal_engine::dto::TargetDto {
                channel_id: toot,
                variant_text: None,
                as_thread: false,
            }],
        })
        .unwrap();
    assert_eq!(measured[0].limit, Some(1000));
    assert!(!measured[0].over);
    w.engine
        .create_post(&input(
            &long,
            PostStatus::Scheduled,
            Some("2026-11-24T09:00"),
            &[toot],
        ))
        .unwrap();

    let p = w
        .engine
        .create_post(&input(
            "Batik cap motif baru",
            PostStatus::Draft,
            None,
            &[toot],
        ))
        .unwrap()
        .post;
    let results = w.engine.publish_now(p.id).await.unwrap();
    assert!(results[0].published, "{results:?}");
    assert_eq!(
        results[0].url.as_deref(),
        Some("https://toot.test/@toko/1101")
    );
    let statuses: Vec<Request> = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.path() == "/api/v1/statuses")
        .cloned()
        .collect();
    assert_eq!(statuses.len(), 1);
    assert!(statuses[0].header("idempotency-key").is_some());
    assert!(
        statuses[0]
            .form()
            .iter()
            .any(|(k, v)| k == "status" && v == "Batik cap motif baru")
    );
}

#[tokio::test]
async fn posts_far_enough_ahead_go_to_the_servers_schedule_and_follow_moves_edits_and_deletes() {
    let (base, seen, on_server) = instance_with_schedule().await;
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 2, 0));
    let toot = w.channel("Mastodon toko", Network::Mastodon);
    let (approve, _) = browser("code=kode-benar");
    w.engine
        .connect_mastodon_within(
            &ConnectMastodonInput {
                channel_id: toot,
                instance: base.clone(),
            },
            approve,
            Duration::from_secs(20),
        )
        .await
        .unwrap();
    let settings = jadwal_engine::scheduler::SchedulerSettings::default();
    let times = || {
        on_server
            .lock()
            .unwrap()
            .values()
            .cloned()
            .collect::<Vec<_>>()
    };
    let sent_now = || {
        seen.lock()
            .unwrap()
            .iter()
            .filter(|r| {
                r.path() == "/api/v1/statuses" && !r.form().iter().any(|(k, _)| k == "scheduled_at")
            })
            .count()
    };

    // 12:00 in Jakarta, three hours ahead: handed over at the next pass.
    let p = w
        .engine
        .create_post(&input(
            "Diskon batik jam 12",
            PostStatus::Scheduled,
            Some("2026-11-23T12:00"),
            &[toot],
        ))
        .unwrap()
        .post;
    w.engine.run_due(&settings).await.unwrap();
    assert_eq!(times(), vec!["2026-11-23T05:00:00Z".to_owned()]);
    // Nothing changes, nothing is sent again.
    let requests = seen.lock().unwrap().len();
    w.engine.run_due(&settings).await.unwrap();
    assert_eq!(seen.lock().unwrap().len(), requests);

    // Moved on the calendar: moved there.
    w.engine.reschedule_post(p.id, "2026-11-23T13:00").unwrap();
    w.engine.run_due(&settings).await.unwrap();
    assert_eq!(times(), vec!["2026-11-23T06:00:00Z".to_owned()]);
    assert_eq!(w.engine.post(p.id).unwrap().on_server, vec![toot]);
    // Quitting now would hold nothing back: the server sends it.
    let outlook = w.engine.outlook(jadwal_engine::dto::Language::En).unwrap();
    assert_eq!(outlook.due_soon, 0);

    // Edited: the old one is cancelled and the new text handed over.
    let mut edited = input(
        "Diskon batik jam 1 siang",
        PostStatus::Scheduled,
        Some("2026-11-23T13:00"),
        &[toot],
    );
    edited.label_ids = Vec::new();
    w.engine.update_post(p.id, &edited).unwrap();
    w.engine.run_due(&settings).await.unwrap();
    assert_eq!(
        on_server.lock().unwrap().len(),
        1,
        "one post there, not two"
    );
    let last = seen
        .lock()
        .unwrap()
        .iter()
        .rev()
        .find(|r| r.path() == "/api/v1/statuses")
        .cloned()
        .unwrap();
    assert!(
        last.form()
            .iter()
            .any(|(k, v)| k == "status" && v == "Diskon batik jam 1 siang")
    );

    // Deleted: cancelled there.
    let q = w
        .engine
        .create_post(&input(
            "Besok tutup",
            PostStatus::Scheduled,
            Some("2026-11-24T08:00"),
            &[toot],
        ))
        .unwrap()
        .post;
    w.engine.run_due(&settings).await.unwrap();
    assert_eq!(on_server.lock().unwrap().len(), 2);
    w.engine.delete_post(q.id).unwrap();
    w.engine.run_due(&settings).await.unwrap();
    assert_eq!(on_server.lock().unwrap().len(), 1);

    // The laptop sleeps through the time: the server sent it. On waking it
    // is neither held as missed nor sent again; it is published, with a link.
    w.clock.set(utc(2026, 11, 23, 9, 0));
    let pass = w.engine.run_due(&settings).await.unwrap();
    assert!(pass.held.is_empty(), "{pass:?}");
    assert_eq!(pass.published, vec![p.id]);
    assert_eq!(sent_now(), 0, "never sent from here");
    assert_eq!(w.engine.post(p.id).unwrap().status, PostStatus::Published);
    let log = w.engine.publish_log(p.id).unwrap();
    assert_eq!(
        log.last().unwrap().url.as_deref(),
        Some(format!("{base}/@toko").as_str())
    );
}

#[tokio::test]
async fn mastodon_signs_in_with_the_code_the_instance_shows() {
    use jadwal_channels::mastodon::oauth::OOB_REDIRECT_URI;
    use jadwal_channels::mastodon::pkce::challenge_of;
    use jadwal_engine::dto::FinishMastodonSignInInput;

    let (base, seen) = instance().await;
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 2, 0));
    let toot = w.channel("Mastodon toko", Network::Mastodon);
    let start = ConnectMastodonInput {
        channel_id: toot,
        instance: base.clone(),
    };
    let finish = |code: &str| FinishMastodonSignInInput {
        channel_id: toot,
        code: code.into(),
    };

    let opened = std::sync::Mutex::new(None::<String>);
    let started = w
        .engine
        .start_mastodon_code_sign_in(&start, |url| {
            *opened.lock().unwrap() = Some(url.to_owned());
            Ok(())
        })
        .await
        .unwrap();
    assert!(started.browser_opened);
    assert_eq!(
        opened.lock().unwrap().as_deref(),
        Some(started.authorize_url.as_str())
    );
    let url = reqwest::Url::parse(&started.authorize_url).unwrap();
    let param = |name: &str| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .unwrap()
    };
    assert_eq!(param("redirect_uri"), OOB_REDIRECT_URI);
    assert_eq!(param("code_challenge_method"), "S256");
    let challenge = param("code_challenge");
    // Registered for the code alone: no loopback address was opened.
    let apps = seen
        .lock()
        .unwrap()
        .iter()
        .find(|r| r.path() == "/api/v1/apps")
        .cloned()
        .unwrap();
    assert!(
        apps.form()
            .iter()
            .any(|(k, v)| k == "redirect_uris" && v == OOB_REDIRECT_URI)
    );

    // A mistyped code: refused, nothing kept, and the sign-in still open.
    let wrong = w
        .engine
        .finish_mastodon_code_sign_in(&finish("kode-salah"))
        .await
        .unwrap_err();
    assert_eq!(wrong.code(), "authorization_failed", "{wrong}");
    assert!(w.engine.accounts().unwrap().is_empty());

    // The right one, pasted with the white space around it.
    let account = w
        .engine
        .finish_mastodon_code_sign_in(&finish("  kode-benar\n"))
        .await
        .unwrap();
    assert_eq!(account.handle, "toko@127.0.0.1");
    // The avatar, fetched once and kept small, for a window that loads
    // nothing from the internet.
    let avatar = account.avatar_url.as_deref().unwrap_or_default();
    assert!(
        avatar.starts_with("data:image/jpeg;base64,"),
        "{avatar:.60}"
    );
    assert!(avatar.len() < 20_000, "{} bytes", avatar.len());
    assert!(!data_file_holds(w.dir.path(), TOKEN));
    // The exchange used the out-of-band redirect and this sign-in's verifier
    // (the instance checks it against the challenge it was shown).
    let token = seen
        .lock()
        .unwrap()
        .iter()
        .rfind(|r| r.path() == "/oauth/token")
        .cloned()
        .unwrap();
    let form = token.form();
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(field("redirect_uri"), OOB_REDIRECT_URI);
    assert_eq!(field("code"), "kode-benar");
    assert_eq!(challenge_of(&field("code_verifier")), challenge);

    // Used up: a second finish has nothing to finish.
    let again = w
        .engine
        .finish_mastodon_code_sign_in(&finish("kode-benar"))
        .await
        .unwrap_err();
    assert_eq!(again.code(), "sign_in_timed_out");
}

#[tokio::test]
async fn a_code_sign_in_gives_the_address_when_no_browser_opens_and_expires() {
    let (base, _) = instance().await;
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 2, 0));
    let toot = w.channel("Mastodon toko", Network::Mastodon);
    let started = w
        .engine
        .start_mastodon_code_sign_in(
            &ConnectMastodonInput {
                channel_id: toot,
                instance: base.clone(),
            },
            |_| {
                Err(jadwal_engine::EngineError::Browser(
                    "no default browser".into(),
                ))
            },
        )
        .await
        .unwrap();
    assert!(!started.browser_opened);
    assert!(
        started
            .authorize_url
            .starts_with(&format!("{base}/oauth/authorize?")),
        "{}",
        started.authorize_url
    );

    // Eleven minutes later the code is too old to be waited for.
    w.clock.set(utc(2026, 11, 23, 2, 11));
    let late = w
        .engine
        .finish_mastodon_code_sign_in(&jadwal_engine::dto::FinishMastodonSignInInput {
            channel_id: toot,
            code: "kode-benar".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(late.code(), "sign_in_timed_out");
    assert!(w.engine.accounts().unwrap().is_empty());

    // Only Mastodon channels sign in this way.
    let bsky = w.channel("Bluesky", Network::Bluesky);
    let wrong = w
        .engine
        .start_mastodon_code_sign_in(
            &ConnectMastodonInput {
                channel_id: bsky,
                instance: base,
            },
            |_| Ok(()),
        )
        .await
        .unwrap_err();
    assert_eq!(wrong.code(), "wrong_network");
}

#[tokio::test]
async fn an_animated_gif_goes_to_mastodon_as_it_is_and_a_photo_as_its_rendition() {
    use common::pictures::{animated_gif, attach, jpeg};

    let (base, seen) = instance().await;
    let w = world("Asia/Jakarta", utc(2026, 11, 23, 2, 0));
    let toot = w.channel("Mastodon toko", Network::Mastodon);
    let (approve, _page) = browser("code=kode-benar");
    w.engine
        .connect_mastodon_within(
            &ConnectMastodonInput {
                channel_id: toot,
                instance: base,
            },
            approve,
            Duration::from_secs(20),
        )
        .await
        .unwrap();
    let files = tempfile::tempdir().unwrap();
    let gif = animated_gif(files.path(), "goyang.gif", 120, 80);
    let photo = jpeg(files.path(), "kain.jpg", 2400, 1600);
    let imported = w.engine.import_media(&[gif.clone(), photo]).unwrap();
    let hash = |i: usize| imported[i].media.as_ref().unwrap().hash.clone();
    assert!(imported[0].media.as_ref().unwrap().animated);
    let p = w
        .engine
        .create_post(&input("Batik bergerak", PostStatus::Draft, None, &[toot]))
        .unwrap()
        .post;
    w.engine
        .set_post_media(
            p.id,
            &[
                attach(&hash(0), "Kain batik berkibar", (0.5, 0.5)),
                attach(&hash(1), "", (0.5, 0.5)),
            ],
        )
        .unwrap();
    assert!(
        w.engine.post_media_checks(p.id).unwrap().is_empty(),
        "Mastodon takes a moving GIF"
    );

    let results = w.engine.publish_now(p.id).await.unwrap();
    assert!(results[0].published, "{results:?}");
    let uploads: Vec<Request> = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.path() == "/api/v2/media")
        .cloned()
        .collect();
    assert_eq!(uploads.len(), 2);
    let file = |r: &Request| r.parts().into_iter().find(|p| p.name == "file").unwrap();
    let moving = file(&uploads[0]);
    assert_eq!(moving.content_type.as_deref(), Some("image/gif"));
    assert!(moving.filename.unwrap().ends_with(".gif"));
    assert_eq!(moving.data, std::fs::read(&gif).unwrap(), "byte for byte");
    let still = file(&uploads[1]);
    assert_eq!(still.content_type.as_deref(), Some("image/jpeg"));
    let size = image::load_from_memory(&still.data).unwrap();
    assert_eq!(
        (size.width(), size.height()),
        (2000, 1333),
        "the Mastodon rendition"
    );
}
