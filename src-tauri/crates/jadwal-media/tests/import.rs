//! Importing pictures into the library: what is kept, what is read from
//! them, and that the same bytes are stored once.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use jadwal_media::{FocalPoint, ImageFormat, MediaLibrary, Orientation, Preset};

fn library() -> (tempfile::TempDir, MediaLibrary) {
    let dir = tempfile::tempdir().unwrap();
    let lib = MediaLibrary::open(dir.path().join("media")).unwrap();
    (dir, lib)
}

#[test]
fn an_original_is_kept_byte_for_byte_under_its_sha256() {
    let (dir, lib) = library();
    let bytes = with_exif(&jpeg(&photo(640, 480, 1), 90), 1);
    let src = write(dir.path(), "toko roti.JPG", &bytes);
    let img = lib.import(&src).unwrap();

    let hex = img.hash.as_str();
    assert_eq!(hex.len(), 64);
    assert_eq!(
        img.path,
        dir.path()
            .join("media/originals")
            .join(&hex[..2])
            .join(format!("{hex}.jpg"))
    );
    assert_eq!(
        std::fs::read(&img.path).unwrap(),
        bytes,
        "the original is untouched, EXIF and all"
    );
    assert_eq!(img.format, ImageFormat::Jpeg);
    assert_eq!(img.byte_size, bytes.len() as u64);
    assert_eq!((img.width, img.height), (640, 480));
    assert_eq!(img.original_name, "toko roti.JPG");
    assert!(!img.animated);
    assert!(!img.already_in_library);
    // The thumbnail was made in the same pass.
    assert_eq!((img.thumbnail.width, img.thumbnail.height), (400, 300));
    assert!(img.thumbnail.path.is_file());
    // No temporary file is left behind.
    assert!(
        files_under(&dir.path().join("media"))
            .iter()
            .all(|p| !p.to_string_lossy().contains(".incoming-"))
    );
}

#[test]
fn the_same_bytes_are_stored_once_whatever_their_name() {
    let (dir, lib) = library();
    let bytes = jpeg(&photo(320, 240, 2), 85);
    let a = lib.import(&write(dir.path(), "a.jpg", &bytes)).unwrap();
    let b = lib
        .import(&write(dir.path(), "copy of a.jpeg", &bytes))
        .unwrap();
    assert_eq!(a.hash, b.hash);
    assert_eq!(a.path, b.path);
    assert!(!a.already_in_library);
    assert!(b.already_in_library);
    assert_eq!(b.original_name, "copy of a.jpeg");
    let originals = files_under(&dir.path().join("media/originals"));
    assert_eq!(originals.len(), 1, "{originals:?}");
    // Different bytes, different file.
    let c = lib
        .import(&write(dir.path(), "c.jpg", &jpeg(&photo(320, 240, 3), 85)))
        .unwrap();
    assert_ne!(c.hash, a.hash);
    assert_eq!(files_under(&dir.path().join("media/originals")).len(), 2);
}

#[test]
fn the_format_comes_from_the_content_not_the_name() {
    let (dir, lib) = library();
    let png_bytes = png(&image::DynamicImage::ImageRgb8(photo(100, 80, 4)));
    let img = lib
        .import(&write(dir.path(), "really a png.jpg", &png_bytes))
        .unwrap();
    assert_eq!(img.format, ImageFormat::Png);
    assert!(img.path.to_string_lossy().ends_with(".png"));
}

#[test]
fn width_and_height_are_as_seen_after_exif_orientation_for_all_eight() {
    let (dir, lib) = library();
    let seen = quadrants(96, 64);
    for o in 1..=8u16 {
        let stored = stored_for(&seen, o);
        // The test's own inverse agrees with the `image` crate's viewer.
        let mut check = image::DynamicImage::ImageRgb8(stored.clone());
        check.apply_orientation(image::metadata::Orientation::from_exif(o as u8).unwrap());
        assert_eq!(check.to_rgb8(), seen, "stored_for({o})");

        let bytes = with_exif(&jpeg(&stored, 95), o);
        let img = lib
            .import(&write(dir.path(), &format!("o{o}.jpg"), &bytes))
            .unwrap();
        assert_eq!(img.orientation, Orientation::from_exif(o), "{o}");
        assert_eq!((img.width, img.height), (96, 64), "orientation {o}");

        // The rendition is the right way up: each quadrant where it is seen.
        let r = lib
            .rendition(&img.original(), Preset::Mastodon, FocalPoint::CENTER)
            .unwrap();
        assert_eq!((r.width, r.height), (96, 64));
        let out = decode(&std::fs::read(&r.path).unwrap());
        let q = |x, y| mean(&out, x, y, 32, 16);
        let got = [q(8, 8), q(56, 8), q(8, 40), q(56, 40)];
        for (g, want) in got.iter().zip([RED, GREEN, BLUE, WHITE]) {
            assert!(close(*g, want, 40), "orientation {o}: {got:?}");
        }
    }
}

#[test]
fn every_format_imports_and_animations_are_flagged() {
    let (dir, lib) = library();
    let cases: Vec<(&str, Vec<u8>, ImageFormat, bool)> = vec![
        (
            "still.png",
            png(&image::DynamicImage::ImageRgb8(photo(64, 48, 5))),
            ImageFormat::Png,
            false,
        ),
        (
            "still.gif",
            still_gif(64, 48, GREEN),
            ImageFormat::Gif,
            false,
        ),
        ("still.webp", webp(64, 48, GREEN), ImageFormat::Webp, false),
        ("dance.gif", animated_gif(64, 48), ImageFormat::Gif, true),
        ("dance.png", apng(64, 48), ImageFormat::Png, true),
        ("dance.webp", animated_webp(64, 48), ImageFormat::Webp, true),
    ];
    for (name, bytes, format, animated) in cases {
        let img = lib
            .import(&write(dir.path(), name, &bytes))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            (img.format, img.animated, img.width, img.height),
            (format, animated, 64, 48),
            "{name}"
        );
        if animated {
            // The first frame (red) is what the renditions show.
            let r = lib
                .rendition(&img.original(), Preset::Mastodon, FocalPoint::CENTER)
                .unwrap();
            let out = decode(&std::fs::read(&r.path).unwrap());
            assert!(
                close(mean(&out, 0, 0, 64, 48), RED, 24),
                "{name}: {:?}",
                mean(&out, 0, 0, 64, 48)
            );
        }
    }
}

#[test]
fn sixteen_bit_pngs_become_eight_bit_and_transparency_lands_on_white() {
    let (dir, lib) = library();
    let deep =
        image::ImageBuffer::<image::Rgb<u16>, _>::from_pixel(50, 40, image::Rgb([65535, 32768, 0]));
    let img = lib
        .import(&write(
            dir.path(),
            "deep.png",
            &png(&image::DynamicImage::ImageRgb16(deep)),
        ))
        .unwrap();
    let r = lib
        .rendition(&img.original(), Preset::Mastodon, FocalPoint::CENTER)
        .unwrap();
    let out = decode(&std::fs::read(&r.path).unwrap());
    assert!(
        close(mean(&out, 0, 0, 50, 40), [255, 128, 0], 6),
        "{:?}",
        mean(&out, 0, 0, 50, 40)
    );

    let clear = image::RgbaImage::from_pixel(50, 40, image::Rgba([0, 0, 0, 0]));
    let img = lib
        .import(&write(
            dir.path(),
            "clear.png",
            &png(&image::DynamicImage::ImageRgba8(clear)),
        ))
        .unwrap();
    let r = lib
        .rendition(&img.original(), Preset::Mastodon, FocalPoint::CENTER)
        .unwrap();
    let out = decode(&std::fs::read(&r.path).unwrap());
    assert!(close(mean(&out, 0, 0, 50, 40), WHITE, 3));

    let grey16 = image::ImageBuffer::<image::LumaA<u16>, _>::from_pixel(
        50,
        40,
        image::LumaA([30000, 65535]),
    );
    assert!(
        lib.import(&write(
            dir.path(),
            "grey16.png",
            &png(&image::DynamicImage::ImageLumaA16(grey16))
        ))
        .is_ok()
    );
}

#[test]
fn cmyk_jpegs_are_converted_to_screen_colours() {
    let (dir, lib) = library();
    let img = lib
        .import(&write(
            dir.path(),
            "print.jpg",
            &cmyk_jpeg(64, 64, [200, 40, 40]),
        ))
        .unwrap();
    assert_eq!(
        (img.format, img.width, img.height),
        (ImageFormat::Jpeg, 64, 64)
    );
    let r = lib
        .rendition(&img.original(), Preset::Mastodon, FocalPoint::CENTER)
        .unwrap();
    let out = decode(&std::fs::read(&r.path).unwrap());
    assert!(
        close(mean(&out, 0, 0, 64, 64), [200, 40, 40], 12),
        "{:?}",
        mean(&out, 0, 0, 64, 64)
    );
}

#[test]
fn grey_and_progressive_jpegs_import() {
    let (dir, lib) = library();
    let grey = image::DynamicImage::ImageRgb8(photo(120, 90, 6)).to_luma8();
    let mut grey_jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut grey_jpeg, 90)
        .encode_image(&grey)
        .unwrap();
    assert!(
        lib.import(&write(dir.path(), "grey.jpg", &grey_jpeg))
            .is_ok()
    );

    let rgb = photo(120, 90, 7);
    let mut c = turbojpeg::Compressor::new().unwrap();
    c.set_progressive(true).unwrap();
    let prog = c
        .compress_to_vec(turbojpeg::Image {
            pixels: rgb.as_raw().as_slice(),
            width: 120,
            pitch: 360,
            height: 90,
            format: turbojpeg::PixelFormat::RGB,
        })
        .unwrap();
    assert!(
        lib.import(&write(dir.path(), "progressive.jpg", &prog))
            .is_ok()
    );
}

/// A JPEG with the given chroma subsampling, through libjpeg-turbo.
fn turbo_jpeg(img: &image::RgbImage, subsamp: turbojpeg::Subsamp) -> Vec<u8> {
    let mut c = turbojpeg::Compressor::new().unwrap();
    c.set_quality(95).unwrap();
    c.set_subsamp(subsamp).unwrap();
    c.compress_to_vec(turbojpeg::Image {
        pixels: img.as_raw().as_slice(),
        width: img.width() as usize,
        pitch: img.width() as usize * 3,
        height: img.height() as usize,
        format: turbojpeg::PixelFormat::RGB,
    })
    .unwrap()
}

#[test]
fn odd_sizes_and_every_chroma_layout_come_out_the_right_way_up() {
    // 4:2:0 goes through the planar path, the others through RGB; odd
    // sizes test the half-pixel edges of the chroma planes.
    let (dir, lib) = library();
    let seen = quadrants(301, 199);
    for subsamp in [
        turbojpeg::Subsamp::Sub2x2,
        turbojpeg::Subsamp::None,
        turbojpeg::Subsamp::Sub2x1,
    ] {
        for o in [1u16, 3, 6, 8] {
            let bytes = with_exif(&turbo_jpeg(&stored_for(&seen, o), subsamp), o);
            let img = lib
                .import(&write(
                    dir.path(),
                    &format!("odd-{subsamp:?}-{o}.jpg"),
                    &bytes,
                ))
                .unwrap();
            assert_eq!((img.width, img.height), (301, 199));
            for preset in [Preset::Mastodon, Preset::InstagramSquare, Preset::X] {
                let r = lib
                    .rendition(&img.original(), preset, FocalPoint::CENTER)
                    .unwrap();
                let out = decode(&std::fs::read(&r.path).unwrap());
                assert_eq!(out.dimensions(), (r.width, r.height));
                let (w, h) = out.dimensions();
                let q = |x: u32, y: u32| mean(&out, x, y, w / 5, h / 5);
                let got = [
                    q(w / 10, h / 10),
                    q(w * 7 / 10, h / 10),
                    q(w / 10, h * 7 / 10),
                    q(w * 7 / 10, h * 7 / 10),
                ];
                for (g, want) in got.iter().zip([RED, GREEN, BLUE, WHITE]) {
                    assert!(
                        close(*g, want, 40),
                        "{subsamp:?} orientation {o} {preset}: {got:?}"
                    );
                }
            }
        }
    }
}
