//! Generated pictures for tests: real JPEG and PNG files on disk.

use image::{ImageBuffer, Rgb};
use jadwal_engine::dto::AttachmentInput;
use std::path::{Path, PathBuf};

/// A smooth picture with a little grain, so that it compresses like a photo.
pub fn photo(w: u32, h: u32) -> ImageBuffer<Rgb<u8>, Vec<u8>> {
    let mut seed: u32 = 7;
    ImageBuffer::from_fn(w, h, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let grain = ((seed >> 16) % 24) as u8;
        Rgb([
            ((x * 200 / w) as u8).saturating_add(grain),
            ((y * 200 / h) as u8).saturating_add(grain),
            120u8.saturating_add(grain),
        ])
    })
}

pub fn jpeg(dir: &Path, name: &str, w: u32, h: u32) -> PathBuf {
    let path = dir.join(name);
    photo(w, h)
        .save_with_format(&path, image::ImageFormat::Jpeg)
        .unwrap();
    path
}

pub fn png(dir: &Path, name: &str, w: u32, h: u32) -> PathBuf {
    let path = dir.join(name);
    photo(w, h)
        .save_with_format(&path, image::ImageFormat::Png)
        .unwrap();
    path
}

/// A two-frame GIF (red, then blue): a picture that moves.
pub fn animated_gif(dir: &Path, name: &str, w: u32, h: u32) -> PathBuf {
    let path = dir.join(name);
    let file = std::fs::File::create(&path).unwrap();
    let mut encoder = image::codecs::gif::GifEncoder::new(file);
    for colour in [[220, 30, 30, 255], [30, 30, 220, 255]] {
        let frame = image::RgbaImage::from_pixel(w, h, image::Rgba(colour));
        encoder.encode_frame(image::Frame::new(frame)).unwrap();
    }
    path
}

/// A PNG's bytes, for a fake server to answer with.
pub fn png_bytes(w: u32, h: u32) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    photo(w, h)
        .write_to(&mut out, image::ImageFormat::Png)
        .unwrap();
    out.into_inner()
}

pub fn attach(hash: &str, alt: &str, focal: (f32, f32)) -> AttachmentInput {
    AttachmentInput {
        hash: hash.into(),
        alt: alt.into(),
        focal_x: focal.0,
        focal_y: focal.1,
    }
}
