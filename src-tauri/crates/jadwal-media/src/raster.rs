//! The pixels Jadwal works on: 8-bit RGB, rows top to bottom, no padding.

use serde::{Deserialize, Serialize};

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// 8-bit RGB pixels.
#[derive(Clone, PartialEq, Eq)]
pub struct Rgb8 {
    pub width: u32,
    pub height: u32,
    pub data: Vec<u8>,
}

impl std::fmt::Debug for Rgb8 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Rgb8({}×{})", self.width, self.height)
    }
}

impl Rgb8 {
    /// Copies `rect` out (it must lie inside the picture).
    pub fn crop(&self, rect: Rect) -> Rgb8 {
        Plane::from_rgb(self.clone()).crop(rect).into_rgb()
    }
}

/// One plane of pixels, `channels` bytes each, rows packed: RGB, or one of
/// JPEG's luma and chroma planes.
#[derive(Clone, PartialEq, Eq)]
pub struct Plane {
    pub width: u32,
    pub height: u32,
    pub channels: u8,
    pub data: Vec<u8>,
}

impl Plane {
    pub fn from_rgb(rgb: Rgb8) -> Plane {
        Plane {
            width: rgb.width,
            height: rgb.height,
            channels: 3,
            data: rgb.data,
        }
    }

    pub fn into_rgb(self) -> Rgb8 {
        Rgb8 {
            width: self.width,
            height: self.height,
            data: self.data,
        }
    }

    /// Copies `rect` out (it must lie inside the plane).
    pub fn crop(&self, rect: Rect) -> Plane {
        let n = usize::from(self.channels);
        let stride = self.width as usize * n;
        let row_len = rect.width as usize * n;
        let mut data = Vec::with_capacity(row_len * rect.height as usize);
        for y in rect.y..rect.y + rect.height {
            let at = y as usize * stride + rect.x as usize * n;
            data.extend_from_slice(&self.data[at..at + row_len]);
        }
        Plane {
            width: rect.width,
            height: rect.height,
            channels: self.channels,
            data,
        }
    }

    /// The plane grown to `width`×`height` by repeating its last column and
    /// row (what an encoder wants around the edge of its last block).
    pub fn padded(&self, width: u32, height: u32) -> std::borrow::Cow<'_, Plane> {
        if width == self.width && height == self.height {
            return std::borrow::Cow::Borrowed(self);
        }
        let n = usize::from(self.channels);
        let (sw, nw) = (self.width as usize * n, width as usize * n);
        let mut data = Vec::with_capacity(nw * height as usize);
        for y in 0..height.max(1) {
            let sy = y.min(self.height.saturating_sub(1)) as usize;
            let row = &self.data[sy * sw..(sy + 1) * sw];
            data.extend_from_slice(row);
            let last = &row[sw.saturating_sub(n)..];
            for _ in self.width..width {
                data.extend_from_slice(last);
            }
        }
        std::borrow::Cow::Owned(Plane {
            width,
            height,
            channels: self.channels,
            data,
        })
    }
}
