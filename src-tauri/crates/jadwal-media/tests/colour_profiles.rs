//! Colour profiles: a Display P3 picture comes out as the sRGB colours it
//! shows, an sRGB-tagged one is left alone, and a broken profile never
//! stops a picture.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use image::ImageEncoder;
use jadwal_media::{FocalPoint, Limits, Preset, render};
use moxcms::ColorProfile;
use std::path::Path;

/// A saturated red as a phone's Display P3 camera records it: redder than
/// any sRGB red, so it lands on sRGB's edge.
const P3_RED: [u8; 3] = [220, 40, 30];
/// A warm red inside both gamuts: nothing clips.
const P3_BRICK: [u8; 3] = [200, 80, 60];

fn flat(c: [u8; 3]) -> image::RgbImage {
    image::RgbImage::from_pixel(64, 48, image::Rgb(c))
}

fn png_with(img: &image::RgbImage, icc: Option<Vec<u8>>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = image::codecs::png::PngEncoder::new(&mut out);
    if let Some(icc) = icc {
        enc.set_icc_profile(icc).unwrap();
    }
    enc.write_image(
        img,
        img.width(),
        img.height(),
        image::ExtendedColorType::Rgb8,
    )
    .unwrap();
    out
}

fn jpeg_with(img: &image::RgbImage, icc: Option<Vec<u8>>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 100);
    if let Some(icc) = icc {
        enc.set_icc_profile(icc).unwrap();
    }
    enc.write_image(
        img,
        img.width(),
        img.height(),
        image::ExtendedColorType::Rgb8,
    )
    .unwrap();
    out
}

/// The Mastodon rendition (the whole picture, not enlarged) of `bytes`.
fn rendition(bytes: &[u8]) -> Vec<u8> {
    let specs = [Preset::Mastodon.spec()];
    let mut out = render(
        bytes,
        Path::new("test"),
        &specs,
        FocalPoint::CENTER,
        &Limits::default(),
    )
    .unwrap();
    out.pop().unwrap().jpeg
}

fn centre(jpeg: &[u8]) -> [u8; 3] {
    let img = decode(jpeg);
    mean(&img, 16, 12, 32, 24)
}

/// Display P3 to sRGB by the textbook, independent of the library: both
/// use the sRGB curve, and linear light goes through the published
/// P3-to-sRGB matrix (D65); what sRGB cannot show is clipped.
fn textbook_p3_to_srgb(p3: [u8; 3]) -> [u8; 3] {
    const M: [[f64; 3]; 3] = [
        [1.224_940_2, -0.224_940_2, 0.0],
        [-0.042_056_9, 1.042_056_9, 0.0],
        [-0.019_637_6, -0.078_636_0, 1.098_273_6],
    ];
    let linear = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let encoded = |l: f64| {
        let l = l.clamp(0.0, 1.0);
        let c = if l <= 0.003_130_8 {
            l * 12.92
        } else {
            1.055 * l.powf(1.0 / 2.4) - 0.055
        };
        (c * 255.0).round() as u8
    };
    let l = p3.map(linear);
    [0, 1, 2].map(|i| encoded(M[i][0] * l[0] + M[i][1] * l[1] + M[i][2] * l[2]))
}

fn p3() -> Vec<u8> {
    ColorProfile::new_display_p3().encode().unwrap()
}

#[test]
fn a_display_p3_png_comes_out_in_the_srgb_colours_it_shows() {
    for colour in [P3_RED, P3_BRICK] {
        let want = textbook_p3_to_srgb(colour);
        let managed = centre(&rendition(&png_with(&flat(colour), Some(p3()))));
        let naive = centre(&rendition(&png_with(&flat(colour), None)));
        assert!(
            close(managed, want, 4),
            "{colour:?}: {managed:?}, want {want:?}"
        );
        assert!(
            close(naive, colour, 4),
            "untagged stays as it is: {naive:?}"
        );
        assert!(
            managed.iter().zip(naive).any(|(a, b)| a.abs_diff(b) >= 15),
            "{managed:?} vs naive {naive:?}"
        );
    }
}

#[test]
fn a_display_p3_jpeg_comes_out_in_the_srgb_colours_it_shows() {
    let want = textbook_p3_to_srgb(P3_RED);
    let managed = centre(&rendition(&jpeg_with(&flat(P3_RED), Some(p3()))));
    let naive = centre(&rendition(&jpeg_with(&flat(P3_RED), None)));
    assert!(close(managed, want, 5), "{managed:?}, want {want:?}");
    assert!(
        managed.iter().zip(naive).any(|(a, b)| a.abs_diff(b) >= 15),
        "{managed:?} vs naive {naive:?}"
    );
}

#[test]
fn an_srgb_tagged_picture_is_left_exactly_as_it_was() {
    let srgb = ColorProfile::new_srgb().encode().unwrap();
    let img = photo(96, 64, 5);
    assert_eq!(
        rendition(&jpeg_with(&img, Some(srgb.clone()))),
        rendition(&jpeg_with(&img, None))
    );
    assert_eq!(
        rendition(&png_with(&img, Some(srgb))),
        rendition(&png_with(&img, None))
    );
}

#[test]
fn a_broken_profile_renders_the_picture_as_it_is() {
    let img = photo(96, 64, 9);
    let garbage = b"this is not an ICC profile, only words".repeat(20);
    // A header that says ICC but lies about its size and tags.
    let mut lying = p3();
    lying.truncate(200);
    for icc in [garbage, lying] {
        assert_eq!(
            rendition(&jpeg_with(&img, Some(icc.clone()))),
            rendition(&jpeg_with(&img, None))
        );
        assert_eq!(
            rendition(&png_with(&img, Some(icc))),
            rendition(&png_with(&img, None))
        );
    }
}
