//! What a file really is, from its first bytes (never from its name), and the
//! few facts Jadwal reads from the container without decoding pixels: where
//! the EXIF block is and whether the picture moves.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The picture formats Jadwal reads. Renditions are always JPEG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImageFormat {
    Jpeg,
    Png,
    Gif,
    Webp,
}

impl ImageFormat {
    pub const ALL: [ImageFormat; 4] = [
        ImageFormat::Jpeg,
        ImageFormat::Png,
        ImageFormat::Gif,
        ImageFormat::Webp,
    ];

    /// The string form SQLite and the IPC carry.
    pub fn as_str(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "jpeg",
            ImageFormat::Png => "png",
            ImageFormat::Gif => "gif",
            ImageFormat::Webp => "webp",
        }
    }

    /// The extension of the stored original.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Png => "png",
            ImageFormat::Gif => "gif",
            ImageFormat::Webp => "webp",
        }
    }

    pub fn mime_type(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Png => "image/png",
            ImageFormat::Gif => "image/gif",
            ImageFormat::Webp => "image/webp",
        }
    }

    /// The name people know the format by.
    pub fn display_name(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Png => "PNG",
            ImageFormat::Gif => "GIF",
            ImageFormat::Webp => "WebP",
        }
    }
}

impl fmt::Display for ImageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ImageFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ImageFormat::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| format!("“{s}” is not an image format Jadwal knows"))
    }
}

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Image(ImageFormat),
    /// HEIC/HEIF, as iPhones save photos by default.
    Heic,
    /// A picture format Jadwal recognises but does not read, by its usual name.
    Unsupported(&'static str),
    /// Not a picture at all, or nothing Jadwal recognises.
    Unknown,
}

/// Tells the format from the magic bytes at the start of `bytes`.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Sniffed::Image(ImageFormat::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Sniffed::Image(ImageFormat::Png);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Sniffed::Image(ImageFormat::Gif);
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Sniffed::Image(ImageFormat::Webp);
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return sniff_iso_media(bytes);
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        // Also most camera raw files (DNG, NEF, CR2, ARW).
        return Sniffed::Unsupported("TIFF or camera raw");
    }
    if bytes.starts_with(b"BM") && bytes.len() >= 26 {
        return Sniffed::Unsupported("BMP");
    }
    if bytes.starts_with(b"%PDF") {
        return Sniffed::Unsupported("PDF");
    }
    if bytes.starts_with(b"8BPS") {
        return Sniffed::Unsupported("Photoshop");
    }
    if bytes.starts_with(&[0x00, 0x00, 0x00, 0x0C, b'j', b'P', b' ', b' ']) {
        return Sniffed::Unsupported("JPEG 2000");
    }
    if bytes.starts_with(&[0xFF, 0x0A]) {
        return Sniffed::Unsupported("JPEG XL");
    }
    if bytes.starts_with(&[0x00, 0x00, 0x00, 0x0C, b'J', b'X', b'L', b' ']) {
        return Sniffed::Unsupported("JPEG XL");
    }
    Sniffed::Unknown
}

/// ISO base media files (`ftyp` box): HEIC and AVIF, or a video.
fn sniff_iso_media(bytes: &[u8]) -> Sniffed {
    let box_len = usize::try_from(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
        .unwrap_or(0)
        .clamp(12, bytes.len().min(256));
    let major = &bytes[8..12];
    let compatible = bytes.get(16..box_len).unwrap_or(&[]);
    let brands = std::iter::once(major).chain(compatible.chunks_exact(4));
    let mut heif = false;
    for brand in brands {
        match brand {
            b"avif" | b"avis" => return Sniffed::Unsupported("AVIF"),
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" => return Sniffed::Heic,
            b"mif1" | b"msf1" => heif = true,
            _ => {}
        }
    }
    if heif {
        Sniffed::Heic
    } else {
        Sniffed::Unsupported("video")
    }
}

/// The EXIF block (starting at the TIFF header) inside the container, if any.
pub fn exif_block(bytes: &[u8], format: ImageFormat) -> Option<&[u8]> {
    match format {
        ImageFormat::Jpeg => jpeg_exif(bytes),
        ImageFormat::Png => png_chunks(bytes)
            .find(|(kind, _)| kind == b"eXIf")
            .map(|(_, data)| data),
        ImageFormat::Webp => riff_chunks(bytes)
            .find(|(kind, _)| kind == b"EXIF")
            .map(|(_, data)| data.strip_prefix(b"Exif\0\0").unwrap_or(data)),
        ImageFormat::Gif => None,
    }
}

/// The JPEG segments before the image data, as (marker, body), up to the
/// start of scan or the first broken one.
pub(crate) fn jpeg_segments(bytes: &[u8]) -> impl Iterator<Item = (u8, &[u8])> {
    let mut at = 2;
    std::iter::from_fn(move || {
        loop {
            if at + 4 > bytes.len() || bytes[at] != 0xFF {
                return None;
            }
            let marker = bytes[at + 1];
            if marker == 0xFF {
                at += 1; // fill byte
                continue;
            }
            if marker == 0xDA || marker == 0xD9 {
                return None; // start of scan / end of image: no more headers
            }
            let len = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
            let body = bytes.get(at + 4..(at + 2 + len).min(bytes.len()))?;
            at += 2 + len;
            return Some((marker, body));
        }
    })
}

/// A JPEG's APP1 `Exif` segment.
fn jpeg_exif(bytes: &[u8]) -> Option<&[u8]> {
    jpeg_segments(bytes)
        .find(|(marker, body)| *marker == 0xE1 && body.starts_with(b"Exif\0\0"))
        .map(|(_, body)| &body[6..])
}

/// Whether a JPEG carries an Adobe APP14 segment (whose CMYK is stored inverted).
pub(crate) fn jpeg_has_adobe_marker(bytes: &[u8]) -> bool {
    jpeg_segments(bytes).any(|(marker, body)| marker == 0xEE && body.starts_with(b"Adobe"))
}

/// PNG chunks as (type, data), up to the first broken one.
pub(crate) fn png_chunks(bytes: &[u8]) -> impl Iterator<Item = ([u8; 4], &[u8])> {
    let mut at = 8;
    std::iter::from_fn(move || {
        let len =
            usize::try_from(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?)).ok()?;
        let kind: [u8; 4] = bytes.get(at + 4..at + 8)?.try_into().ok()?;
        let data = bytes.get(at + 8..at.checked_add(8)?.checked_add(len)?)?;
        at = at + 12 + len; // length, type, data, CRC
        Some((kind, data))
    })
}

/// RIFF chunks of a WebP file as (fourcc, data).
pub(crate) fn riff_chunks(bytes: &[u8]) -> impl Iterator<Item = ([u8; 4], &[u8])> {
    let mut at = 12;
    std::iter::from_fn(move || {
        let kind: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
        let len = usize::try_from(u32::from_le_bytes(
            bytes.get(at + 4..at + 8)?.try_into().ok()?,
        ))
        .ok()?;
        let data = bytes.get(at + 8..at.checked_add(8)?.checked_add(len)?.min(bytes.len()))?;
        at = at + 8 + len + (len & 1); // chunks are padded to even sizes
        Some((kind, data))
    })
}

/// Whether the picture has more than one frame (animated GIF, APNG, animated WebP).
pub fn is_animated(bytes: &[u8], format: ImageFormat) -> bool {
    match format {
        ImageFormat::Jpeg => false,
        ImageFormat::Png => png_chunks(bytes)
            .take_while(|(kind, _)| kind != b"IDAT")
            .any(|(kind, data)| {
                kind == *b"acTL"
                    && data.len() >= 4
                    && u32::from_be_bytes([data[0], data[1], data[2], data[3]]) > 1
            }),
        ImageFormat::Webp => riff_chunks(bytes).next().is_some_and(|(kind, data)| {
            kind == *b"VP8X" && data.first().is_some_and(|f| f & 0x02 != 0)
        }),
        ImageFormat::Gif => gif_frame_count(bytes, 2) >= 2,
    }
}

/// Counts a GIF's frames (image descriptors), stopping at `stop_at`.
fn gif_frame_count(bytes: &[u8], stop_at: usize) -> usize {
    let Some(&flags) = bytes.get(10) else {
        return 0;
    };
    let mut at = 13;
    if flags & 0x80 != 0 {
        at += 3 << ((flags & 0x07) + 1); // global colour table
    }
    let skip_sub_blocks = |mut at: usize| -> Option<usize> {
        loop {
            let len = usize::from(*bytes.get(at)?);
            at += 1 + len;
            if len == 0 {
                return Some(at);
            }
        }
    };
    let mut frames = 0;
    while frames < stop_at {
        match bytes.get(at) {
            Some(0x21) => match skip_sub_blocks(at + 2) {
                Some(next) => at = next,
                None => break,
            },
            Some(0x2C) => {
                frames += 1;
                let Some(&local) = bytes.get(at + 9) else {
                    break;
                };
                at += 10;
                if local & 0x80 != 0 {
                    at += 3 << ((local & 0x07) + 1);
                }
                match skip_sub_blocks(at + 1) {
                    Some(next) => at = next,
                    None => break,
                }
            }
            _ => break, // trailer or damage
        }
    }
    frames
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes_decide_not_the_name() {
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Sniffed::Image(ImageFormat::Jpeg)
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n...."),
            Sniffed::Image(ImageFormat::Png)
        );
        assert_eq!(sniff(b"GIF89a......"), Sniffed::Image(ImageFormat::Gif));
        assert_eq!(
            sniff(b"RIFF\0\0\0\0WEBPVP8 "),
            Sniffed::Image(ImageFormat::Webp)
        );
        assert_eq!(sniff(b"hello, this is a text file"), Sniffed::Unknown);
        assert_eq!(sniff(b""), Sniffed::Unknown);
        assert_eq!(
            sniff(b"II*\0\x08\0\0\0"),
            Sniffed::Unsupported("TIFF or camera raw")
        );
    }

    #[test]
    fn heic_and_avif_are_told_apart_by_their_brands() {
        let ftyp = |major: &[u8; 4], compat: &[&[u8; 4]]| {
            let len = 16 + 4 * compat.len();
            let mut b = (len as u32).to_be_bytes().to_vec();
            b.extend_from_slice(b"ftyp");
            b.extend_from_slice(major);
            b.extend_from_slice(&[0, 0, 0, 0]);
            for c in compat {
                b.extend_from_slice(*c);
            }
            b
        };
        assert_eq!(sniff(&ftyp(b"heic", &[b"mif1", b"heic"])), Sniffed::Heic);
        assert_eq!(sniff(&ftyp(b"mif1", &[b"mif1", b"heic"])), Sniffed::Heic);
        assert_eq!(
            sniff(&ftyp(b"avif", &[b"mif1", b"avif"])),
            Sniffed::Unsupported("AVIF")
        );
        assert_eq!(
            sniff(&ftyp(b"mif1", &[b"avif"])),
            Sniffed::Unsupported("AVIF")
        );
        assert_eq!(
            sniff(&ftyp(b"isom", &[b"mp41"])),
            Sniffed::Unsupported("video")
        );
    }

    #[test]
    fn finds_the_exif_block_in_a_jpeg() {
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46];
        jpeg.extend_from_slice(&[0xFF, 0xE1, 0x00, 0x0C]);
        jpeg.extend_from_slice(b"Exif\0\0MM\0*");
        jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02]);
        assert_eq!(exif_block(&jpeg, ImageFormat::Jpeg), Some(&b"MM\0*"[..]));
        // A broken length does not read past the end.
        let cut = &jpeg[..14];
        assert_eq!(exif_block(cut, ImageFormat::Jpeg), None);
    }
}
