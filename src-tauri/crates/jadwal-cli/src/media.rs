//! `media import|list|attach|check` and `renditions`: the media library on
//! the same engine as the app.

use jadwal_engine::Engine;
use jadwal_engine::dto::AttachmentInput;
use std::path::Path;

use crate::args::MediaCommand;
use crate::output::Output;
use crate::run::CliError;

pub fn run(engine: &Engine, command: MediaCommand) -> Result<Output, CliError> {
    match command {
        MediaCommand::Import { files } => {
            let results = engine.import_media_with_progress(&files, |p| {
                // Progress goes to stderr so that stdout stays the result (or JSON).
                let how = if p.ok { "added" } else { "refused" };
                eprintln!("[{}/{}] {how} {}", p.done, p.total, p.file);
            })?;
            Ok(Output::Imported(results))
        }
        MediaCommand::List { search } => {
            Ok(Output::Media(engine.media_library(search.as_deref())?))
        }
        MediaCommand::Attach { id, hashes, alts } => {
            let items: Vec<AttachmentInput> = hashes
                .iter()
                .enumerate()
                .map(|(i, hash)| AttachmentInput {
                    hash: hash.clone(),
                    alt: alts.get(i).cloned().unwrap_or_default(),
                    focal_x: 0.5,
                    focal_y: 0.5,
                })
                .collect();
            Ok(Output::Attached(engine.set_post_media(id, &items)?))
        }
        MediaCommand::Check { id } => Ok(Output::Problems(engine.post_media_checks(id)?)),
    }
}

pub fn renditions(engine: &Engine, id: i64, out: &Path) -> Result<Output, CliError> {
    let problems = engine.post_media_checks(id)?;
    let written = engine.write_renditions(id, out)?;
    Ok(Output::Renditions { written, problems })
}
