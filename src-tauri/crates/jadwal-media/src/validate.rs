//! Each network's rules for pictures: ONE table, with the date it was last
//! checked, and a pure check of a post's pictures against it that says what
//! is wrong in plain words and which one-click fix puts it right.
//!
//! Facts from ../shared/PLATFORMS.md (Images). Where a server tells its own
//! limits (a Mastodon instance's media count and sizes), the engine reads
//! them and passes adjusted rules to `validate_post_with`.

use jadwal_domain::Network;
use serde::{Deserialize, Serialize};

use crate::delivery::{Animation, AnimationLoss, animation};
use crate::format::ImageFormat;
use crate::preset::{BLUESKY_MAX_BYTES, Preset};

/// When the numbers below were last checked against the networks' own docs.
pub const LAST_CHECKED: &str = "2026-11-01";

const JPEG_ONLY: &[ImageFormat] = &[ImageFormat::Jpeg];
const JPEG_PNG: &[ImageFormat] = &[ImageFormat::Jpeg, ImageFormat::Png];
const JPEG_PNG_GIF: &[ImageFormat] = &[ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::Gif];
const JPEG_PNG_WEBP: &[ImageFormat] = &[ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::Webp];
const ANY: &[ImageFormat] = &ImageFormat::ALL;

/// What a network accepts in one post.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ImageRules {
    /// Pictures in one post (a carousel or an album counts as one post).
    pub max_images: u32,
    /// Bytes per picture.
    pub max_bytes: Option<u64>,
    /// Bytes per animated GIF, where it differs.
    pub max_animated_bytes: Option<u64>,
    /// Pictures smaller than this in bytes are refused (Google).
    pub min_bytes: Option<u64>,
    pub formats: &'static [ImageFormat],
    /// Width over height, both ends allowed.
    pub ratio: Option<(f64, f64)>,
    pub min_width: u32,
    pub min_height: u32,
    /// Width plus height (Telegram).
    pub max_width_plus_height: Option<u32>,
    /// Longest side over shortest side (Telegram).
    pub max_aspect: Option<f64>,
    /// Whether an animation is posted as one (otherwise its first frame is).
    pub keeps_animation: bool,
    /// An animation must be the only picture of its post (X).
    pub animation_alone: bool,
    /// The renditions made for this network, the usual one first: a picture
    /// of the wrong shape is fixed with the closest of them.
    pub presets: &'static [Preset],
}

impl ImageRules {
    const fn new(
        max_images: u32,
        formats: &'static [ImageFormat],
        presets: &'static [Preset],
    ) -> Self {
        ImageRules {
            max_images,
            max_bytes: None,
            max_animated_bytes: None,
            min_bytes: None,
            formats,
            ratio: None,
            min_width: 1,
            min_height: 1,
            max_width_plus_height: None,
            max_aspect: None,
            keeps_animation: false,
            animation_alone: false,
            presets,
        }
    }
    const fn bytes(self, max: u64) -> Self {
        ImageRules {
            max_bytes: Some(max),
            ..self
        }
    }
    const fn animated_bytes(self, max: u64) -> Self {
        ImageRules {
            max_animated_bytes: Some(max),
            ..self
        }
    }
    const fn min_bytes(self, min: u64) -> Self {
        ImageRules {
            min_bytes: Some(min),
            ..self
        }
    }
    const fn ratio(self, min: f64, max: f64) -> Self {
        ImageRules {
            ratio: Some((min, max)),
            ..self
        }
    }
    const fn min_size(self, width: u32, height: u32) -> Self {
        ImageRules {
            min_width: width,
            min_height: height,
            ..self
        }
    }
    const fn telegram_size(self, sum: u32, aspect: f64) -> Self {
        ImageRules {
            max_width_plus_height: Some(sum),
            max_aspect: Some(aspect),
            ..self
        }
    }
    const fn animation(self, alone: bool) -> Self {
        ImageRules {
            keeps_animation: true,
            animation_alone: alone,
            ..self
        }
    }
}

const MB: u64 = 1_000_000;

/// The table. Every network but the webhook (which takes anything) has
/// exactly one row.
#[rustfmt::skip] // one row per network reads as the table it is
const IMAGE_RULES: [(Network, ImageRules); 11] = [
    // About 1,000,000 bytes per image (kept a little under); any shape (send aspectRatio).
    (Network::Bluesky, ImageRules::new(4, JPEG_PNG_WEBP, &[Preset::Bluesky]).bytes(BLUESKY_MAX_BYTES)),
    // The defaults of large instances; each instance sets its own (read them from it).
    (Network::Mastodon, ImageRules::new(4, ANY, &[Preset::Mastodon]).bytes(16 * MB).animation(false)),
    // Photo 10 MB; width + height at most 10,000; ratio at most 20. Albums of 2–10.
    (Network::Telegram, ImageRules::new(10, ANY, &[Preset::Mastodon]).bytes(10 * MB).telegram_size(10_000, 20.0)),
    // Feed: JPEG only, 8 MB, width 320–1440 (wider is scaled down), 4:5 to 1.91:1. Carousel up to 10.
    (Network::Instagram, ImageRules::new(10, JPEG_ONLY, &[Preset::InstagramPortrait, Preset::InstagramSquare, Preset::InstagramLandscape])
        .bytes(8 * MB).ratio(0.8, 1.91).min_size(320, 1)),
    (Network::Facebook, ImageRules::new(10, JPEG_PNG, &[Preset::Facebook])),
    (Network::Linkedin, ImageRules::new(20, JPEG_PNG_GIF, &[Preset::Linkedin]).bytes(5 * MB).animation(false)),
    // 4 photos or 1 GIF; 5 MB per image, 15 MB per GIF.
    (Network::X, ImageRules::new(4, ANY, &[Preset::X]).bytes(5 * MB).animated_bytes(15 * MB).animation(true)),
    // Photo posts as stories: one 9:16 JPEG.
    (Network::Tiktok, ImageRules::new(1, JPEG_ONLY, &[Preset::Story])),
    // Carousel up to 5; 2:3 is the shape the feed shows whole.
    (Network::Pinterest, ImageRules::new(5, JPEG_PNG, &[Preset::Pinterest])),
    // Carousel of 2–20; 4:5 recommended.
    (Network::Threads, ImageRules::new(20, JPEG_PNG, &[Preset::InstagramPortrait]).bytes(8 * MB)),
    // 10 KB to 5 MB, at least 250×250.
    (Network::GoogleBusiness, ImageRules::new(1, JPEG_PNG, &[Preset::GoogleBusiness])
        .bytes(5 * MB).min_bytes(10_240).min_size(250, 250)),
];

/// The picture rules of `network`; None for the webhook, which takes anything.
pub fn image_rules(network: Network) -> Option<ImageRules> {
    IMAGE_RULES
        .iter()
        .find(|(n, _)| *n == network)
        .map(|&(_, rules)| rules)
}

/// What the checks need to know about one picture as it would be posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageFacts {
    /// The name the person knows it by (used in messages).
    pub name: String,
    pub format: ImageFormat,
    pub byte_size: u64,
    /// As seen, after EXIF orientation.
    pub width: u32,
    pub height: u32,
    pub animated: bool,
}

/// Whether a problem stops the post from being scheduled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The network would refuse it: scheduling waits until it is fixed.
    Error,
    /// The network takes it, but not as the person may expect.
    Warning,
}

/// What is wrong, as a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    TooManyImages,
    AnimationNotAlone,
    FormatNotAccepted,
    TooHeavy,
    TooLight,
    ShapeNotAccepted,
    TooSmall,
    TooLarge,
    TooLong,
    AnimationDropped,
}

impl ProblemCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::TooManyImages => "too_many_images",
            ProblemCode::AnimationNotAlone => "animation_not_alone",
            ProblemCode::FormatNotAccepted => "format_not_accepted",
            ProblemCode::TooHeavy => "too_heavy",
            ProblemCode::TooLight => "too_light",
            ProblemCode::ShapeNotAccepted => "shape_not_accepted",
            ProblemCode::TooSmall => "too_small",
            ProblemCode::TooLarge => "too_large",
            ProblemCode::TooLong => "too_long",
            ProblemCode::AnimationDropped => "animation_dropped",
        }
    }
}

/// The one-click fix for a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Fix {
    /// Post this preset's rendition (cut to a shape the network accepts).
    UseRendition { preset: Preset },
    /// Post a JPEG copy of the whole picture.
    ConvertToJpeg,
    /// Post a copy of at most `max_bytes`: lower quality step by step, then
    /// size (`recompress`).
    Recompress { max_bytes: u64 },
    /// Post a copy at most `max_side` on its longest side.
    Shrink { max_side: u32 },
    /// Keep the first `keep` pictures and move the rest to a second post
    /// (or the next post of a thread).
    MoveToNewPost { keep: usize },
}

/// One thing wrong with a post's pictures for one network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub network: Network,
    /// Which picture (index into the post's pictures); None for the post.
    pub image: Option<usize>,
    pub code: ProblemCode,
    pub severity: Severity,
    /// In plain words, naming the picture and the network.
    pub message: String,
    pub fix: Option<Fix>,
}

/// Checks a post's pictures against `network`'s rules from the table.
pub fn validate_post(images: &[ImageFacts], network: Network) -> Vec<Problem> {
    match image_rules(network) {
        Some(rules) => validate_post_with(images, network, &rules),
        None => Vec::new(),
    }
}

fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / MB as f64;
    if mb >= 10.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

fn ratio_text(r: f64) -> String {
    let text = format!("{r:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}:1")
}

/// Checks a post's pictures against `rules` (the table's row, or one the
/// engine adjusted with what the server says). Pure: no IO.
pub fn validate_post_with(
    images: &[ImageFacts],
    network: Network,
    rules: &ImageRules,
) -> Vec<Problem> {
    let net = network.display_name();
    let mut problems = Vec::new();
    let mut push = |image: Option<usize>, code, severity, message: String, fix| {
        problems.push(Problem {
            network,
            image,
            code,
            severity,
            message,
            fix,
        });
    };
    let max = rules.max_images as usize;
    if images.len() > max {
        let noun = if max == 1 { "picture" } else { "pictures" };
        push(
            None,
            ProblemCode::TooManyImages,
            Severity::Error,
            format!(
                "{net} takes {max} {noun} in a post and this one has {}; move the rest to a second post",
                images.len()
            ),
            Some(Fix::MoveToNewPost { keep: max }),
        );
    }
    let animations_kept = |img: &ImageFacts| animation(img, rules) == Animation::Kept;
    if rules.animation_alone
        && images.len() > 1
        && let Some(i) = images.iter().position(animations_kept)
    {
        push(
            Some(i),
            ProblemCode::AnimationNotAlone,
            Severity::Error,
            format!(
                "“{}” moves, and {net} takes a moving picture only on its own; move the other pictures to a second post",
                images[i].name
            ),
            Some(Fix::MoveToNewPost { keep: 1 }),
        );
    }
    for (i, img) in images.iter().enumerate() {
        let name = &img.name;
        let i = Some(i);
        if !rules.formats.contains(&img.format) {
            let accepted: Vec<&str> = rules.formats.iter().map(|f| f.display_name()).collect();
            push(
                i,
                ProblemCode::FormatNotAccepted,
                Severity::Error,
                format!(
                    "“{name}” is a {} and {net} takes only {}; convert it to JPEG",
                    img.format.display_name(),
                    accepted.join(" or ")
                ),
                Some(Fix::ConvertToJpeg),
            );
        } else if let Animation::Dropped(why) = animation(img, rules) {
            let why = match why {
                AnimationLoss::NetworkShowsStills => format!("{net} shows pictures still"),
                AnimationLoss::OnlyGifMoves => format!(
                    "{net} shows only GIFs moving and this is a {}",
                    img.format.display_name()
                ),
                AnimationLoss::TooHeavy { max_bytes } => format!(
                    "it is {} and {net} takes at most {} for a moving picture",
                    megabytes(img.byte_size),
                    megabytes(max_bytes)
                ),
            };
            push(
                i,
                ProblemCode::AnimationDropped,
                Severity::Warning,
                format!("“{name}” moves, but {why}: only its first frame will be posted"),
                None,
            );
        }
        // A kept animation is within its limit (else it is dropped, above);
        // anything else is posted as a still picture.
        if let Some(limit) = rules.max_bytes
            && img.byte_size > limit
            && !animations_kept(img)
        {
            push(
                i,
                ProblemCode::TooHeavy,
                Severity::Error,
                format!(
                    "“{name}” is {} and {net} takes at most {} per picture; make a lighter copy",
                    megabytes(img.byte_size),
                    megabytes(limit)
                ),
                Some(Fix::Recompress { max_bytes: limit }),
            );
        }
        if let Some(min) = rules.min_bytes
            && img.byte_size < min
        {
            push(
                i,
                ProblemCode::TooLight,
                Severity::Error,
                format!(
                    "“{name}” is only {} KB and {net} refuses pictures under {} KB; pick a larger, sharper picture",
                    img.byte_size / 1000,
                    min / 1000
                ),
                None,
            );
        }
        let (w, h) = (img.width.max(1), img.height.max(1));
        let r = f64::from(w) / f64::from(h);
        if let Some((lo, hi)) = rules.ratio
            && (r < lo - 0.005 || r > hi + 0.005)
        {
            let closest = closest_preset(rules.presets, r);
            push(
                i,
                ProblemCode::ShapeNotAccepted,
                Severity::Error,
                format!(
                    "“{name}” is {} ({w}×{h}) and {net} takes shapes from {} (tall) to {} (wide); crop it",
                    ratio_text(r),
                    ratio_text(lo),
                    ratio_text(hi)
                ),
                closest.map(|preset| Fix::UseRendition { preset }),
            );
        }
        if w < rules.min_width || h < rules.min_height {
            push(
                i,
                ProblemCode::TooSmall,
                Severity::Error,
                format!(
                    "“{name}” is {w}×{h} pixels and {net} needs at least {}×{}; pick a larger picture",
                    rules.min_width, rules.min_height
                ),
                None,
            );
        }
        if let Some(sum) = rules.max_width_plus_height
            && w + h > sum
        {
            push(
                i,
                ProblemCode::TooLarge,
                Severity::Error,
                format!("“{name}” is {w}×{h} pixels, too large for {net}; make a smaller copy"),
                Some(Fix::Shrink { max_side: 2000 }),
            );
        }
        if let Some(aspect) = rules.max_aspect
            && f64::from(w.max(h)) / f64::from(w.min(h)) > aspect
        {
            push(
                i,
                ProblemCode::TooLong,
                Severity::Error,
                format!("“{name}” is {w}×{h} pixels, too long and thin for {net}; crop it"),
                None,
            );
        }
    }
    problems
}

/// The preset whose shape is closest to `ratio` (compared as a factor, so
/// twice too wide and twice too tall are equally far).
fn closest_preset(presets: &[Preset], ratio: f64) -> Option<Preset> {
    presets
        .iter()
        .filter_map(|p| p.spec().shape.ratio().map(|r| (*p, (r / ratio).ln().abs())))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(p, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(name: &str, format: ImageFormat, bytes: u64, w: u32, h: u32) -> ImageFacts {
        ImageFacts {
            name: name.into(),
            format,
            byte_size: bytes,
            width: w,
            height: h,
            animated: false,
        }
    }

    fn codes(p: &[Problem]) -> Vec<&'static str> {
        p.iter().map(|p| p.code.as_str()).collect()
    }

    #[test]
    fn every_network_but_the_webhook_has_exactly_one_row() {
        for network in Network::ALL {
            let rows = IMAGE_RULES.iter().filter(|(n, _)| *n == network).count();
            assert_eq!(rows, usize::from(network != Network::Webhook), "{network}");
        }
        assert!(
            validate_post(
                &[photo("a.jpg", ImageFormat::Png, u64::MAX, 1, 9999)],
                Network::Webhook
            )
            .is_empty()
        );
    }

    #[test]
    fn rules_match_the_platforms_notes() {
        let r = |n| image_rules(n).unwrap();
        assert_eq!(r(Network::Bluesky).max_images, 4);
        assert!(r(Network::Bluesky).max_bytes.unwrap() <= 1_000_000);
        assert_eq!(r(Network::Instagram).formats, JPEG_ONLY);
        assert_eq!(r(Network::Instagram).ratio, Some((0.8, 1.91)));
        assert_eq!(r(Network::Instagram).max_images, 10);
        assert_eq!(r(Network::X).max_bytes, Some(5 * MB));
        assert_eq!(r(Network::X).max_animated_bytes, Some(15 * MB));
        assert_eq!(r(Network::Linkedin).max_images, 20);
        assert_eq!(r(Network::Pinterest).max_images, 5);
        assert_eq!(r(Network::GoogleBusiness).min_bytes, Some(10_240));
        assert_eq!(
            (
                r(Network::GoogleBusiness).min_width,
                r(Network::GoogleBusiness).min_height
            ),
            (250, 250)
        );
        assert_eq!(r(Network::Telegram).max_width_plus_height, Some(10_000));
        assert_eq!(r(Network::Mastodon).max_images, 4);
        assert_eq!(r(Network::Threads).max_images, 20);
    }

    #[test]
    fn last_checked_is_an_iso_date() {
        let parts: Vec<u32> = LAST_CHECKED
            .split('-')
            .map(|p| p.parse().unwrap())
            .collect();
        assert_eq!(parts.len(), 3);
        assert!((1..=12).contains(&parts[1]) && (1..=31).contains(&parts[2]));
    }

    #[test]
    fn a_good_photo_has_no_problem_anywhere_it_fits() {
        let ok = photo("cake.jpg", ImageFormat::Jpeg, 400_000, 1080, 1350);
        for n in [
            Network::Bluesky,
            Network::Instagram,
            Network::Mastodon,
            Network::X,
            Network::Threads,
        ] {
            assert!(
                validate_post(std::slice::from_ref(&ok), n).is_empty(),
                "{n}"
            );
        }
    }

    #[test]
    fn a_heavy_png_for_bluesky_gets_a_recompress_fix_naming_the_file() {
        let p = validate_post(
            &[photo("menu.png", ImageFormat::Png, 3_400_000, 2000, 2000)],
            Network::Bluesky,
        );
        assert_eq!(codes(&p), ["too_heavy"]);
        assert_eq!(
            p[0].fix,
            Some(Fix::Recompress {
                max_bytes: BLUESKY_MAX_BYTES
            })
        );
        assert_eq!(p[0].image, Some(0));
        assert_eq!(p[0].severity, Severity::Error);
        assert!(
            p[0].message.contains("“menu.png”") && p[0].message.contains("3.4 MB"),
            "{}",
            p[0].message
        );
    }

    #[test]
    fn instagram_wants_jpeg_in_its_shapes() {
        let p = validate_post(
            &[photo("banner.png", ImageFormat::Png, 500_000, 3000, 1000)],
            Network::Instagram,
        );
        assert_eq!(codes(&p), ["format_not_accepted", "shape_not_accepted"]);
        assert_eq!(p[0].fix, Some(Fix::ConvertToJpeg));
        // 3:1 is closest to 1.91:1.
        assert_eq!(
            p[1].fix,
            Some(Fix::UseRendition {
                preset: Preset::InstagramLandscape
            })
        );
        let tall = validate_post(
            &[photo("tall.jpg", ImageFormat::Jpeg, 500_000, 1080, 1920)],
            Network::Instagram,
        );
        assert_eq!(
            tall[0].fix,
            Some(Fix::UseRendition {
                preset: Preset::InstagramPortrait
            })
        );
        // The edges of the range pass: exactly 4:5 and 1.91:1.
        for (w, h) in [(1080, 1350), (1080, 566)] {
            assert!(
                validate_post(
                    &[photo("ok.jpg", ImageFormat::Jpeg, 1, w, h)],
                    Network::Instagram
                )
                .is_empty()
            );
        }
    }

    #[test]
    fn too_many_pictures_move_to_a_second_post() {
        let five: Vec<_> = (0..5)
            .map(|i| photo(&format!("{i}.jpg"), ImageFormat::Jpeg, 1000, 800, 800))
            .collect();
        let p = validate_post(&five, Network::Bluesky);
        assert_eq!(codes(&p), ["too_many_images"]);
        assert_eq!(p[0].fix, Some(Fix::MoveToNewPost { keep: 4 }));
        assert_eq!(p[0].image, None);
        let p = validate_post(&five[..2], Network::GoogleBusiness);
        assert_eq!(p[0].fix, Some(Fix::MoveToNewPost { keep: 1 }));
        assert!(
            p[0].message.contains("1 picture in a post"),
            "{}",
            p[0].message
        );
    }

    #[test]
    fn animations_are_kept_where_a_network_takes_them_and_flagged_elsewhere() {
        let mut gif = photo("dance.gif", ImageFormat::Gif, 9_000_000, 480, 480);
        gif.animated = true;
        let jpg = photo("a.jpg", ImageFormat::Jpeg, 1000, 800, 800);
        // X: a GIF up to 15 MB, alone.
        assert!(validate_post(std::slice::from_ref(&gif), Network::X).is_empty());
        let p = validate_post(&[jpg.clone(), gif.clone()], Network::X);
        assert_eq!(codes(&p), ["animation_not_alone"]);
        assert_eq!(p[0].image, Some(1));
        // Bluesky takes no GIF: convert (and it is heavy).
        let p = validate_post(std::slice::from_ref(&gif), Network::Bluesky);
        assert_eq!(codes(&p), ["format_not_accepted", "too_heavy"]);
        // Telegram takes it as a still picture: a warning, not an error.
        let p = validate_post(std::slice::from_ref(&gif), Network::Telegram);
        assert_eq!(codes(&p), ["animation_dropped"]);
        assert_eq!(p[0].severity, Severity::Warning);
        assert!(
            p[0].message.contains("shows pictures still"),
            "{}",
            p[0].message
        );
        // LinkedIn takes GIFs moving, but only up to 5 MB: the first frame
        // goes, and the warning says why; the picture itself is too heavy too.
        let p = validate_post(std::slice::from_ref(&gif), Network::Linkedin);
        assert_eq!(codes(&p), ["animation_dropped", "too_heavy"]);
        assert!(
            p[0].message.contains("9.0 MB") && p[0].message.contains("5.0 MB for a moving picture"),
            "{}",
            p[0].message
        );
        assert_eq!(p[1].fix, Some(Fix::Recompress { max_bytes: 5 * MB }));
        // X over its 15 MB for a GIF: the same.
        gif.byte_size = 16 * MB;
        let p = validate_post(std::slice::from_ref(&gif), Network::X);
        assert_eq!(codes(&p), ["animation_dropped", "too_heavy"]);
        assert!(p[0].message.contains("15 MB"), "{}", p[0].message);
        // An animated WebP stays still on X: only GIFs move there.
        let mut webp = photo("loop.webp", ImageFormat::Webp, 100_000, 480, 480);
        webp.animated = true;
        let p = validate_post(&[webp, jpg], Network::X);
        assert_eq!(codes(&p), ["animation_dropped"]);
        assert!(
            p[0].message.contains("only GIFs moving"),
            "{}",
            p[0].message
        );
    }

    #[test]
    fn sizes_outside_the_limits_are_named() {
        let p = validate_post(
            &[photo("tiny.jpg", ImageFormat::Jpeg, 5_000, 200, 200)],
            Network::GoogleBusiness,
        );
        assert_eq!(codes(&p), ["too_light", "too_small"]);
        let p = validate_post(
            &[photo("pano.jpg", ImageFormat::Jpeg, 5_000_000, 9000, 1500)],
            Network::Telegram,
        );
        assert_eq!(codes(&p), ["too_large"]);
        assert_eq!(p[0].fix, Some(Fix::Shrink { max_side: 2000 }));
        let p = validate_post(
            &[photo("strip.jpg", ImageFormat::Jpeg, 50_000, 4200, 200)],
            Network::Telegram,
        );
        assert_eq!(codes(&p), ["too_long"]);
    }

    #[test]
    fn an_instance_with_other_limits_is_checked_against_them() {
        let mut rules = image_rules(Network::Mastodon).unwrap();
        rules.max_images = 8;
        rules.max_bytes = Some(2 * MB);
        let six: Vec<_> = (0..6)
            .map(|i| photo(&format!("{i}.jpg"), ImageFormat::Jpeg, 3 * MB, 800, 800))
            .collect();
        let p = validate_post_with(&six, Network::Mastodon, &rules);
        assert!(p.iter().all(|p| p.code == ProblemCode::TooHeavy));
        assert_eq!(p.len(), 6);
    }
}
