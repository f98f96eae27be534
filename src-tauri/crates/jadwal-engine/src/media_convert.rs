//! jadwal-media's and the store's picture types to DTOs and back. The DTO
//! enums mirror jadwal-media's with exhaustive matches both ways, so a new
//! preset or fix there does not compile until it crosses to the window too.

use chrono::{DateTime, Utc};
use jadwal_media::{ContentHash, Fix, ImageFacts, ImageFormat, ImportedImage, OriginalRef, Preset};
use jadwal_store::media::{AttachedMedia, MediaRecord, MediaUse};

use crate::convert::rfc3339;
use crate::dto::{AttachmentDto, MediaDto, MediaFixDto, MediaUseDto, PresetName};
use crate::error::{EngineError, Result};

pub(crate) fn preset_name(p: Preset) -> PresetName {
    match p {
        Preset::InstagramPortrait => PresetName::InstagramPortrait,
        Preset::InstagramSquare => PresetName::InstagramSquare,
        Preset::InstagramLandscape => PresetName::InstagramLandscape,
        Preset::Story => PresetName::Story,
        Preset::X => PresetName::X,
        Preset::Facebook => PresetName::Facebook,
        Preset::Linkedin => PresetName::Linkedin,
        Preset::Pinterest => PresetName::Pinterest,
        Preset::GoogleBusiness => PresetName::GoogleBusiness,
        Preset::Bluesky => PresetName::Bluesky,
        Preset::Mastodon => PresetName::Mastodon,
        Preset::Thumbnail => PresetName::Thumbnail,
    }
}

pub(crate) fn preset(p: PresetName) -> Preset {
    match p {
        PresetName::InstagramPortrait => Preset::InstagramPortrait,
        PresetName::InstagramSquare => Preset::InstagramSquare,
        PresetName::InstagramLandscape => Preset::InstagramLandscape,
        PresetName::Story => Preset::Story,
        PresetName::X => Preset::X,
        PresetName::Facebook => Preset::Facebook,
        PresetName::Linkedin => Preset::Linkedin,
        PresetName::Pinterest => Preset::Pinterest,
        PresetName::GoogleBusiness => Preset::GoogleBusiness,
        PresetName::Bluesky => Preset::Bluesky,
        PresetName::Mastodon => Preset::Mastodon,
        PresetName::Thumbnail => Preset::Thumbnail,
    }
}

pub(crate) fn fix_dto(f: Fix) -> MediaFixDto {
    match f {
        Fix::UseRendition { preset } => MediaFixDto::UseRendition {
            preset: preset_name(preset),
        },
        Fix::ConvertToJpeg => MediaFixDto::ConvertToJpeg,
        Fix::Recompress { max_bytes } => MediaFixDto::Recompress { max_bytes },
        Fix::Shrink { max_side } => MediaFixDto::Shrink { max_side },
        Fix::MoveToNewPost { keep } => MediaFixDto::MoveToNewPost {
            keep: u32::try_from(keep).unwrap_or(u32::MAX),
        },
    }
}

pub(crate) fn fix(f: MediaFixDto) -> Fix {
    match f {
        MediaFixDto::UseRendition { preset: p } => Fix::UseRendition { preset: preset(p) },
        MediaFixDto::ConvertToJpeg => Fix::ConvertToJpeg,
        MediaFixDto::Recompress { max_bytes } => Fix::Recompress { max_bytes },
        MediaFixDto::Shrink { max_side } => Fix::Shrink { max_side },
        MediaFixDto::MoveToNewPost { keep } => Fix::MoveToNewPost {
            keep: keep as usize,
        },
    }
}

/// The library row for a picture just imported.
pub(crate) fn record(img: &ImportedImage, name: &str, now: DateTime<Utc>) -> MediaRecord {
    MediaRecord {
        hash: img.hash.to_string(),
        format: img.format.as_str().to_owned(),
        byte_size: img.byte_size,
        width: img.width,
        height: img.height,
        original_name: name.to_owned(),
        animated: img.animated,
        imported_at: now,
    }
}

/// Where jadwal-media keeps a stored picture's original. The row came from
/// the database, so both fields are checked before they become a path.
pub(crate) fn original(m: &MediaRecord) -> Result<OriginalRef> {
    Ok(OriginalRef {
        hash: ContentHash::parse(&m.hash)?,
        format: m
            .format
            .parse::<ImageFormat>()
            .map_err(|e| EngineError::Store(jadwal_store::StoreError::Invalid(e)))?,
    })
}

/// What the per-network checks need to know about a stored picture.
pub(crate) fn facts(m: &MediaRecord) -> Result<ImageFacts> {
    Ok(ImageFacts {
        name: m.original_name.clone(),
        format: original(m)?.format,
        byte_size: m.byte_size,
        width: m.width,
        height: m.height,
        animated: m.animated,
    })
}

pub(crate) fn media(m: MediaRecord, uses: &[MediaUse]) -> MediaDto {
    let used_by = uses
        .iter()
        .filter(|u| u.hash == m.hash)
        .map(|u| MediaUseDto {
            post_id: u.post_id,
            excerpt: u.excerpt.clone(),
        })
        .collect();
    MediaDto {
        imported_at: rfc3339(m.imported_at),
        hash: m.hash,
        format: m.format,
        byte_size: m.byte_size,
        width: m.width,
        height: m.height,
        original_name: m.original_name,
        animated: m.animated,
        used_by,
    }
}

pub(crate) fn attachment(a: AttachedMedia) -> AttachmentDto {
    AttachmentDto {
        hash: a.attachment.hash,
        position: a.position,
        alt: a.attachment.alt_text,
        focal_x: a.attachment.focal_x,
        focal_y: a.attachment.focal_y,
        original_name: a.media.original_name,
        format: a.media.format,
        width: a.media.width,
        height: a.media.height,
        byte_size: a.media.byte_size,
    }
}
