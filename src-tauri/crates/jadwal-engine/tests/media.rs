//! Pictures through the engine, on real files: import (a bad file in the
//! batch), attach with alt text and a focal point, each network's checks,
//! one-click fixes, the scheduling guard, thumbnails and renditions, and a
//! deleted post leaving the library alone.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports

mod common;

use common::pictures::{animated_gif, attach, jpeg, png};
use common::{input, utc, world};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::{AttachmentInput, MediaFixDto, MediaProblemDto, PresetName};
use std::path::{Path, PathBuf};

fn find<'a>(p: &'a [MediaProblemDto], network: Network, code: &str) -> &'a MediaProblemDto {
    p.iter()
        .find(|p| p.network == network && p.code == code)
        .unwrap_or_else(|| panic!("no {code} for {network}: {p:#?}"))
}

#[test]
fn pictures_are_imported_checked_fixed_and_outlive_their_post() {
    let w = world("Asia/Jakarta", utc(2026, 11, 1, 0, 0));
    let ig = w.channel("Toko IG", Network::Instagram);
    let bsky = w.channel("Toko Bluesky", Network::Bluesky);
    let files = tempfile::tempdir().unwrap();
    let cake = jpeg(files.path(), "cake.jpg", 1080, 1350);
    let banner = jpeg(files.path(), "banner.jpg", 3000, 1000);
    let menu = png(files.path(), "menu.png", 1600, 1600);
    let bad = files.path().join("notes.jpg");
    std::fs::write(&bad, "flour, sugar, eggs").unwrap();
    assert!(
        std::fs::metadata(&menu).unwrap().len() > 1_000_000,
        "heavy for Bluesky"
    );

    // A bad file in the batch is named and the rest go on.
    let results = w
        .engine
        .import_media(&[cake.clone(), bad.clone(), banner.clone(), menu.clone()])
        .unwrap();
    assert_eq!(results.len(), 4);
    let err = results[1].error.as_ref().unwrap();
    assert_eq!(err.code, "media_not_an_image");
    assert!(err.message.contains("notes.jpg"), "{}", err.message);
    assert_eq!(err.params["file"], "notes.jpg");
    let hash = |i: usize| results[i].media.as_ref().unwrap().hash.clone();
    let (cake_h, banner_h, menu_h) = (hash(0), hash(2), hash(3));
    let banner_dto = results[2].media.as_ref().unwrap();
    assert_eq!((banner_dto.width, banner_dto.height), (3000, 1000));
    assert_eq!(banner_dto.original_name, "banner.jpg");
    assert_eq!(banner_dto.format, "jpeg");
    assert!(w.dir.path().join("media/originals").is_dir());
    let again = w.engine.import_media(std::slice::from_ref(&cake)).unwrap();
    assert!(again[0].already_in_library);
    assert_eq!(w.engine.media_library(None).unwrap().len(), 3);

    // A draft may carry pictures its networks would refuse.
    let post = w
        .engine
        .create_post(&input(
            "Menu baru!",
            PostStatus::Draft,
            Some("2026-11-20T09:00"),
            &[ig, bsky],
        ))
        .unwrap()
        .post;
    let on_post = w
        .engine
        .set_post_media(
            post.id,
            &[
                attach(&banner_h, "Spanduk toko", (0.2, 0.5)),
                attach(&menu_h, "", (0.5, 0.5)),
            ],
        )
        .unwrap();
    assert_eq!(on_post.len(), 2);
    assert_eq!(on_post[0].alt, "Spanduk toko");
    assert!((on_post[0].focal_x - 0.2).abs() < 1e-6);
    let updated = w
        .engine
        .update_post_media(post.id, &attach(&menu_h, "Daftar menu", (0.5, 0.3)))
        .unwrap();
    assert_eq!(updated[1].alt, "Daftar menu");
    assert_eq!(
        w.engine.media_library(Some("SPANDUK")).unwrap()[0].hash,
        banner_h
    );

    let checks = w.engine.post_media_checks(post.id).unwrap();
    let shape = find(&checks, Network::Instagram, "shape_not_accepted");
    assert_eq!(shape.hash.as_deref(), Some(banner_h.as_str()));
    assert_eq!(shape.channel_ids, [ig]);
    assert_eq!(
        shape.fix,
        Some(MediaFixDto::UseRendition {
            preset: PresetName::InstagramLandscape
        })
    );
    let heavy = find(&checks, Network::Bluesky, "too_heavy");
    assert_eq!(heavy.position, Some(1));
    assert!(heavy.message.contains("menu.png"), "{}", heavy.message);
    assert!(
        matches!(heavy.fix, Some(MediaFixDto::Recompress { max_bytes }) if max_bytes <= 1_000_000)
    );
    find(&checks, Network::Instagram, "format_not_accepted");

    // Scheduling waits until the pictures suit every network.
    let mut scheduled = input(
        "Menu baru!",
        PostStatus::Scheduled,
        Some("2026-11-20T09:00"),
        &[ig, bsky],
    );
    let err = w.engine.update_post(post.id, &scheduled).unwrap_err();
    assert_eq!(err.code(), "media_problem", "{err}");
    let ipc = err.to_ipc();
    assert!(ipc.params["channels"].contains("Toko IG"), "{ipc:?}");
    assert!(ipc.message.contains("banner.jpg"), "{}", ipc.message);

    // One click per problem, until none is left.
    for _ in 0..6 {
        let checks = w.engine.post_media_checks(post.id).unwrap();
        let Some(p) = checks
            .iter()
            .find(|p| p.severity == "error" && p.fix.is_some())
        else {
            break;
        };
        let out = w
            .engine
            .apply_media_fix(post.id, p.hash.as_deref(), p.fix.unwrap())
            .unwrap();
        assert_eq!(out.media.len(), 2);
        assert_eq!(out.new_post_id, None);
    }
    let left = w.engine.post_media_checks(post.id).unwrap();
    assert!(left.iter().all(|p| p.severity != "error"), "{left:#?}");
    let fixed = w.engine.post_media(post.id).unwrap();
    assert_ne!(fixed[0].hash, banner_h);
    assert_eq!(
        fixed[0].alt, "Spanduk toko",
        "the alt text stays with the picture"
    );
    assert_eq!(fixed[0].original_name, "banner (Instagram 1.91:1).jpg");
    assert!(fixed[1].byte_size <= 976_000 && fixed[1].format == "jpeg");
    scheduled.text = "Menu baru hari ini!".into();
    let saved = w.engine.update_post(post.id, &scheduled).unwrap();
    assert_eq!(saved.post.status, PostStatus::Scheduled);

    // A scheduled post refuses a picture a network would refuse.
    let err = w
        .engine
        .set_post_media(post.id, &[attach(&banner_h, "", (0.5, 0.5))])
        .unwrap_err();
    assert_eq!(err.code(), "media_problem");

    // The calendar chip's thumbnail, and the renditions for each network.
    let thumbs = w.engine.post_thumbnails(&[post.id, 9999]).unwrap();
    assert_eq!(thumbs.len(), 1);
    assert_eq!(thumbs[0].post_id, Some(post.id));
    assert!(
        thumbs[0]
            .data_url
            .starts_with("data:image/jpeg;base64,/9j/")
    );
    let out = tempfile::tempdir().unwrap();
    let written = w
        .engine
        .write_renditions(post.id, &out.path().join("out"))
        .unwrap();
    assert_eq!(written.len(), 4, "2 pictures × 2 networks");
    for r in &written {
        let bytes = std::fs::read(&r.rendition.path).unwrap();
        assert!(bytes.starts_with(&[0xFF, 0xD8, 0xFF]));
        if r.network == Network::Bluesky {
            assert!(bytes.len() as u64 <= 976_000);
        }
    }
    let ig_banner = written
        .iter()
        .find(|r| r.network == Network::Instagram && r.position == 0)
        .unwrap();
    assert_eq!(ig_banner.rendition.preset, PresetName::InstagramLandscape);
    assert_eq!(
        (ig_banner.rendition.width, ig_banner.rendition.height),
        (1080, 566)
    );
    let crops = w.engine.media_crops(&cake_h, 0.5, 0.1).unwrap();
    let square = crops
        .iter()
        .find(|c| c.preset == PresetName::InstagramSquare)
        .unwrap();
    assert!(square.y.abs() < 1e-6 && (square.width - 1.0).abs() < 1e-6);
    let r = w
        .engine
        .rendition_path(&cake_h, PresetName::Story, None)
        .unwrap();
    // Never scaled up: the tallest 9:16 cut of a 1080×1350 photo.
    assert_eq!((r.width, r.height), (759, 1349));
    assert!(Path::new(&r.path).is_file());

    // Deleting the post never deletes a library picture.
    let before = w.engine.media_library(None).unwrap().len();
    w.engine.delete_post(post.id).unwrap();
    let library = w.engine.media_library(None).unwrap();
    assert_eq!(library.len(), before);
    assert!(library.iter().all(|m| m.used_by.is_empty()));
    assert!(library.iter().any(|m| m.hash == banner_h));
}

#[test]
fn extra_pictures_move_to_a_new_draft() {
    let w = world("Asia/Jakarta", utc(2026, 11, 1, 0, 0));
    let gbp = w.channel("Toko Google", Network::GoogleBusiness);
    let files = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (0..3)
        .map(|i| jpeg(files.path(), &format!("{i}.jpg"), 800 + i * 10, 800))
        .collect();
    let hashes: Vec<String> = w
        .engine
        .import_media(&paths)
        .unwrap()
        .into_iter()
        .map(|r| r.media.unwrap().hash)
        .collect();
    let post = w
        .engine
        .create_post(&input("Tiga foto", PostStatus::Draft, None, &[gbp]))
        .unwrap()
        .post;
    let items: Vec<AttachmentInput> = hashes.iter().map(|h| attach(h, "", (0.5, 0.5))).collect();
    w.engine.set_post_media(post.id, &items).unwrap();
    let checks = w.engine.post_media_checks(post.id).unwrap();
    let p = find(&checks, Network::GoogleBusiness, "too_many_images");
    assert_eq!(p.hash, None);
    let out = w
        .engine
        .apply_media_fix(post.id, None, p.fix.unwrap())
        .unwrap();
    assert_eq!(out.media.len(), 1);
    let new_id = out.new_post_id.unwrap();
    let moved = w.engine.post_media(new_id).unwrap();
    assert_eq!(moved.len(), 2);
    assert_eq!(moved[0].hash, hashes[1]);
    assert_eq!(w.engine.post(new_id).unwrap().targets[0].channel_id, gbp);
    // A duplicate carries the pictures too.
    let copy = w.engine.duplicate_post(new_id).unwrap();
    assert_eq!(w.engine.post_media(copy.id).unwrap().len(), 2);
}

#[test]
fn unknown_pictures_and_bad_ids_are_refused_with_codes() {
    let w = world("Asia/Jakarta", utc(2026, 11, 1, 0, 0));
    let post = w
        .engine
        .create_post(&input("x", PostStatus::Draft, None, &[]))
        .unwrap()
        .post;
    let err = w
        .engine
        .set_post_media(post.id, &[attach("../../etc/passwd", "", (0.5, 0.5))])
        .unwrap_err();
    assert_eq!(err.code(), "media_invalid_id");
    let err = w
        .engine
        .set_post_media(post.id, &[attach(&"ab".repeat(32), "", (0.5, 0.5))])
        .unwrap_err();
    assert_eq!(err.code(), "media_not_found");
    assert!(w.engine.post_thumbnails(&[]).unwrap().is_empty());
}

#[test]
fn pictures_for_posting_by_hand_are_cut_for_each_network_in_a_folder_of_their_own() {
    let w = world("Asia/Jakarta", utc(2026, 11, 1, 0, 0));
    let ig = w.channel("Instagram", Network::Instagram);
    let files = tempfile::tempdir().unwrap();
    let paths = vec![
        jpeg(files.path(), "kue.jpg", 1600, 1200),
        jpeg(files.path(), "roti.jpg", 900, 1600),
    ];
    let hashes: Vec<String> = w
        .engine
        .import_media(&paths)
        .unwrap()
        .into_iter()
        .map(|r| r.media.unwrap().hash)
        .collect();
    let p = w
        .engine
        .create_post(&input("Kue baru", PostStatus::Draft, None, &[ig]))
        .unwrap()
        .post;
    w.engine
        .set_post_media(
            p.id,
            &hashes
                .iter()
                .map(|h| attach(h, "", (0.5, 0.5)))
                .collect::<Vec<_>>(),
        )
        .unwrap();

    let (folder, written) = w.engine.pictures_for_posting(p.id).unwrap();
    assert!(folder.starts_with(w.dir.path()), "inside the data folder");
    assert_eq!(written.len(), 2);
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            format!("{}-1-instagram-instagram_square.jpg", p.id),
            format!("{}-2-instagram-instagram_portrait.jpg", p.id),
        ]
    );

    // One picture taken off: the folder shows only what the post has now.
    w.engine
        .set_post_media(p.id, &[attach(&hashes[0], "", (0.5, 0.5))])
        .unwrap();
    let (_, written) = w.engine.pictures_for_posting(p.id).unwrap();
    assert_eq!(written.len(), 1);
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
}

#[test]
fn an_animated_gif_stays_animated_where_the_network_takes_gifs() {
    let w = world("Asia/Jakarta", utc(2026, 11, 1, 0, 0));
    let x = w.channel("X", Network::X);
    let linkedin = w.channel("LinkedIn", Network::Linkedin);
    let telegram = w.channel("Telegram", Network::Telegram);
    let files = tempfile::tempdir().unwrap();
    let gif = animated_gif(files.path(), "goyang.gif", 160, 90);
    let media = w.engine.import_media(std::slice::from_ref(&gif)).unwrap()[0]
        .media
        .clone()
        .unwrap();
    assert!(media.animated);
    let p = w
        .engine
        .create_post(&input(
            "Diskon!",
            PostStatus::Draft,
            None,
            &[x, linkedin, telegram],
        ))
        .unwrap()
        .post;
    w.engine
        .set_post_media(p.id, &[attach(&media.hash, "", (0.5, 0.5))])
        .unwrap();

    // Only Telegram, which shows pictures still, warns that it will not move.
    let checks = w.engine.post_media_checks(p.id).unwrap();
    assert_eq!(checks.len(), 1, "{checks:#?}");
    let dropped = find(&checks, Network::Telegram, "animation_dropped");
    assert_eq!(dropped.severity, "warning");
    assert!(
        dropped.message.contains("goyang.gif"),
        "{}",
        dropped.message
    );

    let (folder, written) = w.engine.pictures_for_posting(p.id).unwrap();
    assert_eq!(written.len(), 3);
    let original = std::fs::read(&gif).unwrap();
    for network in ["x-x", "linkedin-linkedin"] {
        let path = folder.join(format!("{}-1-{network}.gif", p.id));
        assert_eq!(
            std::fs::read(&path).unwrap(),
            original,
            "{network}: as it is"
        );
    }
    let still = folder.join(format!("{}-1-telegram-mastodon.jpg", p.id));
    let first = image::open(&still).unwrap().to_rgb8();
    assert_eq!(first.dimensions(), (160, 90));
    let [r, g, b] = first.get_pixel(80, 45).0;
    assert!(
        r > 180 && g < 70 && b < 70,
        "the first frame, red: {r},{g},{b}"
    );
    let gif_entry = written.iter().find(|r| r.network == Network::X).unwrap();
    assert_eq!(gif_entry.rendition.byte_size, original.len() as u64);
    assert!(gif_entry.rendition.path.ends_with(".gif"));
}

#[test]
fn the_previews_of_each_network_are_the_renditions_it_gets() {
    let w = world("Asia/Jakarta", utc(2026, 11, 1, 0, 0));
    let table = w.engine.network_presets();
    assert_eq!(table.len(), Network::ALL.len(), "every network, once");
    let of = |n: Network| &table.iter().find(|t| t.network == n).unwrap().presets;
    assert_eq!(
        of(Network::Instagram),
        &[
            PresetName::InstagramPortrait,
            PresetName::InstagramSquare,
            PresetName::InstagramLandscape
        ]
    );
    assert_eq!(of(Network::Bluesky), &[PresetName::Bluesky]);
    assert_eq!(of(Network::Tiktok), &[PresetName::Story]);
    assert!(of(Network::Webhook).is_empty());
    // What a photo is published as is one of the presets its network previews.
    let files = tempfile::tempdir().unwrap();
    let tall = jpeg(files.path(), "tall.jpg", 900, 1200);
    let hash = w.engine.import_media(&[tall]).unwrap()[0]
        .media
        .clone()
        .unwrap()
        .hash;
    let ig = w.channel("IG", Network::Instagram);
    let p = w
        .engine
        .create_post(&input("Baru", PostStatus::Draft, None, &[ig]))
        .unwrap()
        .post;
    w.engine
        .set_post_media(p.id, &[attach(&hash, "", (0.5, 0.5))])
        .unwrap();
    let (_, written) = w.engine.pictures_for_posting(p.id).unwrap();
    assert!(of(Network::Instagram).contains(&written[0].rendition.preset));
}
