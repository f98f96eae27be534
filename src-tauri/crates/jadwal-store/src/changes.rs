//! Announcements of committed writes.

/// What a write changed. The window refreshes the matching data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Posts {
        ids: Vec<i64>,
    },
    Channels,
    Accounts,
    Labels,
    Workspace,
    Settings,
    /// The media library: a picture added (or its facts changed).
    Media,
    /// The workspace's plan: SWOT, goals, personas, pillars' shares, rhythm.
    Strategy,
    /// Figures about published posts and accounts (likes, followers, …).
    Metrics,
}

impl Change {
    /// The name the window knows this kind of data by.
    pub fn topic(&self) -> &'static str {
        match self {
            Change::Posts { .. } => "posts",
            Change::Channels => "channels",
            Change::Accounts => "accounts",
            Change::Labels => "labels",
            Change::Workspace => "workspace",
            Change::Settings => "settings",
            Change::Media => "media",
            Change::Strategy => "strategy",
            Change::Metrics => "metrics",
        }
    }
}

type Listener = Box<dyn Fn(Change) + Send + Sync>;

#[derive(Default)]
pub(crate) struct ChangeHub {
    listeners: Vec<Listener>,
}

impl ChangeHub {
    pub(crate) fn add(&mut self, listener: Listener) {
        self.listeners.push(listener);
    }

    pub(crate) fn emit(&self, change: Change) {
        for listener in &self.listeners {
            listener(change.clone());
        }
    }
}
