//! Making renditions: decode once (a JPEG at the smallest 1/8, 1/4, 1/2 or
//! 1 scale the renditions allow, and as its own 4:2:0 planes when it is the
//! usual YCbCr 4:2:0), halve once more for the renditions that shrink by 2×
//! or more, cut every preset's area around the focal point, scale it with a
//! SIMD resampler (Lanczos3), turn it the right way up, and encode JPEG with
//! libjpeg-turbo. Pictures with a colour profile other than sRGB are
//! converted to sRGB first (`colour`). Nothing of the original's metadata
//! (EXIF, GPS, XMP, comments, colour profiles) is carried over.

use fast_image_resize as fir;
use rayon::prelude::*;
use std::path::Path;

use crate::colour;
use crate::crop::FocalPoint;
use crate::decode::{self, Limits, Probe};
use crate::error::{MediaError, Result};
use crate::orientation::Orientation;
use crate::preset::{DEFAULT_QUALITY, RenditionSpec, Shape};
use crate::raster::{Plane, Rect, Rgb8};
use crate::resample::{self, RowQuads};
use crate::ycbcr;

/// The lowest JPEG quality Jadwal goes to when a rendition must fit a byte
/// limit: below it, skies band and faces smear.
pub const QUALITY_FLOOR: u8 = 60;

/// The smallest longest side Jadwal shrinks a picture to when it must fit a
/// byte limit: smaller looks blurred on a phone held upright.
pub const MIN_SIDE_UNDER_LIMIT: u32 = 800;

/// How the quality steps down when a rendition is over its byte limit.
const QUALITY_STEP: u8 = 5;

/// One rendition, encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub width: u32,
    pub height: u32,
    /// The JPEG quality it was encoded at (lower than asked when it had to
    /// fit a byte limit).
    pub quality: u8,
    /// The area of the oriented original it shows.
    pub crop: Rect,
    /// The JPEG file.
    pub jpeg: Vec<u8>,
}

/// Makes every spec's rendition of `bytes` (the content of `file`, named in
/// errors) with one decode, in parallel on the current rayon pool. Call it
/// from a blocking thread, never from an async task.
pub fn render(
    bytes: &[u8],
    file: &Path,
    specs: &[RenditionSpec],
    focal: FocalPoint,
    limits: &Limits,
) -> Result<Vec<Rendered>> {
    let probe = decode::probe(bytes, file, limits)?;
    render_probed(bytes, &probe, file, specs, focal, limits)
}

pub(crate) fn render_probed(
    bytes: &[u8],
    probe: &Probe,
    file: &Path,
    specs: &[RenditionSpec],
    focal: FocalPoint,
    limits: &Limits,
) -> Result<Vec<Rendered>> {
    let (width, height) = probe.size();
    let plans = plan(width, height, specs, focal);
    let min_fraction = smallest_decode(&plans);
    // A picture in another colour space (Display P3, Adobe RGB) is turned
    // into sRGB as RGB pixels, at the decoded scale: after JPEG's scaled
    // decoding, before any resampling. Others skip it at no cost.
    let to_srgb = colour::to_srgb(bytes, probe.format, file);
    let yuv = match to_srgb {
        None => decode::decode_jpeg_yuv420(bytes, probe, file, limits, min_fraction)?,
        Some(_) => None,
    };
    let (picture, decoded) = match yuv {
        Some((planes, size)) => (Picture::Yuv420(planes), size),
        None => {
            let mut rgb = decode::decode(bytes, probe, file, limits, min_fraction)?;
            if let Some(to_srgb) = &to_srgb {
                to_srgb.apply(&mut rgb);
            }
            let size = (rgb.width, rgb.height);
            // Converted once here, the renditions scale half the samples
            // and the encoder converts nothing.
            let planes = ycbcr::rgb_to_yuv420(&Plane::from_rgb(rgb));
            (Picture::Yuv420(planes), size)
        }
    };
    // Halve once (or more) for the renditions that shrink by 2× or more:
    // shared by all of them, it spares each a long Lanczos kernel.
    let decoded = (f64::from(decoded.0), f64::from(decoded.1));
    let stored = (probe.stored_width, probe.stored_height);
    let deepest = plans
        .iter()
        .map(|(_, rect, out)| level_for(decoded, stored, *rect, *out))
        .max()
        .unwrap_or(0);
    let source = Source {
        levels: halvings(file, picture, decoded, deepest)?
            .into_iter()
            .map(|(picture, size)| Level::new(picture, size))
            .collect(),
        orientation: probe.orientation,
        stored,
    };
    plans
        .par_iter()
        .map(|(spec, rect, out)| make(&source, file, spec, *rect, *out))
        .collect()
}

/// Each spec with the area it cuts and the size it comes out at.
type Plan = (RenditionSpec, Rect, (u32, u32));

fn plan(width: u32, height: u32, specs: &[RenditionSpec], focal: FocalPoint) -> Vec<Plan> {
    let focal = focal.quantized();
    specs
        .iter()
        .map(|spec| {
            let (rect, out) = spec.shape.plan(width, height, focal);
            (*spec, rect, out)
        })
        .collect()
}

/// The smallest fraction of the stored size a decode may be made at and
/// still have enough pixels for the most demanding rendition.
fn smallest_decode(plans: &[Plan]) -> f64 {
    plans
        .iter()
        .map(|(_, rect, (ow, oh))| {
            (f64::from(*ow) / f64::from(rect.width)).max(f64::from(*oh) / f64::from(rect.height))
        })
        .fold(0.0, f64::max)
}

/// The fraction `render` decodes a `width`×`height` picture at for these
/// specs (what [`decode::decode`] takes as `min_fraction`): for measuring
/// the decode on its own.
pub fn decode_fraction(width: u32, height: u32, specs: &[RenditionSpec], focal: FocalPoint) -> f64 {
    smallest_decode(&plan(width, height, specs, focal))
}

/// What renditions are cut from and encoded: RGB, or a JPEG's own 4:2:0
/// luma and chroma planes (no colour conversion or chroma upsampling when
/// decoding, none when encoding, and half the pixels to scale).
#[derive(Clone)]
enum Picture {
    Rgb(Plane),
    Yuv420([Plane; 3]),
}

impl Picture {
    /// Each plane with how many times smaller it is than the picture.
    fn planes(&self) -> Vec<(&Plane, u32)> {
        match self {
            Picture::Rgb(p) => vec![(p, 1)],
            Picture::Yuv420([y, u, v]) => vec![(y, 1), (u, 2), (v, 2)],
        }
    }

    fn is_yuv(&self) -> bool {
        matches!(self, Picture::Yuv420(_))
    }

    /// A picture of the same kind as `yuv` says, from its planes in order.
    fn assemble(yuv: bool, planes: Vec<Plane>) -> Picture {
        let mut it = planes.into_iter();
        let mut next = |channels| {
            it.next().unwrap_or(Plane {
                width: 0,
                height: 0,
                channels,
                data: Vec::new(),
            })
        };
        if yuv {
            Picture::Yuv420([next(1), next(1), next(1)])
        } else {
            Picture::Rgb(next(3))
        }
    }

    /// The picture's size (its first plane's).
    fn size(&self) -> (u32, u32) {
        match self {
            Picture::Rgb(p) | Picture::Yuv420([p, _, _]) => (p.width, p.height),
        }
    }
}

/// How much a rendition must still shrink from a halved level for that
/// level to be used: at least this factor (1 = any level still as large as
/// the rendition). The Lanczos3 that follows then has the last word on
/// sharpness, as after libvips' shrink-on-load.
const LEVEL_GAP: f64 = 1.0;

/// The decode, then each level half the one before (2×2 box), each with
/// the size in its first plane's pixels that the whole original covers.
fn halvings(
    file: &Path,
    picture: Picture,
    size: (f64, f64),
    deepest: usize,
) -> Result<Vec<(Picture, (f64, f64))>> {
    let mut levels = vec![(picture, size)];
    while levels.len() <= deepest {
        let (last, (lw, lh)) = &levels[levels.len() - 1];
        let (nw, nh) = ((lw / 2.0).ceil(), (lh / 2.0).ceil());
        let planes = last
            .planes()
            .into_par_iter()
            .map(|(plane, d)| {
                let d = f64::from(d);
                resample::resize_plane(
                    plane,
                    (0.0, 0.0, lw / d, lh / d),
                    (nw / d).ceil() as u32,
                    (nh / d).ceil() as u32,
                    fir::FilterType::Box,
                )
                .map_err(|e| encode_error(file, e))
            })
            .collect::<Result<Vec<_>>>()?;
        let next = Picture::assemble(last.is_yuv(), planes);
        levels.push((next, (nw, nh)));
    }
    Ok(levels)
}

/// The most-halved level that still has at least `LEVEL_GAP` times the
/// rendition's pixels across the cut area, in both directions, for a decode
/// of `decoded` pixels (size in its first plane) of a `stored` original.
fn level_for(
    (lw, lh): (f64, f64),
    stored: (u32, u32),
    rect: Rect,
    (width, height): (u32, u32),
) -> usize {
    let scale = lw.max(lh) / f64::from(stored.0.max(stored.1));
    let across = f64::from(rect.width) * scale / f64::from(width.max(1));
    let down = f64::from(rect.height) * scale / f64::from(height.max(1));
    let shrink = across.min(down) / LEVEL_GAP;
    let mut level = 0;
    while shrink >= f64::from(2u32 << level) && level < 4 {
        level += 1;
    }
    level
}

/// One plane of a level, kept the way it scales fastest.
enum Scalable {
    /// Luma or chroma: rows packed in fours.
    Quads(RowQuads),
    /// RGB: fast_image_resize's three-channel kernels are fast as they are.
    Plain(Plane),
}

/// One level of the source, ready to cut from.
struct Level {
    /// Each plane with how many times smaller it is than the picture.
    planes: Vec<(Scalable, u32)>,
    yuv: bool,
    /// The size in its first plane's pixels that the whole original covers.
    size: (f64, f64),
}

impl Level {
    fn new(picture: Picture, size: (f64, f64)) -> Level {
        let yuv = picture.is_yuv();
        let planes = match picture {
            Picture::Rgb(p) => vec![(Scalable::Plain(p), 1)],
            Picture::Yuv420(planes) => planes
                .into_iter()
                .zip([1, 2, 2])
                .collect::<Vec<_>>()
                .into_par_iter()
                .map(|(p, d)| (Scalable::Quads(RowQuads::pack(p)), d))
                .collect(),
        };
        Level { planes, yuv, size }
    }
}

/// The decoded stored pixels, halved copies of them, and how they relate
/// to the original.
struct Source {
    levels: Vec<Level>,
    orientation: Orientation,
    /// The original's stored size (the pixels may be a scaled decode).
    stored: (u32, u32),
}

impl Source {
    /// The oriented area `rect` of the original at `width`×`height`, the
    /// right way up.
    fn cut(&self, file: &Path, rect: Rect, (width, height): (u32, u32)) -> Result<Picture> {
        let stored_rect = self
            .orientation
            .rect_to_stored(rect, self.stored.0, self.stored.1);
        let (w, h) = self.orientation.oriented_size(width, height);
        let level = level_for(self.levels[0].size, self.stored, rect, (width, height))
            .min(self.levels.len() - 1);
        let Level {
            planes,
            yuv,
            size: (lw, lh),
        } = &self.levels[level];
        let sx = lw / f64::from(self.stored.0);
        let sy = lh / f64::from(self.stored.1);
        let planes = planes
            .iter()
            .map(|(plane, d)| {
                let fd = f64::from(*d);
                let crop = (
                    f64::from(stored_rect.x) * sx / fd,
                    f64::from(stored_rect.y) * sy / fd,
                    f64::from(stored_rect.width) * sx / fd,
                    f64::from(stored_rect.height) * sy / fd,
                );
                let (pw, ph) = (w.div_ceil(*d), h.div_ceil(*d));
                let out = match plane {
                    Scalable::Quads(q) => q.resize(crop, pw, ph),
                    Scalable::Plain(p) => {
                        resample::resize_plane(p, crop, pw, ph, resample::lanczos3_filter())
                    }
                }
                .map_err(|e| encode_error(file, e))?;
                Ok(self.orientation.apply_plane(out))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Picture::assemble(*yuv, planes))
    }
}

fn make(
    source: &Source,
    file: &Path,
    spec: &RenditionSpec,
    rect: Rect,
    out: (u32, u32),
) -> Result<Rendered> {
    let picture = source.cut(file, rect, out)?;
    let quality = spec.quality.clamp(1, 100);
    let (picture, quality, jpeg) = match spec.max_bytes {
        None => {
            let jpeg =
                encode_picture(&picture, quality, false).map_err(|e| encode_error(file, e))?;
            (picture, quality, jpeg)
        }
        Some(max_bytes) => fit_under(file, picture, quality, max_bytes, |size| {
            source.cut(file, rect, size)
        })?,
    };
    let (width, height) = picture.size();
    Ok(Rendered {
        width,
        height,
        quality,
        crop: rect,
        jpeg,
    })
}

/// Lowers the quality step by step down to `QUALITY_FLOOR`, then the size
/// (each time re-scaled from the source by `rescale`), until the JPEG is at
/// most `max_bytes`. Refuses rather than go below `MIN_SIDE_UNDER_LIMIT`.
fn fit_under(
    file: &Path,
    mut picture: Picture,
    start_quality: u8,
    max_bytes: u64,
    rescale: impl Fn((u32, u32)) -> Result<Picture>,
) -> Result<(Picture, u8, Vec<u8>)> {
    let floor = QUALITY_FLOOR.min(start_quality);
    let steps: Vec<u8> = std::iter::successors(Some(start_quality), |q| {
        q.checked_sub(QUALITY_STEP).filter(|next| *next >= floor)
    })
    .chain(std::iter::once(floor))
    .collect::<std::collections::BTreeSet<u8>>()
    .into_iter()
    .rev()
    .collect();
    let enc = |p: &Picture, q: u8| encode_picture(p, q, true).map_err(|e| encode_error(file, e));
    let fits = |jpeg: &Vec<u8>| jpeg.len() as u64 <= max_bytes;
    loop {
        let first = enc(&picture, steps[0])?;
        if fits(&first) {
            return Ok((picture, steps[0], first));
        }
        let last = steps.len() - 1;
        let at_floor = enc(&picture, steps[last])?;
        if fits(&at_floor) {
            // Binary search the highest step that fits: steps[lo] is over, steps[hi] fits.
            let (mut lo, mut hi, mut best) = (0, last, at_floor);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                let jpeg = enc(&picture, steps[mid])?;
                if fits(&jpeg) {
                    (hi, best) = (mid, jpeg);
                } else {
                    lo = mid;
                }
            }
            return Ok((picture, steps[hi], best));
        }
        // Even the floor is too heavy: shrink by what the bytes suggest
        // (bytes go roughly with the area), at least 10% and at most half.
        let ratio = (max_bytes as f64 / at_floor.len() as f64).sqrt() * 0.95;
        let factor = ratio.clamp(0.5, 0.9);
        let (w, h) = picture.size();
        let next = (
            ((f64::from(w) * factor).round() as u32).max(1),
            ((f64::from(h) * factor).round() as u32).max(1),
        );
        if next.0.max(next.1) < MIN_SIDE_UNDER_LIMIT {
            return Err(MediaError::CannotFitBytes {
                file: file.to_path_buf(),
                max_bytes,
            });
        }
        picture = rescale(next)?;
    }
}

/// Encodes a picture: RGB through libjpeg-turbo's colour conversion, or
/// 4:2:0 planes straight into the encoder.
fn encode_picture(
    picture: &Picture,
    quality: u8,
    optimize: bool,
) -> std::result::Result<Vec<u8>, String> {
    match picture {
        Picture::Rgb(p) => encode_rgb(p.width, p.height, &p.data, quality, optimize),
        Picture::Yuv420([y, u, v]) => {
            let (w, h) = (y.width, y.height);
            // libjpeg-turbo wants the luma plane in whole 2×2 blocks.
            let y = y.padded(w.next_multiple_of(2), h.next_multiple_of(2));
            let (cw, ch) = (w.div_ceil(2), h.div_ceil(2));
            let u = u.padded(cw, ch);
            let v = v.padded(cw, ch);
            let mut compressor = compressor(quality, optimize)?;
            let image = turbojpeg::YuvPlanesImage {
                y_plane: y.data.as_slice(),
                u_plane: u.data.as_slice(),
                v_plane: v.data.as_slice(),
                width: w as usize,
                height: h as usize,
                y_stride: y.width as usize,
                u_stride: cw as usize,
                v_stride: cw as usize,
                subsamp: turbojpeg::Subsamp::Sub2x2,
            };
            let mut out = turbojpeg::OutputBuf::new_owned();
            compressor
                .compress_yuv_planes(&image, &mut out)
                .map_err(|e| e.to_string())?;
            Ok(out.to_vec())
        }
    }
}

fn compressor(quality: u8, optimize: bool) -> std::result::Result<turbojpeg::Compressor, String> {
    let mut compressor = turbojpeg::Compressor::new().map_err(|e| e.to_string())?;
    compressor
        .set_quality(i32::from(quality.clamp(1, 100)))
        .map_err(|e| e.to_string())?;
    compressor
        .set_subsamp(turbojpeg::Subsamp::Sub2x2)
        .map_err(|e| e.to_string())?;
    compressor
        .set_optimize(optimize)
        .map_err(|e| e.to_string())?;
    Ok(compressor)
}

/// Baseline JPEG, 4:2:0, JFIF header only (no EXIF, no GPS, no comment).
/// `optimize` builds Huffman tables for this picture: a few per cent smaller
/// for a little more time, used where bytes are counted.
pub fn encode_jpeg(
    pixels: &Rgb8,
    quality: u8,
    optimize: bool,
) -> std::result::Result<Vec<u8>, String> {
    encode_rgb(pixels.width, pixels.height, &pixels.data, quality, optimize)
}

fn encode_rgb(
    width: u32,
    height: u32,
    data: &[u8],
    quality: u8,
    optimize: bool,
) -> std::result::Result<Vec<u8>, String> {
    let mut compressor = compressor(quality, optimize)?;
    let image = turbojpeg::Image {
        pixels: data,
        width: width as usize,
        pitch: width as usize * 3,
        height: height as usize,
        format: turbojpeg::PixelFormat::RGB,
    };
    compressor.compress_to_vec(image).map_err(|e| e.to_string())
}

fn encode_error(file: &Path, detail: String) -> MediaError {
    MediaError::Encode {
        file: file.to_path_buf(),
        detail,
    }
}

/// The one-click fix for "too heavy": the whole picture, the right way up,
/// as JPEG of at most `max_bytes`, by lowering the quality step by step to
/// `QUALITY_FLOOR` and only then the size. Refuses (`CannotFitBytes`) rather
/// than spoil the picture.
pub fn recompress(bytes: &[u8], file: &Path, max_bytes: u64, limits: &Limits) -> Result<Rendered> {
    let probe = decode::probe(bytes, file, limits)?;
    let (w, h) = probe.size();
    let spec = RenditionSpec {
        shape: Shape::Fit { max_side: w.max(h) },
        format: crate::ImageFormat::Jpeg,
        quality: DEFAULT_QUALITY,
        max_bytes: Some(max_bytes),
    };
    first(
        render_probed(bytes, &probe, file, &[spec], FocalPoint::CENTER, limits)?,
        file,
    )
}

/// The one-click fix for "this network takes only JPEG": the whole picture,
/// the right way up, as JPEG at `quality`, same size.
pub fn convert_to_jpeg(
    bytes: &[u8],
    file: &Path,
    quality: u8,
    limits: &Limits,
) -> Result<Rendered> {
    let probe = decode::probe(bytes, file, limits)?;
    let (w, h) = probe.size();
    let spec = RenditionSpec {
        shape: Shape::Fit { max_side: w.max(h) },
        format: crate::ImageFormat::Jpeg,
        quality,
        max_bytes: None,
    };
    first(
        render_probed(bytes, &probe, file, &[spec], FocalPoint::CENTER, limits)?,
        file,
    )
}

fn first(mut v: Vec<Rendered>, file: &Path) -> Result<Rendered> {
    v.pop()
        .ok_or_else(|| encode_error(file, "nothing was made".into()))
}
