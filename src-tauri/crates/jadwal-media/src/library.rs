//! The media folder: originals kept byte for byte under their SHA-256, and
//! renditions derived from them, cached under a key that changes whenever
//! anything that shapes them changes.
//!
//! ```text
//! <root>/originals/<first 2 hex>/<sha256>.<ext>   never modified
//! <root>/renditions/<key>.jpg                      derived, rebuilt on demand
//! ```
//!
//! Every file is written to a temporary file in the same folder and renamed
//! into place, so a crash never leaves half a file under a real name.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::crop::FocalPoint;
use crate::decode::{self, Limits, Probe};
use crate::error::{MediaError, Result};
use crate::format::ImageFormat;
use crate::orientation::Orientation;
use crate::preset::{DEFAULT_QUALITY, Preset, RenditionSpec, Shape};
use crate::render::{self, Rendered};
use crate::validate::{Fix, ImageFacts};

/// Bump when the rendering pipeline changes what it makes: every cached
/// rendition is then made again.
pub const RENDITION_VERSION: u32 = 2;

/// A SHA-256, as 64 lower-case hex digits: the name of an original.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ContentHash(String);

impl ContentHash {
    pub fn of(bytes: &[u8]) -> ContentHash {
        let digest = Sha256::digest(bytes);
        let mut hex = String::with_capacity(64);
        for b in digest {
            use fmt::Write as _;
            let _ = write!(hex, "{b:02x}");
        }
        ContentHash(hex)
    }

    /// Checks a hash that came from outside (the database, the window): it
    /// becomes part of a path, so nothing but 64 hex digits passes.
    pub fn parse(s: &str) -> Result<ContentHash> {
        let ok = s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit());
        if ok {
            Ok(ContentHash(s.to_ascii_lowercase()))
        } else {
            Err(MediaError::InvalidId(s.chars().take(80).collect()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ContentHash {
    type Error = MediaError;
    fn try_from(s: String) -> Result<Self> {
        ContentHash::parse(&s)
    }
}

impl From<ContentHash> for String {
    fn from(h: ContentHash) -> String {
        h.0
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the engine keeps to find an original again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OriginalRef {
    pub hash: ContentHash,
    pub format: ImageFormat,
}

/// An image added to the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedImage {
    pub hash: ContentHash,
    /// The real format, from the file's content.
    pub format: ImageFormat,
    pub byte_size: u64,
    /// The size as seen, after EXIF orientation.
    pub width: u32,
    pub height: u32,
    pub orientation: Orientation,
    /// More than one frame: renditions show the first.
    pub animated: bool,
    /// The file's name as the person had it.
    pub original_name: String,
    /// Where the original is kept in the library.
    pub path: PathBuf,
    /// The same bytes were already in the library (nothing was copied).
    pub already_in_library: bool,
    /// The small picture for the library grid and the calendar.
    pub thumbnail: RenditionFile,
}

impl ImportedImage {
    pub fn original(&self) -> OriginalRef {
        OriginalRef {
            hash: self.hash.clone(),
            format: self.format,
        }
    }

    /// What the per-network checks need to know about the original.
    pub fn facts(&self) -> ImageFacts {
        ImageFacts {
            name: self.original_name.clone(),
            format: self.format,
            byte_size: self.byte_size,
            width: self.width,
            height: self.height,
            animated: self.animated,
        }
    }
}

/// A rendition on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenditionFile {
    pub key: String,
    pub path: PathBuf,
    pub width: u32,
    pub height: u32,
    pub byte_size: u64,
}

impl RenditionFile {
    /// What the per-network checks need to know about this rendition.
    pub fn facts(&self, name: &str) -> ImageFacts {
        ImageFacts {
            name: name.to_owned(),
            format: ImageFormat::Jpeg,
            byte_size: self.byte_size,
            width: self.width,
            height: self.height,
            animated: false,
        }
    }
}

/// How far a batch import has got.
#[derive(Debug, Clone, Copy)]
pub struct ImportProgress<'a> {
    /// Files finished (added or refused), this one included.
    pub done: usize,
    pub total: usize,
    pub file: &'a Path,
    pub ok: bool,
}

/// The media folder. Cheap to share across threads (`&MediaLibrary` is
/// `Sync`); every method is blocking CPU and disk work, so the engine calls
/// it from `spawn_blocking` or a rayon pool, never on the async runtime.
#[derive(Debug, Clone)]
pub struct MediaLibrary {
    root: PathBuf,
    limits: Limits,
}

impl MediaLibrary {
    /// Opens (creating if needed) the media folder at `root`, usually
    /// `<data dir>/media`.
    pub fn open(root: impl Into<PathBuf>) -> Result<MediaLibrary> {
        let root = root.into();
        for sub in ["originals", "renditions"] {
            let dir = root.join(sub);
            std::fs::create_dir_all(&dir).map_err(|e| MediaError::writing(&dir, e))?;
        }
        Ok(MediaLibrary {
            root,
            limits: Limits::default(),
        })
    }

    pub fn with_limits(mut self, limits: Limits) -> MediaLibrary {
        self.limits = limits;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Where an original is kept.
    pub fn original_path(&self, original: &OriginalRef) -> PathBuf {
        let hex = original.hash.as_str();
        self.root
            .join("originals")
            .join(&hex[..2])
            .join(format!("{hex}.{}", original.format.extension()))
    }

    /// Where a rendition with this key is kept.
    pub fn rendition_path(&self, key: &str) -> PathBuf {
        self.root.join("renditions").join(format!("{key}.jpg"))
    }

    /// Adds the picture at `file` to the library: reads it once, checks what
    /// it really is and that it decodes within the limits, copies it byte for
    /// byte under its SHA-256 (once: the same bytes are never stored twice)
    /// and makes its thumbnail. A refused file leaves the library untouched.
    pub fn import(&self, file: &Path) -> Result<ImportedImage> {
        let bytes = read_source(file, &self.limits)?;
        let probe = decode::probe(&bytes, file, &self.limits)?;
        let original = OriginalRef {
            hash: ContentHash::of(&bytes),
            format: probe.format,
        };
        let path = self.original_path(&original);
        let already_in_library = path.is_file();
        // Decoding the thumbnail is the check that the whole file reads:
        // it happens before the original is copied.
        let thumbnail = self.renditions_from(
            &original,
            &bytes,
            &probe,
            file,
            &[(Preset::Thumbnail.as_str(), Preset::Thumbnail.spec())],
            FocalPoint::CENTER,
        )?;
        if !already_in_library {
            let dir = path.parent().unwrap_or(&self.root);
            std::fs::create_dir_all(dir).map_err(|e| MediaError::writing(dir, e))?;
            write_atomically(&path, &bytes, true)?;
        }
        let (width, height) = probe.size();
        let thumbnail = thumbnail
            .into_iter()
            .next()
            .ok_or_else(|| MediaError::Encode {
                file: file.to_path_buf(),
                detail: "no thumbnail was made".into(),
            })?;
        Ok(ImportedImage {
            hash: original.hash,
            format: probe.format,
            byte_size: bytes.len() as u64,
            width,
            height,
            orientation: probe.orientation,
            animated: probe.animated,
            original_name: file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path,
            already_in_library,
            thumbnail,
        })
    }

    /// Imports every file, in parallel on the current rayon pool, and never
    /// stops at a bad one: one result per path, in the same order.
    /// `on_progress` is called once per file as it finishes (from worker
    /// threads, in no fixed order).
    pub fn import_many<P>(
        &self,
        files: &[P],
        on_progress: impl Fn(ImportProgress<'_>) + Sync,
    ) -> Vec<Result<ImportedImage>>
    where
        P: AsRef<Path> + Sync,
    {
        let done = AtomicUsize::new(0);
        let total = files.len();
        files
            .par_iter()
            .map(|file| {
                let file = file.as_ref();
                let result = self.import(file);
                on_progress(ImportProgress {
                    done: done.fetch_add(1, Ordering::Relaxed) + 1,
                    total,
                    file,
                    ok: result.is_ok(),
                });
                result
            })
            .collect()
    }

    /// The original's bytes.
    pub fn read_original(&self, original: &OriginalRef) -> Result<Vec<u8>> {
        let path = self.original_path(original);
        std::fs::read(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => MediaError::OriginalMissing { file: path.clone() },
            _ => MediaError::reading(&path, e),
        })
    }

    /// The rendition of `original` for `preset` around `focal`: from the
    /// cache, or made now.
    pub fn rendition(
        &self,
        original: &OriginalRef,
        preset: Preset,
        focal: FocalPoint,
    ) -> Result<RenditionFile> {
        let mut v = self.renditions(original, &[preset], focal)?;
        v.pop().ok_or_else(|| MediaError::Encode {
            file: self.original_path(original),
            detail: "no rendition was made".into(),
        })
    }

    /// The renditions of `original` for each preset (same order), making the
    /// missing ones from a single decode, in parallel.
    pub fn renditions(
        &self,
        original: &OriginalRef,
        presets: &[Preset],
        focal: FocalPoint,
    ) -> Result<Vec<RenditionFile>> {
        let specs: Vec<(&str, RenditionSpec)> =
            presets.iter().map(|p| (p.as_str(), p.spec())).collect();
        self.cached(original, &specs, focal)
    }

    /// Carries out a one-click fix that makes a new picture: the rendition
    /// to post instead of the original. `None` for fixes that change the
    /// post rather than the picture (moving images to a second post).
    pub fn apply_fix(
        &self,
        original: &OriginalRef,
        fix: &Fix,
        focal: FocalPoint,
    ) -> Result<Option<RenditionFile>> {
        let spec = match *fix {
            Fix::UseRendition { preset } => (preset.as_str(), preset.spec()),
            Fix::ConvertToJpeg => ("jpeg", whole_picture_spec(DEFAULT_QUALITY.max(90), None)),
            Fix::Recompress { max_bytes } => (
                "under",
                whole_picture_spec(DEFAULT_QUALITY, Some(max_bytes)),
            ),
            Fix::Shrink { max_side } => (
                "shrink",
                RenditionSpec {
                    shape: Shape::Fit { max_side },
                    format: ImageFormat::Jpeg,
                    quality: DEFAULT_QUALITY,
                    max_bytes: None,
                },
            ),
            Fix::MoveToNewPost { .. } => return Ok(None),
        };
        Ok(self.cached(original, &[spec], focal)?.pop())
    }

    /// Removes an original and every rendition made from it. The engine
    /// calls it only once no post uses the picture. Removing what is already
    /// gone is not an error.
    pub fn remove(&self, original: &OriginalRef) -> Result<()> {
        let path = self.original_path(original);
        remove_if_present(&path)?;
        let prefix = key_prefix(&original.hash);
        let dir = self.root.join("renditions");
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(MediaError::writing(&dir, e)),
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                remove_if_present(&entry.path())?;
            }
        }
        Ok(())
    }

    fn cached(
        &self,
        original: &OriginalRef,
        specs: &[(&str, RenditionSpec)],
        focal: FocalPoint,
    ) -> Result<Vec<RenditionFile>> {
        let all_cached = specs.iter().all(|(label, spec)| {
            self.rendition_path(&rendition_key(&original.hash, label, spec, focal))
                .is_file()
        });
        if all_cached {
            return specs
                .iter()
                .map(|(label, spec)| {
                    let key = rendition_key(&original.hash, label, spec, focal);
                    self.describe(key)
                })
                .collect();
        }
        let file = self.original_path(original);
        let bytes = self.read_original(original)?;
        let probe = decode::probe(&bytes, &file, &self.limits)?;
        self.renditions_from(original, &bytes, &probe, &file, specs, focal)
    }

    /// Makes the renditions not already cached from one decode of `bytes`.
    fn renditions_from(
        &self,
        original: &OriginalRef,
        bytes: &[u8],
        probe: &Probe,
        file: &Path,
        specs: &[(&str, RenditionSpec)],
        focal: FocalPoint,
    ) -> Result<Vec<RenditionFile>> {
        let keys: Vec<String> = specs
            .iter()
            .map(|(label, spec)| rendition_key(&original.hash, label, spec, focal))
            .collect();
        let missing: Vec<usize> = (0..specs.len())
            .filter(|&i| !self.rendition_path(&keys[i]).is_file())
            .collect();
        let mut made: Vec<Option<Rendered>> = vec![None; specs.len()];
        if !missing.is_empty() {
            let todo: Vec<RenditionSpec> = missing.iter().map(|&i| specs[i].1).collect();
            let rendered = render::render_probed(bytes, probe, file, &todo, focal, &self.limits)?;
            for (i, r) in missing.iter().zip(rendered) {
                write_atomically(&self.rendition_path(&keys[*i]), &r.jpeg, false)?;
                made[*i] = Some(r);
            }
        }
        keys.into_iter()
            .zip(made)
            .map(|(key, made)| match made {
                Some(r) => Ok(RenditionFile {
                    path: self.rendition_path(&key),
                    key,
                    width: r.width,
                    height: r.height,
                    byte_size: r.jpeg.len() as u64,
                }),
                None => self.describe(key),
            })
            .collect()
    }

    /// A cached rendition's size, from its own header.
    fn describe(&self, key: String) -> Result<RenditionFile> {
        let path = self.rendition_path(&key);
        let bytes = std::fs::read(&path).map_err(|e| MediaError::reading(&path, e))?;
        let probe = decode::probe(&bytes, &path, &self.limits)?;
        Ok(RenditionFile {
            key,
            width: probe.stored_width,
            height: probe.stored_height,
            byte_size: bytes.len() as u64,
            path,
        })
    }
}

fn whole_picture_spec(quality: u8, max_bytes: Option<u64>) -> RenditionSpec {
    RenditionSpec {
        shape: Shape::Fit { max_side: u32::MAX },
        format: ImageFormat::Jpeg,
        quality,
        max_bytes,
    }
}

/// The start every rendition key of an original shares.
fn key_prefix(hash: &ContentHash) -> String {
    format!("{}_", &hash.as_str()[..32])
}

/// The cache key of a rendition: the original (first 128 bits of its hash,
/// plenty to tell pictures apart), what shapes it (label, focal point for
/// cut-to-shape renditions, quality, byte limit) and the pipeline version.
/// Deterministic: the same inputs always give the same key, and moving the
/// focal point gives a new one.
pub fn rendition_key(
    hash: &ContentHash,
    label: &str,
    spec: &RenditionSpec,
    focal: FocalPoint,
) -> String {
    let mut key = format!("{}{label}", key_prefix(hash));
    if let Shape::Crop { .. } = spec.shape {
        let (x, y) = focal.thousandths();
        key.push_str(&format!("_f{x:04}-{y:04}"));
    }
    if let Shape::Fit { max_side } = spec.shape
        && max_side != u32::MAX
    {
        key.push_str(&format!("_m{max_side}"));
    }
    key.push_str(&format!("_q{}", spec.quality));
    if let Some(max) = spec.max_bytes {
        key.push_str(&format!("_b{max}"));
    }
    key.push_str(&format!("_v{RENDITION_VERSION}"));
    key
}

/// Reads a file a person picked, once, noticing when it is gone, a folder,
/// too big, or changing under our feet.
fn read_source(file: &Path, limits: &Limits) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(file).map_err(|e| MediaError::reading(file, e))?;
    if meta.is_dir() {
        return Err(MediaError::NotAFile {
            file: file.to_path_buf(),
        });
    }
    if meta.len() > limits.max_file_bytes {
        return Err(MediaError::FileTooLarge {
            file: file.to_path_buf(),
            bytes: meta.len(),
            max: limits.max_file_bytes,
        });
    }
    let bytes = std::fs::read(file).map_err(|e| MediaError::reading(file, e))?;
    if bytes.len() as u64 != meta.len() {
        return Err(MediaError::FileChanged {
            file: file.to_path_buf(),
        });
    }
    Ok(bytes)
}

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename. `durable` flushes it to the disk first (originals: the only
/// copy Jadwal has once the person deletes theirs).
fn write_atomically(path: &Path, bytes: &[u8], durable: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let fail = |e: std::io::Error| MediaError::writing(dir, e);
    let mut tmp = tempfile::Builder::new()
        .prefix(".incoming-")
        .tempfile_in(dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    if durable {
        tmp.as_file().sync_all().map_err(fail)?;
    }
    match tmp.persist_noclobber(path) {
        Ok(_) => Ok(()),
        // Someone wrote the same content first: content-addressed, so it is ours.
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(fail(e.error)),
    }
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(MediaError::writing(path.parent().unwrap_or(path), e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_sha256_in_hex_and_outside_ones_are_checked() {
        let h = ContentHash::of(b"abc");
        assert_eq!(
            h.as_str(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(ContentHash::parse(&h.as_str().to_uppercase()).unwrap(), h);
        assert!(ContentHash::parse("../../etc/passwd").is_err());
        assert!(ContentHash::parse("").is_err());
        assert_eq!(
            ContentHash::parse("zz").unwrap_err().code(),
            "media_invalid_id"
        );
    }

    #[test]
    fn rendition_keys_change_with_everything_that_shapes_the_picture() {
        let h = ContentHash::of(b"photo");
        let spec = Preset::InstagramSquare.spec();
        let key = |focal| rendition_key(&h, "instagram_square", &spec, focal);
        let a = key(FocalPoint::CENTER);
        assert_eq!(a, key(FocalPoint::new(0.5, 0.5)));
        assert_eq!(
            a,
            key(FocalPoint::new(0.5001, 0.4999)),
            "under a thousandth is the same crop"
        );
        assert_ne!(a, key(FocalPoint::new(0.3, 0.5)));
        let q90 = RenditionSpec {
            quality: 90,
            ..spec
        };
        assert_ne!(
            a,
            rendition_key(&h, "instagram_square", &q90, FocalPoint::CENTER)
        );
        assert_ne!(
            a,
            rendition_key(
                &ContentHash::of(b"other"),
                "instagram_square",
                &spec,
                FocalPoint::CENTER
            )
        );
        // Fitted renditions do not depend on the focal point.
        let bsky = Preset::Bluesky.spec();
        assert_eq!(
            rendition_key(&h, "bluesky", &bsky, FocalPoint::CENTER),
            rendition_key(&h, "bluesky", &bsky, FocalPoint::new(0.1, 0.9))
        );
        assert!(a.starts_with(&key_prefix(&h)));
        assert!(a.len() < 100);
    }
}
