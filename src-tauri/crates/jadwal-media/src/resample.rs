//! Scaling planes with fast_image_resize (SIMD), and the two things that
//! make it faster for Jadwal's renditions:
//!
//! - one-channel planes (a JPEG's luma and chroma) are kept with every four
//!   rows interleaved ([`RowQuads`]), so that the horizontal pass filters
//!   four rows at once with the four-channel kernel, about 2.5× faster per
//!   sample than the one-channel kernel; the vertical pass, already fast on
//!   one channel, then runs on plain rows;
//! - Lanczos3 weights computed with one sine instead of two: the weights of
//!   every rendition, plane and direction add up to a noticeable share.

use fast_image_resize as fir;

use crate::raster::{Plane, Rect};

/// Lanczos3's reach, in source pixels at 1:1.
const LANCZOS3_SUPPORT: f64 = 3.0;

/// Lanczos3, `sinc(x)·sinc(x/3)`, with `sin(πx)` taken from `sin(πx/3)`
/// (`sin 3a = 3 sin a − 4 sin³ a`): the same values as the textbook form, to
/// the last bits of an f64, for half the sines.
fn lanczos3_exact(x: f64) -> f64 {
    if x == 0.0 {
        return 1.0;
    }
    if !(-LANCZOS3_SUPPORT..LANCZOS3_SUPPORT).contains(&x) {
        return 0.0;
    }
    let a = std::f64::consts::PI * x / 3.0;
    let s = a.sin();
    let sin_3a = s * (3.0 - 4.0 * s * s);
    (sin_3a * s) / (3.0 * a * a)
}

/// Samples of Lanczos3 per unit of x in the table.
const TABLE_STEPS: f64 = 4096.0;

/// Lanczos3 from 0 to its support, `TABLE_STEPS` samples per unit.
static LANCZOS3_TABLE: std::sync::LazyLock<Vec<f64>> = std::sync::LazyLock::new(|| {
    let n = (LANCZOS3_SUPPORT * TABLE_STEPS) as usize;
    (0..=n + 1)
        .map(|i| lanczos3_exact(i as f64 / TABLE_STEPS))
        .collect()
});

/// Lanczos3 read from a table, linearly interpolated: within 1e-7 of the
/// exact value, far finer than the 14-bit integer weights the SIMD kernels
/// use, and no sines at all (weights for 8 renditions × 3 planes × 2
/// directions are otherwise a few per cent of the time).
fn lanczos3(x: f64) -> f64 {
    let x = x.abs();
    if x >= LANCZOS3_SUPPORT {
        return 0.0;
    }
    let at = x * TABLE_STEPS;
    let i = at as usize;
    let table = &*LANCZOS3_TABLE;
    let (a, b) = (table[i], table[i + 1]);
    a + (b - a) * (at - i as f64)
}

/// Lanczos3, as a filter fast_image_resize takes.
pub(crate) fn lanczos3_filter() -> fir::FilterType {
    match fir::Filter::new("Lanczos3", lanczos3, LANCZOS3_SUPPORT) {
        Ok(filter) => fir::FilterType::Custom(filter),
        // A positive finite support is always accepted; the built-in one is
        // the same filter.
        Err(_) => fir::FilterType::Lanczos3,
    }
}

/// A crop in source pixels: left, top, width, height (fractions allowed).
pub(crate) type Crop = (f64, f64, f64, f64);

/// Scales the `crop` of `src` (any channel count) to `width`×`height` with
/// `filter`, in one call to fast_image_resize.
pub(crate) fn resize_plane(
    src: &Plane,
    crop: Crop,
    width: u32,
    height: u32,
    filter: fir::FilterType,
) -> Result<Plane, String> {
    let (left, top, cw, ch) = crop;
    let same_size = cw == f64::from(width) && ch == f64::from(height);
    if same_size && left.fract() == 0.0 && top.fract() == 0.0 {
        // Nothing to scale: a plain cut.
        return Ok(src.crop(Rect {
            x: left as u32,
            y: top as u32,
            width,
            height,
        }));
    }
    let data = resize_raw(
        (&src.data, src.width, src.height, src.channels),
        crop,
        width,
        height,
        filter,
    )?;
    Ok(Plane {
        width: width.max(1),
        height: height.max(1),
        channels: src.channels,
        data,
    })
}

/// Pixels (`data`, width, height, channels) of a plane or part of one.
type Pixels<'a> = (&'a [u8], u32, u32, u8);

/// One call to fast_image_resize: the `crop` of `src` at `width`×`height`.
fn resize_raw(
    (data, src_width, src_height, channels): Pixels<'_>,
    crop: Crop,
    width: u32,
    height: u32,
    filter: fir::FilterType,
) -> Result<Vec<u8>, String> {
    let pixel_type = match channels {
        3 => fir::PixelType::U8x3,
        4 => fir::PixelType::U8x4,
        _ => fir::PixelType::U8,
    };
    let view = fir::images::ImageRef::new(src_width, src_height, data, pixel_type)
        .map_err(|e| e.to_string())?;
    let mut dst = fir::images::Image::new(width.max(1), height.max(1), pixel_type);
    let b = clamp_crop(crop, src_width, src_height);
    let options = fir::ResizeOptions::new()
        .resize_alg(fir::ResizeAlg::Convolution(filter))
        // Four channels here are four rows (`RowQuads`), never colour and alpha.
        .use_alpha(false)
        .crop(b.left, b.top, b.width, b.height);
    fir::Resizer::new()
        .resize(&view, &mut dst, &options)
        .map_err(|e| e.to_string())?;
    Ok(dst.into_vec())
}

/// The crop kept inside a `width`×`height` plane (rounding can put it a
/// hair outside).
fn clamp_crop((left, top, cw, ch): Crop, width: u32, height: u32) -> fir::CropBox {
    let (left, top) = (left.max(0.0), top.max(0.0));
    fir::CropBox {
        left,
        top,
        width: cw.min(f64::from(width) - left).max(0.0),
        height: ch.min(f64::from(height) - top).max(0.0),
    }
}

/// A one-channel plane stored four rows to a pixel: pixel `x` of quad `q`
/// holds rows `4q`, `4q+1`, `4q+2`, `4q+3` at column `x`. The last quad
/// repeats the last row where the plane runs out.
pub(crate) struct RowQuads {
    width: u32,
    height: u32,
    data: Vec<u8>,
}

impl RowQuads {
    /// Packs `plane` in its own memory (plus up to three rows for a last,
    /// partial quad): no second copy of the picture at any time.
    pub fn pack(plane: Plane) -> RowQuads {
        debug_assert_eq!(plane.channels, 1);
        let (w, h) = (plane.width as usize, plane.height as usize);
        let mut data = plane.data;
        if w > 0 && h > 0 {
            // Repeat the last row into the last quad's missing rows.
            let last = (h - 1) * w;
            for _ in h..h.next_multiple_of(4) {
                data.extend_from_within(last..last + w);
            }
            let mut rows = vec![0u8; w * 4];
            for quad in data.chunks_exact_mut(w * 4) {
                rows.copy_from_slice(quad);
                let (r0, rest) = rows.split_at(w);
                let (r1, rest) = rest.split_at(w);
                let (r2, r3) = rest.split_at(w);
                for ((((px, a), b), c), d) in
                    quad.chunks_exact_mut(4).zip(r0).zip(r1).zip(r2).zip(r3)
                {
                    px.copy_from_slice(&[*a, *b, *c, *d]);
                }
            }
        }
        RowQuads {
            width: plane.width,
            height: plane.height,
            data,
        }
    }

    /// Scales the `crop` to `width`×`height` with Lanczos3: horizontally on
    /// the quads (only those the vertical pass reaches), then vertically on
    /// plain rows.
    pub fn resize(&self, crop: Crop, width: u32, height: u32) -> Result<Plane, String> {
        let (width, height) = (width.max(1), height.max(1));
        let fir::CropBox {
            left,
            top,
            width: cw,
            height: ch,
        } = clamp_crop(crop, self.width, self.height);
        let needs_vertical = ch != f64::from(height) || top.fract() != 0.0;
        let needs_horizontal = cw != f64::from(width) || left.fract() != 0.0;
        // The rows the vertical pass reads: the cut and the filter's reach
        // beyond it (wider when shrinking), as far as the plane goes.
        let (first, end) = if needs_vertical {
            let reach = LANCZOS3_SUPPORT * (ch / f64::from(height)).max(1.0) + 2.0;
            (
                (top - reach).floor().max(0.0) as u32,
                ((top + ch + reach).ceil() as u32).min(self.height),
            )
        } else {
            (top as u32, top as u32 + height)
        };
        let (q0, q1) = (first / 4, end.div_ceil(4));
        let count = q1 - q0;
        let stride = self.width as usize * 4;
        let wide = &self.data[q0 as usize * stride..q1 as usize * stride];
        let across = Plane {
            width,
            height: count,
            channels: 4,
            data: if needs_horizontal {
                resize_raw(
                    (wide, self.width, count, 4),
                    (left, 0.0, cw, f64::from(count)),
                    width,
                    count,
                    lanczos3_filter(),
                )?
            } else {
                let (x, row) = (left as usize * 4, width as usize * 4);
                let mut cut = Vec::with_capacity(row * count as usize);
                for quad in wide.chunks_exact(stride) {
                    cut.extend_from_slice(&quad[x..x + row]);
                }
                cut
            },
        };
        // Plain rows again, in the same memory: quads `q0..q1`, without
        // the repeated rows past the plane's end.
        let mut rows = unpack(across);
        let first_row = q0 * 4;
        let real = (self.height - first_row).min(rows.height);
        rows.data.truncate(real as usize * width as usize);
        rows.height = real;
        if !needs_vertical {
            let skip = (top as u32 - first_row) as usize * width as usize;
            rows.data.drain(..skip);
            rows.data.truncate(height as usize * width as usize);
            rows.height = height;
            return Ok(rows);
        }
        resize_plane(
            &rows,
            (0.0, top - f64::from(first_row), f64::from(width), ch),
            width,
            height,
            lanczos3_filter(),
        )
    }
}

/// A four-channel plane of quads back to plain rows (four per quad), in
/// its own memory.
fn unpack(quads: Plane) -> Plane {
    let w = quads.width as usize;
    let mut data = quads.data;
    if w > 0 {
        let mut scratch = vec![0u8; w * 4];
        for quad in data.chunks_exact_mut(w * 4) {
            scratch.copy_from_slice(quad);
            let (r0, rest) = quad.split_at_mut(w);
            let (r1, rest) = rest.split_at_mut(w);
            let (r2, r3) = rest.split_at_mut(w);
            // Four rows filled in one pass (the compiler makes byte shuffles of it).
            for ((((px, a), b), c), d) in scratch
                .chunks_exact(4)
                .zip(r0.iter_mut())
                .zip(r1.iter_mut())
                .zip(r2.iter_mut())
                .zip(r3.iter_mut())
            {
                (*a, *b, *c, *d) = (px[0], px[1], px[2], px[3]);
            }
        }
    }
    Plane {
        width: quads.width,
        height: quads.height * 4,
        channels: 1,
        data,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn textbook_lanczos3(x: f64) -> f64 {
        let sinc = |v: f64| {
            if v == 0.0 {
                1.0
            } else {
                let p = std::f64::consts::PI * v;
                p.sin() / p
            }
        };
        if (-3.0..3.0).contains(&x) {
            sinc(x) * sinc(x / 3.0)
        } else {
            0.0
        }
    }

    #[test]
    fn one_sine_lanczos3_is_the_textbook_one() {
        for i in -400..=400 {
            let x = f64::from(i) * 0.0075;
            assert!(
                (lanczos3_exact(x) - textbook_lanczos3(x)).abs() < 1e-12,
                "at {x}: {} vs {}",
                lanczos3_exact(x),
                textbook_lanczos3(x)
            );
        }
        assert_eq!(lanczos3_exact(3.0), 0.0);
    }

    #[test]
    fn the_lanczos3_table_is_within_a_ten_millionth() {
        // Points between the table's samples, where interpolation errs most.
        for i in -30_000..=30_000 {
            let x = f64::from(i) * 0.000_100_3;
            assert!(
                (lanczos3(x) - textbook_lanczos3(x)).abs() < 1e-7,
                "at {x}: {} vs {}",
                lanczos3(x),
                textbook_lanczos3(x)
            );
        }
        assert_eq!(lanczos3(3.0), 0.0);
        assert_eq!(lanczos3(-3.5), 0.0);
    }

    fn test_plane(w: u32, h: u32) -> Plane {
        let data = (0..w * h)
            .map(|i| {
                let (x, y) = (f64::from(i % w), f64::from(i / w));
                (128.0 + 60.0 * (x / 7.0).sin() + 50.0 * (y / 5.0).cos()) as u8
            })
            .collect();
        Plane {
            width: w,
            height: h,
            channels: 1,
            data,
        }
    }

    /// The same scaling done the plain way: horizontal pass, then vertical,
    /// each in its own call on one-channel rows.
    fn plain(src: &Plane, (l, t, cw, ch): Crop, w: u32, h: u32) -> Plane {
        let across = resize_plane(
            src,
            (l, 0.0, cw, f64::from(src.height)),
            w,
            src.height,
            lanczos3_filter(),
        )
        .unwrap();
        resize_plane(&across, (0.0, t, f64::from(w), ch), w, h, lanczos3_filter()).unwrap()
    }

    #[test]
    fn packed_rows_scale_exactly_like_plain_rows() {
        // Odd sizes, so that the last quad is partial; cuts touching the
        // edges and cuts in the middle, shrinking and growing, fractional.
        let src = test_plane(301, 203);
        let cases: [(Crop, u32, u32); 6] = [
            ((0.0, 0.0, 301.0, 203.0), 150, 101),
            ((10.5, 20.25, 200.0, 150.5), 97, 61),
            ((100.0, 0.0, 120.0, 203.0), 120, 90),
            ((0.0, 50.0, 301.0, 100.0), 160, 100),
            ((40.0, 40.0, 80.0, 60.0), 160, 120),
            ((7.0, 9.0, 50.0, 40.0), 50, 40),
        ];
        let quads = RowQuads::pack(src.clone());
        for (crop, w, h) in cases {
            let got = quads.resize(crop, w, h).unwrap();
            let want = if crop.2 == f64::from(w) && crop.3 == f64::from(h) {
                resize_plane(&src, crop, w, h, lanczos3_filter()).unwrap()
            } else {
                plain(&src, crop, w, h)
            };
            assert_eq!((got.width, got.height), (w, h), "{crop:?}");
            assert!(got.data == want.data, "{crop:?} → {w}×{h} differs");
        }
    }

    #[test]
    fn packing_keeps_every_row() {
        let src = test_plane(5, 7);
        let quads = RowQuads::pack(src.clone());
        let as_plane = Plane {
            width: 5,
            height: 2,
            channels: 4,
            data: quads.data.clone(),
        };
        let rows = unpack(as_plane);
        assert_eq!(rows.height, 8);
        assert_eq!(rows.data[..5 * 7], src.data);
        // The missing eighth row repeats the seventh.
        assert_eq!(rows.data[5 * 7..], src.data[5 * 6..]);
    }
}
