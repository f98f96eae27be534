//! What a network gets of a picture: the rendition cut for it, or the
//! untouched original where that is the only way to keep what matters (an
//! animated GIF on a network that shows GIFs moving, within its limits).
//! The checks in `validate` and the engine's publishing both ask here, so
//! what the person is warned about is what is sent.

use jadwal_domain::Network;

use crate::format::ImageFormat;
use crate::preset::Preset;
use crate::validate::{ImageFacts, ImageRules, image_rules};

/// What is sent to a network for one picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// The original's bytes, unchanged (its own MIME type).
    Original,
    /// This preset's rendition (JPEG).
    Rendition(Preset),
}

/// Whether an animation reaches the network moving, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Animation {
    /// The picture does not move.
    Still,
    /// Posted as it is: it moves on the network too.
    Kept,
    /// Only its first frame is posted, for this reason.
    Dropped(AnimationLoss),
}

/// Why only an animation's first frame is posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnimationLoss {
    /// The network shows every picture still.
    NetworkShowsStills,
    /// The network takes moving pictures only as GIF (an APNG or animated
    /// WebP is posted as its first frame).
    OnlyGifMoves,
    /// The GIF is heavier than the network takes for a moving picture.
    TooHeavy { max_bytes: u64 },
}

/// What becomes of `img`'s animation on a network with `rules`.
pub fn animation(img: &ImageFacts, rules: &ImageRules) -> Animation {
    if !img.animated {
        return Animation::Still;
    }
    if !rules.keeps_animation {
        return Animation::Dropped(AnimationLoss::NetworkShowsStills);
    }
    if img.format != ImageFormat::Gif || !rules.formats.contains(&ImageFormat::Gif) {
        return Animation::Dropped(AnimationLoss::OnlyGifMoves);
    }
    if let Some(max_bytes) = rules.max_animated_bytes.or(rules.max_bytes)
        && img.byte_size > max_bytes
    {
        return Animation::Dropped(AnimationLoss::TooHeavy { max_bytes });
    }
    Animation::Kept
}

/// What a network with `rules` gets of `img`: the original for an animation
/// it keeps, else the preset closest to the picture's shape.
pub fn delivery_with(img: &ImageFacts, rules: &ImageRules) -> Option<Delivery> {
    if animation(img, rules) == Animation::Kept {
        return Some(Delivery::Original);
    }
    let ratio = f64::from(img.width.max(1)) / f64::from(img.height.max(1));
    closest_shape(rules.presets, ratio).map(Delivery::Rendition)
}

/// What `network` gets of `img`, by the table's rules; None for a network
/// without picture rules (the webhook), which gets the original.
pub fn delivery(img: &ImageFacts, network: Network) -> Option<Delivery> {
    image_rules(network).and_then(|rules| delivery_with(img, &rules))
}

/// The preset whose shape is closest to `ratio` (as a factor: twice too
/// wide and twice too tall are equally far); a fitted preset, which keeps
/// any shape, is as close as can be.
fn closest_shape(presets: &[Preset], ratio: f64) -> Option<Preset> {
    presets
        .iter()
        .map(|p| {
            let distance = p
                .spec()
                .shape
                .ratio()
                .map_or(0.0, |r| (r / ratio).ln().abs());
            (*p, distance)
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(p, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gif(bytes: u64, animated: bool) -> ImageFacts {
        ImageFacts {
            name: "dance.gif".into(),
            format: ImageFormat::Gif,
            byte_size: bytes,
            width: 480,
            height: 270,
            animated,
        }
    }

    #[test]
    fn an_animated_gif_goes_as_it_is_where_it_moves_and_fits() {
        let small = gif(2_000_000, true);
        for network in [Network::X, Network::Linkedin, Network::Mastodon] {
            assert_eq!(
                delivery(&small, network),
                Some(Delivery::Original),
                "{network}"
            );
        }
        // Networks that show pictures still get their rendition.
        assert_eq!(
            delivery(&small, Network::Telegram),
            Some(Delivery::Rendition(Preset::Mastodon))
        );
        assert_eq!(
            delivery(&small, Network::Bluesky),
            Some(Delivery::Rendition(Preset::Bluesky))
        );
        assert_eq!(
            delivery(&small, Network::Instagram),
            Some(Delivery::Rendition(Preset::InstagramLandscape))
        );
        // The webhook has no rules: the engine sends the original.
        assert_eq!(delivery(&small, Network::Webhook), None);
    }

    #[test]
    fn a_gif_over_the_moving_limit_or_standing_still_gets_the_rendition() {
        // X: 15 MB per GIF; LinkedIn: 5 MB for every picture.
        let heavy = gif(16_000_000, true);
        assert_eq!(
            delivery(&heavy, Network::X),
            Some(Delivery::Rendition(Preset::X))
        );
        let rules = image_rules(Network::X).unwrap();
        assert_eq!(
            animation(&heavy, &rules),
            Animation::Dropped(AnimationLoss::TooHeavy {
                max_bytes: 15_000_000
            })
        );
        assert_eq!(
            delivery(&gif(6_000_000, true), Network::Linkedin),
            Some(Delivery::Rendition(Preset::Linkedin))
        );
        assert_eq!(
            delivery(&gif(6_000_000, true), Network::X),
            Some(Delivery::Original)
        );
        // A still GIF is a picture like any other.
        assert_eq!(
            delivery(&gif(100_000, false), Network::X),
            Some(Delivery::Rendition(Preset::X))
        );
    }

    #[test]
    fn only_gif_moves() {
        let mut webp = gif(100_000, true);
        webp.format = ImageFormat::Webp;
        let rules = image_rules(Network::X).unwrap();
        assert_eq!(
            animation(&webp, &rules),
            Animation::Dropped(AnimationLoss::OnlyGifMoves)
        );
        assert_eq!(
            delivery(&webp, Network::X),
            Some(Delivery::Rendition(Preset::X))
        );
    }

    #[test]
    fn the_closest_shape_is_picked_where_a_network_has_several() {
        let presets = image_rules(Network::Instagram).unwrap().presets;
        assert_eq!(closest_shape(presets, 0.7), Some(Preset::InstagramPortrait));
        assert_eq!(closest_shape(presets, 1.05), Some(Preset::InstagramSquare));
        assert_eq!(
            closest_shape(presets, 2.5),
            Some(Preset::InstagramLandscape)
        );
        assert_eq!(
            closest_shape(&[Preset::Mastodon], 9.0),
            Some(Preset::Mastodon)
        );
        assert_eq!(closest_shape(&[], 1.0), None);
    }
}
