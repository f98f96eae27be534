//! Each command as one engine call.

use jadwal_domain::PostStatus;
use jadwal_domain::schedule::parse_date;
use jadwal_engine::dto::{
    ChannelInput, ConnectBlueskyInput, ConnectMastodonInput, ConnectTelegramInput,
    ConnectWebhookInput, PostInput, TargetDto,
};
use jadwal_engine::host::system_time_zone;
use jadwal_engine::report::ReportFormat;
use jadwal_engine::{Engine, EngineConfig, EngineError, SystemClock, data_dir};
use jadwal_secrets::{Keychain, service_for_this_build};
use std::sync::Arc;

use crate::args::{AccountsCommand, ChannelsCommand, Cli, Command};
use crate::output::Output;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error("no data folder could be found; pass --data-dir")]
    NoDataDir,
    #[error("no channel or label named “{0}”")]
    UnknownName(String),
    #[error("no app password on standard input; pipe it in, e.g. from a password manager")]
    NoPassword,
    #[error("could not read standard input: {0}")]
    Stdin(std::io::Error),
    #[error("{0}")]
    BadArgument(String),
}

impl CliError {
    pub fn code(&self) -> &'static str {
        match self {
            CliError::Engine(e) => e.code(),
            CliError::NoDataDir => "store_folder",
            CliError::UnknownName(_) => "not_found",
            CliError::NoPassword => "empty_secret",
            CliError::Stdin(_) => "stdin",
            CliError::BadArgument(_) => "bad_argument",
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
            thread,
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
                        as_thread: thread,
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
        Command::Accounts(AccountsCommand::List) => Ok(Output::Accounts(engine.accounts()?)),
        Command::Accounts(AccountsCommand::ConnectBluesky {
            channel,
            identifier,
            service,
        }) => {
            let channel_id = one_channel(&engine, &channel)?;
            let app_password = read_secret()?;
            let input = ConnectBlueskyInput {
                channel_id,
                identifier,
                app_password,
                service,
            };
            Ok(Output::Account(block_on(engine.connect_bluesky(&input))?))
        }
        Command::Accounts(AccountsCommand::ConnectMastodon { channel, instance }) => {
            let input = ConnectMastodonInput {
                channel_id: one_channel(&engine, &channel)?,
                instance,
            };
            let account = block_on(engine.connect_mastodon(&input, |url| {
                eprintln!(
                    "Open this address in your browser to sign in, then come back here:\n{url}"
                );
                Ok(())
            }))?;
            Ok(Output::Account(account))
        }
        Command::Accounts(AccountsCommand::ConnectTelegram { channel, chat, api }) => {
            let input = ConnectTelegramInput {
                channel_id: one_channel(&engine, &channel)?,
                bot_token: read_secret()?,
                chat,
                api_url: api,
            };
            Ok(Output::Account(block_on(engine.connect_telegram(&input))?))
        }
        Command::Accounts(AccountsCommand::ConnectWebhook { channel }) => {
            let input = ConnectWebhookInput {
                channel_id: one_channel(&engine, &channel)?,
                url: read_secret()?,
                secret: read_secret()?,
            };
            Ok(Output::Account(block_on(engine.connect_webhook(&input))?))
        }
        Command::MarkPosted { id, channel, url } => {
            let channel_id = one_channel(&engine, &channel)?;
            Ok(Output::Published(block_on(
                engine.mark_posted(id, channel_id, url),
            )?))
        }
        Command::Confirm { id, arrived, .. } => Ok(Output::Published(block_on(
            engine.confirm_outcome(id, arrived),
        )?)),
        Command::Accounts(AccountsCommand::Disconnect { channel }) => {
            let channel_id = one_channel(&engine, &channel)?;
            block_on(engine.disconnect_account(channel_id))?;
            Ok(Output::Disconnected(channel_id))
        }
        Command::Publish { id } => Ok(Output::Published(block_on(engine.publish_now(id))?)),
        Command::AutoReports(command) => crate::auto_reports::run(&engine, command),
        Command::Media(command) => crate::media::run(&engine, command),
        Command::Renditions { id, out } => crate::media::renditions(&engine, id, &out),
        Command::Agent => crate::agent::run(engine),
        Command::Metrics(command) => crate::metrics::run(&engine, command),
        Command::Paid(command) => crate::paid::run(&engine, command),
        Command::Log { id } => Ok(Output::Log(engine.publish_log(id)?)),
        Command::Report {
            from,
            to,
            language,
            format,
            out,
        } => {
            let wants_csv = format.as_deref() == Some("csv")
                || (format.is_none()
                    && out
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("csv")));
            let format = if wants_csv {
                ReportFormat::Csv
            } else {
                ReportFormat::Pdf
            };
            let saved = engine.save_report(&from, &to, language, format, &out)?;
            Ok(Output::ReportSaved(saved))
        }
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

/// Network calls need an async runtime; the CLI makes one per command.
pub(crate) fn block_on<T>(
    work: impl std::future::Future<Output = Result<T, EngineError>>,
) -> Result<T, CliError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(CliError::Stdin)?;
    Ok(runtime.block_on(work)?)
}

/// The first line of standard input, without its line break.
fn read_secret() -> Result<String, CliError> {
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(CliError::Stdin)?;
    let secret = line.trim_end_matches(['\r', '\n']).to_owned();
    if secret.trim().is_empty() {
        return Err(CliError::NoPassword);
    }
    Ok(secret)
}

pub(crate) fn one_channel(engine: &Engine, wanted: &str) -> Result<i64, CliError> {
    channel_ids(engine, &[wanted.to_owned()])?
        .into_iter()
        .next()
        .ok_or_else(|| CliError::UnknownName(wanted.to_owned()))
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
