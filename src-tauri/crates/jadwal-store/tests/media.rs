//! The media library's rows and post attachments in a real SQLite file.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

use chrono::{DateTime, TimeZone, Utc};
use jadwal_domain::PostStatus;
use jadwal_store::media::{Attachment, MediaRecord};
use jadwal_store::posts::PostWrite;
use jadwal_store::{Change, Store};
use std::sync::{Arc, Mutex};

fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, h, 0, 0).unwrap()
}

fn picture(n: u8, name: &str, h: u32) -> MediaRecord {
    MediaRecord {
        hash: format!("{n:02x}").repeat(32),
        format: "jpeg".into(),
        byte_size: 1234,
        width: 1080,
        height: 1350,
        original_name: name.into(),
        animated: false,
        imported_at: at(h),
    }
}

fn attach(m: &MediaRecord, alt: &str) -> Attachment {
    Attachment {
        hash: m.hash.clone(),
        alt_text: alt.into(),
        focal_x: 0.25,
        focal_y: 0.75,
    }
}

fn draft(store: &mut Store, ws: i64, text: &str) -> i64 {
    let w = PostWrite {
        text: text.into(),
        status: PostStatus::Draft,
        schedule: None,
        targets: vec![],
        label_ids: vec![],
    };
    store.insert_post(ws, &w, at(1)).unwrap()
}

#[test]
fn pictures_are_kept_searched_attached_and_outlive_their_posts() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let ws = store
        .ensure_workspace("Toko", "Asia/Jakarta", at(0))
        .unwrap()
        .id;
    let changes = Arc::new(Mutex::new(Vec::new()));
    let sink = changes.clone();
    store.on_change(move |c| sink.lock().unwrap().push(c));

    let cake = picture(1, "kue_lapis.jpg", 2);
    let bread = picture(2, "roti 100%.png", 3);
    assert!(store.insert_media(&cake).unwrap());
    assert!(store.insert_media(&bread).unwrap());
    assert!(!store.insert_media(&cake).unwrap(), "the same bytes once");
    assert_eq!(store.media(&cake.hash).unwrap(), Some(cake.clone()));
    assert_eq!(
        changes.lock().unwrap().as_slice(),
        [Change::Media, Change::Media]
    );

    let names = |v: Vec<MediaRecord>| v.into_iter().map(|m| m.original_name).collect::<Vec<_>>();
    assert_eq!(
        names(store.list_media(None).unwrap()),
        ["roti 100%.png", "kue_lapis.jpg"]
    );
    assert_eq!(
        names(store.list_media(Some("KUE")).unwrap()),
        ["kue_lapis.jpg"]
    );
    assert_eq!(
        names(store.list_media(Some("100%")).unwrap()),
        ["roti 100%.png"]
    );
    assert!(
        store.list_media(Some("_x")).unwrap().is_empty(),
        "_ is literal"
    );

    let post = draft(&mut store, ws, "Kue baru hari ini");
    changes.lock().unwrap().clear();
    store
        .set_post_media(
            post,
            &[attach(&bread, "Roti sobek hangat"), attach(&cake, "")],
        )
        .unwrap();
    assert_eq!(
        changes.lock().unwrap().as_slice(),
        [Change::Posts { ids: vec![post] }]
    );
    let on_post = store.post_media(post).unwrap();
    assert_eq!(on_post.len(), 2);
    assert_eq!(on_post[0].position, 0);
    assert_eq!(on_post[0].attachment, attach(&bread, "Roti sobek hangat"));
    assert_eq!(on_post[1].media, cake);
    // Alt text is searchable too.
    assert_eq!(
        names(store.list_media(Some("sobek")).unwrap()),
        ["roti 100%.png"]
    );
    assert_eq!(
        store.first_media(&[post, 999]).unwrap(),
        [(post, bread.hash.clone())]
    );

    let mut changed = attach(&cake, "Kue lapis legit");
    changed.focal_x = 0.1;
    store.update_attachment(post, &changed).unwrap();
    assert_eq!(store.post_media(post).unwrap()[1].attachment, changed);
    assert!(
        store
            .update_attachment(post, &attach(&picture(9, "x", 1), ""))
            .is_err()
    );

    let uses = store.media_uses().unwrap();
    assert_eq!(uses.len(), 2);
    assert!(
        uses.iter()
            .all(|u| u.post_id == post && u.excerpt == "Kue baru hari ini")
    );

    // A deleted post no longer uses anything; the library keeps both pictures.
    store.delete_post(post, at(5)).unwrap();
    assert!(store.media_uses().unwrap().is_empty());
    assert_eq!(store.list_media(None).unwrap().len(), 2);
    assert!(
        store.set_post_media(post, &[]).is_err(),
        "a deleted post is not edited"
    );
    // Even removed for good (a workspace deleted), the rows of the library stay.
    store
        .connection()
        .execute("DELETE FROM post WHERE id = ?1", [post])
        .unwrap();
    assert_eq!(store.list_media(None).unwrap().len(), 2);
    let left: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM post_media", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn a_picture_not_in_the_library_cannot_be_attached() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let ws = store
        .ensure_workspace("Toko", "Asia/Jakarta", at(0))
        .unwrap()
        .id;
    let post = draft(&mut store, ws, "x");
    let err = store
        .set_post_media(post, &[attach(&picture(7, "ghost.jpg", 1), "")])
        .unwrap_err();
    assert_eq!(err.code(), "store_error", "{err}");
    assert!(
        store.post_media(post).unwrap().is_empty(),
        "nothing half-written"
    );
}

#[test]
fn a_file_from_before_the_library_gains_it_and_keeps_its_posts() {
    let dir = tempfile::tempdir().unwrap();
    {
        let old = jadwal_store::OpenOptions {
            migrate_up_to: 3,
            ..Default::default()
        }
        .open(dir.path())
        .unwrap();
        old.connection()
            .execute_batch(
                "INSERT INTO workspace (id, name, time_zone, created_at) VALUES (1, 'Toko', 'Asia/Jakarta', 0);
                 INSERT INTO post (id, workspace_id, text, status, created_at, updated_at) VALUES (7, 1, 'Roti', 'draft', 0, 0);",
            )
            .unwrap();
    }
    let mut store = Store::open(dir.path()).unwrap();
    let cake = picture(1, "kue.jpg", 1);
    store.insert_media(&cake).unwrap();
    store.set_post_media(7, &[attach(&cake, "Kue")]).unwrap();
    assert_eq!(store.post_media(7).unwrap().len(), 1);
}
