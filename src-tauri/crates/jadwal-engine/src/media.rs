//! The media library: importing pictures, listing and searching them,
//! thumbnails for the window, renditions and crops.
//!
//! The pictures live in `<data dir>/media` (jadwal-media); their rows in the
//! store. CPU and disk work on pictures happens WITHOUT the store's lock, so
//! a 50-photo import never blocks a calendar read.

use base64::Engine as _;
use jadwal_domain::Network;
use jadwal_media::{FocalPoint, MediaLibrary, OriginalRef, Preset, crop_for, image_rules};
use jadwal_store::Store;
use jadwal_store::media::MediaRecord;
use std::path::{Path, PathBuf};

use crate::dto::{
    CropDto, ImportProgressDto, ImportResultDto, MediaDto, NetworkPresetsDto, PresetName,
    RenditionDto, ThumbnailDto,
};
use crate::error::{EngineError, Result};
use crate::media_convert::{self as mc, preset, preset_name};
use crate::{Engine, media_convert};

/// The media folder, beside the data file.
pub const MEDIA_DIR: &str = "media";

pub(crate) fn rendition_dto(
    hash: &str,
    p: Preset,
    r: &jadwal_media::RenditionFile,
) -> RenditionDto {
    RenditionDto {
        hash: hash.to_owned(),
        preset: preset_name(p),
        path: r.path.display().to_string(),
        width: r.width,
        height: r.height,
        byte_size: r.byte_size,
    }
}

impl Engine {
    /// The media folder, created on first use.
    pub(crate) fn media_files(&self) -> Result<MediaLibrary> {
        Ok(MediaLibrary::open(self.data_dir.join(MEDIA_DIR))?)
    }

    /// A picture's library row, or why there is none.
    pub(crate) fn media_record(&self, store: &Store, hash: &str) -> Result<MediaRecord> {
        let hash = jadwal_media::ContentHash::parse(hash)?;
        store
            .media(hash.as_str())?
            .ok_or_else(|| EngineError::MediaNotInLibrary(hash.to_string()))
    }

    /// Adds pictures to the library, one result per file in the same order;
    /// a bad file is reported (naming it) and the rest go on.
    pub fn import_media(&self, paths: &[PathBuf]) -> Result<Vec<ImportResultDto>> {
        self.import_media_with_progress(paths, |_| {})
    }

    /// [`Engine::import_media`], calling `on_progress` as each file finishes
    /// (from worker threads, in no fixed order).
    pub fn import_media_with_progress(
        &self,
        paths: &[PathBuf],
        on_progress: impl Fn(ImportProgressDto) + Sync,
    ) -> Result<Vec<ImportResultDto>> {
        let library = self.media_files()?;
        let results = library.import_many(paths, |p| {
            on_progress(ImportProgressDto {
                done: u32::try_from(p.done).unwrap_or(u32::MAX),
                total: u32::try_from(p.total).unwrap_or(u32::MAX),
                file: p.file.display().to_string(),
                ok: p.ok,
            });
        });
        let now = self.clock.now();
        let mut store = self.store()?;
        let mut imported = Vec::with_capacity(paths.len());
        for (path, result) in paths.iter().zip(results) {
            let file = path.display().to_string();
            let stored = result.map_err(EngineError::from).and_then(|img| {
                store.insert_media(&mc::record(&img, &img.original_name, now))?;
                let row = self.media_record(&store, img.hash.as_str())?;
                Ok((row, img.already_in_library))
            });
            imported.push((file, stored));
        }
        let uses = store.media_uses()?;
        Ok(imported
            .into_iter()
            .map(|(file, stored)| match stored {
                Ok((row, already_in_library)) => ImportResultDto {
                    file,
                    media: Some(mc::media(row, &uses)),
                    already_in_library,
                    error: None,
                },
                Err(e) => ImportResultDto {
                    file,
                    media: None,
                    already_in_library: false,
                    error: Some(e.to_ipc()),
                },
            })
            .collect())
    }

    /// The library, newest first, each with the posts that use it; `query`
    /// searches file names and alt text.
    pub fn media_library(&self, query: Option<&str>) -> Result<Vec<MediaDto>> {
        let store = self.store()?;
        let uses = store.media_uses()?;
        Ok(store
            .list_media(query)?
            .into_iter()
            .map(|m| mc::media(m, &uses))
            .collect())
    }

    /// The rendition of a library picture for `preset` around `focal`
    /// (default: the centre), made now unless cached.
    pub fn rendition_path(
        &self,
        hash: &str,
        preset_name: PresetName,
        focal: Option<(f32, f32)>,
    ) -> Result<RenditionDto> {
        let original = {
            let store = self.store()?;
            mc::original(&self.media_record(&store, hash)?)?
        };
        let p = preset(preset_name);
        let focal = focal.map_or(FocalPoint::CENTER, |(x, y)| FocalPoint::new(x, y));
        let r = self.media_files()?.rendition(&original, p, focal)?;
        Ok(rendition_dto(original.hash.as_str(), p, &r))
    }

    /// Where each preset cuts a library picture around `focal`, for the
    /// editor's previews: no rendition is made.
    pub fn media_crops(&self, hash: &str, focal_x: f32, focal_y: f32) -> Result<Vec<CropDto>> {
        let m = self.media_record(&*self.store()?, hash)?;
        let focal = FocalPoint::new(focal_x, focal_y);
        let (w, h) = (m.width.max(1) as f32, m.height.max(1) as f32);
        Ok(Preset::ALL
            .into_iter()
            .filter(|p| *p != Preset::Thumbnail)
            .map(|p| {
                let rect = crop_for(p, m.width, m.height, focal);
                let (_, (out_width, out_height)) =
                    p.spec().shape.plan(m.width, m.height, focal.quantized());
                CropDto {
                    preset: preset_name(p),
                    label: p.display_name().to_owned(),
                    x: rect.x as f32 / w,
                    y: rect.y as f32 / h,
                    width: rect.width as f32 / w,
                    height: rect.height as f32 / h,
                    out_width,
                    out_height,
                }
            })
            .collect())
    }

    /// The renditions each network gets, from jadwal-media's picture rules,
    /// so the editor previews exactly what will be sent.
    pub fn network_presets(&self) -> Vec<NetworkPresetsDto> {
        Network::ALL
            .into_iter()
            .map(|network| NetworkPresetsDto {
                network,
                presets: image_rules(network)
                    .map(|rules| rules.presets.iter().map(|p| preset_name(*p)).collect())
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// The first picture of each post that has one, as a small data URL
    /// for the calendar chips. One query for the whole page; thumbnails are
    /// cached files (made again if the cache was cleared).
    pub fn post_thumbnails(&self, post_ids: &[i64]) -> Result<Vec<ThumbnailDto>> {
        let wanted: Vec<(i64, MediaRecord)> = {
            let store = self.store()?;
            let mut v = Vec::new();
            for (post_id, hash) in store.first_media(post_ids)? {
                v.push((post_id, self.media_record(&store, &hash)?));
            }
            v
        };
        let library = self.media_files()?;
        wanted
            .into_iter()
            .map(|(post_id, m)| thumbnail(&library, &mc::original(&m)?, Some(post_id)))
            .collect()
    }

    /// Library pictures as small data URLs, for the library grid (ask for
    /// the ones on screen).
    pub fn media_thumbnails(&self, hashes: &[String]) -> Result<Vec<ThumbnailDto>> {
        let originals: Vec<OriginalRef> = {
            let store = self.store()?;
            hashes
                .iter()
                .map(|h| media_convert::original(&self.media_record(&store, h)?))
                .collect::<Result<_>>()?
        };
        let library = self.media_files()?;
        originals
            .iter()
            .map(|o| thumbnail(&library, o, None))
            .collect()
    }
}

fn thumbnail(
    library: &MediaLibrary,
    original: &OriginalRef,
    post_id: Option<i64>,
) -> Result<ThumbnailDto> {
    let file = library.rendition(original, Preset::Thumbnail, FocalPoint::CENTER)?;
    let bytes = read_rendition(&file.path)?;
    Ok(ThumbnailDto {
        hash: original.hash.to_string(),
        post_id,
        data_url: format!(
            "data:image/jpeg;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        ),
    })
}

fn read_rendition(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|_| {
        EngineError::Media(jadwal_media::MediaError::OriginalMissing {
            file: path.to_path_buf(),
        })
    })
}
