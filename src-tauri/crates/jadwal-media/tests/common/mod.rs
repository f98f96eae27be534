//! Pictures made in the test: known colours, EXIF written by hand, and the
//! containers the `image` crate does not write (APNG, animated WebP).

#![allow(dead_code)]

use std::io::Cursor;
use std::path::{Path, PathBuf};

pub const RED: [u8; 3] = [255, 0, 0];
pub const GREEN: [u8; 3] = [0, 255, 0];
pub const BLUE: [u8; 3] = [0, 0, 255];
pub const WHITE: [u8; 3] = [255, 255, 255];

/// A picture split in four: red top left, green top right, blue bottom
/// left, white bottom right.
pub fn quadrants(w: u32, h: u32) -> image::RgbImage {
    image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb(match (x < w / 2, y < h / 2) {
            (true, true) => RED,
            (false, true) => GREEN,
            (true, false) => BLUE,
            (false, false) => WHITE,
        })
    })
}

/// Something like a photo: smooth colour, texture and grain (so JPEG sizes
/// are realistic), deterministic.
pub fn photo(w: u32, h: u32, seed: u32) -> image::RgbImage {
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    image::RgbImage::from_fn(w, h, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 32) as f32 - 16.0;
        let (fx, fy) = (x as f32 / w as f32, y as f32 / h as f32);
        let texture = ((x as f32 * 0.35).sin() * (y as f32 * 0.27).cos()) * 24.0;
        let r = 200.0 * fx + 30.0 + texture + noise;
        let g = 180.0 * fy + 40.0 - texture * 0.5 + noise;
        let b = 120.0 + 100.0 * (fx * 6.0 + fy * 4.0).sin() + noise;
        image::Rgb([
            r.clamp(0.0, 255.0) as u8,
            g.clamp(0.0, 255.0) as u8,
            b.clamp(0.0, 255.0) as u8,
        ])
    })
}

/// Pure noise: the heaviest JPEG there is for its size.
pub fn noise(w: u32, h: u32, seed: u32) -> image::RgbImage {
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(7);
    image::RgbImage::from_fn(w, h, |_, _| {
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 8) as u8
        };
        image::Rgb([next(), next(), next()])
    })
}

pub fn jpeg(img: &image::RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(img)
        .unwrap();
    out
}

pub fn png(img: &image::DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// A TIFF block with the orientation and a GPS position, as a phone writes.
pub fn exif_tiff(orientation: u16) -> Vec<u8> {
    let mut t = Vec::new();
    t.extend_from_slice(b"II*\0");
    t.extend_from_slice(&8u32.to_le_bytes());
    // IFD0: orientation, GPS IFD pointer.
    t.extend_from_slice(&2u16.to_le_bytes());
    t.extend_from_slice(&0x0112u16.to_le_bytes());
    t.extend_from_slice(&3u16.to_le_bytes());
    t.extend_from_slice(&1u32.to_le_bytes());
    t.extend_from_slice(&u32::from(orientation).to_le_bytes());
    t.extend_from_slice(&0x8825u16.to_le_bytes());
    t.extend_from_slice(&4u16.to_le_bytes());
    t.extend_from_slice(&1u32.to_le_bytes());
    t.extend_from_slice(&38u32.to_le_bytes()); // GPS IFD right after this one
    t.extend_from_slice(&0u32.to_le_bytes());
    // GPS IFD: latitude ref "S".
    t.extend_from_slice(&1u16.to_le_bytes());
    t.extend_from_slice(&0x0001u16.to_le_bytes());
    t.extend_from_slice(&2u16.to_le_bytes());
    t.extend_from_slice(&2u32.to_le_bytes());
    t.extend_from_slice(b"S\0\0\0");
    t.extend_from_slice(&0u32.to_le_bytes());
    t
}

/// Puts an APP1 EXIF segment right after the JPEG's SOI.
pub fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut body = b"Exif\0\0".to_vec();
    body.extend_from_slice(&exif_tiff(orientation));
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// The stored pixels a camera writes for `seen` with EXIF `orientation`:
/// the inverse of what a viewer does (checked against the `image` crate's
/// own orientation code in the tests).
pub fn stored_for(seen: &image::RgbImage, orientation: u16) -> image::RgbImage {
    use image::imageops::{flip_horizontal, flip_vertical, rotate90, rotate180, rotate270};
    match orientation {
        2 => flip_horizontal(seen),
        3 => rotate180(seen),
        4 => flip_vertical(seen),
        5 => rotate90(&flip_vertical(seen)),
        6 => rotate270(seen),
        7 => rotate90(&flip_horizontal(seen)),
        8 => rotate90(seen),
        _ => seen.clone(),
    }
}

pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
    out
}

/// The chunks of a PNG as (type, data).
pub fn png_chunks(png: &[u8]) -> Vec<([u8; 4], Vec<u8>)> {
    let mut at = 8;
    let mut out = Vec::new();
    while at + 12 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        let kind: [u8; 4] = png[at + 4..at + 8].try_into().unwrap();
        out.push((kind, png[at + 8..at + 8 + len].to_vec()));
        at += 12 + len;
    }
    out
}

/// A PNG header claiming `w`×`h` with almost no data: what a decompression
/// bomb looks like before it goes off.
pub fn png_header_only(w: u32, h: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    out.extend(png_chunk(b"IHDR", &ihdr));
    out.extend(png_chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    out.extend(png_chunk(b"IEND", &[]));
    out
}

/// A two-frame APNG: red, then blue.
pub fn apng(w: u32, h: u32) -> Vec<u8> {
    let frame = |c: [u8; 3]| {
        png(&image::DynamicImage::ImageRgb8(
            image::RgbImage::from_pixel(w, h, image::Rgb(c)),
        ))
    };
    let first = png_chunks(&frame(RED));
    let second = png_chunks(&frame(BLUE));
    let ihdr = &first.iter().find(|(k, _)| k == b"IHDR").unwrap().1;
    let idat: Vec<u8> = first
        .iter()
        .filter(|(k, _)| k == b"IDAT")
        .flat_map(|(_, d)| d.clone())
        .collect();
    let idat2: Vec<u8> = second
        .iter()
        .filter(|(k, _)| k == b"IDAT")
        .flat_map(|(_, d)| d.clone())
        .collect();
    let fctl = |seq: u32| {
        let mut d = seq.to_be_bytes().to_vec();
        d.extend_from_slice(&w.to_be_bytes());
        d.extend_from_slice(&h.to_be_bytes());
        d.extend_from_slice(&[0; 8]); // x, y offsets
        d.extend_from_slice(&[0, 1, 0, 10, 0, 0]); // 1/10 s, no dispose, source blend
        d
    };
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(png_chunk(b"IHDR", ihdr));
    out.extend(png_chunk(b"acTL", &[0, 0, 0, 2, 0, 0, 0, 0]));
    out.extend(png_chunk(b"fcTL", &fctl(0)));
    out.extend(png_chunk(b"IDAT", &idat));
    out.extend(png_chunk(b"fcTL", &fctl(1)));
    let mut fdat = 2u32.to_be_bytes().to_vec();
    fdat.extend_from_slice(&idat2);
    out.extend(png_chunk(b"fdAT", &fdat));
    out.extend(png_chunk(b"IEND", &[]));
    out
}

/// A two-frame GIF: red, then blue.
pub fn animated_gif(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = image::codecs::gif::GifEncoder::new(&mut out);
        for c in [RED, BLUE] {
            let rgba = image::RgbaImage::from_pixel(w, h, image::Rgba([c[0], c[1], c[2], 255]));
            enc.encode_frame(image::Frame::new(rgba)).unwrap();
        }
    }
    out
}

pub fn still_gif(w: u32, h: u32, c: [u8; 3]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = image::codecs::gif::GifEncoder::new(&mut out);
        let rgba = image::RgbaImage::from_pixel(w, h, image::Rgba([c[0], c[1], c[2], 255]));
        enc.encode_frame(image::Frame::new(rgba)).unwrap();
    }
    out
}

/// A lossless WebP of one colour, as the `image` crate writes it.
pub fn webp(w: u32, h: u32, c: [u8; 3]) -> Vec<u8> {
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(w, h, image::Rgb(c)))
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::WebP)
        .unwrap();
    out
}

fn u24(v: u32) -> [u8; 3] {
    let b = v.to_le_bytes();
    [b[0], b[1], b[2]]
}

/// A two-frame animated WebP (red, then blue), built from lossless stills.
pub fn animated_webp(w: u32, h: u32) -> Vec<u8> {
    let vp8l = |c| {
        let still = webp(w, h, c);
        assert_eq!(&still[12..16], b"VP8L");
        let len = u32::from_le_bytes(still[16..20].try_into().unwrap()) as usize;
        still[12..20 + len + (len & 1)].to_vec() // the whole VP8L chunk
    };
    let chunk = |kind: &[u8; 4], data: &[u8]| {
        let mut c = kind.to_vec();
        c.extend_from_slice(&(data.len() as u32).to_le_bytes());
        c.extend_from_slice(data);
        if data.len() % 2 == 1 {
            c.push(0);
        }
        c
    };
    let mut vp8x = vec![0x02, 0, 0, 0]; // animation
    vp8x.extend_from_slice(&u24(w - 1));
    vp8x.extend_from_slice(&u24(h - 1));
    let mut body = b"WEBP".to_vec();
    body.extend(chunk(b"VP8X", &vp8x));
    body.extend(chunk(b"ANIM", &[255, 255, 255, 255, 0, 0]));
    for c in [RED, BLUE] {
        let mut anmf = Vec::new();
        anmf.extend_from_slice(&u24(0));
        anmf.extend_from_slice(&u24(0));
        anmf.extend_from_slice(&u24(w - 1));
        anmf.extend_from_slice(&u24(h - 1));
        anmf.extend_from_slice(&u24(100));
        anmf.push(0);
        anmf.extend(vp8l(c));
        body.extend(chunk(b"ANMF", &anmf));
    }
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend(body);
    out
}

/// A CMYK JPEG (YCCK, with Adobe's marker, inks stored inverted as
/// Photoshop does) of one colour given in RGB.
pub fn cmyk_jpeg(w: u32, h: u32, rgb: [u8; 3]) -> Vec<u8> {
    // Adobe-inverted CMYK with no black: 255 - ink, ink = 255 - channel.
    let px = [rgb[0], rgb[1], rgb[2], 255];
    let pixels: Vec<u8> = (0..w * h).flat_map(|_| px).collect();
    let img = turbojpeg::Image {
        pixels: pixels.as_slice(),
        width: w as usize,
        pitch: w as usize * 4,
        height: h as usize,
        format: turbojpeg::PixelFormat::CMYK,
    };
    let mut c = turbojpeg::Compressor::new().unwrap();
    c.set_quality(95).unwrap();
    c.compress_to_vec(img).unwrap()
}

pub fn decode(bytes: &[u8]) -> image::RgbImage {
    image::load_from_memory(bytes).unwrap().to_rgb8()
}

/// The mean colour of a region (to compare colours through JPEG's loss).
pub fn mean(img: &image::RgbImage, x0: u32, y0: u32, w: u32, h: u32) -> [u8; 3] {
    let mut sum = [0u64; 3];
    for y in y0..y0 + h {
        for x in x0..x0 + w {
            let p = img.get_pixel(x, y).0;
            for c in 0..3 {
                sum[c] += u64::from(p[c]);
            }
        }
    }
    let n = u64::from(w * h);
    [(sum[0] / n) as u8, (sum[1] / n) as u8, (sum[2] / n) as u8]
}

pub fn close(a: [u8; 3], b: [u8; 3], tolerance: u8) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= tolerance)
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Every file under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
