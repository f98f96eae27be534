//! The renditions Jadwal makes for the networks: a target shape and size, a
//! format, a quality and, where a network has one, a byte limit.
//! Sizes from ../shared/PLATFORMS.md (Images), checked on `validate::LAST_CHECKED`.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::crop::{FocalPoint, fit_size, focal_crop, output_size};
use crate::format::ImageFormat;
use crate::raster::Rect;

/// A rendition Jadwal knows how to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// Instagram feed, 4:5, 1080×1350 (Threads too).
    InstagramPortrait,
    /// Instagram feed, 1:1, 1080×1080.
    InstagramSquare,
    /// Instagram feed, 1.91:1, 1080×566: the widest Instagram takes.
    InstagramLandscape,
    /// Stories and reels (Instagram, Facebook, TikTok), 9:16, 1080×1920.
    Story,
    /// X, 16:9, 1600×900: shown whole in the timeline.
    X,
    /// Facebook link and feed picture, 1200×630.
    Facebook,
    /// LinkedIn, 1200×627.
    Linkedin,
    /// Pinterest, 2:3, 1000×1500.
    Pinterest,
    /// Google Business Profile, 4:3, 1200×900.
    GoogleBusiness,
    /// Bluesky: the picture as it is, at most 2000 on its longest side and
    /// under Bluesky's byte limit.
    Bluesky,
    /// Mastodon: the picture as it is, at most 2000 on its longest side.
    Mastodon,
    /// The small picture of the media library and the calendar chips.
    Thumbnail,
}

/// How a preset shapes the picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Shape {
    /// Cut to `width`:`height` around the focal point, then scale to that size.
    Crop { width: u32, height: u32 },
    /// Keep the whole picture, scaled to at most `max_side` on its longest side.
    Fit { max_side: u32 },
}

/// What a preset makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenditionSpec {
    pub shape: Shape,
    pub format: ImageFormat,
    /// JPEG quality (1–100) to start from.
    pub quality: u8,
    /// The rendition must not be larger than this; quality, then size, are
    /// lowered until it fits (see `recompress`).
    pub max_bytes: Option<u64>,
}

/// The quality of every rendition unless a preset says otherwise.
pub const DEFAULT_QUALITY: u8 = 85;

/// Bluesky's per-image limit ("about 1,000,000 bytes"): kept a little under.
pub const BLUESKY_MAX_BYTES: u64 = 976_000;

impl Preset {
    pub const ALL: [Preset; 12] = [
        Preset::InstagramPortrait,
        Preset::InstagramSquare,
        Preset::InstagramLandscape,
        Preset::Story,
        Preset::X,
        Preset::Facebook,
        Preset::Linkedin,
        Preset::Pinterest,
        Preset::GoogleBusiness,
        Preset::Bluesky,
        Preset::Mastodon,
        Preset::Thumbnail,
    ];

    /// The eight cut-to-shape presets (what the benchmark makes).
    pub const CROPPED: [Preset; 8] = [
        Preset::InstagramPortrait,
        Preset::InstagramSquare,
        Preset::Story,
        Preset::X,
        Preset::Facebook,
        Preset::Linkedin,
        Preset::Pinterest,
        Preset::GoogleBusiness,
    ];

    pub fn spec(self) -> RenditionSpec {
        let crop = |width, height| RenditionSpec {
            shape: Shape::Crop { width, height },
            format: ImageFormat::Jpeg,
            quality: DEFAULT_QUALITY,
            max_bytes: None,
        };
        let fit = |max_side, quality, max_bytes| RenditionSpec {
            shape: Shape::Fit { max_side },
            format: ImageFormat::Jpeg,
            quality,
            max_bytes,
        };
        match self {
            Preset::InstagramPortrait => crop(1080, 1350),
            Preset::InstagramSquare => crop(1080, 1080),
            Preset::InstagramLandscape => crop(1080, 566),
            Preset::Story => crop(1080, 1920),
            Preset::X => crop(1600, 900),
            Preset::Facebook => crop(1200, 630),
            Preset::Linkedin => crop(1200, 627),
            Preset::Pinterest => crop(1000, 1500),
            Preset::GoogleBusiness => crop(1200, 900),
            Preset::Bluesky => fit(2000, DEFAULT_QUALITY, Some(BLUESKY_MAX_BYTES)),
            Preset::Mastodon => fit(2000, DEFAULT_QUALITY, None),
            Preset::Thumbnail => fit(400, 80, None),
        }
    }

    /// The string form SQLite, cache keys and the IPC carry.
    pub fn as_str(self) -> &'static str {
        match self {
            Preset::InstagramPortrait => "instagram_portrait",
            Preset::InstagramSquare => "instagram_square",
            Preset::InstagramLandscape => "instagram_landscape",
            Preset::Story => "story",
            Preset::X => "x",
            Preset::Facebook => "facebook",
            Preset::Linkedin => "linkedin",
            Preset::Pinterest => "pinterest",
            Preset::GoogleBusiness => "google_business",
            Preset::Bluesky => "bluesky",
            Preset::Mastodon => "mastodon",
            Preset::Thumbnail => "thumbnail",
        }
    }

    /// The name shown under a preview.
    pub fn display_name(self) -> &'static str {
        match self {
            Preset::InstagramPortrait => "Instagram 4:5",
            Preset::InstagramSquare => "Instagram 1:1",
            Preset::InstagramLandscape => "Instagram 1.91:1",
            Preset::Story => "Story 9:16",
            Preset::X => "X 16:9",
            Preset::Facebook => "Facebook",
            Preset::Linkedin => "LinkedIn",
            Preset::Pinterest => "Pinterest 2:3",
            Preset::GoogleBusiness => "Google Business 4:3",
            Preset::Bluesky => "Bluesky",
            Preset::Mastodon => "Mastodon",
            Preset::Thumbnail => "Thumbnail",
        }
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Preset {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Preset::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| format!("“{s}” is not a rendition Jadwal knows"))
    }
}

impl Shape {
    /// The width-over-height a cut-to-shape preset makes; None for fitted ones.
    pub fn ratio(self) -> Option<f64> {
        match self {
            Shape::Crop { width, height } => Some(f64::from(width) / f64::from(height)),
            Shape::Fit { .. } => None,
        }
    }

    /// Where to cut and how big the result is, for an oriented picture of
    /// `width`×`height`: (area of the oriented picture, rendition size).
    pub fn plan(self, width: u32, height: u32, focal: FocalPoint) -> (Rect, (u32, u32)) {
        match self {
            Shape::Crop {
                width: tw,
                height: th,
            } => {
                let rect = focal_crop(width, height, tw, th, focal);
                (rect, output_size(rect.width, rect.height, tw, th))
            }
            Shape::Fit { max_side } => {
                let rect = Rect {
                    x: 0,
                    y: 0,
                    width: width.max(1),
                    height: height.max(1),
                };
                (rect, fit_size(width, height, max_side))
            }
        }
    }
}

/// The crop a preset makes of an oriented `width`×`height` picture, for the
/// editor to draw over the picture without making the rendition.
pub fn crop_for(preset: Preset, width: u32, height: u32, focal: FocalPoint) -> Rect {
    preset.spec().shape.plan(width, height, focal.quantized()).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_match_the_platforms_notes() {
        let size = |p: Preset| match p.spec().shape {
            Shape::Crop { width, height } => (width, height),
            Shape::Fit { max_side } => (max_side, max_side),
        };
        assert_eq!(size(Preset::InstagramPortrait), (1080, 1350));
        assert_eq!(size(Preset::InstagramSquare), (1080, 1080));
        assert_eq!(size(Preset::InstagramLandscape), (1080, 566));
        assert_eq!(size(Preset::Story), (1080, 1920));
        assert_eq!(size(Preset::X), (1600, 900));
        assert_eq!(size(Preset::Facebook), (1200, 630));
        assert_eq!(size(Preset::Linkedin), (1200, 627));
        assert_eq!(size(Preset::Pinterest), (1000, 1500));
        assert_eq!(size(Preset::GoogleBusiness), (1200, 900));
        assert_eq!(Preset::Bluesky.spec().max_bytes, Some(BLUESKY_MAX_BYTES));
        for p in Preset::ALL {
            assert_eq!(p.spec().format, ImageFormat::Jpeg);
            assert_eq!(p.as_str().parse::<Preset>(), Ok(p));
        }
    }

    #[test]
    fn a_large_photo_gets_every_preset_at_its_exact_size_either_way_up() {
        for (w, h) in [(4000, 3000), (3000, 4000), (6000, 4000)] {
            for p in Preset::ALL {
                let (rect, out) = p.spec().shape.plan(w, h, FocalPoint::new(0.3, 0.8));
                let want = match p.spec().shape {
                    Shape::Crop { width, height } => (width, height),
                    Shape::Fit { max_side } => {
                        let s = f64::from(max_side) / f64::from(w.max(h));
                        (
                            (f64::from(w) * s).round() as u32,
                            (f64::from(h) * s).round() as u32,
                        )
                    }
                };
                assert_eq!(out, want, "{p} from {w}×{h}");
                assert!(rect.x + rect.width <= w && rect.y + rect.height <= h);
                if let Some(r) = p.spec().shape.ratio() {
                    let got = f64::from(rect.width) / f64::from(rect.height);
                    assert!((got / r - 1.0).abs() < 0.002, "{p}: {got} vs {r}");
                }
            }
        }
    }

    #[test]
    fn the_editor_and_the_rendition_agree_on_the_crop() {
        let f = FocalPoint::new(0.1234, 0.9);
        let r = crop_for(Preset::InstagramSquare, 4000, 3000, f);
        assert_eq!(r, focal_crop(4000, 3000, 1, 1, f.quantized()));
    }
}
