//! Store changes to the window, in batches: a burst of writes (a drag, an
//! import) becomes one `store-changed` event, and the window refetches once.

use jadwal_engine::dto::StoreChangedDto;
use jadwal_engine::{Engine, StoreChange};
use std::collections::BTreeSet;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Runtime};
use tokio::sync::mpsc;

pub const STORE_CHANGED: &str = "store-changed";

/// Long enough to gather one burst of writes, short enough to feel instant.
const BATCH_WINDOW: Duration = Duration::from_millis(16);

pub fn forward_store_changes<R: Runtime>(
    app: &AppHandle<R>,
    engine: &Engine,
) -> Result<(), jadwal_engine::EngineError> {
    let (tx, mut rx) = mpsc::unbounded_channel::<StoreChange>();
    engine.on_change(move |change| {
        // The receiver lives as long as the app; a send can only fail during shutdown.
        let _ = tx.send(change);
    })?;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        while let Some(first) = rx.recv().await {
            tokio::time::sleep(BATCH_WINDOW).await;
            let mut batch = vec![first];
            while let Ok(more) = rx.try_recv() {
                batch.push(more);
            }
            if let Err(e) = app.emit(STORE_CHANGED, summarize(&batch)) {
                log::warn!("could not tell the window about changes: {e}");
            }
        }
    });
    Ok(())
}

fn summarize(batch: &[StoreChange]) -> StoreChangedDto {
    let topics: BTreeSet<&str> = batch.iter().map(StoreChange::topic).collect();
    let post_ids: BTreeSet<i64> = batch
        .iter()
        .flat_map(|c| match c {
            StoreChange::Posts { ids } => ids.clone(),
            _ => Vec::new(),
        })
        .collect();
    StoreChangedDto {
        topics: topics.into_iter().map(str::to_owned).collect(),
        post_ids: post_ids.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_changes_becomes_one_summary_without_repeats() {
        let batch = vec![
            StoreChange::Posts { ids: vec![3] },
            StoreChange::Labels,
            StoreChange::Posts { ids: vec![1, 3] },
        ];
        let s = summarize(&batch);
        assert_eq!(s.topics, vec!["labels", "posts"]);
        assert_eq!(s.post_ids, vec![1, 3]);
    }
}
