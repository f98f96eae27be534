//! Renditions: every preset's size and shape, the focal point, the cache,
//! no metadata, and the one-click fixes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use jadwal_domain::Network;
use jadwal_media::render::QUALITY_FLOOR;
use jadwal_media::{
    Fix, FocalPoint, ImageFormat, Limits, MediaLibrary, Preset, crop_for, recompress, render,
    validate_post,
};
use std::path::Path;

fn library() -> (tempfile::TempDir, MediaLibrary) {
    let dir = tempfile::tempdir().unwrap();
    let lib = MediaLibrary::open(dir.path().join("media")).unwrap();
    (dir, lib)
}

fn jpeg_quality_tables_mean(jpeg: &[u8]) -> f64 {
    // The mean of the first quantisation table: lower quality, larger steps.
    let at = jpeg.windows(2).position(|w| w == [0xFF, 0xDB]).unwrap();
    let table = &jpeg[at + 5..at + 5 + 64];
    table.iter().map(|&v| f64::from(v)).sum::<f64>() / 64.0
}

#[test]
fn every_preset_renders_at_its_planned_size() {
    // (The exact sizes from a large photo are checked by the plan's unit
    // tests; rendering 12 full-size presets is slow in a debug build.)
    let (dir, lib) = library();
    let seen = photo(900, 700, 21);
    let src = write(
        dir.path(),
        "turned.jpg",
        &with_exif(&jpeg(&stored_for(&seen, 8), 90), 8),
    );
    let img = lib.import(&src).unwrap();
    assert_eq!((img.width, img.height), (900, 700));
    let focal = FocalPoint::new(0.7, 0.2);
    let all = lib
        .renditions(&img.original(), &Preset::ALL, focal)
        .unwrap();
    for (preset, r) in Preset::ALL.iter().zip(&all) {
        let (_, want) = preset.spec().shape.plan(900, 700, focal.quantized());
        assert_eq!((r.width, r.height), want, "{preset}");
        let bytes = std::fs::read(&r.path).unwrap();
        assert_eq!(bytes.len() as u64, r.byte_size);
        assert_eq!(
            jadwal_media::probe(&bytes, &r.path, &Limits::default())
                .unwrap()
                .size(),
            want,
            "{preset}"
        );
        assert!(r.path.starts_with(lib.root().join("renditions")));
    }
}

#[test]
fn small_pictures_are_cut_to_shape_but_never_enlarged() {
    let (dir, lib) = library();
    let img = lib
        .import(&write(
            dir.path(),
            "small.png",
            &png(&image::DynamicImage::ImageRgb8(photo(600, 400, 22))),
        ))
        .unwrap();
    let r = lib
        .rendition(&img.original(), Preset::InstagramSquare, FocalPoint::CENTER)
        .unwrap();
    assert_eq!((r.width, r.height), (400, 400));
    let r = lib
        .rendition(&img.original(), Preset::Story, FocalPoint::CENTER)
        .unwrap();
    assert_eq!((r.width, r.height), (225, 400));
}

#[test]
fn the_crop_keeps_the_focal_point() {
    let (dir, lib) = library();
    // Left half red, right half blue, 2:1.
    let halves = image::RgbImage::from_fn(800, 400, |x, _| {
        image::Rgb(if x < 400 { RED } else { BLUE })
    });
    let img = lib
        .import(&write(
            dir.path(),
            "halves.png",
            &png(&image::DynamicImage::ImageRgb8(halves)),
        ))
        .unwrap();
    let square = |focal| {
        let r = lib
            .rendition(&img.original(), Preset::InstagramSquare, focal)
            .unwrap();
        (r.key.clone(), decode(&std::fs::read(&r.path).unwrap()))
    };
    let (left_key, left) = square(FocalPoint::new(0.1, 0.5));
    assert!(close(mean(&left, 0, 0, 400, 400), RED, 8));
    let (right_key, right) = square(FocalPoint::new(0.95, 0.5));
    assert!(close(mean(&right, 0, 0, 400, 400), BLUE, 8));
    assert_ne!(
        left_key, right_key,
        "moving the focal point makes a new rendition"
    );
    // Centred: half and half.
    let (_, centre) = square(FocalPoint::CENTER);
    assert!(close(mean(&centre, 0, 0, 150, 400), RED, 8));
    assert!(close(mean(&centre, 250, 0, 150, 400), BLUE, 8));
    // The editor draws the same crop.
    let rect = crop_for(Preset::InstagramSquare, 800, 400, FocalPoint::new(0.1, 0.5));
    assert_eq!((rect.x, rect.width), (0, 400));
}

#[test]
fn focal_point_and_crop_follow_the_exif_orientation() {
    let (dir, lib) = library();
    // Seen: 400 wide, 800 tall; top half red, bottom half blue. Stored on
    // its side with orientation 6, as phones do.
    let seen = image::RgbImage::from_fn(400, 800, |_, y| {
        image::Rgb(if y < 400 { RED } else { BLUE })
    });
    let bytes = with_exif(&jpeg(&stored_for(&seen, 6), 92), 6);
    let img = lib
        .import(&write(dir.path(), "upright.jpg", &bytes))
        .unwrap();
    assert_eq!((img.width, img.height), (400, 800));
    let top = lib
        .rendition(
            &img.original(),
            Preset::InstagramSquare,
            FocalPoint::new(0.5, 0.0),
        )
        .unwrap();
    let out = decode(&std::fs::read(&top.path).unwrap());
    assert_eq!(out.dimensions(), (400, 400));
    assert!(
        close(mean(&out, 0, 0, 400, 400), RED, 10),
        "{:?}",
        mean(&out, 0, 0, 400, 400)
    );
    let bottom = lib
        .rendition(
            &img.original(),
            Preset::InstagramSquare,
            FocalPoint::new(0.5, 1.0),
        )
        .unwrap();
    let out = decode(&std::fs::read(&bottom.path).unwrap());
    assert!(close(mean(&out, 0, 0, 400, 400), BLUE, 10));
}

#[test]
fn renditions_carry_no_exif_or_location() {
    let (dir, lib) = library();
    let bytes = with_exif(&jpeg(&photo(1200, 900, 23), 90), 6);
    assert!(contains(&bytes, b"Exif\0\0"));
    let img = lib.import(&write(dir.path(), "gps.jpg", &bytes)).unwrap();
    let mut all = lib
        .renditions(&img.original(), &Preset::ALL, FocalPoint::new(0.3, 0.7))
        .unwrap();
    all.push(img.thumbnail.clone());
    for r in all {
        let out = std::fs::read(&r.path).unwrap();
        assert!(out.starts_with(&[0xFF, 0xD8]));
        assert!(!contains(&out, b"Exif"), "{}", r.key);
        assert!(
            !contains(&out, &[0xFF, 0xE1]),
            "no APP1 segment in {}",
            r.key
        );
        assert!(!contains(&out, b"GPS"), "{}", r.key);
        assert!(!contains(&out, &[0xFF, 0xFE]), "no comment in {}", r.key);
    }
    // And the original still has its EXIF.
    assert_eq!(std::fs::read(&img.path).unwrap(), bytes);
}

#[test]
fn renditions_are_cached_and_rebuilt_when_missing() {
    let (dir, lib) = library();
    let img = lib
        .import(&write(
            dir.path(),
            "c.jpg",
            &jpeg(&photo(1600, 1200, 24), 90),
        ))
        .unwrap();
    let first = lib
        .rendition(&img.original(), Preset::X, FocalPoint::CENTER)
        .unwrap();
    let modified = std::fs::metadata(&first.path).unwrap().modified().unwrap();
    let again = lib
        .rendition(&img.original(), Preset::X, FocalPoint::CENTER)
        .unwrap();
    assert_eq!(first, again);
    assert_eq!(
        std::fs::metadata(&again.path).unwrap().modified().unwrap(),
        modified,
        "not made twice"
    );
    std::fs::remove_file(&first.path).unwrap();
    let rebuilt = lib
        .rendition(&img.original(), Preset::X, FocalPoint::CENTER)
        .unwrap();
    assert_eq!(rebuilt.path, first.path);
    assert!(rebuilt.path.is_file());
    // Deterministic: the same bytes come out.
    assert_eq!(rebuilt.byte_size, first.byte_size);
}

#[test]
fn removing_an_original_removes_its_renditions_only() {
    let (dir, lib) = library();
    let a = lib
        .import(&write(dir.path(), "a.jpg", &jpeg(&photo(800, 600, 25), 90)))
        .unwrap();
    let b = lib
        .import(&write(dir.path(), "b.jpg", &jpeg(&photo(800, 600, 26), 90)))
        .unwrap();
    lib.renditions(
        &a.original(),
        &[Preset::X, Preset::Facebook],
        FocalPoint::CENTER,
    )
    .unwrap();
    let kept = lib
        .rendition(&b.original(), Preset::X, FocalPoint::CENTER)
        .unwrap();
    lib.remove(&a.original()).unwrap();
    assert!(!a.path.exists());
    let left = files_under(&lib.root().join("renditions"));
    assert_eq!(left, {
        let mut v = vec![kept.path.clone(), b.thumbnail.path.clone()];
        v.sort();
        v
    });
    lib.remove(&a.original()).unwrap(); // already gone: fine
    let err = lib
        .rendition(&a.original(), Preset::X, FocalPoint::CENTER)
        .unwrap_err();
    assert_eq!(err.code(), "media_original_missing");
}

#[test]
fn bluesky_recompress_fits_the_limit_without_going_below_the_quality_floor() {
    // Noise is the worst case: a 1600×1600 noise JPEG is megabytes.
    let heavy = jpeg(&noise(1600, 1600, 27), 95);
    assert!(heavy.len() > 2_500_000, "{}", heavy.len());
    let limit = 976_000;
    let out = recompress(&heavy, Path::new("noise.jpg"), limit, &Limits::default()).unwrap();
    assert!(out.jpeg.len() as u64 <= limit, "{}", out.jpeg.len());
    assert!(out.quality >= QUALITY_FLOOR, "{}", out.quality);
    assert!(out.width < 1600, "noise needs a smaller size too");
    assert!(out.width >= 800);
    assert_eq!(out.width, out.height);
    assert!(
        jpeg_quality_tables_mean(&out.jpeg)
            <= jpeg_quality_tables_mean(&turbo_q(QUALITY_FLOOR)) + 0.01
    );

    // A photo only needs a lower quality, at full size.
    let photo_bytes = jpeg(&photo(1600, 1200, 28), 100);
    assert!(photo_bytes.len() as u64 > limit, "{}", photo_bytes.len());
    let out = recompress(
        &photo_bytes,
        Path::new("photo.jpg"),
        limit,
        &Limits::default(),
    )
    .unwrap();
    assert!(out.jpeg.len() as u64 <= limit);
    assert_eq!((out.width, out.height), (1600, 1200));
    assert!(out.quality >= QUALITY_FLOOR && out.quality <= 85);

    // Already light: untouched quality.
    let light = jpeg(&photo(800, 600, 29), 80);
    let out = recompress(&light, Path::new("light.jpg"), limit, &Limits::default()).unwrap();
    assert_eq!(out.quality, 85);

    // Impossible without ruining it: refused, naming the file.
    let err = recompress(&heavy, Path::new("noise.jpg"), 20_000, &Limits::default()).unwrap_err();
    assert_eq!(err.code(), "media_cannot_fit_bytes");
    assert!(err.to_string().contains("“noise.jpg”"));
}

/// A JPEG at quality `q`, to compare quantisation tables with.
fn turbo_q(q: u8) -> Vec<u8> {
    let px = vec![128u8; 16 * 16 * 3];
    let mut c = turbojpeg::Compressor::new().unwrap();
    c.set_quality(i32::from(q)).unwrap();
    c.compress_to_vec(turbojpeg::Image {
        pixels: px.as_slice(),
        width: 16,
        pitch: 48,
        height: 16,
        format: turbojpeg::PixelFormat::RGB,
    })
    .unwrap()
}

#[test]
fn the_bluesky_rendition_is_always_under_the_limit() {
    let (dir, lib) = library();
    let img = lib
        .import(&write(
            dir.path(),
            "noise.png",
            &png(&image::DynamicImage::ImageRgb8(noise(1400, 1050, 30))),
        ))
        .unwrap();
    let r = lib
        .rendition(&img.original(), Preset::Bluesky, FocalPoint::CENTER)
        .unwrap();
    assert!(r.byte_size <= 976_000, "{}", r.byte_size);
    let problems = validate_post(&[r.facts("noise.png")], Network::Bluesky);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn one_click_fixes_make_what_the_check_asked_for() {
    let (dir, lib) = library();
    // A wide PNG for Instagram: wrong format and wrong shape.
    let wide = png(&image::DynamicImage::ImageRgb8(photo(3000, 1000, 31)));
    let img = lib.import(&write(dir.path(), "banner.png", &wide)).unwrap();
    let problems = validate_post(&[img.facts()], Network::Instagram);
    assert_eq!(problems.len(), 2);
    for p in &problems {
        let fixed = lib
            .apply_fix(&img.original(), p.fix.as_ref().unwrap(), FocalPoint::CENTER)
            .unwrap()
            .unwrap();
        let bytes = std::fs::read(&fixed.path).unwrap();
        assert!(bytes.starts_with(&[0xFF, 0xD8]), "JPEG out");
        if let Some(Fix::UseRendition { preset }) = p.fix {
            assert_eq!(preset, Preset::InstagramLandscape);
            assert_eq!((fixed.width, fixed.height), (1080, 566));
            assert!(validate_post(&[fixed.facts("banner.png")], Network::Instagram).is_empty());
        } else {
            assert_eq!(
                (fixed.width, fixed.height),
                (3000, 1000),
                "converted, same size"
            );
        }
    }
    // Too heavy for Bluesky: the fix fits.
    let heavy = lib
        .import(&write(
            dir.path(),
            "heavy.jpg",
            &jpeg(&noise(1200, 1200, 32), 95),
        ))
        .unwrap();
    let problems = validate_post(&[heavy.facts()], Network::Bluesky);
    assert_eq!(
        problems[0].fix,
        Some(Fix::Recompress { max_bytes: 976_000 })
    );
    let fixed = lib
        .apply_fix(
            &heavy.original(),
            problems[0].fix.as_ref().unwrap(),
            FocalPoint::CENTER,
        )
        .unwrap()
        .unwrap();
    assert!(fixed.byte_size <= 976_000);
    assert!(validate_post(&[fixed.facts("heavy.jpg")], Network::Bluesky).is_empty());
    // Moving pictures to a second post is the engine's to do.
    assert_eq!(
        lib.apply_fix(
            &heavy.original(),
            &Fix::MoveToNewPost { keep: 4 },
            FocalPoint::CENTER
        )
        .unwrap(),
        None
    );
}

#[test]
fn render_works_on_bytes_in_memory_with_one_decode() {
    let bytes = jpeg(&photo(1000, 750, 33), 90);
    let specs: Vec<_> = Preset::CROPPED.iter().map(|p| p.spec()).collect();
    let out = render(
        &bytes,
        Path::new("mem.jpg"),
        &specs,
        FocalPoint::new(0.4, 0.6),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(out.len(), 8);
    for (p, r) in Preset::CROPPED.iter().zip(&out) {
        assert_eq!(r.crop, crop_for(*p, 1000, 750, FocalPoint::new(0.4, 0.6)));
        assert_eq!(r.quality, 85);
        assert_eq!(decode(&r.jpeg).dimensions(), (r.width, r.height));
    }
    assert_eq!(
        jadwal_media::probe(&out[0].jpeg, Path::new("x"), &Limits::default())
            .unwrap()
            .format,
        ImageFormat::Jpeg
    );
}
