//! Each command as one engine call.

use jadwal_domain::PostStatus;
use jadwal_domain::schedule::parse_date;
use jadwal_engine::dto::{ChannelInput, PostInput, TargetDto};
use jadwal_engine::host::system_time_zone;
use jadwal_engine::{Engine, EngineConfig, EngineError, SystemClock, data_dir};
use jadwal_secrets::{Keychain, service_for_this_build};
use std::sync::Arc;

use crate::args::{ChannelsCommand, Cli, Command};
use crate::output::Output;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error("no data folder could be found; pass --data-dir")]
    NoDataDir,
    #[error("no channel or label named “{0}”")]
    UnknownName(String),
}

impl CliError {
    pub fn code(&self) -> &'static str {
        match self {
            CliError::Engine(e) => e.code(),
            CliError::NoDataDir => "store_folder",
            CliError::UnknownName(_) => "not_found",
        }
    }
}

pub fn run(cli: Cli) -> Result<Output, CliError> {
    let dir = data_dir::resolve(cli.data_dir).ok_or(CliError::NoDataDir)?;
    let engine = Engine::open(EngineConfig {
        data_dir: dir,
        clock: Arc::new(SystemClock),
        default_time_zone: system_time_zone(),
        secrets: Arc::new(Keychain::new(service_for_this_build()).map_err(EngineError::from)?),
    })?;
    match cli.command {
        Command::List { tray: true, .. } => Ok(Output::Summaries(engine.tray_posts()?)),
        Command::List { from, to, .. } => {
            let from = from.unwrap_or_default();
            // People say "to the 30th" meaning the 30th too.
            let last = parse_date(to.as_deref().unwrap_or_default()).map_err(EngineError::from)?;
            let end = last
                .succ_opt()
                .unwrap_or(last)
                .format("%Y-%m-%d")
                .to_string();
            Ok(Output::Summaries(engine.calendar_posts(&from, &end)?))
        }
        Command::Show { id } => Ok(Output::Post(engine.post(id)?)),
        Command::Add {
            text,
            at,
            channels,
            labels,
            schedule,
        } => {
            let input = PostInput {
                text,
                status: if schedule {
                    PostStatus::Scheduled
                } else {
                    PostStatus::Draft
                },
                at,
                targets: channel_ids(&engine, &channels)?
                    .into_iter()
                    .map(|channel_id| TargetDto {
                        channel_id,
                        variant_text: None,
                    })
                    .collect(),
                label_ids: label_ids(&engine, &labels)?,
            };
            Ok(Output::Saved(engine.create_post(&input)?))
        }
        Command::Move { id, tray: true, .. } => Ok(Output::Saved(engine.unschedule_post(id)?)),
        Command::Move { id, to, .. } => Ok(Output::Saved(
            engine.reschedule_post(id, to.as_deref().unwrap_or_default())?,
        )),
        Command::Delete { id } => {
            engine.delete_post(id)?;
            Ok(Output::Deleted(id))
        }
        Command::Channels(ChannelsCommand::List) => Ok(Output::Channels(engine.channels()?)),
        Command::Channels(ChannelsCommand::Add {
            name,
            network,
            color,
        }) => Ok(Output::Channel(engine.create_channel(&ChannelInput {
            name,
            network,
            color,
        })?)),
    }
}

/// Ids for names or ids, as a person types them.
fn resolve_names(wanted: &[String], known: &[(i64, String)]) -> Result<Vec<i64>, CliError> {
    wanted
        .iter()
        .map(|w| {
            known
                .iter()
                .find(|(id, name)| {
                    name.eq_ignore_ascii_case(w.trim()) || id.to_string() == w.trim()
                })
                .map(|(id, _)| *id)
                .ok_or_else(|| CliError::UnknownName(w.clone()))
        })
        .collect()
}

fn channel_ids(engine: &Engine, wanted: &[String]) -> Result<Vec<i64>, CliError> {
    let known: Vec<(i64, String)> = engine
        .channels()?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    resolve_names(wanted, &known)
}

fn label_ids(engine: &Engine, wanted: &[String]) -> Result<Vec<i64>, CliError> {
    let known: Vec<(i64, String)> = engine
        .labels()?
        .into_iter()
        .map(|l| (l.id, l.name))
        .collect();
    resolve_names(wanted, &known)
}
