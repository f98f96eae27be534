//! The reads behind the dashboard and the reports: what went out in a range,
//! the newest figures of those posts, followers at an instant and how many
//! posts each content pillar got. Writes live with their own tables.

use chrono::{DateTime, Utc};
use rusqlite::params;

use crate::rows::{from_unix, to_unix};
use crate::{Result, Store};

/// A post target that went out in the range, with the start of its text.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedPost {
    pub post_id: i64,
    pub channel_id: i64,
    pub published_at: DateTime<Utc>,
    pub excerpt: String,
}

/// The newest value of one figure of one post target.
#[derive(Debug, Clone, PartialEq)]
pub struct PostFigure {
    pub post_id: i64,
    pub channel_id: i64,
    pub metric: String,
    pub value: f64,
}

/// How many posts in a range carry one pillar (a label with a target share).
#[derive(Debug, Clone, PartialEq)]
pub struct PillarPosts {
    pub label_id: i64,
    pub name: String,
    pub color: String,
    pub target_share: u32,
    pub posts: u32,
}

/// How many characters of a post's text the dashboard shows.
const EXCERPT_CHARS: i64 = 120;

/// The targets published in the range, by their newest successful attempt
/// (a post marked as posted by hand counts like one sent by Jadwal).
/// Public, like the statements below, so the benchmark runs the very same
/// SQL on a bare connection.
pub const PUBLISHED_IN_RANGE: &str = "
    SELECT a.post_id, a.channel_id, a.finished_at
    FROM publish_attempt a
    JOIN post p ON p.id = a.post_id
    JOIN channel c ON c.id = a.channel_id
    WHERE p.workspace_id = ?1 AND p.deleted_at IS NULL AND c.deleted_at IS NULL
      AND a.outcome = 'published' AND a.finished_at >= ?2 AND a.finished_at < ?3
      AND a.id = (SELECT MAX(b.id) FROM publish_attempt b
                  WHERE b.post_id = a.post_id AND b.channel_id = a.channel_id
                    AND b.outcome = 'published')";

/// The targets published in a range with the start of their text.
pub fn published_sql() -> String {
    format!(
        "WITH t AS ({PUBLISHED_IN_RANGE})
         SELECT t.post_id, t.channel_id, t.finished_at, substr(p.text, 1, {EXCERPT_CHARS})
         FROM t JOIN post p ON p.id = t.post_id
         ORDER BY t.finished_at, t.post_id, t.channel_id"
    )
}

/// The newest figures of the targets published in a range; `metric_latest`
/// holds each target's newest figure of each kind.
pub fn latest_figures_sql() -> String {
    format!(
        "WITH t AS ({PUBLISHED_IN_RANGE})
         SELECT l.post_id, l.channel_id, l.metric, l.value
         FROM t JOIN metric_latest l
           ON l.post_id = t.post_id AND l.channel_id = t.channel_id"
    )
}

/// Each channel's newest followers figure before an instant.
pub const FOLLOWERS_BEFORE_SQL: &str = "
    SELECT s.channel_id, s.value, MAX(s.taken_at)
    FROM channel c JOIN metric_sample s ON s.channel_id = c.id
    WHERE c.workspace_id = ?1 AND c.deleted_at IS NULL
      AND s.post_id IS NULL AND s.metric = 'followers' AND s.taken_at < ?2
    GROUP BY s.channel_id";

/// Posts per content pillar in a range.
pub const PILLAR_POSTS_SQL: &str = "
    SELECT l.id, l.name, l.color, l.target_share,
      (SELECT COUNT(*) FROM post_label pl JOIN post p ON p.id = pl.post_id
       WHERE pl.label_id = l.id AND p.deleted_at IS NULL
         AND p.scheduled_at >= ?2 AND p.scheduled_at < ?3)
    FROM label l
    WHERE l.workspace_id = ?1 AND l.deleted_at IS NULL AND l.target_share IS NOT NULL
    ORDER BY l.target_share DESC, l.name COLLATE NOCASE";

impl Store {
    /// Every post target of the workspace that went out in `[from, to)`,
    /// oldest first.
    pub fn published_between(
        &self,
        workspace_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<PublishedPost>> {
        self.query_all(
            &published_sql(),
            params![workspace_id, to_unix(from), to_unix(to)],
            |r| {
                Ok(PublishedPost {
                    post_id: r.get(0)?,
                    channel_id: r.get(1)?,
                    published_at: from_unix(r.get(2)?, 2)?,
                    excerpt: r.get(3)?,
                })
            },
        )
    }

    /// The newest value of each figure of each target published in
    /// `[from, to)`: likes as last read, a typed-in reach, and so on.
    pub fn latest_figures_of_published(
        &self,
        workspace_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<PostFigure>> {
        self.query_all(
            &latest_figures_sql(),
            params![workspace_id, to_unix(from), to_unix(to)],
            |r| {
                Ok(PostFigure {
                    post_id: r.get(0)?,
                    channel_id: r.get(1)?,
                    metric: r.get(2)?,
                    value: r.get(3)?,
                })
            },
        )
    }

    /// Each channel's followers as last measured before `at`; channels never
    /// measured by then are left out.
    pub fn followers_before(
        &self,
        workspace_id: i64,
        at: DateTime<Utc>,
    ) -> Result<Vec<(i64, f64)>> {
        self.query_all(
            FOLLOWERS_BEFORE_SQL,
            params![workspace_id, to_unix(at)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Posts planned or published in `[from, to)` per content pillar. Drafts
    /// without a time are not part of the mix yet.
    pub fn pillar_posts(
        &self,
        workspace_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<PillarPosts>> {
        self.query_all(
            PILLAR_POSTS_SQL,
            params![workspace_id, to_unix(from), to_unix(to)],
            |r| {
                Ok(PillarPosts {
                    label_id: r.get(0)?,
                    name: r.get(1)?,
                    color: r.get(2)?,
                    target_share: r.get(3)?,
                    posts: r.get(4)?,
                })
            },
        )
    }
}
