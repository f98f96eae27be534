//! What the running app tells the person about publishing: when the next
//! post goes out, and how many posts quitting now would hold back. Posts go
//! out only while Jadwal runs, so the tray shows the first and a quit asks
//! about the second.

use chrono::{Duration, NaiveDateTime};
use jadwal_domain::schedule::wall_time_at;

use crate::Engine;
use crate::dto::Language;
use crate::error::Result;

/// How far ahead a quit looks for posts it would keep from going out.
pub const DUE_SOON_WINDOW: Duration = Duration::hours(24);

/// The publishing outlook at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlook {
    /// The language to say it in.
    pub language: Language,
    /// Whether closing the window keeps Jadwal running.
    pub keep_running: bool,
    /// When the next scheduled post goes out (its next try, if it is being
    /// retried), as a wall time in the workspace's zone.
    pub next_post: Option<NaiveDateTime>,
    /// Scheduled posts due within [`DUE_SOON_WINDOW`] from now, overdue
    /// ones not yet sent included: they would not go out with Jadwal closed.
    pub due_soon: u32,
}

impl Engine {
    /// The outlook now, by the engine's clock.
    pub fn outlook(&self, system_language: Language) -> Result<Outlook> {
        let store = self.store()?;
        let zone = self.zone(&store)?;
        let now = self.clock.now();
        Ok(Outlook {
            language: self.language_in(&store, system_language)?,
            keep_running: self.keep_running_in(&store)?,
            next_post: store
                .next_due_at(self.workspace_id)?
                .map(|at| wall_time_at(at, zone).naive()),
            due_soon: store.count_due_before(self.workspace_id, now + DUE_SOON_WINDOW)?,
        })
    }
}
