//! Reading pixels safely: the header first, limits before any allocation,
//! JPEG through libjpeg-turbo at the smallest scale the renditions allow
//! (1/8, 1/4, 1/2 or 1), everything else through the `image` crate.

use std::io::Cursor;
use std::path::Path;

use crate::error::{MediaError, Result};
use crate::format::{self, ImageFormat, Sniffed};
use crate::orientation::{self, Orientation};
use crate::raster::{Plane, Rgb8};

/// What Jadwal agrees to open. The defaults fit phone photos, camera
/// photos up to 200 MP and screenshots, and refuse decompression bombs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file Jadwal reads.
    pub max_file_bytes: u64,
    /// The most pixels decoded at once (after JPEG's scaled decoding).
    pub max_pixels: u64,
    /// The most pixels a JPEG may declare: bigger ones are only ever
    /// decoded at 1/2, 1/4 or 1/8 scale, so they still fit `max_pixels`.
    pub max_jpeg_pixels: u64,
    /// The longest side any real picture has.
    pub max_side: u32,
    /// Longest side over shortest side: 100 is a very long panorama.
    pub max_aspect: u32,
    /// What a decoder may allocate for one picture, in bytes.
    pub max_memory: u64,
    /// Progressive JPEG scans allowed (a guard against slow-decoding files).
    pub max_jpeg_scans: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 200_000_000,
            max_pixels: 100_000_000,
            max_jpeg_pixels: 200_000_000,
            max_side: 65_000,
            max_aspect: 100,
            max_memory: 1 << 30,
            max_jpeg_scans: 500,
        }
    }
}

/// What the header says, read without decoding pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    pub format: ImageFormat,
    /// The stored size (before orientation).
    pub stored_width: u32,
    pub stored_height: u32,
    pub orientation: Orientation,
    pub animated: bool,
}

impl Probe {
    /// The size as seen, after EXIF orientation.
    pub fn size(&self) -> (u32, u32) {
        self.orientation
            .oriented_size(self.stored_width, self.stored_height)
    }
}

/// Reads the format, size, orientation and animation of `bytes` (the content
/// of `file`) and checks them against `limits`.
pub fn probe(bytes: &[u8], file: &Path, limits: &Limits) -> Result<Probe> {
    let file_buf = || file.to_path_buf();
    if bytes.is_empty() {
        return Err(MediaError::FileEmpty { file: file_buf() });
    }
    let format = match format::sniff(bytes) {
        Sniffed::Image(f) => f,
        Sniffed::Heic => return Err(MediaError::Heic { file: file_buf() }),
        Sniffed::Unsupported(kind) => {
            return Err(MediaError::UnsupportedFormat {
                file: file_buf(),
                kind,
            });
        }
        Sniffed::Unknown => return Err(MediaError::NotAnImage { file: file_buf() }),
    };
    let (width, height) = match format {
        ImageFormat::Jpeg => {
            let header = turbojpeg::read_header(bytes).map_err(|e| jpeg_error(bytes, file, &e))?;
            (
                u32::try_from(header.width).unwrap_or(u32::MAX),
                u32::try_from(header.height).unwrap_or(u32::MAX),
            )
        }
        _ => image::ImageReader::with_format(Cursor::new(bytes), to_image_format(format))
            .into_dimensions()
            .map_err(|e| image_error(file, e))?,
    };
    if width == 0 || height == 0 {
        return Err(MediaError::Corrupt {
            file: file_buf(),
            detail: format!("it says it is {width}×{height} pixels"),
        });
    }
    let (long, short) = (width.max(height), width.min(height));
    if long > limits.max_side || u64::from(long) > u64::from(short) * u64::from(limits.max_aspect) {
        return Err(MediaError::AbsurdDimensions {
            file: file_buf(),
            width,
            height,
        });
    }
    let cap = match format {
        ImageFormat::Jpeg => limits.max_jpeg_pixels,
        _ => limits.max_pixels,
    };
    if u64::from(width) * u64::from(height) > cap {
        return Err(MediaError::TooManyPixels {
            file: file_buf(),
            width,
            height,
            max_megapixels: cap / 1_000_000,
        });
    }
    let orientation =
        format::exif_block(bytes, format).map_or(Orientation::Normal, orientation::from_exif_block);
    Ok(Probe {
        format,
        stored_width: width,
        stored_height: height,
        orientation,
        animated: format::is_animated(bytes, format),
    })
}

/// The JPEG scale (1/`denominator`) to decode at so that every part of the
/// picture keeps at least `min_fraction` of its pixels in each direction.
pub fn jpeg_denominator(min_fraction: f64) -> usize {
    [8, 4, 2]
        .into_iter()
        .find(|&d| 1.0 / d as f64 >= min_fraction)
        .unwrap_or(1)
}

/// Decodes the stored pixels (not yet oriented; the first frame of an
/// animation), at a scale of at least `min_fraction` where the format allows
/// decoding smaller (JPEG), flattening transparency onto white.
pub fn decode(
    bytes: &[u8],
    probe: &Probe,
    file: &Path,
    limits: &Limits,
    min_fraction: f64,
) -> Result<Rgb8> {
    match probe.format {
        ImageFormat::Jpeg => decode_jpeg(bytes, probe, file, limits, min_fraction),
        other => decode_other(bytes, other, file, limits),
    }
}

/// A decompressor set to the scale to decode at, with the header.
fn jpeg_decompressor(
    bytes: &[u8],
    probe: &Probe,
    file: &Path,
    limits: &Limits,
    min_fraction: f64,
) -> Result<(
    turbojpeg::Decompressor,
    turbojpeg::DecompressHeader,
    turbojpeg::ScalingFactor,
)> {
    let err = |e: turbojpeg::Error| jpeg_error(bytes, file, &e);
    let mut decompressor = turbojpeg::Decompressor::new().map_err(err)?;
    let header = decompressor.read_header(bytes).map_err(err)?;
    let mut denominator = if header.is_lossless {
        1
    } else {
        jpeg_denominator(min_fraction)
    };
    // Bigger than `max_pixels` at this scale: decode smaller still.
    let pixels_at =
        |d: usize| (header.width.div_ceil(d) as u64) * (header.height.div_ceil(d) as u64);
    while pixels_at(denominator) > limits.max_pixels && denominator < 8 && !header.is_lossless {
        denominator *= 2;
    }
    if pixels_at(denominator) > limits.max_pixels {
        return Err(MediaError::TooManyPixels {
            file: file.to_path_buf(),
            width: probe.stored_width,
            height: probe.stored_height,
            max_megapixels: limits.max_pixels / 1_000_000,
        });
    }
    let scaling = turbojpeg::ScalingFactor::new(1, denominator);
    decompressor.set_scaling_factor(scaling).map_err(err)?;
    decompressor
        .set_scan_limit(limits.max_jpeg_scans)
        .map_err(err)?;
    Ok((decompressor, header, scaling))
}

/// Y, Cb and Cr planes, and the size of the decoded picture.
pub type YuvDecode = ([Plane; 3], (u32, u32));

/// A JPEG's own luma and chroma planes, for the common 4:2:0 YCbCr JPEG
/// (every phone and camera photo): no colour conversion and no chroma
/// upsampling, which renditions would undo anyway. Returns the planes (Y
/// padded to even sizes, as libjpeg-turbo lays them out) and the decoded
/// size; None for every other kind of JPEG, which decodes to RGB.
pub fn decode_jpeg_yuv420(
    bytes: &[u8],
    probe: &Probe,
    file: &Path,
    limits: &Limits,
    min_fraction: f64,
) -> Result<Option<YuvDecode>> {
    if probe.format != ImageFormat::Jpeg {
        return Ok(None);
    }
    let header = turbojpeg::read_header(bytes).map_err(|e| jpeg_error(bytes, file, &e))?;
    if header.subsamp != turbojpeg::Subsamp::Sub2x2
        || header.colorspace != turbojpeg::Colorspace::YCbCr
        || header.is_lossless
    {
        return Ok(None);
    }
    let (mut decompressor, header, scaling) =
        jpeg_decompressor(bytes, probe, file, limits, min_fraction)?;
    let scaled = header.scaled(scaling);
    let err = |e: turbojpeg::Error| jpeg_error(bytes, file, &e);
    let len =
        turbojpeg::yuv_pixels_len(scaled.width, 1, scaled.height, header.subsamp).map_err(err)?;
    let mut yuv = turbojpeg::YuvImage {
        pixels: vec![0u8; len],
        width: scaled.width,
        align: 1,
        height: scaled.height,
        subsamp: header.subsamp,
    };
    if let Err(e) = decompressor.decompress_to_yuv(bytes, yuv.as_deref_mut())
        && let Some(refusal) = jpeg_refusal(bytes, file, &e)
    {
        return Err(refusal);
    }
    let (yw, yh) = yuv.y_size();
    let (cw, ch) = yuv.uv_size();
    let mut pixels = yuv.pixels;
    let v = pixels.split_off(yw * yh + cw * ch);
    let u = pixels.split_off(yw * yh);
    let plane = |w: usize, h: usize, data: Vec<u8>| Plane {
        width: w as u32,
        height: h as u32,
        channels: 1,
        data,
    };
    Ok(Some((
        [plane(yw, yh, pixels), plane(cw, ch, u), plane(cw, ch, v)],
        (scaled.width as u32, scaled.height as u32),
    )))
}

fn decode_jpeg(
    bytes: &[u8],
    probe: &Probe,
    file: &Path,
    limits: &Limits,
    min_fraction: f64,
) -> Result<Rgb8> {
    let (mut decompressor, header, scaling) =
        jpeg_decompressor(bytes, probe, file, limits, min_fraction)?;
    let scaled = header.scaled(scaling);
    let cmyk = matches!(
        header.colorspace,
        turbojpeg::Colorspace::CMYK | turbojpeg::Colorspace::YCCK
    );
    let format = if cmyk {
        turbojpeg::PixelFormat::CMYK
    } else {
        turbojpeg::PixelFormat::RGB
    };
    let mut image = turbojpeg::Image {
        pixels: vec![0u8; scaled.width * scaled.height * format.size()],
        width: scaled.width,
        pitch: scaled.width * format.size(),
        height: scaled.height,
        format,
    };
    if let Err(e) = decompressor.decompress(bytes, image.as_deref_mut()) {
        // libjpeg's warnings come back as errors with the pixels complete:
        // only those that show in the picture refuse it.
        if let Some(refusal) = jpeg_refusal(bytes, file, &e) {
            return Err(refusal);
        }
    }
    let data = if cmyk {
        cmyk_to_rgb(&image.pixels, format::jpeg_has_adobe_marker(bytes))
    } else {
        image.pixels
    };
    Ok(Rgb8 {
        width: scaled.width as u32,
        height: scaled.height as u32,
        data,
    })
}

/// Print CMYK to screen RGB, the way browsers and Photoshop's files expect
/// it (Adobe's files store the inks inverted). No colour profile: close
/// enough to preview and post; a printer's exact colours need their profile.
fn cmyk_to_rgb(cmyk: &[u8], adobe_inverted: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(cmyk.len() / 4 * 3);
    for px in cmyk.chunks_exact(4) {
        let [c, m, y, k] = if adobe_inverted {
            [px[0], px[1], px[2], px[3]]
        } else {
            [255 - px[0], 255 - px[1], 255 - px[2], 255 - px[3]]
        };
        // Now 255 means "no ink".
        let mix = |v: u8| ((u16::from(v) * u16::from(k) + 127) / 255) as u8;
        out.extend_from_slice(&[mix(c), mix(m), mix(y)]);
    }
    out
}

/// Which libjpeg messages refuse a picture. None: a harmless warning.
fn jpeg_refusal(bytes: &[u8], file: &Path, e: &turbojpeg::Error) -> Option<MediaError> {
    let turbojpeg::Error::TurboJpegError(message) = e else {
        return Some(jpeg_error(bytes, file, e));
    };
    let harmless =
        message.contains("extraneous bytes before marker") || message.starts_with("Warning:");
    (!harmless).then(|| jpeg_error(bytes, file, e))
}

/// A libjpeg-turbo error as the variant a person can act on.
fn jpeg_error(bytes: &[u8], file: &Path, e: &turbojpeg::Error) -> MediaError {
    let message = e.to_string();
    // A JPEG ends with its end-of-image marker (FF D9); one that does not,
    // and fails, was cut off (the usual case: an interrupted copy).
    let ends_properly = bytes
        .iter()
        .rposition(|&b| b != 0)
        .is_some_and(|last| last >= 1 && bytes[last - 1..=last] == [0xFF, 0xD9]);
    if message.contains("Premature end")
        || message.contains("premature end")
        || message.contains("no image")
        || !ends_properly
    {
        return MediaError::Truncated {
            file: file.to_path_buf(),
        };
    }
    if message.contains("memory") {
        return MediaError::TooMuchMemory {
            file: file.to_path_buf(),
        };
    }
    let detail = match e {
        turbojpeg::Error::TurboJpegError(m) => m.clone(),
        other => other.to_string(),
    };
    MediaError::Corrupt {
        file: file.to_path_buf(),
        detail,
    }
}

fn to_image_format(format: ImageFormat) -> image::ImageFormat {
    match format {
        ImageFormat::Jpeg => image::ImageFormat::Jpeg,
        ImageFormat::Png => image::ImageFormat::Png,
        ImageFormat::Gif => image::ImageFormat::Gif,
        ImageFormat::Webp => image::ImageFormat::WebP,
    }
}

fn decode_other(bytes: &[u8], format: ImageFormat, file: &Path, limits: &Limits) -> Result<Rgb8> {
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), to_image_format(format));
    let mut image_limits = image::Limits::default();
    image_limits.max_image_width = Some(limits.max_side);
    image_limits.max_image_height = Some(limits.max_side);
    image_limits.max_alloc = Some(limits.max_memory);
    reader.limits(image_limits);
    let decoded = reader.decode().map_err(|e| image_error(file, e))?;
    let rgb = match decoded {
        image::DynamicImage::ImageRgb8(rgb) => rgb,
        other if other.color().has_alpha() => flatten_on_white(&other.into_rgba8()),
        // 16-bit and grey pictures become 8-bit RGB here.
        other => other.into_rgb8(),
    };
    let (width, height) = rgb.dimensions();
    Ok(Rgb8 {
        width,
        height,
        data: rgb.into_raw(),
    })
}

/// Transparent pixels over a white page (JPEG has no transparency).
fn flatten_on_white(rgba: &image::RgbaImage) -> image::RgbImage {
    let (w, h) = rgba.dimensions();
    let mut out = Vec::with_capacity(w as usize * h as usize * 3);
    for px in rgba.as_raw().chunks_exact(4) {
        let a = u16::from(px[3]);
        for &c in &px[..3] {
            out.push(((u16::from(c) * a + 255 * (255 - a) + 127) / 255) as u8);
        }
    }
    image::RgbImage::from_raw(w, h, out).unwrap_or_default()
}

/// An `image` crate error as the variant a person can act on.
fn image_error(file: &Path, e: image::ImageError) -> MediaError {
    let file = file.to_path_buf();
    match e {
        image::ImageError::Limits(_) => MediaError::TooMuchMemory { file },
        image::ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            MediaError::Truncated { file }
        }
        other => {
            let detail = other.to_string();
            let lower = detail.to_lowercase();
            if lower.contains("eof")
                || lower.contains("end of file")
                || lower.contains("truncated")
                || lower.contains("no more data")
                || lower.contains("unexpected end")
            {
                MediaError::Truncated { file }
            } else {
                MediaError::Corrupt { file, detail }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jpeg_scale_is_the_smallest_that_keeps_enough_pixels() {
        assert_eq!(jpeg_denominator(0.1), 8);
        assert_eq!(jpeg_denominator(0.125), 8);
        assert_eq!(jpeg_denominator(0.13), 4);
        assert_eq!(jpeg_denominator(0.25), 4);
        assert_eq!(jpeg_denominator(0.45), 2);
        assert_eq!(jpeg_denominator(0.5), 2);
        assert_eq!(jpeg_denominator(0.64), 1);
        assert_eq!(jpeg_denominator(1.0), 1);
        assert_eq!(jpeg_denominator(3.0), 1);
    }

    #[test]
    fn cmyk_becomes_rgb_with_adobe_inversion() {
        // Adobe: 255 = no ink. Red is no cyan, full magenta and yellow, no black.
        assert_eq!(cmyk_to_rgb(&[255, 0, 0, 255], true), vec![255, 0, 0]);
        // Not inverted: 0 = no ink.
        assert_eq!(cmyk_to_rgb(&[0, 255, 255, 0], false), vec![255, 0, 0]);
        // Full black ink is black whatever else.
        assert_eq!(cmyk_to_rgb(&[255, 255, 255, 0], true), vec![0, 0, 0]);
    }

    #[test]
    fn transparency_lands_on_white() {
        let rgba = image::RgbaImage::from_raw(2, 1, vec![0, 0, 0, 0, 10, 20, 30, 255]).unwrap();
        assert_eq!(
            flatten_on_white(&rgba).into_raw(),
            vec![255, 255, 255, 10, 20, 30]
        );
    }
}
