//! RGB to JPEG's YCbCr 4:2:0 planes, once, before any scaling: a rendition
//! then scales one full-size luma plane and two quarter-size chroma planes
//! (half the samples of RGB) and goes into the encoder without a colour
//! conversion of its own. The maths is libjpeg's (JFIF, full range, 16-bit
//! fixed point), chroma taken as the mean of each 2×2 block, as libjpeg's
//! own 4:2:0 downsampling does.

use rayon::prelude::*;

use crate::raster::Plane;

const SCALE: u32 = 16;
/// Rows converted per task: enough work to be worth a thread hop.
const ROW_PAIRS_PER_TASK: usize = 16;

// libjpeg's coefficients (jccolor.c), times 2^16.
const Y_R: i32 = 19_595;
const Y_G: i32 = 38_470;
const Y_B: i32 = 7_471;
const CB_R: i32 = -11_059;
const CB_G: i32 = -21_709;
const CB_B: i32 = 32_768;
const CR_R: i32 = 32_768;
const CR_G: i32 = -27_439;
const CR_B: i32 = -5_329;

/// Y (`width`×`height`), Cb and Cr (`ceil(width/2)`×`ceil(height/2)`) of
/// an RGB plane. An odd last column or row counts twice in its block.
pub(crate) fn rgb_to_yuv420(rgb: &Plane) -> [Plane; 3] {
    let (w, h) = (rgb.width as usize, rgb.height as usize);
    let (cw, ch) = (w.div_ceil(2), h.div_ceil(2));
    let mut y = vec![0u8; w * h];
    let mut cb = vec![0u8; cw * ch];
    let mut cr = vec![0u8; cw * ch];
    if w > 0 && h > 0 {
        y.par_chunks_mut(w * 2 * ROW_PAIRS_PER_TASK)
            .zip(cb.par_chunks_mut(cw * ROW_PAIRS_PER_TASK))
            .zip(cr.par_chunks_mut(cw * ROW_PAIRS_PER_TASK))
            .enumerate()
            .for_each(|(task, ((y, cb), cr))| {
                let first_pair = task * ROW_PAIRS_PER_TASK;
                for (pair, ((y, cb), cr)) in y
                    .chunks_mut(w * 2)
                    .zip(cb.chunks_mut(cw))
                    .zip(cr.chunks_mut(cw))
                    .enumerate()
                {
                    let top = (first_pair + pair) * 2;
                    let bottom = (top + 1).min(h - 1);
                    let row = |r: usize| &rgb.data[r * w * 3..(r + 1) * w * 3];
                    convert_row_pair(row(top), row(bottom), y, cb, cr, w);
                }
            });
    }
    let plane = |width: usize, height: usize, data| Plane {
        width: width as u32,
        height: height as u32,
        channels: 1,
        data,
    };
    [plane(w, h, y), plane(cw, ch, cb), plane(cw, ch, cr)]
}

/// Pixels per block: the loops below work on fixed-size arrays, which the
/// compiler turns into vector code (stride-3 RGB as it is, it does not).
const BLOCK: usize = 16;

/// Two RGB rows (the same row twice at an odd bottom edge) into their luma
/// rows (one, or two when `y` holds two) and one row of each chroma.
fn convert_row_pair(
    top: &[u8],
    bottom: &[u8],
    y: &mut [u8],
    cb: &mut [u8],
    cr: &mut [u8],
    w: usize,
) {
    let (y_top, y_bottom) = y.split_at_mut(w.min(y.len()));
    // Whole blocks of pixels: each row split into its three channels once,
    // luma and chroma computed from those arrays.
    let blocks = w / BLOCK;
    for n in 0..blocks {
        let px = n * BLOCK * 3..(n + 1) * BLOCK * 3;
        let (t, b) = (channels(&top[px.clone()]), channels(&bottom[px]));
        let out = n * BLOCK..(n + 1) * BLOCK;
        luma_block(&t, &mut y_top[out.clone()]);
        if !y_bottom.is_empty() {
            luma_block(&b, &mut y_bottom[out]);
        }
        let half = n * BLOCK / 2..(n + 1) * BLOCK / 2;
        let (cb, cr) = (&mut cb[half.clone()], &mut cr[half]);
        for i in 0..BLOCK / 2 {
            let sum = |k: usize| {
                i32::from(t[k][2 * i])
                    + i32::from(t[k][2 * i + 1])
                    + i32::from(b[k][2 * i])
                    + i32::from(b[k][2 * i + 1])
            };
            let (sr, sg, sb) = (sum(0), sum(1), sum(2));
            cb[i] = chroma(CB_R * sr + CB_G * sg + CB_B * sb);
            cr[i] = chroma(CR_R * sr + CR_G * sg + CR_B * sb);
        }
    }
    // The rest one by one (an odd last column counts twice in its block).
    let done = blocks * BLOCK;
    for x in done..w {
        y_top[x] = luma(&top[x * 3..x * 3 + 3]);
        if let Some(out) = y_bottom.get_mut(x) {
            *out = luma(&bottom[x * 3..x * 3 + 3]);
        }
    }
    for i in done / 2..cb.len() {
        let left = i * 6;
        let right = if i * 2 + 1 < w { left + 3 } else { left };
        let sum = |k: usize| {
            i32::from(top[left + k])
                + i32::from(top[right + k])
                + i32::from(bottom[left + k])
                + i32::from(bottom[right + k])
        };
        let (sr, sg, sb) = (sum(0), sum(1), sum(2));
        cb[i] = chroma(CB_R * sr + CB_G * sg + CB_B * sb);
        cr[i] = chroma(CR_R * sr + CR_G * sg + CR_B * sb);
    }
}

/// `BLOCK` RGB pixels as three arrays of R, G and B.
fn channels(px: &[u8]) -> [[u8; BLOCK]; 3] {
    let mut c = [[0u8; BLOCK]; 3];
    for i in 0..BLOCK {
        for (k, channel) in c.iter_mut().enumerate() {
            channel[i] = px[i * 3 + k];
        }
    }
    c
}

fn luma_block(c: &[[u8; BLOCK]; 3], y: &mut [u8]) {
    for (i, out) in y.iter_mut().enumerate().take(BLOCK) {
        *out = luma(&[c[0][i], c[1][i], c[2][i]]);
    }
}

/// One pixel's luma, libjpeg's way.
fn luma(p: &[u8]) -> u8 {
    let v = Y_R * i32::from(p[0]) + Y_G * i32::from(p[1]) + Y_B * i32::from(p[2]);
    ((v + (1 << (SCALE - 1))) >> SCALE) as u8
}

/// A chroma sample from the weighted sum of a 2×2 block (4 × 255 at most
/// per channel): libjpeg's fixed point with two more bits for the divide by 4.
fn chroma(weighted: i32) -> u8 {
    let half = 1i32 << (SCALE + 2 - 1);
    let offset = 128i32 << (SCALE + 2);
    ((weighted + offset + half - 1) >> (SCALE + 2)).clamp(0, 255) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(width: u32, height: u32, data: Vec<u8>) -> Plane {
        Plane {
            width,
            height,
            channels: 3,
            data,
        }
    }

    #[test]
    fn greys_have_neutral_chroma_and_their_own_luma() {
        let [y, cb, cr] = rgb_to_yuv420(&rgb(2, 2, [0, 0, 0, 255, 255, 255].repeat(2)));
        assert_eq!(y.data, vec![0, 255, 0, 255]);
        assert_eq!((cb.data, cr.data), (vec![128], vec![128]));
    }

    #[test]
    fn primaries_match_jfif() {
        // JFIF: red is Y 76, Cb 85, Cr 255; blue is Y 29, Cb 255, Cr 107.
        let [y, cb, cr] = rgb_to_yuv420(&rgb(1, 1, vec![255, 0, 0]));
        assert_eq!((y.data[0], cb.data[0], cr.data[0]), (76, 85, 255));
        let [y, cb, cr] = rgb_to_yuv420(&rgb(1, 1, vec![0, 0, 255]));
        assert_eq!((y.data[0], cb.data[0], cr.data[0]), (29, 255, 107));
    }

    #[test]
    fn odd_sizes_cover_every_pixel_and_chroma_is_the_block_mean() {
        // 3×3: red left column, blue elsewhere. The first chroma block is
        // half red, half blue; the last column and row count twice.
        let mut data = Vec::new();
        for _ in 0..3 {
            data.extend_from_slice(&[255, 0, 0, 0, 0, 255, 0, 0, 255]);
        }
        let [y, cb, cr] = rgb_to_yuv420(&rgb(3, 3, data));
        assert_eq!((y.width, y.height, y.data.len()), (3, 3, 9));
        assert_eq!((cb.width, cb.height), (2, 2));
        assert_eq!(y.data, [76, 29, 29].repeat(3));
        // Mean of red and blue: Cb (85 + 255) / 2 = 170, Cr (255 + 107) / 2 = 181.
        assert_eq!(cb.data, vec![170, 255, 170, 255]);
        assert_eq!(cr.data, vec![181, 107, 181, 107]);
    }

    #[test]
    fn many_rows_convert_the_same_as_one_task_would() {
        // More rows than one task takes, so the split between tasks is crossed.
        // 37 wide: two whole blocks of pixels and a ragged rest.
        let (w, h) = (37u32, (ROW_PAIRS_PER_TASK * 2 + 3) as u32);
        let data: Vec<u8> = (0..w * h * 3).map(|i| (i * 37 % 251) as u8).collect();
        let [y, cb, _] = rgb_to_yuv420(&rgb(w, h, data.clone()));
        for row in 0..h as usize {
            for col in 0..w as usize {
                let p = &data[(row * w as usize + col) * 3..][..3];
                let expect = (19_595 * u32::from(p[0])
                    + 38_470 * u32::from(p[1])
                    + 7_471 * u32::from(p[2])
                    + 32_768)
                    >> 16;
                assert_eq!(u32::from(y.data[row * w as usize + col]), expect);
            }
        }
        assert_eq!(cb.height, h.div_ceil(2));
    }

    #[test]
    fn blocks_and_leftovers_give_the_same_chroma() {
        // 2 × 16 + 5 pixels wide: two whole blocks, then leftovers and an odd column.
        let (w, h) = (37u32, 2u32);
        let data: Vec<u8> = (0..w * h * 3).map(|i| (i * 53 % 256) as u8).collect();
        let [_, cb, cr] = rgb_to_yuv420(&rgb(w, h, data.clone()));
        let at =
            |x: u32, y: u32, k: u32| i32::from(data[((y * w + x.min(w - 1)) * 3 + k) as usize]);
        for i in 0..w.div_ceil(2) {
            let sum =
                |k| at(2 * i, 0, k) + at(2 * i + 1, 0, k) + at(2 * i, 1, k) + at(2 * i + 1, 1, k);
            let (r, g, b) = (
                f64::from(sum(0)) / 4.0,
                f64::from(sum(1)) / 4.0,
                f64::from(sum(2)) / 4.0,
            );
            let want_cb = -0.168_74 * r - 0.331_26 * g + 0.5 * b + 128.0;
            let want_cr = 0.5 * r - 0.418_69 * g - 0.081_31 * b + 128.0;
            assert!(
                (f64::from(cb.data[i as usize]) - want_cb).abs() <= 1.0,
                "Cb {i}"
            );
            assert!(
                (f64::from(cr.data[i as usize]) - want_cr).abs() <= 1.0,
                "Cr {i}"
            );
        }
    }
}
