//! What can go wrong with an image, in words a shop owner can act on.
//!
//! Every variant names the file it is about, has a stable `code()` the window
//! and scripts branch on, and `params()` for the window's translated sentence.
//! Messages start in lower case; the engine capitalises them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum MediaError {
    #[error("{} could not be found; it may have been moved or deleted", name(.file))]
    FileMissing { file: PathBuf },
    #[error("{} could not be read ({source}); check that Jadwal may open it", name(.file))]
    FileUnreadable {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is a folder, not a picture", name(.file))]
    NotAFile { file: PathBuf },
    #[error("{} changed while it was being added; wait until it is saved and try again", name(.file))]
    FileChanged { file: PathBuf },
    #[error("{} is empty (0 bytes); it is not a picture", name(.file))]
    FileEmpty { file: PathBuf },
    #[error("{} is {} MB; Jadwal takes pictures up to {} MB", name(.file), .bytes / 1_000_000, .max / 1_000_000)]
    FileTooLarge { file: PathBuf, bytes: u64, max: u64 },
    #[error("{} is not a picture (it may be another kind of file with a picture's name); use a JPEG, PNG, WebP or GIF", name(.file))]
    NotAnImage { file: PathBuf },
    #[error("{} is an iPhone HEIC photo, which Jadwal cannot read yet; export it as JPEG (Photos: File › Export, or set Camera › Formats › Most Compatible) and add it again", name(.file))]
    Heic { file: PathBuf },
    #[error("{} is a {kind} file, which Jadwal cannot read; save it as JPEG or PNG and add it again", name(.file))]
    UnsupportedFormat { file: PathBuf, kind: &'static str },
    #[error("{} is cut off (the file ends too early); copy it again from where it came from", name(.file))]
    Truncated { file: PathBuf },
    #[error("{} is damaged and cannot be read ({detail})", name(.file))]
    Corrupt { file: PathBuf, detail: String },
    #[error("{} is {width}×{height} pixels, more than the {max_megapixels} megapixels Jadwal opens; make it smaller and add it again", name(.file))]
    TooManyPixels {
        file: PathBuf,
        width: u32,
        height: u32,
        max_megapixels: u64,
    },
    #[error("{} claims to be {width}×{height} pixels, which no real picture is; it is probably damaged", name(.file))]
    AbsurdDimensions {
        file: PathBuf,
        width: u32,
        height: u32,
    },
    #[error("{} needs more memory to open than Jadwal allows for one picture; make it smaller and add it again", name(.file))]
    TooMuchMemory { file: PathBuf },
    #[error("{} could not be made small enough for {max_bytes} bytes without spoiling it; crop it or pick another picture", name(.file))]
    CannotFitBytes { file: PathBuf, max_bytes: u64 },
    #[error("the picture {} is missing from the media folder; add it again", name(.file))]
    OriginalMissing { file: PathBuf },
    #[error("“{0}” is not a picture id")]
    InvalidId(String),
    #[error("the disk is full; free some space and try again")]
    DiskFull,
    #[error("the media folder {} cannot be written ({source})", .folder.display())]
    LibraryUnwritable {
        folder: PathBuf,
        source: std::io::Error,
    },
    #[error("{} could not be converted ({detail})", name(.file))]
    Encode { file: PathBuf, detail: String },
}

/// The file's name in quotes, as a person would recognise it.
fn name(file: &Path) -> String {
    let shown = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.display().to_string());
    format!("“{shown}”")
}

impl MediaError {
    /// A stable code the web view and scripts branch on.
    pub fn code(&self) -> &'static str {
        match self {
            MediaError::FileMissing { .. } => "media_file_missing",
            MediaError::FileUnreadable { .. } => "media_file_unreadable",
            MediaError::NotAFile { .. } => "media_not_a_file",
            MediaError::FileChanged { .. } => "media_file_changed",
            MediaError::FileEmpty { .. } => "media_file_empty",
            MediaError::FileTooLarge { .. } => "media_file_too_large",
            MediaError::NotAnImage { .. } => "media_not_an_image",
            MediaError::Heic { .. } => "media_heic",
            MediaError::UnsupportedFormat { .. } => "media_unsupported_format",
            MediaError::Truncated { .. } => "media_truncated",
            MediaError::Corrupt { .. } => "media_corrupt",
            MediaError::TooManyPixels { .. } => "media_too_many_pixels",
            MediaError::AbsurdDimensions { .. } => "media_absurd_dimensions",
            MediaError::TooMuchMemory { .. } => "media_too_much_memory",
            MediaError::CannotFitBytes { .. } => "media_cannot_fit_bytes",
            MediaError::OriginalMissing { .. } => "media_original_missing",
            MediaError::InvalidId(_) => "media_invalid_id",
            MediaError::DiskFull => "disk_full",
            MediaError::LibraryUnwritable { .. } => "media_library_unwritable",
            MediaError::Encode { .. } => "media_encode_failed",
        }
    }

    /// The file the error is about, if it is about one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            MediaError::FileMissing { file }
            | MediaError::FileUnreadable { file, .. }
            | MediaError::NotAFile { file }
            | MediaError::FileChanged { file }
            | MediaError::FileEmpty { file }
            | MediaError::FileTooLarge { file, .. }
            | MediaError::NotAnImage { file }
            | MediaError::Heic { file }
            | MediaError::UnsupportedFormat { file, .. }
            | MediaError::Truncated { file }
            | MediaError::Corrupt { file, .. }
            | MediaError::TooManyPixels { file, .. }
            | MediaError::AbsurdDimensions { file, .. }
            | MediaError::TooMuchMemory { file }
            | MediaError::CannotFitBytes { file, .. }
            | MediaError::OriginalMissing { file }
            | MediaError::Encode { file, .. } => Some(file),
            MediaError::InvalidId(_)
            | MediaError::DiskFull
            | MediaError::LibraryUnwritable { .. } => None,
        }
    }

    /// Values the window fills into its translated sentence: always `file`
    /// (the name) and `path` (the full path) when the error is about a file,
    /// plus the numbers the sentence mentions.
    pub fn params(&self) -> BTreeMap<&'static str, String> {
        let mut p = BTreeMap::new();
        if let Some(file) = self.file() {
            let shown = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            p.insert("file", shown);
            p.insert("path", file.display().to_string());
        }
        match self {
            MediaError::FileTooLarge { bytes, max, .. } => {
                p.insert("bytes", bytes.to_string());
                p.insert("max", max.to_string());
            }
            MediaError::UnsupportedFormat { kind, .. } => {
                p.insert("kind", (*kind).to_owned());
            }
            MediaError::Corrupt { detail, .. } | MediaError::Encode { detail, .. } => {
                p.insert("detail", detail.clone());
            }
            MediaError::TooManyPixels {
                width,
                height,
                max_megapixels,
                ..
            } => {
                p.insert("width", width.to_string());
                p.insert("height", height.to_string());
                p.insert("max_megapixels", max_megapixels.to_string());
            }
            MediaError::AbsurdDimensions { width, height, .. } => {
                p.insert("width", width.to_string());
                p.insert("height", height.to_string());
            }
            MediaError::CannotFitBytes { max_bytes, .. } => {
                p.insert("max_bytes", max_bytes.to_string());
            }
            MediaError::InvalidId(id) => {
                p.insert("id", id.clone());
            }
            MediaError::LibraryUnwritable { folder, .. } => {
                p.insert("path", folder.display().to_string());
            }
            _ => {}
        }
        p
    }

    /// Turns an IO error while reading `file` into the variant a person can act on.
    pub fn reading(file: &Path, e: std::io::Error) -> MediaError {
        match e.kind() {
            std::io::ErrorKind::NotFound => MediaError::FileMissing {
                file: file.to_path_buf(),
            },
            std::io::ErrorKind::IsADirectory => MediaError::NotAFile {
                file: file.to_path_buf(),
            },
            _ => MediaError::FileUnreadable {
                file: file.to_path_buf(),
                source: e,
            },
        }
    }

    /// Turns an IO error while writing into the media folder into its variant.
    pub(crate) fn writing(folder: &Path, e: std::io::Error) -> MediaError {
        match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                MediaError::DiskFull
            }
            _ => MediaError::LibraryUnwritable {
                folder: folder.to_path_buf(),
                source: e,
            },
        }
    }
}

pub type Result<T> = std::result::Result<T, MediaError>;
