//! A real engine on a temporary data folder, with a clock the test controls.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports
#![allow(dead_code)]

pub mod pictures;

use chrono::{DateTime, TimeZone, Utc};
use jadwal_domain::{Network, PostStatus};
use jadwal_engine::dto::{ChannelInput, PostInput, TargetDto};
use jadwal_engine::{Engine, EngineConfig, FixedClock};
use std::sync::Arc;

pub struct World {
    pub dir: tempfile::TempDir,
    pub clock: Arc<FixedClock>,
    /// The engine's keychain, for tests that put a login there themselves.
    pub secrets: Arc<jadwal_secrets::MemoryStore>,
    pub engine: Engine,
}

pub fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

pub fn world(zone: &str, now: DateTime<Utc>) -> World {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(now));
    let secrets = Arc::new(jadwal_secrets::MemoryStore::new());
    let engine = open_with(&dir, &clock, zone, secrets.clone());
    World {
        dir,
        clock,
        secrets,
        engine,
    }
}

pub fn open(dir: &tempfile::TempDir, clock: &Arc<FixedClock>, zone: &str) -> Engine {
    open_with(
        dir,
        clock,
        zone,
        Arc::new(jadwal_secrets::MemoryStore::new()),
    )
}

pub fn open_with(
    dir: &tempfile::TempDir,
    clock: &Arc<FixedClock>,
    zone: &str,
    secrets: Arc<jadwal_secrets::MemoryStore>,
) -> Engine {
    Engine::open(EngineConfig {
        data_dir: dir.path().to_path_buf(),
        clock: clock.clone(),
        default_time_zone: zone.parse().unwrap(),
        secrets,
    })
    .unwrap()
}

impl World {
    pub fn channel(&self, name: &str, network: Network) -> i64 {
        self.engine
            .create_channel(&ChannelInput {
                name: name.into(),
                network,
                color: None,
            })
            .unwrap()
            .id
    }
}

pub fn input(text: &str, status: PostStatus, at: Option<&str>, channels: &[i64]) -> PostInput {
    PostInput {
        text: text.into(),
        status,
        at: at.map(str::to_owned),
        targets: channels
            .iter()
            .map(|&channel_id| TargetDto {
                channel_id,
                variant_text: None,
                as_thread: false,
            })
            .collect(),
        label_ids: vec![],
    }
}

/// Whether any file of the data folder (the database, its WAL, …) holds
/// `needle`: secrets must never be found there.
pub fn data_file_holds(dir: &std::path::Path, needle: &str) -> bool {
    std::fs::read_dir(dir).unwrap().any(|e| {
        let path = e.unwrap().path();
        path.is_file()
            && std::fs::read(&path)
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
    })
}
