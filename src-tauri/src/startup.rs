//! Finding the data folder, the computer's zone and language, and opening the engine.

use jadwal_domain::TimeZoneId;
use jadwal_engine::dto::Language;
use jadwal_engine::host::{system_language, system_time_zone};
use jadwal_engine::{Engine, EngineConfig, EngineError, SystemClock, data_dir};
use jadwal_secrets::{Keychain, SecretStore, service_for_this_build};
use std::path::PathBuf;
use std::sync::Arc;

use crate::AppState;

#[derive(Debug, Clone)]
pub struct Options {
    pub data_dir: Option<PathBuf>,
    pub time_zone: TimeZoneId,
    pub language: Language,
}

impl Options {
    /// `--data-dir DIR` (or `--data-dir=DIR`) on the command line, else
    /// `JADWAL_DATA_DIR`, else the OS app-data folder; the OS zone and language.
    pub fn from_env() -> Options {
        Options {
            data_dir: data_dir::resolve(data_dir_flag(std::env::args().skip(1))),
            time_zone: system_time_zone(),
            language: system_language(),
        }
    }
}

fn data_dir_flag(mut args: impl Iterator<Item = String>) -> Option<PathBuf> {
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(value));
        }
    }
    None
}

pub fn open_engine(options: &Options) -> AppState {
    let engine = match &options.data_dir {
        Some(dir) => keychain()
            .and_then(|secrets| {
                Engine::open(EngineConfig {
                    data_dir: dir.clone(),
                    clock: Arc::new(SystemClock),
                    default_time_zone: options.time_zone,
                    secrets,
                })
            })
            .map(Arc::new)
            .map_err(|e| {
                log::error!("could not open the data in {}: {e}", dir.display());
                e.to_ipc()
            }),
        None => Err(jadwal_engine::dto::IpcError {
            code: "store_folder".into(),
            message: "Jadwal could not find a folder for its data; start it with --data-dir".into(),
            params: Default::default(),
        }),
    };
    if let Ok(engine) = &engine {
        log::info!("data folder: {}", engine.data_dir().display());
    }
    AppState {
        engine,
        system_language: options.language,
    }
}

/// The OS keychain, under this build's own name so a debug build never
/// touches the installed app's items. Whether it works is found out when an
/// account is connected, and said then in words.
fn keychain() -> Result<Arc<dyn SecretStore>, EngineError> {
    let keychain = Keychain::new(service_for_this_build())?;
    Ok(Arc::new(keychain))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> impl Iterator<Item = String> {
        v.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn the_data_dir_flag_takes_either_form() {
        assert_eq!(
            data_dir_flag(args(&["--data-dir", "/tmp/a"])),
            Some("/tmp/a".into())
        );
        assert_eq!(
            data_dir_flag(args(&["--x", "--data-dir=/tmp/b"])),
            Some("/tmp/b".into())
        );
        assert_eq!(data_dir_flag(args(&["--data-dir"])), None);
        assert_eq!(data_dir_flag(args(&[])), None);
    }
}
