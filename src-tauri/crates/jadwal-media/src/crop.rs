//! Where to cut: the largest rectangle of the wanted shape that keeps the
//! focal point in frame, centred on it as far as the picture allows.

use serde::{Deserialize, Serialize};

use crate::raster::Rect;

/// The point of a picture that every crop keeps in frame, as fractions of
/// the oriented picture's width and height (0 is left/top, 1 right/bottom).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FocalPoint {
    pub x: f32,
    pub y: f32,
}

impl Default for FocalPoint {
    fn default() -> Self {
        FocalPoint::CENTER
    }
}

impl FocalPoint {
    pub const CENTER: FocalPoint = FocalPoint { x: 0.5, y: 0.5 };

    /// A focal point, clamped into the picture; anything not a number is the centre.
    pub fn new(x: f32, y: f32) -> FocalPoint {
        let clamp = |v: f32| {
            if v.is_finite() {
                v.clamp(0.0, 1.0)
            } else {
                0.5
            }
        };
        FocalPoint {
            x: clamp(x),
            y: clamp(y),
        }
    }

    /// The point in thousandths (0–1000), as it goes into cache keys: two
    /// clicks closer than a thousandth of the picture make the same crop.
    pub fn thousandths(self) -> (u16, u16) {
        let q = |v: f32| (FocalPoint::new(v, 0.5).x * 1000.0).round() as u16;
        (q(self.x), q(self.y))
    }

    /// The point rebuilt from its thousandths, so that a crop computed from a
    /// cache key and one computed from the click agree exactly.
    pub fn quantized(self) -> FocalPoint {
        let (x, y) = self.thousandths();
        FocalPoint {
            x: f32::from(x) / 1000.0,
            y: f32::from(y) / 1000.0,
        }
    }
}

/// The largest `ratio_w`:`ratio_h` rectangle inside a `width`×`height`
/// picture, centred on `focal` unless that would cross an edge, in which
/// case it rests against that edge. The focal point is always inside.
pub fn focal_crop(width: u32, height: u32, ratio_w: u32, ratio_h: u32, focal: FocalPoint) -> Rect {
    let (w, h) = (u64::from(width.max(1)), u64::from(height.max(1)));
    let (rw, rh) = (u64::from(ratio_w.max(1)), u64::from(ratio_h.max(1)));
    let focal = FocalPoint::new(focal.x, focal.y);
    // Wider than wanted: keep the full height, cut the sides. Otherwise keep
    // the full width and cut top and bottom. Integer maths: no drift.
    let (cw, ch) = if w * rh > h * rw {
        (((h * rw + rh / 2) / rh).clamp(1, w), h)
    } else {
        (w, ((w * rh + rw / 2) / rw).clamp(1, h))
    };
    let place = |size: u64, cut: u64, at: f32| -> u64 {
        let centre = f64::from(at) * size as f64;
        let start = (centre - cut as f64 / 2.0).round();
        start.clamp(0.0, (size - cut) as f64) as u64
    };
    Rect {
        x: place(w, cw, focal.x) as u32,
        y: place(h, ch, focal.y) as u32,
        width: cw as u32,
        height: ch as u32,
    }
}

/// The size a `crop_w`×`crop_h` area is scaled to for a `target_w`×`target_h`
/// rendition: the target, or, when the area is smaller, the area itself (a
/// rendition is never blown up; the networks do that better on screen).
pub fn output_size(crop_w: u32, crop_h: u32, target_w: u32, target_h: u32) -> (u32, u32) {
    if crop_w >= target_w && crop_h >= target_h {
        return (target_w, target_h);
    }
    let s = (f64::from(crop_w) / f64::from(target_w)).min(f64::from(crop_h) / f64::from(target_h));
    let w = ((f64::from(target_w) * s).round() as u32).clamp(1, crop_w.max(1));
    let h = ((f64::from(target_h) * s).round() as u32).clamp(1, crop_h.max(1));
    (w, h)
}

/// The size of a `width`×`height` picture fitted inside `max_side` on its
/// longest side (never enlarged).
pub fn fit_size(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= max_side {
        return (width.max(1), height.max(1));
    }
    let s = f64::from(max_side) / f64::from(longest);
    let w = ((f64::from(width) * s).round() as u32).clamp(1, max_side);
    let h = ((f64::from(height) * s).round() as u32).clamp(1, max_side);
    (w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contains(r: Rect, w: u32, h: u32, f: FocalPoint) -> bool {
        let (fx, fy) = (f.x as f64 * w as f64, f.y as f64 * h as f64);
        r.x as f64 <= fx
            && fx <= (r.x + r.width) as f64
            && r.y as f64 <= fy
            && fy <= (r.y + r.height) as f64
    }

    #[test]
    fn a_centred_focal_point_gives_a_centred_crop() {
        // 4000×3000 to 4:5: full height, 2400 wide, 800 cut each side.
        let r = focal_crop(4000, 3000, 4, 5, FocalPoint::CENTER);
        assert_eq!(
            r,
            Rect {
                x: 800,
                y: 0,
                width: 2400,
                height: 3000
            }
        );
        // To 16:9: full width, 2250 high.
        let r = focal_crop(4000, 3000, 16, 9, FocalPoint::CENTER);
        assert_eq!(
            r,
            Rect {
                x: 0,
                y: 375,
                width: 4000,
                height: 2250
            }
        );
        // Same shape: everything.
        let r = focal_crop(4000, 3000, 4, 3, FocalPoint::CENTER);
        assert_eq!(
            r,
            Rect {
                x: 0,
                y: 0,
                width: 4000,
                height: 3000
            }
        );
    }

    #[test]
    fn the_crop_centres_on_the_focal_point_when_it_can() {
        let r = focal_crop(4000, 3000, 1, 1, FocalPoint::new(0.6, 0.5));
        assert_eq!(
            r,
            Rect {
                x: 900,
                y: 0,
                width: 3000,
                height: 3000
            }
        );
        assert_eq!(r.x + r.width / 2, 2400);
    }

    #[test]
    fn focal_points_at_the_edges_push_the_crop_against_the_edge() {
        let left = focal_crop(4000, 3000, 1, 1, FocalPoint::new(0.0, 0.5));
        assert_eq!(left.x, 0);
        let right = focal_crop(4000, 3000, 1, 1, FocalPoint::new(1.0, 0.5));
        assert_eq!(right.x + right.width, 4000);
        let top = focal_crop(3000, 4000, 16, 9, FocalPoint::new(0.5, 0.0));
        assert_eq!(top.y, 0);
        let bottom = focal_crop(3000, 4000, 16, 9, FocalPoint::new(0.5, 1.0));
        assert_eq!(bottom.y + bottom.height, 4000);
        let corner = focal_crop(3000, 4000, 1, 1, FocalPoint::new(1.0, 1.0));
        assert_eq!(
            (corner.x + corner.width, corner.y + corner.height),
            (3000, 4000)
        );
    }

    #[test]
    fn the_focal_point_is_always_in_frame_and_the_crop_inside() {
        let sizes = [
            (4000, 3000),
            (3000, 4000),
            (1, 1),
            (7, 3),
            (1080, 1080),
            (5000, 200),
            (33, 4999),
        ];
        let ratios = [(4, 5), (1, 1), (9, 16), (16, 9), (40, 21), (2, 3), (4, 3)];
        for (w, h) in sizes {
            for (rw, rh) in ratios {
                for i in 0..=10 {
                    for j in 0..=10 {
                        let f = FocalPoint::new(i as f32 / 10.0, j as f32 / 10.0);
                        let r = focal_crop(w, h, rw, rh, f);
                        assert!(r.width >= 1 && r.height >= 1);
                        assert!(
                            r.x + r.width <= w && r.y + r.height <= h,
                            "{w}x{h} {rw}:{rh} {f:?} {r:?}"
                        );
                        assert!(contains(r, w, h, f), "{w}x{h} {rw}:{rh} {f:?} {r:?}");
                        // The largest such rectangle: it spans one full side.
                        assert!(r.width == w || r.height == h);
                    }
                }
            }
        }
    }

    #[test]
    fn nonsense_focal_points_become_sensible() {
        assert_eq!(
            FocalPoint::new(f32::NAN, 2.0),
            FocalPoint { x: 0.5, y: 1.0 }
        );
        assert_eq!(
            FocalPoint::new(-1.0, f32::INFINITY),
            FocalPoint { x: 0.0, y: 0.5 }
        );
        assert_eq!(FocalPoint::new(0.3333, 0.6667).thousandths(), (333, 667));
    }

    #[test]
    fn renditions_are_never_enlarged() {
        assert_eq!(output_size(2400, 3000, 1080, 1350), (1080, 1350));
        assert_eq!(output_size(800, 1000, 1080, 1350), (800, 1000));
        assert_eq!(output_size(1013, 1800, 1080, 1920), (1013, 1800));
        assert_eq!(fit_size(4000, 3000, 2000), (2000, 1500));
        assert_eq!(fit_size(800, 600, 2000), (800, 600));
        assert_eq!(fit_size(100_000, 1, 2000), (2000, 1));
    }
}
