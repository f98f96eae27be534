//! Every kind of bad file gets its own code and a message naming it; a
//! batch import goes on past it; and the library is left as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use jadwal_media::{Limits, MediaError, MediaLibrary};
use std::path::Path;

fn library() -> (tempfile::TempDir, MediaLibrary) {
    let dir = tempfile::tempdir().unwrap();
    let lib = MediaLibrary::open(dir.path().join("media")).unwrap();
    (dir, lib)
}

/// Imports `bytes` as `name` and returns the error, checking that it names
/// the file and that nothing entered the library.
fn refused(lib: &MediaLibrary, dir: &Path, name: &str, bytes: &[u8]) -> MediaError {
    let before = files_under(lib.root());
    let err = lib.import(&write(dir, name, bytes)).expect_err(name);
    assert!(
        err.to_string().contains(&format!("“{name}”")),
        "{name}: {err}"
    );
    assert_eq!(err.params().get("file").map(String::as_str), Some(name));
    assert_eq!(
        files_under(lib.root()),
        before,
        "{name} left something in the library"
    );
    err
}

fn a_jpeg() -> Vec<u8> {
    jpeg(&photo(400, 300, 11), 90)
}

#[test]
fn a_text_file_named_jpg_is_not_a_picture() {
    let (dir, lib) = library();
    let err = refused(
        &lib,
        dir.path(),
        "menu.jpg",
        b"Nasi goreng 25.000\nEs teh 5.000\n",
    );
    assert_eq!(err.code(), "media_not_an_image");
}

#[test]
fn an_empty_file_is_refused() {
    let (dir, lib) = library();
    assert_eq!(
        refused(&lib, dir.path(), "empty.png", b"").code(),
        "media_file_empty"
    );
}

#[test]
fn truncated_files_say_they_are_cut_off() {
    let (dir, lib) = library();
    let jpg = a_jpeg();
    let err = refused(&lib, dir.path(), "cut.jpg", &jpg[..jpg.len() / 2]);
    assert_eq!(err.code(), "media_truncated", "{err:?}");
    // Cut inside the headers.
    let err = refused(&lib, dir.path(), "cut-early.jpg", &jpg[..120]);
    assert_eq!(err.code(), "media_truncated", "{err:?}");
    let png_bytes = png(&image::DynamicImage::ImageRgb8(photo(200, 150, 12)));
    let err = refused(
        &lib,
        dir.path(),
        "cut.png",
        &png_bytes[..png_bytes.len() / 2],
    );
    assert_eq!(err.code(), "media_truncated", "{err:?}");
    let gif = animated_gif(64, 64);
    let err = refused(&lib, dir.path(), "cut.gif", &gif[..gif.len() / 3]);
    assert!(
        ["media_truncated", "media_corrupt"].contains(&err.code()),
        "{err}"
    );
    let webp_bytes = webp(64, 64, RED);
    let err = refused(
        &lib,
        dir.path(),
        "cut.webp",
        &webp_bytes[..webp_bytes.len() / 2],
    );
    assert!(
        ["media_truncated", "media_corrupt"].contains(&err.code()),
        "{err}"
    );
}

#[test]
fn damaged_files_say_they_are_damaged() {
    let (dir, lib) = library();
    // Garbage over the compressed data of a JPEG.
    let mut jpg = a_jpeg();
    let n = jpg.len();
    for (i, b) in jpg[n / 3..n - 10].iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(37) | 0x01;
    }
    let err = refused(&lib, dir.path(), "damaged.jpg", &jpg);
    assert!(
        ["media_corrupt", "media_truncated"].contains(&err.code()),
        "{err}"
    );
    // A PNG whose data fails its checksum.
    let mut png_bytes = png(&image::DynamicImage::ImageRgb8(photo(64, 64, 13)));
    let at = png_bytes.len() - 30;
    png_bytes[at] ^= 0xFF;
    assert_eq!(
        refused(&lib, dir.path(), "damaged.png", &png_bytes).code(),
        "media_corrupt"
    );
    // A JPEG start and then nonsense.
    let mut fake = vec![0xFF, 0xD8, 0xFF, 0xE0];
    fake.extend_from_slice(&[0x42; 300]);
    let err = refused(&lib, dir.path(), "fake.jpg", &fake);
    assert!(
        ["media_corrupt", "media_truncated"].contains(&err.code()),
        "{err}"
    );
}

#[test]
fn decompression_bombs_are_refused_before_decoding() {
    let (dir, lib) = library();
    // 20,000 × 20,000 = 400 MP in a file of a few dozen bytes.
    let err = refused(
        &lib,
        dir.path(),
        "bomb.png",
        &png_header_only(20_000, 20_000),
    );
    assert_eq!(err.code(), "media_too_many_pixels");
    assert!(err.to_string().contains("100 megapixels"), "{err}");
    // A JPEG whose header claims 60,000 × 60,000.
    let mut jpg = a_jpeg();
    let sof = jpg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpg[sof + 5..sof + 7].copy_from_slice(&60_000u16.to_be_bytes());
    jpg[sof + 7..sof + 9].copy_from_slice(&60_000u16.to_be_bytes());
    assert_eq!(
        refused(&lib, dir.path(), "bomb.jpg", &jpg).code(),
        "media_too_many_pixels"
    );
}

#[test]
fn the_limits_hold_for_real_pictures_too() {
    let dir = tempfile::tempdir().unwrap();
    let png_bytes = png(&image::DynamicImage::ImageRgb8(photo(1500, 1000, 14)));
    // Fewer pixels allowed than the picture has.
    let lib = MediaLibrary::open(dir.path().join("a"))
        .unwrap()
        .with_limits(Limits {
            max_pixels: 1_000_000,
            ..Limits::default()
        });
    assert_eq!(
        refused(&lib, dir.path(), "big.png", &png_bytes).code(),
        "media_too_many_pixels"
    );
    // Less memory allowed than decoding needs.
    let lib = MediaLibrary::open(dir.path().join("b"))
        .unwrap()
        .with_limits(Limits {
            max_memory: 1_000_000,
            ..Limits::default()
        });
    assert_eq!(
        refused(&lib, dir.path(), "heavy.png", &png_bytes).code(),
        "media_too_much_memory"
    );
    // A file larger than allowed.
    let lib = MediaLibrary::open(dir.path().join("c"))
        .unwrap()
        .with_limits(Limits {
            max_file_bytes: 1000,
            ..Limits::default()
        });
    assert_eq!(
        refused(&lib, dir.path(), "large.png", &png_bytes).code(),
        "media_file_too_large"
    );
    // A JPEG larger than `max_pixels` is decoded smaller instead of refused.
    let jpg = jpeg(&photo(1500, 1000, 15), 85);
    let lib = MediaLibrary::open(dir.path().join("d"))
        .unwrap()
        .with_limits(Limits {
            max_pixels: 1_000_000,
            ..Limits::default()
        });
    let img = lib.import(&write(dir.path(), "scaled.jpg", &jpg)).unwrap();
    assert_eq!((img.width, img.height), (1500, 1000));
}

#[test]
fn absurd_dimensions_are_called_what_they_are() {
    let (dir, lib) = library();
    assert_eq!(
        refused(&lib, dir.path(), "line.png", &png_header_only(60_000, 10)).code(),
        "media_absurd_dimensions"
    );
    assert_eq!(
        refused(
            &lib,
            dir.path(),
            "huge.png",
            &png_header_only(100_000, 100_000)
        )
        .code(),
        "media_absurd_dimensions"
    );
    assert_eq!(
        refused(&lib, dir.path(), "zero.png", &png_header_only(0, 10)).code(),
        "media_corrupt"
    );
}

#[test]
fn heic_gets_a_message_saying_what_to_do() {
    let (dir, lib) = library();
    let mut heic = vec![0, 0, 0, 0x18];
    heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
    heic.extend_from_slice(&[0; 200]);
    let err = refused(&lib, dir.path(), "IMG_0042.HEIC", &heic);
    assert_eq!(err.code(), "media_heic");
    assert!(err.to_string().contains("export it as JPEG"), "{err}");
    let mut avif = vec![0, 0, 0, 0x18];
    avif.extend_from_slice(b"ftypavif\0\0\0\0mif1avif");
    avif.extend_from_slice(&[0; 200]);
    let err = refused(&lib, dir.path(), "photo.avif", &avif);
    assert_eq!(err.code(), "media_unsupported_format");
    assert!(err.to_string().contains("AVIF"));
}

#[test]
fn missing_files_and_folders_are_named() {
    let (dir, lib) = library();
    let gone = dir.path().join("gone.jpg");
    let err = lib.import(&gone).unwrap_err();
    assert_eq!(err.code(), "media_file_missing");
    assert!(err.to_string().contains("“gone.jpg”"));
    let folder = dir.path().join("Holiday.jpg");
    std::fs::create_dir(&folder).unwrap();
    assert_eq!(lib.import(&folder).unwrap_err().code(), "media_not_a_file");
}

#[test]
fn a_batch_goes_on_past_bad_files_and_a_file_that_vanishes_mid_import() {
    let (dir, lib) = library();
    let good = write(dir.path(), "good.jpg", &a_jpeg());
    let text = write(dir.path(), "notes.jpg", b"not a picture");
    let empty = write(dir.path(), "empty.jpg", b"");
    let vanishing = write(
        dir.path(),
        "vanishing.png",
        &png(&image::DynamicImage::ImageRgb8(photo(80, 60, 16))),
    );
    let bomb = write(dir.path(), "bomb.png", &png_header_only(20_000, 20_000));
    let also_good = write(
        dir.path(),
        "also good.png",
        &png(&image::DynamicImage::ImageRgb8(photo(80, 60, 17))),
    );
    let files = vec![good, text, empty, vanishing.clone(), bomb, also_good];

    // One thread, so that the files are taken in order: when the third is
    // done, the fourth is deleted before its turn.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let progress = std::sync::Mutex::new(Vec::new());
    let results = pool.install(|| {
        lib.import_many(&files, |p| {
            progress.lock().unwrap().push((p.done, p.total, p.ok));
            if p.done == 3 {
                std::fs::remove_file(&vanishing).unwrap();
            }
        })
    });
    let codes: Vec<&str> = results
        .iter()
        .map(|r| r.as_ref().map_or_else(|e| e.code(), |_| "ok"))
        .collect();
    assert_eq!(
        codes,
        [
            "ok",
            "media_not_an_image",
            "media_file_empty",
            "media_file_missing",
            "media_too_many_pixels",
            "ok"
        ]
    );
    assert_eq!(
        *progress.lock().unwrap(),
        [
            (1, 6, true),
            (2, 6, false),
            (3, 6, false),
            (4, 6, false),
            (5, 6, false),
            (6, 6, true)
        ]
    );
    // Two originals in the library, nothing half-written.
    assert_eq!(files_under(&lib.root().join("originals")).len(), 2);

    // In parallel too, every file gets its own result in order.
    let files: Vec<_> = files.into_iter().filter(|f| f.exists()).collect();
    let results = lib.import_many(&files, |_| {});
    assert_eq!(results.len(), 5);
    assert!(results[0].as_ref().unwrap().already_in_library);
}

#[test]
fn every_error_code_is_distinct_and_snake_case() {
    let p = std::path::PathBuf::from("x.jpg");
    let io = || std::io::Error::other("x");
    let all = vec![
        MediaError::FileMissing { file: p.clone() },
        MediaError::FileUnreadable {
            file: p.clone(),
            source: io(),
        },
        MediaError::NotAFile { file: p.clone() },
        MediaError::FileChanged { file: p.clone() },
        MediaError::FileEmpty { file: p.clone() },
        MediaError::FileTooLarge {
            file: p.clone(),
            bytes: 1,
            max: 1,
        },
        MediaError::NotAnImage { file: p.clone() },
        MediaError::Heic { file: p.clone() },
        MediaError::UnsupportedFormat {
            file: p.clone(),
            kind: "BMP",
        },
        MediaError::Truncated { file: p.clone() },
        MediaError::Corrupt {
            file: p.clone(),
            detail: "x".into(),
        },
        MediaError::TooManyPixels {
            file: p.clone(),
            width: 1,
            height: 1,
            max_megapixels: 1,
        },
        MediaError::AbsurdDimensions {
            file: p.clone(),
            width: 1,
            height: 1,
        },
        MediaError::TooMuchMemory { file: p.clone() },
        MediaError::CannotFitBytes {
            file: p.clone(),
            max_bytes: 1,
        },
        MediaError::OriginalMissing { file: p.clone() },
        MediaError::InvalidId("x".into()),
        MediaError::DiskFull,
        MediaError::LibraryUnwritable {
            folder: p.clone(),
            source: io(),
        },
        MediaError::Encode {
            file: p.clone(),
            detail: "x".into(),
        },
    ];
    let codes: std::collections::BTreeSet<&str> = all.iter().map(|e| e.code()).collect();
    assert_eq!(codes.len(), all.len());
    for e in &all {
        assert!(
            e.code().chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{}",
            e.code()
        );
        if e.file().is_some() {
            assert!(e.to_string().contains("“x.jpg”"), "{e}");
        }
    }
}
