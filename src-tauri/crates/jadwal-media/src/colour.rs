//! Colour profiles: an original's embedded ICC profile (JPEG APP2, PNG
//! iCCP, WebP ICCP) read, and its pixels converted to sRGB with moxcms when
//! the profile is anything else. The networks show every picture as sRGB,
//! so an iPhone photo in Display P3 or a camera's Adobe RGB JPEG would come
//! out dull or off without this. Renditions carry no profile: untagged
//! means sRGB to every browser and app.
//!
//! Most pictures carry no profile or an sRGB one: they cost a walk over the
//! file's headers and nothing else. A profile that cannot be read or used
//! is logged and the picture rendered as it is, never refused.

use std::borrow::Cow;
use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use image::ImageDecoder;
use moxcms::{ColorProfile, DataColorSpace, Layout, Transform8BitExecutor, TransformOptions};
use rayon::prelude::*;

use crate::format::{self, ImageFormat};
use crate::raster::Rgb8;

/// The largest profile Jadwal reads (real ones are a few KB; a camera's
/// LUT profile may reach a few hundred).
const MAX_PROFILE_BYTES: usize = 4 << 20;

/// Pixels converted per task: enough to keep the scratch buffer small and
/// both cores busy.
const CHUNK_PIXELS: usize = 64 * 1024;

/// A conversion of 8-bit RGB pixels from an original's profile to sRGB.
#[derive(Clone)]
pub(crate) struct ToSrgb(Arc<Transform8BitExecutor>);

impl std::fmt::Debug for ToSrgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ToSrgb")
    }
}

impl ToSrgb {
    /// Converts `rgb` in place, in parallel on the current rayon pool.
    pub(crate) fn apply(&self, rgb: &mut Rgb8) {
        let transform = &self.0;
        rgb.data.par_chunks_mut(CHUNK_PIXELS * 3).for_each(|chunk| {
            let source = chunk.to_vec();
            // Same layout, same length: moxcms refuses nothing here.
            if transform.transform(&source, chunk).is_err() {
                chunk.copy_from_slice(&source);
            }
        });
    }
}

/// The conversion to sRGB that `bytes` (the content of `file`) needs; None
/// when it has no profile, an sRGB one, or one Jadwal cannot use (logged).
pub(crate) fn to_srgb(bytes: &[u8], format: ImageFormat, file: &Path) -> Option<ToSrgb> {
    let icc = embedded_profile(bytes, format)?;
    match conversion(&icc) {
        Ok(conversion) => conversion,
        Err(why) => {
            log::warn!(
                "{}: colour profile not used ({why}); rendered as if it were sRGB",
                file.display()
            );
            None
        }
    }
}

/// The ICC profile embedded in `bytes`, if any.
pub(crate) fn embedded_profile(bytes: &[u8], format: ImageFormat) -> Option<Cow<'_, [u8]>> {
    match format {
        ImageFormat::Jpeg => jpeg_profile(bytes).map(Cow::Owned),
        ImageFormat::Png => png_profile(bytes).map(Cow::Owned),
        ImageFormat::Webp => format::riff_chunks(bytes)
            .find(|(kind, _)| kind == b"ICCP")
            .map(|(_, data)| Cow::Borrowed(data)),
        // GIF has no profile: its colours are sRGB by convention.
        ImageFormat::Gif => None,
    }
}

/// A JPEG's profile: APP2 `ICC_PROFILE` segments, each numbered, joined in
/// their order (a profile over 64 KB takes several).
fn jpeg_profile(bytes: &[u8]) -> Option<Vec<u8>> {
    const TAG: &[u8] = b"ICC_PROFILE\0";
    let mut parts: Vec<(u8, &[u8])> = format::jpeg_segments(bytes)
        .filter(|(marker, body)| *marker == 0xE2 && body.starts_with(TAG))
        .filter_map(|(_, body)| {
            let rest = &body[TAG.len()..];
            Some((*rest.first()?, rest.get(2..)?))
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    parts.sort_by_key(|(number, _)| *number);
    Some(
        parts
            .into_iter()
            .flat_map(|(_, data)| data)
            .copied()
            .collect(),
    )
}

/// A PNG's iCCP profile (zlib-compressed, so read by the png decoder; the
/// decoder is only started when the chunk is there).
fn png_profile(bytes: &[u8]) -> Option<Vec<u8>> {
    let has_iccp = format::png_chunks(bytes)
        .take_while(|(kind, _)| kind != b"IDAT")
        .any(|(kind, _)| kind == *b"iCCP");
    if !has_iccp {
        return None;
    }
    let mut decoder = image::codecs::png::PngDecoder::new(Cursor::new(bytes)).ok()?;
    decoder.icc_profile().ok().flatten()
}

/// The conversion `icc` needs: None when it already is sRGB (converting
/// would change no pixel by more than rounding).
fn conversion(icc: &[u8]) -> Result<Option<ToSrgb>, String> {
    if icc.len() > MAX_PROFILE_BYTES {
        return Err(format!("{} bytes is too large for a profile", icc.len()));
    }
    let profile = ColorProfile::new_from_slice(icc).map_err(|e| format!("unreadable: {e}"))?;
    if profile.color_space != DataColorSpace::Rgb {
        return Err(format!("a {:?} profile, not RGB", profile.color_space));
    }
    let transform = profile
        .create_transform_8bit(
            Layout::Rgb,
            &ColorProfile::new_srgb(),
            Layout::Rgb,
            TransformOptions::default(),
        )
        .map_err(|e| format!("unsupported: {e}"))?;
    if changes_nothing(&transform)? {
        return Ok(None);
    }
    Ok(Some(ToSrgb(transform)))
}

/// Whether a transform leaves every colour of a coarse grid within one
/// step: an sRGB profile by any name (cameras and phones write their own
/// copies of it).
fn changes_nothing(transform: &Arc<Transform8BitExecutor>) -> Result<bool, String> {
    const STEPS: [u8; 6] = [0, 51, 102, 153, 204, 255];
    let grid: Vec<u8> = STEPS
        .iter()
        .flat_map(|&r| STEPS.iter().flat_map(move |&g| STEPS.map(|b| [r, g, b])))
        .flatten()
        .collect();
    let mut out = vec![0u8; grid.len()];
    transform
        .transform(&grid, &mut out)
        .map_err(|e| format!("unusable: {e}"))?;
    Ok(grid.iter().zip(&out).all(|(a, b)| a.abs_diff(*b) <= 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app2(seq: u8, count: u8, data: &[u8]) -> Vec<u8> {
        let mut body = b"ICC_PROFILE\0".to_vec();
        body.extend_from_slice(&[seq, count]);
        body.extend_from_slice(data);
        let len = u16::try_from(body.len() + 2).unwrap();
        let mut seg = vec![0xFF, 0xE2];
        seg.extend_from_slice(&len.to_be_bytes());
        seg.extend_from_slice(&body);
        seg
    }

    #[test]
    fn a_jpeg_profile_in_several_segments_is_joined_in_their_order() {
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend(app2(2, 2, b"world"));
        jpeg.extend(app2(1, 2, b"hello "));
        jpeg.extend([0xFF, 0xDA, 0x00, 0x02]);
        assert_eq!(jpeg_profile(&jpeg).as_deref(), Some(&b"hello world"[..]));
        assert_eq!(jpeg_profile(&[0xFF, 0xD8, 0xFF, 0xD9]), None);
    }

    #[test]
    fn srgb_needs_no_conversion_and_display_p3_does() {
        let srgb = ColorProfile::new_srgb().encode().unwrap();
        assert!(conversion(&srgb).unwrap().is_none());
        let p3 = ColorProfile::new_display_p3().encode().unwrap();
        assert!(conversion(&p3).unwrap().is_some());
        let adobe = ColorProfile::new_adobe_rgb().encode().unwrap();
        assert!(conversion(&adobe).unwrap().is_some());
    }

    #[test]
    fn garbage_is_refused_with_a_reason() {
        let why = conversion(b"not a colour profile at all").unwrap_err();
        assert!(why.contains("unreadable"), "{why}");
    }
}
