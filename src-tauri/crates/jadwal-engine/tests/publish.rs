//! Connecting accounts and "Publish now". The offline rules run everywhere;
//! the Bluesky journey runs against a real PDS on loopback:
//!
//! ```text
//! bash src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh \
//!     cargo test -p jadwal-engine --test publish -- --ignored
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::pictures::{attach, jpeg, png};
use common::{input, utc, world};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::ConnectBlueskyInput;

fn connect(
    channel_id: i64,
    identifier: &str,
    password: &str,
    service: Option<String>,
) -> ConnectBlueskyInput {
    ConnectBlueskyInput {
        channel_id,
        identifier: identifier.into(),
        app_password: password.into(),
        service,
    }
}

#[tokio::test]
async fn only_bluesky_channels_connect_with_an_app_password() {
    let w = world("UTC", utc(2026, 11, 1, 0, 0));
    let ig = w.channel("Instagram toko", Network::Instagram);
    let err = w
        .engine
        .connect_bluesky(&connect(ig, "toko.test", "x", None))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "wrong_network");
    let bsky = w.channel("Bluesky", Network::Bluesky);
    let err = w
        .engine
        .connect_bluesky(&connect(bsky, "not a handle!", "x", None))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid_handle");
    assert!(w.engine.accounts().unwrap().is_empty());
}

#[tokio::test]
async fn publishing_says_per_channel_what_happened_and_fails_only_what_failed() {
    let w = world("UTC", utc(2026, 11, 1, 0, 0));
    let bsky = w.channel("Bluesky", Network::Bluesky);
    let ig = w.channel("Instagram", Network::Instagram);
    let p = w
        .engine
        .create_post(&input("Diskon!", PostStatus::Draft, None, &[bsky, ig]))
        .unwrap()
        .post;
    let results = w.engine.publish_now(p.id).await.unwrap();
    let codes: Vec<_> = results
        .iter()
        .map(|r| (r.channel_name.as_str(), r.published, r.code.clone()))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("Bluesky", false, Some("not_connected".to_owned())),
            ("Instagram", false, Some("assisted_network".to_owned())),
        ]
    );
    assert_eq!(w.engine.post(p.id).unwrap().status, PostStatus::Failed);
    let lonely = w
        .engine
        .create_post(&input("tanpa kanal", PostStatus::Draft, None, &[]))
        .unwrap()
        .post;
    assert_eq!(
        w.engine.publish_now(lonely.id).await.unwrap_err().code(),
        "schedule_needs_channel"
    );
}

struct Pds {
    url: String,
    handle: String,
    app_password: String,
}

fn pds() -> Pds {
    let var = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!(
                "needs a local PDS: run via src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh"
            )
        })
    };
    Pds {
        url: var("JADWAL_TEST_PDS_URL"),
        handle: var("JADWAL_TEST_PDS_HANDLE"),
        app_password: var("JADWAL_TEST_PDS_APP_PASSWORD"),
    }
}

async fn records(pds: &Pds, did: &str) -> Vec<serde_json::Value> {
    let url = format!(
        "{}/xrpc/com.atproto.repo.listRecords?repo={did}&collection=app.bsky.feed.post&limit=100",
        pds.url
    );
    let body: serde_json::Value = reqwest::get(url).await.unwrap().json().await.unwrap();
    body["records"].as_array().cloned().unwrap_or_default()
}

#[tokio::test]
#[ignore = "needs a local PDS: run via src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh"]
async fn connect_publish_and_a_retry_after_a_crash_posts_once() {
    let pds = pds();
    let w = world("Asia/Jakarta", chrono::Utc::now());
    let bsky = w.channel("Toko Bluesky", Network::Bluesky);

    let wrong = w
        .engine
        .connect_bluesky(&connect(
            bsky,
            &pds.handle,
            "wrong-pass-word",
            Some(pds.url.clone()),
        ))
        .await;
    assert_eq!(wrong.unwrap_err().code(), "wrong_password");
    assert!(
        w.engine.accounts().unwrap().is_empty(),
        "nothing is kept for a refused login"
    );

    let account = w
        .engine
        .connect_bluesky(&connect(
            bsky,
            &pds.handle,
            &pds.app_password,
            Some(pds.url.clone()),
        ))
        .await
        .unwrap();
    assert_eq!(account.handle, pds.handle);
    assert_eq!(account.status, "connected");
    // The password is in the secret store, and in no file of the data folder.
    for entry in std::fs::read_dir(w.dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            !bytes
                .windows(pds.app_password.len())
                .any(|win| win == pds.app_password.as_bytes()),
            "the app password must not reach the data folder"
        );
    }

    let text = "Roti sobek baru keluar dari oven 🍞 #rotisobek https://toko.example/menu";
    let p = w
        .engine
        .create_post(&input(text, PostStatus::Draft, None, &[bsky]))
        .unwrap()
        .post;
    let results = w.engine.publish_now(p.id).await.unwrap();
    assert!(results[0].published, "{results:?}");
    let url = results[0].url.clone().unwrap();
    assert!(url.contains("/post/"), "{url}");
    assert_eq!(w.engine.post(p.id).unwrap().status, PostStatus::Published);

    let did = {
        let store = jadwal_store::Store::open(w.dir.path()).unwrap();
        store.account(bsky).unwrap().unwrap().remote_id
    };
    let before = records(&pds, &did).await;
    assert_eq!(
        before.iter().filter(|r| r["value"]["text"] == text).count(),
        1
    );

    // Simulate a crash after the request went out but before the outcome was
    // written: the attempt has no outcome and the post is still scheduled.
    {
        let store = jadwal_store::Store::open(w.dir.path()).unwrap();
        store
            .connection()
            .execute_batch(&format!(
                "UPDATE publish_attempt SET outcome = NULL, finished_at = NULL, url = NULL, remote_id = NULL WHERE post_id = {id};
                 UPDATE post SET status = 'scheduled' WHERE id = {id};",
                id = p.id
            ))
            .unwrap();
    }
    let again = w.engine.publish_now(p.id).await.unwrap();
    assert!(again[0].published, "{again:?}");
    assert_eq!(
        again[0].url.as_deref(),
        Some(url.as_str()),
        "the retry found the same post"
    );
    let after = records(&pds, &did).await;
    assert_eq!(
        after.iter().filter(|r| r["value"]["text"] == text).count(),
        1,
        "posted exactly once"
    );

    w.engine.disconnect_account(bsky).await.unwrap();
    assert!(w.engine.accounts().unwrap().is_empty());
    let gone = w
        .engine
        .create_post(&input("lagi", PostStatus::Draft, None, &[bsky]))
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
#[ignore = "needs a local PDS: run via src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh"]
async fn the_scheduler_publishes_on_time_exactly_once() {
    use jadwal_engine::scheduler::{SchedulerSettings, run_scheduler};
    let pds = pds();
    let dir = tempfile::tempdir().unwrap();
    let engine = std::sync::Arc::new(
        jadwal_engine::Engine::open(jadwal_engine::EngineConfig {
            data_dir: dir.path().to_path_buf(),
            clock: std::sync::Arc::new(jadwal_engine::SystemClock),
            default_time_zone: "UTC".parse().unwrap(),
            secrets: std::sync::Arc::new(jadwal_secrets::MemoryStore::new()),
        })
        .unwrap(),
    );
    let ch = engine
        .create_channel(&jadwal_engine::dto::ChannelInput {
            name: "Toko".into(),
            network: Network::Bluesky,
            color: None,
        })
        .unwrap()
        .id;
    engine
        .connect_bluesky(&connect(
            ch,
            &pds.handle,
            &pds.app_password,
            Some(pds.url.clone()),
        ))
        .await
        .unwrap();

    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let runner = tokio::spawn(run_scheduler(
        engine.clone(),
        SchedulerSettings::default(),
        stop_rx,
        |_| {},
    ));

    // Wall times are to the minute: the post is due at the start of the next
    // minute (UTC workspace), between 0 and 60 seconds from now.
    let now = chrono::Utc::now();
    let at = now.format("%Y-%m-%dT%H:%M").to_string();
    let target = chrono::DateTime::parse_from_rfc3339(&format!("{at}:00Z"))
        .unwrap()
        .to_utc()
        + chrono::Duration::minutes(1);
    let text = format!("Tepat waktu {}", target.timestamp());
    let p = engine
        .create_post(&input(
            &text,
            PostStatus::Scheduled,
            Some(&target.format("%Y-%m-%dT%H:%M").to_string()),
            &[ch],
        ))
        .unwrap()
        .post;

    let deadline = target + chrono::Duration::seconds(20);
    while engine.post(p.id).unwrap().status != PostStatus::Published {
        assert!(chrono::Utc::now() < deadline, "not published by {deadline}");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let published_at = chrono::Utc::now();
    stop_tx.send(true).unwrap();
    runner.await.unwrap();

    let late = published_at - target;
    assert!(
        late < chrono::Duration::seconds(3),
        "published {late} after its time"
    );
    assert!(published_at >= target, "never early");
    let did = {
        let store = jadwal_store::Store::open(dir.path()).unwrap();
        store.account(ch).unwrap().unwrap().remote_id
    };
    assert_eq!(
        records(&pds, &did)
            .await
            .iter()
            .filter(|r| r["value"]["text"] == text)
            .count(),
        1
    );
}

#[tokio::test]
#[ignore = "needs a local PDS: run via src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh"]
async fn pictures_go_out_as_bluesky_renditions_with_their_alt_text() {
    let pds = pds();
    let w = world("Asia/Jakarta", chrono::Utc::now());
    let bsky = w.channel("Toko Bluesky", Network::Bluesky);
    w.engine
        .connect_bluesky(&connect(
            bsky,
            &pds.handle,
            &pds.app_password,
            Some(pds.url.clone()),
        ))
        .await
        .unwrap();
    // A screenshot-sized PNG: bigger than Bluesky's 2000 px and heavier
    // than its per-picture limit.
    let files = tempfile::tempdir().unwrap();
    let big = png(files.path(), "etalase.png", 3000, 2000);
    let small = jpeg(files.path(), "kue.jpg", 800, 1000);
    let imported = w.engine.import_media(&[big, small]).unwrap();
    let hashes: Vec<String> = imported
        .iter()
        .map(|r| r.media.as_ref().unwrap().hash.clone())
        .collect();
    let text = format!("Etalase baru {}", chrono::Utc::now().timestamp_millis());
    let p = w
        .engine
        .create_post(&input(&text, PostStatus::Draft, None, &[bsky]))
        .unwrap()
        .post;
    w.engine
        .set_post_media(
            p.id,
            &[
                attach(&hashes[0], "Etalase toko dengan roti", (0.5, 0.5)),
                attach(&hashes[1], "Kue lapis legit", (0.5, 0.5)),
            ],
        )
        .unwrap();
    // Too heavy for Bluesky as it is: publishing refuses before sending
    // anything, and the one-click fix makes it fit.
    let refused = w.engine.publish_now(p.id).await.unwrap_err();
    assert_eq!(refused.code(), "media_problem");
    let problems = w.engine.post_media_checks(p.id).unwrap();
    let heavy = problems
        .iter()
        .find(|p| p.code == "too_heavy" && p.severity == "error")
        .unwrap_or_else(|| panic!("{problems:#?}"));
    w.engine
        .apply_media_fix(p.id, heavy.hash.as_deref(), heavy.fix.unwrap())
        .unwrap();
    let left = w.engine.post_media_checks(p.id).unwrap();
    assert!(left.iter().all(|p| p.severity != "error"), "{left:#?}");

    let results = w.engine.publish_now(p.id).await.unwrap();
    assert!(results[0].published, "{results:?}");

    let did = {
        let store = jadwal_store::Store::open(w.dir.path()).unwrap();
        store.account(bsky).unwrap().unwrap().remote_id
    };
    let records = records(&pds, &did).await;
    let record = records
        .iter()
        .find(|r| r["value"]["text"] == text.as_str())
        .expect("the post is on the server");
    let embed = &record["value"]["embed"];
    assert_eq!(embed["$type"], "app.bsky.embed.images");
    let images = embed["images"].as_array().unwrap();
    assert_eq!(images.len(), 2);
    assert_eq!(images[0]["alt"], "Etalase toko dengan roti");
    assert_eq!(images[1]["alt"], "Kue lapis legit");
    // The 3000×2000 PNG went out as a JPEG at most 2000 px wide, under the
    // per-picture limit, with its shape and alt text kept.
    assert_eq!(images[0]["image"]["mimeType"], "image/jpeg");
    assert_eq!(images[0]["aspectRatio"]["width"], 2000);
    assert_eq!(images[0]["aspectRatio"]["height"], 1333);
    assert!(images[0]["image"]["size"].as_u64().unwrap() <= 1_000_000);
    assert_eq!(images[1]["aspectRatio"]["width"], 800);
    assert_eq!(images[1]["aspectRatio"]["height"], 1000);
}

/// Logs in as the test account with plain XRPC, for what the app never
/// does (deleting a record to stage a thread that was cut off).
async fn access_token(pds: &Pds) -> String {
    let answer: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/xrpc/com.atproto.server.createSession", pds.url))
        .json(&serde_json::json!({ "identifier": pds.handle, "password": pds.app_password }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["accessJwt"].as_str().unwrap().to_owned()
}

/// Checks each facet of a post record against the bytes it points at.
fn check_facets(record: &serde_json::Value, did: &str) -> usize {
    let text = record["text"].as_str().unwrap().as_bytes();
    let facets = record["facets"].as_array().cloned().unwrap_or_default();
    for facet in &facets {
        let start = facet["index"]["byteStart"].as_u64().unwrap() as usize;
        let end = facet["index"]["byteEnd"].as_u64().unwrap() as usize;
        let covered = std::str::from_utf8(&text[start..end]).expect("a facet on char boundaries");
        let feature = &facet["features"][0];
        match feature["$type"].as_str().unwrap() {
            "app.bsky.richtext.facet#link" => assert_eq!(feature["uri"], covered),
            "app.bsky.richtext.facet#tag" => {
                assert_eq!(format!("#{}", feature["tag"].as_str().unwrap()), covered);
            }
            "app.bsky.richtext.facet#mention" => {
                assert!(covered.starts_with('@'), "{covered}");
                assert_eq!(feature["did"], did);
            }
            other => panic!("unexpected facet {other}"),
        }
    }
    facets.len()
}

#[tokio::test]
#[ignore = "needs a local PDS: run via src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh"]
async fn a_long_post_goes_out_as_a_thread_and_a_cut_off_thread_is_finished_once() {
    let pds = pds();
    let w = world("Asia/Jakarta", chrono::Utc::now());
    let bsky = w.channel("Toko Bluesky", Network::Bluesky);
    w.engine
        .connect_bluesky(&connect(
            bsky,
            &pds.handle,
            &pds.app_password,
            Some(pds.url.clone()),
        ))
        .await
        .unwrap();
    let did = {
        let store = jadwal_store::Store::open(w.dir.path()).unwrap();
        store.account(bsky).unwrap().unwrap().remote_id
    };

    // Three paragraphs, each with a link, a mention and a tag after emoji
    // and Indonesian text, so every part has facets at shifted byte offsets.
    let run = chrono::Utc::now().timestamp_millis();
    let text = (1..=3)
        .map(|i| {
            format!(
                "Bagian {i} ({run}). Cerita motif batik hari ini dari pengrajin kami di \
                 Pekalongan 🌿☕ yang bekerja sejak subuh, dengan canting dan malam panas. \
                 Lihat katalog https://toko.example/katalog/{i} dan sapa @{} #batik{i}",
                pds.handle
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let thread_target = jadwal_engine::dto::TargetDto {
        channel_id: bsky,
        variant_text: None,
        as_thread: true,
    };
    let p = w
        .engine
        .create_post(&jadwal_engine::dto::PostInput {
            targets: vec![thread_target.clone()],
            ..input(&text, PostStatus::Draft, None, &[])
        })
        .unwrap()
        .post;
    // The picture goes with the first part.
    let files = tempfile::tempdir().unwrap();
    let photo = jpeg(files.path(), "canting.jpg", 800, 600);
    let hash = w.engine.import_media(&[photo]).unwrap()[0]
        .media
        .as_ref()
        .unwrap()
        .hash
        .clone();
    w.engine
        .set_post_media(p.id, &[attach(&hash, "Canting di atas kain", (0.5, 0.5))])
        .unwrap();

    let preview = w
        .engine
        .preview_threads(&jadwal_engine::dto::MeasureInput {
            text: text.clone(),
            targets: vec![thread_target],
        })
        .unwrap();
    let parts: Vec<String> = preview[0].parts.iter().map(|p| p.text.clone()).collect();
    assert_eq!(parts.len(), 3, "{parts:#?}");

    let results = w.engine.publish_now(p.id).await.unwrap();
    assert!(results[0].published, "{results:?}");
    let url = results[0].url.clone().unwrap();

    // What the server holds: exactly the previewed parts, once each.
    let thread_records = |all: Vec<serde_json::Value>| -> Vec<serde_json::Value> {
        parts
            .iter()
            .map(|part| {
                let copies: Vec<_> = all
                    .iter()
                    .filter(|r| r["value"]["text"] == part.as_str())
                    .cloned()
                    .collect();
                assert_eq!(copies.len(), 1, "part posted once: {part}");
                copies.into_iter().next().unwrap()
            })
            .collect()
    };
    let first = thread_records(records(&pds, &did).await);
    assert!(
        url.ends_with(
            first[0]["uri"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
        )
    );
    let check_chain = |records: &[serde_json::Value]| {
        let root = &records[0];
        assert!(root["value"].get("reply").is_none());
        assert_eq!(
            root["value"]["embed"]["images"][0]["alt"],
            "Canting di atas kain"
        );
        for i in 1..records.len() {
            let reply = &records[i]["value"]["reply"];
            assert_eq!(reply["root"]["uri"], root["uri"]);
            assert_eq!(reply["root"]["cid"], root["cid"]);
            assert_eq!(reply["parent"]["uri"], records[i - 1]["uri"]);
            assert_eq!(reply["parent"]["cid"], records[i - 1]["cid"]);
            assert!(
                records[i]["value"].get("embed").is_none(),
                "pictures only on the first"
            );
        }
        for r in records {
            assert_eq!(check_facets(&r["value"], &did), 3, "{}", r["value"]);
        }
    };
    check_chain(&first);

    // A run cut off after two parts: the third is not on the server and the
    // attempt has no outcome (the process died before writing it).
    let last_rkey = first[2]["uri"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap();
    let deleted = reqwest::Client::new()
        .post(format!("{}/xrpc/com.atproto.repo.deleteRecord", pds.url))
        .bearer_auth(access_token(&pds).await)
        .json(&serde_json::json!({
            "repo": did, "collection": "app.bsky.feed.post", "rkey": last_rkey,
        }))
        .send()
        .await
        .unwrap();
    assert!(
        deleted.status().is_success(),
        "{}",
        deleted.text().await.unwrap()
    );
    {
        let store = jadwal_store::Store::open(w.dir.path()).unwrap();
        store
            .connection()
            .execute_batch(&format!(
                "UPDATE publish_attempt SET outcome = NULL, finished_at = NULL, url = NULL, remote_id = NULL WHERE post_id = {id};
                 UPDATE post SET status = 'scheduled' WHERE id = {id};",
                id = p.id
            ))
            .unwrap();
    }
    let again = w.engine.publish_now(p.id).await.unwrap();
    assert!(again[0].published, "{again:?}");
    assert_eq!(again[0].url.as_deref(), Some(url.as_str()));
    let after = thread_records(records(&pds, &did).await);
    // The first two are the same records; only the third was made again,
    // under the same key, replying to the second.
    assert_eq!(after[0]["cid"], first[0]["cid"]);
    assert_eq!(after[1]["cid"], first[1]["cid"]);
    assert_eq!(after[2]["uri"], first[2]["uri"]);
    check_chain(&after);
    assert_eq!(w.engine.post(p.id).unwrap().status, PostStatus::Published);
}
