//! EXIF orientation: how a camera says its stored pixels must be turned to
//! be seen the right way up, and turning them.

use serde::{Deserialize, Serialize};

use crate::raster::{Plane, Rect, Rgb8};

/// The eight EXIF orientations (tag 0x0112), named by what turns the stored
/// pixels into the picture as it should be seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// 1: stored as seen.
    #[default]
    Normal,
    /// 2: mirrored left to right.
    FlipHorizontal,
    /// 3: upside down.
    Rotate180,
    /// 4: mirrored top to bottom.
    FlipVertical,
    /// 5: mirrored along the top-left to bottom-right diagonal.
    Transpose,
    /// 6: turn a quarter clockwise (a phone held upright, home button down).
    Rotate90,
    /// 7: mirrored along the top-right to bottom-left diagonal.
    Transverse,
    /// 8: turn a quarter anticlockwise.
    Rotate270,
}

impl Orientation {
    pub const ALL: [Orientation; 8] = [
        Orientation::Normal,
        Orientation::FlipHorizontal,
        Orientation::Rotate180,
        Orientation::FlipVertical,
        Orientation::Transpose,
        Orientation::Rotate90,
        Orientation::Transverse,
        Orientation::Rotate270,
    ];

    /// From the EXIF value 1–8; anything else means "as stored".
    pub fn from_exif(value: u16) -> Orientation {
        match value {
            2 => Orientation::FlipHorizontal,
            3 => Orientation::Rotate180,
            4 => Orientation::FlipVertical,
            5 => Orientation::Transpose,
            6 => Orientation::Rotate90,
            7 => Orientation::Transverse,
            8 => Orientation::Rotate270,
            _ => Orientation::Normal,
        }
    }

    pub fn exif_value(self) -> u16 {
        match self {
            Orientation::Normal => 1,
            Orientation::FlipHorizontal => 2,
            Orientation::Rotate180 => 3,
            Orientation::FlipVertical => 4,
            Orientation::Transpose => 5,
            Orientation::Rotate90 => 6,
            Orientation::Transverse => 7,
            Orientation::Rotate270 => 8,
        }
    }

    /// Whether the picture as seen is the stored one turned on its side.
    pub fn swaps_dimensions(self) -> bool {
        matches!(
            self,
            Orientation::Transpose
                | Orientation::Rotate90
                | Orientation::Transverse
                | Orientation::Rotate270
        )
    }

    /// The size as seen, from the stored size.
    pub fn oriented_size(self, width: u32, height: u32) -> (u32, u32) {
        if self.swaps_dimensions() {
            (height, width)
        } else {
            (width, height)
        }
    }

    /// Where the pixel seen at (x, y) is stored, in a stored picture of
    /// `width`×`height`.
    fn source_of(self, x: u32, y: u32, width: u32, height: u32) -> (u32, u32) {
        let (w1, h1) = (width - 1, height - 1);
        match self {
            Orientation::Normal => (x, y),
            Orientation::FlipHorizontal => (w1 - x, y),
            Orientation::Rotate180 => (w1 - x, h1 - y),
            Orientation::FlipVertical => (x, h1 - y),
            Orientation::Transpose => (y, x),
            Orientation::Rotate90 => (y, h1 - x),
            Orientation::Transverse => (w1 - y, h1 - x),
            Orientation::Rotate270 => (w1 - y, x),
        }
    }

    /// The stored area that shows as `rect` once oriented, in a stored picture
    /// of `width`×`height`.
    pub fn rect_to_stored(self, rect: Rect, width: u32, height: u32) -> Rect {
        let Rect {
            x,
            y,
            width: w,
            height: h,
        } = rect;
        let (sx, sy) = match self {
            Orientation::Normal => (x, y),
            Orientation::FlipHorizontal => (width - x - w, y),
            Orientation::Rotate180 => (width - x - w, height - y - h),
            Orientation::FlipVertical => (x, height - y - h),
            Orientation::Transpose => (y, x),
            Orientation::Rotate90 => (y, height - x - w),
            Orientation::Transverse => (width - y - h, height - x - w),
            Orientation::Rotate270 => (width - y - h, x),
        };
        let (sw, sh) = self.oriented_size(w, h);
        Rect {
            x: sx,
            y: sy,
            width: sw,
            height: sh,
        }
    }

    /// Turns stored pixels into the picture as seen.
    pub fn apply(self, image: Rgb8) -> Rgb8 {
        self.apply_plane(Plane::from_rgb(image)).into_rgb()
    }

    /// Turns one plane (any number of bytes per pixel) the right way up.
    pub(crate) fn apply_plane(self, plane: Plane) -> Plane {
        if self == Orientation::Normal || plane.width == 0 || plane.height == 0 {
            return plane;
        }
        let n = usize::from(plane.channels);
        let (w, h) = (plane.width, plane.height);
        let (ow, oh) = self.oriented_size(w, h);
        let mut out = vec![0u8; plane.data.len()];
        let stride = w as usize * n;
        for (y, row) in out.chunks_exact_mut(ow as usize * n).enumerate() {
            for (x, px) in row.chunks_exact_mut(n).enumerate() {
                let (sx, sy) = self.source_of(x as u32, y as u32, w, h);
                let at = sy as usize * stride + sx as usize * n;
                px.copy_from_slice(&plane.data[at..at + n]);
            }
        }
        Plane {
            width: ow,
            height: oh,
            channels: plane.channels,
            data: out,
        }
    }
}

/// Reads the orientation tag from an EXIF block (starting at the TIFF
/// header). Anything missing or damaged means "as stored".
pub fn from_exif_block(tiff: &[u8]) -> Orientation {
    read_orientation(tiff).map_or(Orientation::Normal, Orientation::from_exif)
}

fn read_orientation(tiff: &[u8]) -> Option<u16> {
    let big_endian = match tiff.get(0..4)? {
        b"MM\0*" => true,
        b"II*\0" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b: [u8; 2] = tiff.get(at..at + 2)?.try_into().ok()?;
        Some(if big_endian {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b: [u8; 4] = tiff.get(at..at + 4)?.try_into().ok()?;
        Some(if big_endian {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    };
    let ifd0 = usize::try_from(u32_at(4)?).ok()?;
    let entries = usize::from(u16_at(ifd0)?);
    for i in 0..entries.min(512) {
        let entry = ifd0 + 2 + i * 12;
        if u16_at(entry)? == 0x0112 {
            // Type SHORT, count 1: the value sits in the first two bytes of the field.
            return u16_at(entry + 8);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const RED: [u8; 3] = [255, 0, 0];
    const GREEN: [u8; 3] = [0, 255, 0];
    const BLUE: [u8; 3] = [0, 0, 255];
    const WHITE: [u8; 3] = [255, 255, 255];
    const GREY: [u8; 3] = [128, 128, 128];

    /// A 4×2 stored picture: red top left, green top right, blue bottom left,
    /// white bottom right, grey between.
    fn stored() -> Rgb8 {
        let (w, h) = (4u32, 2u32);
        let mut data = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let c = match (x, y) {
                    (0, 0) => RED,
                    (3, 0) => GREEN,
                    (0, 1) => BLUE,
                    (3, 1) => WHITE,
                    _ => GREY,
                };
                data.extend_from_slice(&c);
            }
        }
        Rgb8 {
            width: w,
            height: h,
            data,
        }
    }

    fn corners(img: &Rgb8) -> [[u8; 3]; 4] {
        let px = |x: u32, y: u32| {
            let at = (y * img.width + x) as usize * 3;
            [img.data[at], img.data[at + 1], img.data[at + 2]]
        };
        let (r, b) = (img.width - 1, img.height - 1);
        [px(0, 0), px(r, 0), px(0, b), px(r, b)]
    }

    #[test]
    fn every_orientation_puts_the_corners_where_a_viewer_expects() {
        // [top left, top right, bottom left, bottom right] once turned.
        let expected = [
            (Orientation::Normal, [RED, GREEN, BLUE, WHITE]),
            (Orientation::FlipHorizontal, [GREEN, RED, WHITE, BLUE]),
            (Orientation::Rotate180, [WHITE, BLUE, GREEN, RED]),
            (Orientation::FlipVertical, [BLUE, WHITE, RED, GREEN]),
            (Orientation::Transpose, [RED, BLUE, GREEN, WHITE]),
            (Orientation::Rotate90, [BLUE, RED, WHITE, GREEN]),
            (Orientation::Transverse, [WHITE, GREEN, BLUE, RED]),
            (Orientation::Rotate270, [GREEN, WHITE, RED, BLUE]),
        ];
        for (o, want) in expected {
            let out = o.apply(stored());
            let size = if o.swaps_dimensions() { (2, 4) } else { (4, 2) };
            assert_eq!((out.width, out.height), size, "{o:?}");
            assert_eq!(corners(&out), want, "{o:?}");
        }
    }

    #[test]
    fn a_stored_rect_shows_exactly_where_the_oriented_rect_is() {
        // Orient a 5×3 picture whose every pixel is unique, then check that
        // cutting `rect_to_stored` from the stored one and orienting it gives
        // the same pixels as cutting the rect from the oriented one.
        let (w, h) = (5u32, 3u32);
        let data: Vec<u8> = (0..w * h).flat_map(|i| [i as u8, 0, 0]).collect();
        let src = Rgb8 {
            width: w,
            height: h,
            data,
        };
        for o in Orientation::ALL {
            let seen = o.apply(src.clone());
            let rect = Rect {
                x: 1,
                y: 1,
                width: 2,
                height: 1,
            };
            let rect = if o.swaps_dimensions() {
                Rect {
                    x: 1,
                    y: 2,
                    width: 2,
                    height: 2,
                }
            } else {
                rect
            };
            let stored_rect = o.rect_to_stored(rect, w, h);
            let via_stored = o.apply(src.crop(stored_rect));
            assert_eq!(via_stored, seen.crop(rect), "{o:?}");
        }
    }

    #[test]
    fn exif_values_round_trip() {
        for o in Orientation::ALL {
            assert_eq!(Orientation::from_exif(o.exif_value()), o);
        }
        assert_eq!(Orientation::from_exif(0), Orientation::Normal);
        assert_eq!(Orientation::from_exif(9), Orientation::Normal);
    }

    #[test]
    fn reads_the_tag_in_both_byte_orders_and_survives_damage() {
        let le = [
            b'I', b'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0,
        ];
        assert_eq!(from_exif_block(&le), Orientation::Rotate90);
        let be = [
            b'M', b'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 8, 0, 0, 0, 0,
        ];
        assert_eq!(from_exif_block(&be), Orientation::Rotate270);
        assert_eq!(from_exif_block(&le[..12]), Orientation::Normal);
        assert_eq!(from_exif_block(b"garbage"), Orientation::Normal);
        let mut far = le;
        far[4] = 0xFF; // IFD offset past the end
        assert_eq!(from_exif_block(&far), Orientation::Normal);
    }
}
