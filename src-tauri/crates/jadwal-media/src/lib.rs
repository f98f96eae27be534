//! Jadwal's pictures: import into a content-addressed library, safe
//! decoding, renditions cut for each network, and each network's rules.
//!
//! No Tauri, no async: every call is plain blocking work (CPU and disk),
//! meant to run on `spawn_blocking` or a rayon pool. Parallel work inside
//! (a batch import, the renditions of one picture) uses the current rayon
//! pool. No clock is read.
//!
//! - [`MediaLibrary`]: `import`, `import_many`, `renditions`, `apply_fix`, `remove`.
//! - [`render`], [`recompress`], [`convert_to_jpeg`]: the same pipeline on
//!   bytes in memory (the CLI writing renditions to a folder, the benchmark).
//! - [`validate_post`]: a post's pictures against a network's rules, with fixes.
//! - [`delivery`]: what a network gets of a picture (a rendition, or an
//!   animated GIF as it is).
//! - [`crop_for`]: where a preset cuts, for the editor to draw.

mod colour;
pub mod crop;
pub mod decode;
pub mod delivery;
pub mod error;
pub mod format;
pub mod library;
pub mod orientation;
pub mod preset;
pub mod raster;
pub mod render;
mod resample;
pub mod validate;
mod ycbcr;

pub use crop::FocalPoint;
pub use decode::{Limits, Probe, probe};
pub use delivery::{Animation, AnimationLoss, Delivery, animation, delivery, delivery_with};
pub use error::MediaError;
pub use format::ImageFormat;
pub use library::{
    ContentHash, ImportProgress, ImportedImage, MediaLibrary, OriginalRef, RenditionFile,
    rendition_key,
};
pub use orientation::Orientation;
pub use preset::{Preset, RenditionSpec, Shape, crop_for};
pub use raster::Rect;
pub use render::{Rendered, convert_to_jpeg, recompress, render};
pub use validate::{
    Fix, ImageFacts, ImageRules, Problem, ProblemCode, Severity, image_rules, validate_post,
    validate_post_with,
};
