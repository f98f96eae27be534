//! A post's pictures: attaching them (with alt text and a focal point),
//! checking them against each target network, the one-click fixes, and the
//! renditions written for each network.

use jadwal_channels::ImageInput;
use jadwal_domain::{Network, PostStatus};
use jadwal_media::{
    Delivery, FocalPoint, ImageFacts, MediaError, Preset, RenditionFile, Severity, crop_for,
    delivery, delivery_with, image_rules, validate_post,
};
use jadwal_store::Store;
use jadwal_store::media::{AttachedMedia, Attachment};
use jadwal_store::posts::{PostWrite, Target};
use std::path::Path;

use crate::Engine;
use crate::dto::{
    AttachmentDto, AttachmentInput, MediaFixDto, MediaFixOutcomeDto, MediaProblemDto,
    WrittenRenditionDto,
};
use crate::error::{EngineError, Result};
use crate::media::rendition_dto;
use crate::media_convert::{self as mc, fix_dto};

/// Where pictures made ready for posting by hand go, inside the data folder.
pub const FOR_POSTING_DIR: &str = "for-posting";

/// The target channels grouped by network, in first-seen order: each
/// network's rules are checked once however many channels share it.
fn networks(
    store: &Store,
    workspace_id: i64,
    targets: &[Target],
) -> Result<Vec<(Network, Vec<i64>)>> {
    let channels = store.channels(workspace_id)?;
    let mut out: Vec<(Network, Vec<i64>)> = Vec::new();
    for t in targets {
        let Some(c) = channels.iter().find(|c| c.id == t.channel_id) else {
            continue;
        };
        match out.iter_mut().find(|(n, _)| *n == c.network) {
            Some((_, ids)) => ids.push(c.id),
            None => out.push((c.network, vec![c.id])),
        }
    }
    Ok(out)
}

/// Every problem of `pictures` (hash and facts, in order) on each network.
fn problems(
    pictures: &[(String, ImageFacts)],
    networks: &[(Network, Vec<i64>)],
) -> Vec<MediaProblemDto> {
    let facts: Vec<ImageFacts> = pictures.iter().map(|(_, f)| f.clone()).collect();
    networks
        .iter()
        .flat_map(|(network, channel_ids)| {
            validate_post(&facts, *network)
                .into_iter()
                .map(|p| MediaProblemDto {
                    network: p.network,
                    channel_ids: channel_ids.clone(),
                    hash: p
                        .image
                        .and_then(|i| pictures.get(i))
                        .map(|(h, _)| h.clone()),
                    position: p.image.and_then(|i| u32::try_from(i).ok()),
                    code: p.code.as_str().to_owned(),
                    severity: match p.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                    }
                    .to_owned(),
                    message: p.message,
                    fix: p.fix.map(fix_dto),
                })
        })
        .collect()
}

/// Refuses pictures a target network would refuse: what scheduling asks.
fn refuse(problems: &[MediaProblemDto], store: &Store, workspace_id: i64) -> Result<()> {
    let errors: Vec<&MediaProblemDto> = problems.iter().filter(|p| p.severity == "error").collect();
    let Some(first) = errors.first() else {
        return Ok(());
    };
    let channels = store.channels(workspace_id)?;
    let mut names: Vec<String> = Vec::new();
    for p in &errors {
        for id in &p.channel_ids {
            if let Some(c) = channels.iter().find(|c| c.id == *id)
                && !names.contains(&c.name)
            {
                names.push(c.name.clone());
            }
        }
    }
    Err(EngineError::MediaProblem {
        channels: names.join(", "),
        first: first.message.clone(),
        count: errors.len(),
    })
}

fn pictures(attached: &[AttachedMedia]) -> Result<Vec<(String, ImageFacts)>> {
    attached
        .iter()
        .map(|a| Ok((a.media.hash.clone(), mc::facts(&a.media)?)))
        .collect()
}

/// The name a fixed copy goes by in the library: the original's, with what
/// was done to it.
fn fixed_name(original: &str, fix: MediaFixDto) -> String {
    let stem = Path::new(original)
        .file_stem()
        .map_or_else(|| original.to_owned(), |s| s.to_string_lossy().into_owned());
    match fix {
        MediaFixDto::UseRendition { preset } => {
            format!("{stem} ({}).jpg", mc::preset(preset).display_name())
        }
        MediaFixDto::ConvertToJpeg => format!("{stem}.jpg"),
        MediaFixDto::Recompress { .. } => format!("{stem} (lighter).jpg"),
        MediaFixDto::Shrink { .. } => format!("{stem} (smaller).jpg"),
        MediaFixDto::MoveToNewPost { .. } => original.to_owned(),
    }
}

/// The focal point moved into a crop's frame, so the cropped copy keeps
/// pointing at the same thing.
fn focal_in_crop(a: &Attachment, preset: Preset, width: u32, height: u32) -> (f32, f32) {
    let focal = FocalPoint::new(a.focal_x, a.focal_y);
    let r = crop_for(preset, width, height, focal);
    let inside = |v: f32, size: u32, start: u32, len: u32| {
        ((v * size as f32 - start as f32) / len.max(1) as f32).clamp(0.0, 1.0)
    };
    (
        inside(focal.x, width, r.x, r.width),
        inside(focal.y, height, r.y, r.height),
    )
}

fn attachments(attached: &[AttachedMedia]) -> Vec<Attachment> {
    attached.iter().map(|a| a.attachment.clone()).collect()
}

impl Engine {
    /// A post's pictures, in order.
    pub fn post_media(&self, post_id: i64) -> Result<Vec<AttachmentDto>> {
        let store = self.store()?;
        self.own_post(&store, post_id)?;
        Ok(store
            .post_media(post_id)?
            .into_iter()
            .map(mc::attachment)
            .collect())
    }

    /// Replaces a post's pictures (order, alt text, focal points). A
    /// scheduled post keeps only pictures all its networks take.
    pub fn set_post_media(
        &self,
        post_id: i64,
        items: &[AttachmentInput],
    ) -> Result<Vec<AttachmentDto>> {
        let mut store = self.store()?;
        let post = self.own_post(&store, post_id)?;
        if !post.status.is_editable() {
            return Err(EngineError::NotEditable);
        }
        let mut list: Vec<Attachment> = Vec::new();
        let mut pictures: Vec<(String, ImageFacts)> = Vec::new();
        for item in items {
            let m = self.media_record(&store, &item.hash)?;
            if list.iter().any(|a| a.hash == m.hash) {
                continue;
            }
            let focal = FocalPoint::new(item.focal_x, item.focal_y);
            pictures.push((m.hash.clone(), mc::facts(&m)?));
            list.push(Attachment {
                hash: m.hash,
                alt_text: item.alt.trim().to_owned(),
                focal_x: focal.x,
                focal_y: focal.y,
            });
        }
        if post.status == PostStatus::Scheduled {
            let nets = networks(&store, self.workspace_id, &post.targets)?;
            refuse(&problems(&pictures, &nets), &store, self.workspace_id)?;
        }
        store.set_post_media(post_id, &list)?;
        Ok(store
            .post_media(post_id)?
            .into_iter()
            .map(mc::attachment)
            .collect())
    }

    /// Changes one picture's alt text and focal point on a post.
    pub fn update_post_media(
        &self,
        post_id: i64,
        item: &AttachmentInput,
    ) -> Result<Vec<AttachmentDto>> {
        let mut store = self.store()?;
        let post = self.own_post(&store, post_id)?;
        if !post.status.is_editable() {
            return Err(EngineError::NotEditable);
        }
        let hash = jadwal_media::ContentHash::parse(&item.hash)?.to_string();
        let focal = FocalPoint::new(item.focal_x, item.focal_y);
        store
            .update_attachment(
                post_id,
                &Attachment {
                    hash: hash.clone(),
                    alt_text: item.alt.trim().to_owned(),
                    focal_x: focal.x,
                    focal_y: focal.y,
                },
            )
            .map_err(|e| match e {
                jadwal_store::StoreError::NotFound { .. } => EngineError::MediaNotOnPost(hash),
                e => e.into(),
            })?;
        Ok(store
            .post_media(post_id)?
            .into_iter()
            .map(mc::attachment)
            .collect())
    }

    /// What each target network would say about the post's pictures, with
    /// the one-click fix where there is one.
    pub fn post_media_checks(&self, post_id: i64) -> Result<Vec<MediaProblemDto>> {
        let store = self.store()?;
        let post = self.own_post(&store, post_id)?;
        let nets = networks(&store, self.workspace_id, &post.targets)?;
        Ok(problems(&pictures(&store.post_media(post_id)?)?, &nets))
    }

    /// Refuses to schedule a post whose pictures break a target network's
    /// rules (called by the save; drafts may keep them).
    pub(crate) fn refuse_media_problems(
        &self,
        store: &Store,
        post_id: i64,
        targets: &[Target],
    ) -> Result<()> {
        let nets = networks(store, self.workspace_id, targets)?;
        refuse(
            &problems(&pictures(&store.post_media(post_id)?)?, &nets),
            store,
            self.workspace_id,
        )
    }

    /// Carries out a one-click fix: the fixed copy joins the library and
    /// takes the picture's place on the post (alt text kept, focal point
    /// moved into the crop); or, for too many pictures, the extra ones move
    /// to a new draft with the same text, channels and labels.
    pub fn apply_media_fix(
        &self,
        post_id: i64,
        hash: Option<&str>,
        fix: MediaFixDto,
    ) -> Result<MediaFixOutcomeDto> {
        let (post, attached) = {
            let store = self.store()?;
            let post = self.own_post(&store, post_id)?;
            if !post.status.is_editable() {
                return Err(EngineError::NotEditable);
            }
            let attached = store.post_media(post_id)?;
            (post, attached)
        };
        if let MediaFixDto::MoveToNewPost { keep } = fix {
            let keep = (keep as usize).max(1);
            let mut new_post_id = None;
            if attached.len() > keep {
                let mut store = self.store()?;
                let all = attachments(&attached);
                let draft = PostWrite {
                    text: post.text.clone(),
                    status: PostStatus::Draft,
                    schedule: None,
                    targets: post.targets.clone(),
                    label_ids: post.label_ids.clone(),
                };
                let id = store.insert_post(self.workspace_id, &draft, self.clock.now())?;
                store.set_post_media(id, &all[keep..])?;
                store.set_post_media(post_id, &all[..keep])?;
                new_post_id = Some(id);
            }
            return Ok(MediaFixOutcomeDto {
                media: self.post_media(post_id)?,
                new_post_id,
            });
        }
        let wanted = hash.unwrap_or_default();
        let at = attached
            .iter()
            .position(|a| a.media.hash.eq_ignore_ascii_case(wanted))
            .ok_or_else(|| EngineError::MediaNotOnPost(wanted.to_owned()))?;
        let target = &attached[at];
        // The picture work runs without the store's lock.
        let library = self.media_files()?;
        let original = mc::original(&target.media)?;
        let focal = FocalPoint::new(target.attachment.focal_x, target.attachment.focal_y);
        let Some(file) = library.apply_fix(&original, &mc::fix(fix), focal)? else {
            return Ok(MediaFixOutcomeDto {
                media: self.post_media(post_id)?,
                new_post_id: None,
            });
        };
        let img = library.import(&file.path)?;
        let name = fixed_name(&target.media.original_name, fix);
        let (focal_x, focal_y) = match fix {
            MediaFixDto::UseRendition { preset } => focal_in_crop(
                &target.attachment,
                mc::preset(preset),
                target.media.width,
                target.media.height,
            ),
            _ => (target.attachment.focal_x, target.attachment.focal_y),
        };
        let mut store = self.store()?;
        store.insert_media(&mc::record(&img, &name, self.clock.now()))?;
        // Read again under the lock: the post may have changed meanwhile.
        let mut list = attachments(&store.post_media(post_id)?);
        let new_hash = img.hash.to_string();
        if let Some(slot) = list.iter().position(|a| a.hash == target.media.hash) {
            if list.iter().any(|a| a.hash == new_hash) {
                list.remove(slot);
            } else {
                let a = &mut list[slot];
                a.hash = new_hash;
                a.focal_x = focal_x;
                a.focal_y = focal_y;
            }
            store.set_post_media(post_id, &list)?;
        }
        Ok(MediaFixOutcomeDto {
            media: store
                .post_media(post_id)?
                .into_iter()
                .map(mc::attachment)
                .collect(),
            new_post_id: None,
        })
    }

    /// The post's pictures cut for each of its networks, in a folder of
    /// their own inside the data folder (emptied first), for the person to
    /// upload by hand to Instagram, Facebook, TikTok… Returns the folder and
    /// what was written.
    pub fn pictures_for_posting(
        &self,
        post_id: i64,
    ) -> Result<(std::path::PathBuf, Vec<WrittenRenditionDto>)> {
        let folder = self
            .data_dir
            .join(FOR_POSTING_DIR)
            .join(format!("post-{post_id}"));
        if folder.exists() {
            std::fs::remove_dir_all(&folder).map_err(|e| EngineError::OutputFolder {
                path: folder.clone(),
                source: e,
            })?;
        }
        let written = self.write_renditions(post_id, &folder)?;
        Ok((folder, written))
    }

    /// Writes every picture of a post as each target network would get it
    /// into `folder` (created if needed), named
    /// `<post>-<n>-<network>-<preset>.jpg` (`.gif` for an animated GIF the
    /// network takes as it is).
    pub fn write_renditions(
        &self,
        post_id: i64,
        folder: &Path,
    ) -> Result<Vec<WrittenRenditionDto>> {
        let (nets, attached) = {
            let store = self.store()?;
            let post = self.own_post(&store, post_id)?;
            (
                networks(&store, self.workspace_id, &post.targets)?,
                store.post_media(post_id)?,
            )
        };
        std::fs::create_dir_all(folder).map_err(|e| EngineError::OutputFolder {
            path: folder.to_path_buf(),
            source: e,
        })?;
        let library = self.media_files()?;
        let mut written = Vec::new();
        for a in &attached {
            let original = mc::original(&a.media)?;
            let facts = mc::facts(&a.media)?;
            // Per network: what it gets, and the preset the file is named after.
            let plans: Vec<(Network, Delivery, Preset)> = nets
                .iter()
                .filter_map(|(n, _)| {
                    let rules = image_rules(*n)?;
                    let d = delivery_with(&facts, &rules)?;
                    let named = match d {
                        Delivery::Rendition(p) => p,
                        Delivery::Original => *rules.presets.first()?,
                    };
                    Some((*n, d, named))
                })
                .collect();
            let presets: Vec<Preset> = plans
                .iter()
                .filter_map(|(_, d, _)| match d {
                    Delivery::Rendition(p) => Some(*p),
                    Delivery::Original => None,
                })
                .collect();
            let focal = FocalPoint::new(a.attachment.focal_x, a.attachment.focal_y);
            // One decode for every network's rendition of this picture.
            let mut files = library.renditions(&original, &presets, focal)?.into_iter();
            for (network, d, p) in plans {
                let file = match d {
                    Delivery::Rendition(_) => files.next(),
                    // An animation the network takes goes as it is.
                    Delivery::Original => Some(RenditionFile {
                        key: a.media.hash.clone(),
                        path: library.original_path(&original),
                        width: a.media.width,
                        height: a.media.height,
                        byte_size: a.media.byte_size,
                    }),
                };
                let Some(file) = file else { continue };
                let extension = match d {
                    Delivery::Rendition(_) => "jpg",
                    Delivery::Original => original.format.extension(),
                };
                let out = folder.join(format!(
                    "{post_id}-{}-{}-{}.{extension}",
                    a.position + 1,
                    network.as_str(),
                    p.as_str()
                ));
                std::fs::copy(&file.path, &out).map_err(|e| EngineError::OutputFolder {
                    path: folder.to_path_buf(),
                    source: e,
                })?;
                let mut r = rendition_dto(&a.media.hash, p, &file);
                r.path = out.display().to_string();
                written.push(WrittenRenditionDto {
                    network,
                    position: a.position,
                    rendition: r,
                });
            }
        }
        Ok(written)
    }
}

/// One picture of a post on its way to a network.
struct Outgoing {
    original: jadwal_media::OriginalRef,
    width: u32,
    height: u32,
    /// None: the network has no picture rules (the webhook).
    delivery: Option<Delivery>,
    focal: FocalPoint,
    alt: String,
}

impl Outgoing {
    /// The bytes to send: the network's rendition (made now unless cached),
    /// or the untouched original where the network has no picture rules or
    /// takes it as it is (an animated GIF). Blocking CPU and disk work.
    fn load(self, library: &jadwal_media::MediaLibrary) -> Result<ImageInput> {
        let Some(Delivery::Rendition(preset)) = self.delivery else {
            let bytes = library.read_original(&self.original)?;
            return Ok(ImageInput {
                bytes,
                mime: self.original.format.mime_type().to_owned(),
                width: self.width,
                height: self.height,
                alt: self.alt,
            });
        };
        let file = library.rendition(&self.original, preset, self.focal)?;
        let bytes = std::fs::read(&file.path).map_err(|e| MediaError::reading(&file.path, e))?;
        Ok(ImageInput {
            bytes,
            mime: "image/jpeg".to_owned(),
            width: file.width,
            height: file.height,
            alt: self.alt,
        })
    }
}

impl Engine {
    /// A post's pictures as `network` gets them, in order, with their alt
    /// text. The renditions are made on a blocking thread, never on the
    /// async runtime that publishes.
    pub(crate) async fn images_for(
        &self,
        post_id: i64,
        network: Network,
    ) -> Result<Vec<ImageInput>> {
        let attached = self.store()?.post_media(post_id)?;
        if attached.is_empty() {
            return Ok(Vec::new());
        }
        let library = self.media_files()?;
        let planned = attached
            .iter()
            .map(|a| {
                Ok(Outgoing {
                    original: mc::original(&a.media)?,
                    width: a.media.width,
                    height: a.media.height,
                    delivery: delivery(&mc::facts(&a.media)?, network),
                    focal: FocalPoint::new(a.attachment.focal_x, a.attachment.focal_y),
                    alt: a.attachment.alt_text.clone(),
                })
            })
            .collect::<Result<Vec<Outgoing>>>()?;
        tokio::task::spawn_blocking(move || planned.into_iter().map(|o| o.load(&library)).collect())
            .await
            .map_err(|_| EngineError::Poisoned)?
    }
}
