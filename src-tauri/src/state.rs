//! What the commands share: the engine, or the reason it could not open.

use jadwal_engine::dto::{IpcError, Language};
use jadwal_engine::{Engine, EngineError};
use std::sync::Arc;

use crate::error::internal;

pub struct AppState {
    /// The engine, or why the data could not be opened (the window shows it).
    pub engine: Result<Arc<Engine>, IpcError>,
    /// The computer's language, used until the person picks one.
    pub system_language: Language,
}

impl AppState {
    /// Runs async engine work (network calls) on the async runtime; the
    /// engine keeps its own blocking work (keychain, SQLite) short or off it.
    pub async fn run_async<T, F, Fut>(&self, work: F) -> Result<T, IpcError>
    where
        F: FnOnce(Arc<Engine>) -> Fut,
        Fut: std::future::Future<Output = Result<T, EngineError>>,
    {
        let engine = self.engine.clone()?;
        work(engine).await.map_err(|e| {
            log::warn!("command failed: {} ({})", e.code(), e);
            e.to_ipc()
        })
    }

    /// Runs `work` on the engine on a blocking thread, so SQLite never stalls
    /// the async runtime that serves the window.
    pub async fn run<T, F>(&self, work: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Engine) -> Result<T, EngineError> + Send + 'static,
    {
        let engine = self.engine.clone()?;
        tauri::async_runtime::spawn_blocking(move || work(&engine))
            .await
            .map_err(|e| internal(&e))?
            .map_err(|e| {
                log::warn!("command failed: {} ({})", e.code(), e);
                e.to_ipc()
            })
    }
}
