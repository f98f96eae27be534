//! Jadwal's engine: the use cases, and the only API the desktop shell and the
//! CLI call. It owns the store, asks its clock for "now", and speaks in DTOs.
//!
//! Every method is blocking (SQLite work); the shell calls them off the async
//! runtime.

mod accounts;
mod adapters;
pub mod auto_reports;
mod autosave;
mod avatar;
mod catalog;
pub mod clock;
mod convert;
mod csv;
pub mod data_dir;
mod decisions;
pub mod dto;
mod dto_metrics;
pub mod error;
pub mod host;
mod insights;
mod mastodon_code_sign_in;
mod mastodon_sign_in;
mod media;
mod media_convert;
mod media_post;
pub mod metrics;
mod oauth_loopback;
pub mod outlook;
mod paid;
mod paid_csv;
mod partners;
mod plan_gaps;
mod posts;
mod publish;
pub mod report;
pub mod scheduler;
pub mod server_schedule;
mod settings;
mod strategy;
mod text;
mod thread;

use jadwal_channels::{HttpClient, HttpOptions};
use jadwal_domain::TimeZoneId;
use jadwal_secrets::SecretStore;
use jadwal_store::{Change, Store};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{EngineError, Result};
pub use jadwal_store::Change as StoreChange;
pub use media::MEDIA_DIR;

/// The name the first workspace gets; the person can rename it later.
const DEFAULT_WORKSPACE_NAME: &str = "My business";

pub struct Engine {
    store: Mutex<Store>,
    secrets: Arc<dyn SecretStore>,
    http: HttpClient,
    workspace_id: i64,
    clock: Arc<dyn Clock>,
    data_dir: PathBuf,
    /// Mastodon sign-ins waiting for the code the instance shows.
    code_sign_ins: mastodon_code_sign_in::CodeSignIns,
    /// Wakes the automatic-report schedule when its settings change.
    auto_reports_nudge: tokio::sync::Notify,
}

/// How to start the engine.
pub struct EngineConfig {
    pub data_dir: PathBuf,
    pub clock: Arc<dyn Clock>,
    /// The zone a new workspace starts in (the computer's own zone).
    pub default_time_zone: TimeZoneId,
    /// Where account secrets live: the OS keychain in the app.
    pub secrets: Arc<dyn SecretStore>,
}

impl Engine {
    pub fn open(config: EngineConfig) -> Result<Engine> {
        let mut store = Store::open(&config.data_dir)?;
        let ws = store.ensure_workspace(
            DEFAULT_WORKSPACE_NAME,
            config.default_time_zone.name(),
            config.clock.now(),
        )?;
        Ok(Engine {
            store: Mutex::new(store),
            secrets: config.secrets,
            http: HttpClient::new(HttpOptions::default())?,
            workspace_id: ws.id,
            clock: config.clock,
            data_dir: config.data_dir,
            code_sign_ins: Default::default(),
            auto_reports_nudge: tokio::sync::Notify::new(),
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Calls `listener` after every committed write.
    pub fn on_change(&self, listener: impl Fn(Change) + Send + Sync + 'static) -> Result<()> {
        self.store()?.on_change(listener);
        Ok(())
    }

    fn store(&self) -> Result<MutexGuard<'_, Store>> {
        self.store.lock().map_err(|_| EngineError::Poisoned)
    }

    /// The zone the workspace's calendar is shown in.
    fn zone(&self, store: &Store) -> Result<TimeZoneId> {
        let ws = store.workspace(self.workspace_id)?;
        Ok(ws.time_zone.parse()?)
    }
}
