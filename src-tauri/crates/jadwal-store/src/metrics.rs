//! Figures about published posts and accounts (migration 0009): appended,
//! never overwritten, each with its source and the time it describes.

use chrono::{DateTime, Utc};
use jadwal_domain::{Metric, MetricSource};
use rusqlite::params;

use crate::rows::{from_unix, parse_text, to_unix};
use crate::{Change, Result, Store, StoreError};

/// One figure to append.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSample {
    pub channel_id: i64,
    /// The post it is about; `None` for the account behind the channel.
    pub post_id: Option<i64>,
    pub metric: Metric,
    pub value: f64,
    pub source: MetricSource,
    /// When the figure was true, or the start of the period it covers.
    pub taken_at: DateTime<Utc>,
    /// The end (exclusive) of the period the figure covers; `None` for a
    /// snapshot.
    pub period_end: Option<DateTime<Utc>>,
}

/// A stored figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub id: i64,
    pub sample: NewSample,
    pub recorded_at: DateTime<Utc>,
}

/// Which rows a per-channel query reads: the account's own figures, or the
/// figures of the channel's posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Account,
    Posts,
}

impl Level {
    fn condition(self) -> &'static str {
        match self {
            Level::Account => "s.post_id IS NULL",
            Level::Posts => "s.post_id IS NOT NULL",
        }
    }
}

/// A figure on one day of a channel's series. `day` counts days since
/// 1970-01-01 in the zone the caller's offset stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyFigure {
    pub channel_id: i64,
    pub day: i64,
    pub value: f64,
}

/// What a daily series reads: one figure of a workspace's channels between
/// two instants, with the days placed by `utc_offset` (seconds east of UTC,
/// the workspace zone's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyQuery {
    pub workspace_id: i64,
    pub metric: Metric,
    pub level: Level,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub utc_offset: i32,
}

/// A published post target, where the network knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedTarget {
    pub post_id: i64,
    pub channel_id: i64,
    /// The network's id (an `at://` URI on Bluesky, a status id on
    /// Mastodon, a marker for posts made by hand).
    pub remote_id: String,
    pub url: String,
    pub published_at: DateTime<Utc>,
    /// When a network's figures for it were last stored, if ever.
    pub last_fetched_at: Option<DateTime<Utc>>,
}

const SAMPLE_COLUMNS: &str = "s.id, s.channel_id, s.post_id, s.metric, s.value, s.source, s.taken_at, s.period_end, s.recorded_at";

fn read_sample(r: &rusqlite::Row<'_>) -> rusqlite::Result<Sample> {
    let metric: String = r.get(3)?;
    let source: String = r.get(5)?;
    let period_end: Option<i64> = r.get(7)?;
    Ok(Sample {
        id: r.get(0)?,
        sample: NewSample {
            channel_id: r.get(1)?,
            post_id: r.get(2)?,
            metric: parse_text(&metric, 3)?,
            value: r.get(4)?,
            source: parse_text(&source, 5)?,
            taken_at: from_unix(r.get(6)?, 6)?,
            period_end: period_end.map(|t| from_unix(t, 7)).transpose()?,
        },
        recorded_at: from_unix(r.get(8)?, 8)?,
    })
}

fn read_daily(r: &rusqlite::Row<'_>) -> rusqlite::Result<DailyFigure> {
    Ok(DailyFigure {
        channel_id: r.get(0)?,
        day: r.get(1)?,
        value: r.get(2)?,
    })
}

/// "The newest figure of each kind per target" for the posts scheduled in a
/// range: the posts by time, then their newest figures from
/// `metric_latest` (copies kept by a trigger on every append). Public so
/// the benchmark runs the very same statement on raw SQLite.
pub const LATEST_TARGET_SQL: &str =
    "SELECT l.sample_id, l.channel_id, l.post_id, l.metric, l.value, l.source, l.taken_at,
            l.period_end, l.recorded_at
         FROM post p
         JOIN metric_latest l ON l.post_id = p.id
         WHERE p.workspace_id = ?1 AND p.deleted_at IS NULL
           AND p.scheduled_at >= ?2 AND p.scheduled_at < ?3
         ORDER BY l.post_id, l.channel_id, l.metric";

/// A daily read's statement: `value` is what each day gives (the newest
/// value, or a sum), `filter` narrows the rows. Public so the benchmarks
/// run the very same SQL on a bare connection.
pub fn daily_sql(value: &str, filter: &str, level: Level) -> String {
    format!(
        "SELECT s.channel_id, (s.taken_at + ?5) / 86400 AS day, {value}
         FROM channel c JOIN metric_sample s ON s.channel_id = c.id
         WHERE c.workspace_id = ?1 AND s.metric = ?2 AND {} {filter}
           AND s.taken_at >= ?3 AND s.taken_at < ?4
         GROUP BY s.channel_id, day ORDER BY s.channel_id, day",
        level.condition()
    )
}

/// The network sources: what "last fetched" means.
const FETCHED_SOURCES: &str = "('bluesky', 'mastodon')";

impl Store {
    /// Appends `samples` in one transaction: all of them or none. Values are
    /// checked against their figure (no half likes, no negative followers).
    /// Gives the new rows' ids, in order.
    pub fn append_samples(
        &mut self,
        samples: &[NewSample],
        now: DateTime<Utc>,
    ) -> Result<Vec<i64>> {
        for s in samples {
            s.metric
                .check(s.value)
                .map_err(|e| StoreError::Invalid(e.to_string()))?;
            if s.period_end.is_some_and(|end| end <= s.taken_at) {
                return Err(StoreError::Invalid(format!(
                    "a period of {} ends before it starts",
                    s.metric
                )));
            }
        }
        let path = self.path.clone();
        let err = |e| crate::error::classify(e, &path);
        let tx = self.conn.transaction().map_err(err)?;
        let mut ids = Vec::with_capacity(samples.len());
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO metric_sample
                       (channel_id, post_id, metric, value, source, taken_at, period_end, recorded_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(err)?;
            for s in samples {
                insert
                    .execute(params![
                        s.channel_id,
                        s.post_id,
                        s.metric.as_str(),
                        s.value,
                        s.source.as_str(),
                        to_unix(s.taken_at),
                        s.period_end.map(to_unix),
                        to_unix(now),
                    ])
                    .map_err(err)?;
                ids.push(tx.last_insert_rowid());
            }
        }
        tx.commit().map_err(err)?;
        if !samples.is_empty() {
            self.changes.emit(Change::Metrics);
        }
        Ok(ids)
    }

    /// Every figure of one post target, oldest first.
    pub fn target_samples(&self, post_id: i64, channel_id: i64) -> Result<Vec<Sample>> {
        self.query_all(
            &format!(
                "SELECT {SAMPLE_COLUMNS} FROM metric_sample s
                 WHERE s.post_id = ?1 AND s.channel_id = ?2 ORDER BY s.metric, s.taken_at, s.id"
            ),
            params![post_id, channel_id],
            read_sample,
        )
    }

    /// Every figure of the account behind a channel between two instants,
    /// oldest first.
    pub fn account_samples(
        &self,
        channel_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Sample>> {
        self.query_all(
            &format!(
                "SELECT {SAMPLE_COLUMNS} FROM metric_sample s
                 WHERE s.channel_id = ?1 AND s.post_id IS NULL AND s.taken_at >= ?2 AND s.taken_at < ?3
                 ORDER BY s.metric, s.taken_at, s.id"
            ),
            params![channel_id, to_unix(from), to_unix(to)],
            read_sample,
        )
    }

    /// The newest figure of each kind for each target of the posts of a
    /// workspace scheduled between two instants (the dashboard's posts).
    pub fn latest_target_samples(
        &self,
        workspace_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Sample>> {
        self.query_all(
            LATEST_TARGET_SQL,
            params![workspace_id, to_unix(from), to_unix(to)],
            read_sample,
        )
    }

    /// A figure per channel and day: the newest value of each day
    /// (followers on that day).
    pub fn daily_latest(&self, q: &DailyQuery) -> Result<Vec<DailyFigure>> {
        // SQLite takes a bare column of a MAX() aggregate from the row
        // holding the maximum: the day's newest value.
        self.daily("s.value, MAX(s.taken_at)", "", q)
    }

    /// The sum of a figure per channel and day, over the figures that cover
    /// a period (a day's impressions from an insights export). Snapshots
    /// are left out: they are running totals, and adding two readings of
    /// the same likes would count them twice.
    pub fn daily_sums(&self, q: &DailyQuery) -> Result<Vec<DailyFigure>> {
        self.daily("SUM(s.value)", "AND s.period_end IS NOT NULL", q)
    }

    /// One row per channel and day: `value` is what each day gives.
    fn daily(&self, value: &str, filter: &str, r: &DailyQuery) -> Result<Vec<DailyFigure>> {
        self.query_all(
            &daily_sql(value, filter, r.level),
            params![
                r.workspace_id,
                r.metric.as_str(),
                to_unix(r.from),
                to_unix(r.to),
                r.utc_offset
            ],
            read_daily,
        )
    }

    /// Every post target of a workspace that went out, with the network's
    /// id from its newest successful attempt.
    pub fn published_targets(&self, workspace_id: i64) -> Result<Vec<PublishedTarget>> {
        self.query_all(
            &format!(
                "SELECT a.post_id, a.channel_id, a.remote_id, a.url, a.finished_at,
                   (SELECT MAX(m.taken_at) FROM metric_sample m
                    WHERE m.post_id = a.post_id AND m.channel_id = a.channel_id
                      AND m.source IN {FETCHED_SOURCES})
                 FROM publish_attempt a JOIN post p ON p.id = a.post_id
                 JOIN channel c ON c.id = a.channel_id
                 WHERE p.workspace_id = ?1 AND p.deleted_at IS NULL AND c.deleted_at IS NULL
                   AND a.outcome = 'published'
                   AND a.id = (SELECT MAX(b.id) FROM publish_attempt b
                               WHERE b.post_id = a.post_id AND b.channel_id = a.channel_id
                                 AND b.outcome = 'published')
                 ORDER BY a.post_id, a.channel_id"
            ),
            [workspace_id],
            |r| {
                let fetched: Option<i64> = r.get(5)?;
                Ok(PublishedTarget {
                    post_id: r.get(0)?,
                    channel_id: r.get(1)?,
                    remote_id: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    url: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                    published_at: from_unix(r.get::<_, Option<i64>>(4)?.unwrap_or(0), 4)?,
                    last_fetched_at: fetched.map(|t| from_unix(t, 5)).transpose()?,
                })
            },
        )
    }
}
