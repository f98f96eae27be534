//! The Bluesky adapter against a real PDS (`@atproto/pds`) on loopback,
//! started by `tests/pds/with-pds.sh`:
//!
//! ```text
//! bash src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh \
//!     cargo test -p jadwal-channels -- --ignored
//! ```
//!
//! Records, blobs and error answers are read back with the PDS's own
//! `com.atproto.*` calls; there is no AppView, so nothing here uses `app.bsky.*`.
//! Only handles on this PDS are mentioned: resolving any other one would make
//! the PDS look it up in DNS.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, TimeZone, Utc};
use jadwal_channels::bluesky::{BlueskyChannel, BlueskyConfig, BlueskyLogin, SessionTokens, tid};
use jadwal_channels::{Channel, ChannelError, HttpClient, HttpOptions, ImageInput, OutgoingPost};
use jadwal_secrets::Secret;
use serde_json::Value;

const HOW_TO_RUN: &str = "this test needs a local PDS; run it as \
     `bash src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh cargo test -p jadwal-channels -- --ignored`";

struct Pds {
    url: String,
    handle: String,
    did: String,
    app_password: String,
    other_handle: String,
    other_did: String,
}

fn pds() -> Pds {
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{HOW_TO_RUN}"));
    Pds {
        url: var("JADWAL_TEST_PDS_URL"),
        handle: var("JADWAL_TEST_PDS_HANDLE"),
        did: var("JADWAL_TEST_PDS_DID"),
        app_password: var("JADWAL_TEST_PDS_APP_PASSWORD"),
        other_handle: var("JADWAL_TEST_PDS_OTHER_HANDLE"),
        other_did: var("JADWAL_TEST_PDS_OTHER_DID"),
    }
}

fn channel_with(pds: &Pds, password: &str) -> BlueskyChannel {
    let config = BlueskyConfig::new(Some(&pds.url)).unwrap();
    let login = BlueskyLogin::new(&format!("@{}", pds.handle), Secret::new(password)).unwrap();
    BlueskyChannel::new(
        config,
        login,
        HttpClient::new(HttpOptions::default()).unwrap(),
    )
}

fn channel(pds: &Pds) -> BlueskyChannel {
    channel_with(pds, &pds.app_password)
}

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

fn post(key: &str, text: &str) -> OutgoingPost {
    OutgoingPost {
        idempotency_key: key.to_owned(),
        created_at: at(),
        text: text.to_owned(),
        images: Vec::new(),
        langs: vec!["id".into()],
        split_into_thread: false,
    }
}

/// A plain client for reading back what the PDS holds.
async fn get(pds: &Pds, nsid: &str, query: &[(&str, &str)]) -> reqwest::Response {
    let mut url = reqwest::Url::parse(&format!("{}/xrpc/{nsid}", pds.url)).unwrap();
    url.query_pairs_mut().extend_pairs(query);
    reqwest::get(url).await.unwrap()
}

async fn get_record(pds: &Pds, rkey: &str) -> Value {
    let r = get(
        pds,
        "com.atproto.repo.getRecord",
        &[
            ("repo", &pds.did),
            ("collection", "app.bsky.feed.post"),
            ("rkey", rkey),
        ],
    )
    .await;
    assert_eq!(r.status(), 200, "record {rkey}");
    r.json().await.unwrap()
}

async fn list_post_rkeys(pds: &Pds) -> Vec<String> {
    let r = get(
        pds,
        "com.atproto.repo.listRecords",
        &[
            ("repo", &pds.did),
            ("collection", "app.bsky.feed.post"),
            ("limit", "100"),
        ],
    )
    .await;
    let v: Value = r.json().await.unwrap();
    v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["uri"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}

fn rkey_of(uri: &str) -> &str {
    uri.rsplit('/').next().unwrap()
}

/// A valid 1×1 PNG; `tag` is appended after IEND (decoders ignore it) so
/// each image is a different blob.
fn png(tag: u8) -> Vec<u8> {
    let mut bytes = vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F,
        0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00,
        0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];
    bytes.push(tag);
    bytes
}

/// A JPEG-looking blob of `len` bytes (the PDS checks size, not pixels).
fn big_jpeg(len: usize) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
    bytes.resize(len, 0x42);
    bytes
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn verify_says_whose_account_it_is() {
    let pds = pds();
    let ch = channel(&pds);
    let info = ch.verify().await.unwrap();
    assert_eq!(info.handle, pds.handle);
    assert_eq!(info.remote_id, pds.did);

    // Give the account a profile with a name and an avatar, as the Bluesky
    // app would, then verify again: both come back, without an AppView.
    let tokens = ch.session_tokens().unwrap();
    let http = reqwest::Client::new();
    let avatar = png(7);
    let blob: Value = http
        .post(format!("{}/xrpc/com.atproto.repo.uploadBlob", pds.url))
        .bearer_auth(tokens.access_jwt.expose())
        .header("content-type", "image/png")
        .body(avatar.clone())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let put = http
        .post(format!("{}/xrpc/com.atproto.repo.putRecord", pds.url))
        .bearer_auth(tokens.access_jwt.expose())
        .json(&serde_json::json!({
            "repo": pds.did,
            "collection": "app.bsky.actor.profile",
            "rkey": "self",
            "record": {
                "$type": "app.bsky.actor.profile",
                "displayName": "Toko Batik Sekar 🌸",
                "avatar": blob["blob"],
            },
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 200, "{}", put.text().await.unwrap());

    let info = ch.verify().await.unwrap();
    assert_eq!(info.display_name.as_deref(), Some("Toko Batik Sekar 🌸"));
    let avatar_url = info.avatar_url.unwrap();
    let fetched = reqwest::get(&avatar_url)
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(fetched.as_ref(), avatar.as_slice(), "{avatar_url}");
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn text_with_links_mentions_and_tags_has_the_right_byte_ranges() {
    let pds = pds();
    let ch = channel(&pds);
    let text = format!(
        "Halo 👋🏽 @{} dan @{}! Kafé kami diskon 20% 🎉 di https://toko.id/promo?kode=BATIK, \
         www.sekar-batik.co.id #BatikPekalongan #diskon50 #美食",
        pds.other_handle, pds.handle
    );
    let published = ch.publish(&post("facets-1", &text)).await.unwrap();
    assert!(!published.already_published);
    let rkey = rkey_of(&published.remote_id).to_owned();
    assert_eq!(rkey, tid::record_key("facets-1", 0, at()));
    assert_eq!(
        published.url,
        format!("https://bsky.app/profile/{}/post/{rkey}", pds.handle)
    );

    let record = get_record(&pds, &rkey).await;
    let value = &record["value"];
    assert_eq!(value["text"], text.as_str());
    assert_eq!(value["createdAt"], "2026-11-23T09:30:00.000Z");
    assert_eq!(value["langs"], serde_json::json!(["id"]));
    let bytes = text.as_bytes();
    let seen: Vec<(String, String, String)> = value["facets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let start = f["index"]["byteStart"].as_u64().unwrap() as usize;
            let end = f["index"]["byteEnd"].as_u64().unwrap() as usize;
            let covered = String::from_utf8(bytes[start..end].to_vec()).unwrap();
            let feature = &f["features"][0];
            let kind = feature["$type"]
                .as_str()
                .unwrap()
                .rsplit('#')
                .next()
                .unwrap()
                .to_owned();
            let what = feature
                .get("uri")
                .or(feature.get("did"))
                .or(feature.get("tag"))
                .and_then(Value::as_str)
                .unwrap()
                .to_owned();
            (covered, kind, what)
        })
        .collect();
    let s = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
    assert_eq!(
        seen,
        vec![
            s(&format!("@{}", pds.other_handle), "mention", &pds.other_did),
            s(&format!("@{}", pds.handle), "mention", &pds.did),
            s(
                "https://toko.id/promo?kode=BATIK",
                "link",
                "https://toko.id/promo?kode=BATIK"
            ),
            s(
                "www.sekar-batik.co.id",
                "link",
                "https://www.sekar-batik.co.id"
            ),
            s("#BatikPekalongan", "tag", "BatikPekalongan"),
            s("#diskon50", "tag", "diskon50"),
            s("#美食", "tag", "美食"),
        ]
    );
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn four_images_with_alt_text_and_aspect_ratios() {
    let pds = pds();
    let ch = channel(&pds);
    let mut p = post("images-1", "Koleksi baru: empat motif 🧵");
    let sizes = [(1080, 1350), (1080, 1080), (1200, 628), (1000, 1500)];
    for (i, (w, h)) in sizes.into_iter().enumerate() {
        p.images.push(ImageInput {
            bytes: png(i as u8),
            mime: "image/png".into(),
            width: w,
            height: h,
            alt: format!("Kain batik motif nomor {} berwarna biru", i + 1),
        });
    }
    assert!(ch.validate(&p).is_empty());
    let published = ch.publish(&p).await.unwrap();
    let record = get_record(&pds, rkey_of(&published.remote_id)).await;
    let embed = &record["value"]["embed"];
    assert_eq!(embed["$type"], "app.bsky.embed.images");
    let images = embed["images"].as_array().unwrap();
    assert_eq!(images.len(), 4);
    for (i, image) in images.iter().enumerate() {
        assert_eq!(
            image["alt"],
            format!("Kain batik motif nomor {} berwarna biru", i + 1)
        );
        assert_eq!(image["aspectRatio"]["width"], sizes[i].0);
        assert_eq!(image["aspectRatio"]["height"], sizes[i].1);
        assert_eq!(image["image"]["mimeType"], "image/png");
        let cid = image["image"]["ref"]["$link"].as_str().unwrap();
        let blob = get(
            &pds,
            "com.atproto.sync.getBlob",
            &[("did", &pds.did), ("cid", cid)],
        )
        .await;
        assert_eq!(blob.status(), 200);
        assert_eq!(
            blob.bytes().await.unwrap().as_ref(),
            png(i as u8).as_slice()
        );
    }
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn the_same_post_published_twice_exists_once() {
    let pds = pds();
    let p = post("twice-1", "Hanya sekali, walau dikirim dua kali.");
    let first = channel(&pds).publish(&p).await.unwrap();
    // A new adapter, as after a crash and a restart.
    let second = channel(&pds).publish(&p).await.unwrap();
    assert!(!first.already_published);
    assert!(second.already_published);
    assert_eq!(first.remote_id, second.remote_id);
    assert_eq!(first.parts[0].cid, second.parts[0].cid);
    let rkey = rkey_of(&first.remote_id).to_owned();
    let rkeys = list_post_rkeys(&pds).await;
    assert_eq!(rkeys.iter().filter(|k| **k == rkey).count(), 1, "{rkeys:?}");
    // Reconciling finds it too; an unknown post is not found.
    let found = channel(&pds).find_published(&p).await.unwrap().unwrap();
    assert_eq!(found.remote_id, first.remote_id);
    let never = channel(&pds)
        .find_published(&post("never-sent", "x"))
        .await
        .unwrap();
    assert!(never.is_none());
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn a_long_text_becomes_a_thread_of_replies() {
    let pds = pds();
    let ch = channel(&pds);
    let text = "Cerita batik hari ini: setiap motif punya makna. ".repeat(15);
    let mut p = post("thread-1", &text);
    p.split_into_thread = true;
    let parts = BlueskyChannel::thread_parts(&p);
    assert_eq!(parts.len(), 3, "{parts:?}");
    let published = ch.publish(&p).await.unwrap();
    assert_eq!(published.parts.len(), 3);
    let records: Vec<Value> = {
        let mut v = Vec::new();
        for part in &published.parts {
            v.push(get_record(&pds, rkey_of(&part.remote_id)).await);
        }
        v
    };
    for (record, part) in records.iter().zip(&parts) {
        assert_eq!(record["value"]["text"], part.as_str());
    }
    assert!(records[0]["value"].get("reply").is_none());
    let root = &published.parts[0];
    for (i, record) in records.iter().enumerate().skip(1) {
        let reply = &record["value"]["reply"];
        assert_eq!(reply["root"]["uri"], root.remote_id.as_str());
        assert_eq!(reply["root"]["cid"], root.cid.as_str());
        let parent = &published.parts[i - 1];
        assert_eq!(reply["parent"]["uri"], parent.remote_id.as_str());
        assert_eq!(reply["parent"]["cid"], parent.cid.as_str());
    }
    // Publishing again finds all three and makes none.
    let again = channel(&pds).publish(&p).await.unwrap();
    assert!(again.already_published);
    assert_eq!(again.parts, published.parts);
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn a_thread_tried_again_with_new_words_replaces_its_parts_in_place() {
    let pds = pds();
    let mut p = post(
        "thread-edit-1",
        &"Batik tulis dibuat dengan canting. ".repeat(24),
    );
    p.split_into_thread = true;
    let before = channel(&pds).publish(&p).await.unwrap();
    // The same publication (key and time) with the text rewritten, as a
    // retry after the person edited a post that failed midway.
    p.text = "Batik cap dibuat dengan stempel tembaga. ".repeat(12);
    let texts = BlueskyChannel::thread_parts(&p);
    assert_eq!(
        (before.parts.len(), texts.len()),
        (3, 2),
        "the new text makes a shorter thread"
    );
    let after = channel(&pds).publish(&p).await.unwrap();
    assert!(!after.already_published);
    assert_eq!(after.parts.len(), texts.len());
    assert_eq!(after.remote_id, before.remote_id, "the same record keys");
    assert_ne!(after.parts[0].cid, before.parts[0].cid);
    let rkeys = list_post_rkeys(&pds).await;
    for (i, part) in after.parts.iter().enumerate() {
        let rkey = rkey_of(&part.remote_id);
        assert_eq!(rkeys.iter().filter(|k| *k == rkey).count(), 1);
        let record = get_record(&pds, rkey).await;
        assert_eq!(record["cid"], part.cid.as_str());
        assert_eq!(record["value"]["text"], texts[i].as_str());
        if i > 0 {
            let parent = &record["value"]["reply"]["parent"];
            assert_eq!(parent["cid"], after.parts[i - 1].cid.as_str());
        }
    }
    // Parts of the old text beyond the new thread's length are not left.
    for part in before.parts.iter().skip(after.parts.len()) {
        assert!(!rkeys.contains(&rkey_of(&part.remote_id).to_owned()));
    }
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn a_post_tried_again_with_another_picture_carries_the_new_one() {
    let pds = pds();
    let picture = |tag: u8| ImageInput {
        bytes: png(tag),
        mime: "image/png".into(),
        width: 1080,
        height: 1080,
        alt: "Etalase toko pagi ini".into(),
    };
    let mut p = post("picture-edit-1", "Etalase baru kami");
    p.images = vec![picture(40)];
    let before = channel(&pds).publish(&p).await.unwrap();
    let link = |record: &serde_json::Value| {
        record["value"]["embed"]["images"][0]["image"]["ref"]["$link"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let old_link = link(&get_record(&pds, rkey_of(&before.remote_id)).await);

    // The same publication with the picture swapped, as a retry after the
    // person changed it: made again under its key, with the new picture.
    p.images = vec![picture(41)];
    let after = channel(&pds).publish(&p).await.unwrap();
    assert!(!after.already_published);
    assert_eq!(after.remote_id, before.remote_id);
    let record = get_record(&pds, rkey_of(&after.remote_id)).await;
    assert_ne!(link(&record), old_link);
    assert_eq!(record["cid"], after.parts[0].cid.as_str());

    // Once more, unchanged: the content id Jadwal works out from the bytes
    // is the one the PDS gave, so the post is found, not made a third time.
    let again = channel(&pds).publish(&p).await.unwrap();
    assert!(again.already_published);
    assert_eq!(again.parts, after.parts);
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn a_wrong_password_says_so_and_never_shows_it() {
    let pds = pds();
    let wrong = "salah-salah-salah-salah";
    let ch = channel_with(&pds, wrong);
    let e = ch.verify().await.unwrap_err();
    assert_eq!(e, ChannelError::WrongPassword);
    assert_eq!(e.code(), "wrong_password");
    assert_eq!(e.class(), jadwal_channels::ErrorClass::LoginNeeded);
    let shown = format!("{e} {e:?} {ch:?}");
    assert!(!shown.contains(wrong), "{shown}");
    assert!(!shown.contains(&pds.app_password), "{shown}");
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn an_over_long_text_is_refused_with_the_servers_reason() {
    let pds = pds();
    let ch = channel(&pds);
    let p = post("too-long-1", &"kata ".repeat(70));
    assert_eq!(ch.validate(&p)[0].code(), "text_too_long");
    let e = ch.publish(&p).await.unwrap_err();
    assert_eq!(e.code(), "text_too_long", "{e}");
    assert!(e.to_string().contains("maximum 300"), "{e}");
    assert_eq!(e.class(), jadwal_channels::ErrorClass::Permanent);
    let rkey = tid::record_key("too-long-1", 0, at());
    assert!(!list_post_rkeys(&pds).await.contains(&rkey));
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn over_sized_images_are_refused_in_words() {
    let pds = pds();
    let ch = channel(&pds);
    let image = |bytes: Vec<u8>| ImageInput {
        bytes,
        mime: "image/jpeg".into(),
        width: 4000,
        height: 3000,
        alt: "foto produk".into(),
    };
    // Over 1 MB: the upload is taken, the post refuses it (400).
    let mut p = post("big-image-1", "Foto resolusi tinggi");
    p.images.push(image(big_jpeg(1_100_000)));
    assert_eq!(ch.validate(&p)[0].code(), "image_too_large");
    let e = ch.publish(&p).await.unwrap_err();
    assert_eq!(e.code(), "image_too_large", "{e}");
    assert!(e.to_string().contains("maximum 1000000"), "{e}");

    // Over 5 MB: the upload itself is refused (413).
    let mut p = post("huge-image-1", "Foto terlalu besar");
    p.images.push(image(big_jpeg(6 * 1024 * 1024)));
    let e = ch.publish(&p).await.unwrap_err();
    assert_eq!(e.code(), "image_too_large", "{e}");
    assert!(e.to_string().contains("too large"), "{e}");
    assert_eq!(e.class(), jadwal_channels::ErrorClass::Permanent);
}

#[tokio::test]
#[ignore = "needs a local PDS: run via tests/pds/with-pds.sh"]
async fn a_rejected_token_is_renewed_not_reported_as_a_dead_login() {
    let pds = pds();
    let good = channel(&pds);
    good.verify().await.unwrap();
    let tokens = good.session_tokens().unwrap();

    // A garbage access token (the PDS answers 400 InvalidToken) with a
    // working refresh token: renewed by refreshSession.
    let resumed = channel(&pds)
        .resume(SessionTokens {
            access_jwt: Secret::new("eyJhbGciOiJIUzI1NiJ9.eyJ4IjoxfQ.bm90LWEtdG9rZW4"),
            ..tokens.clone()
        })
        .unwrap();
    let info = resumed.verify().await.unwrap();
    assert_eq!(info.remote_id, pds.did);
    let renewed = resumed.session_tokens().unwrap();
    assert_ne!(
        renewed.access_jwt.expose(),
        "eyJhbGciOiJIUzI1NiJ9.eyJ4IjoxfQ.bm90LWEtdG9rZW4"
    );

    // Both tokens garbage: the app password logs in again.
    let resumed = channel(&pds)
        .resume(SessionTokens {
            access_jwt: Secret::new("not-a-jwt-at-all"),
            refresh_jwt: Secret::new("also-not-a-jwt"),
            ..tokens
        })
        .unwrap();
    let published = resumed
        .publish(&post("renewed-1", "Setelah login ulang"))
        .await
        .unwrap();
    assert!(!published.already_published);

    // And with a wrong app password as well, the login is reported dead.
    let dead = channel_with(&pds, "salah-salah-salah-salah")
        .resume(SessionTokens {
            did: pds.did.clone(),
            handle: pds.handle.clone(),
            pds_url: pds.url.clone(),
            access_jwt: Secret::new("not-a-jwt-at-all"),
            refresh_jwt: Secret::new("also-not-a-jwt"),
        })
        .unwrap();
    let e = dead.verify().await.unwrap_err();
    assert_eq!(e.class(), jadwal_channels::ErrorClass::LoginNeeded, "{e}");
}
