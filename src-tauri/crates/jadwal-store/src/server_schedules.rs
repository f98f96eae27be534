//! Posts handed to a network's own scheduler, and what the scheduler asks
//! before handing one over.

use chrono::{DateTime, Utc};
use rusqlite::params;

use crate::rows::{from_unix, to_unix};
use crate::{Result, Store};

/// One post on one channel, in the network's own schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerSchedule {
    pub post_id: i64,
    pub channel_id: i64,
    /// The network's id for the scheduled post (to move or cancel it).
    pub remote_id: String,
    pub scheduled_at: DateTime<Utc>,
    /// A fingerprint of what was handed over (text and pictures).
    pub content: String,
}

impl Store {
    /// Every post of the workspace handed to a network's scheduler.
    pub fn server_schedules(&self, workspace_id: i64) -> Result<Vec<ServerSchedule>> {
        self.query_all(
            "SELECT s.post_id, s.channel_id, s.remote_id, s.scheduled_at, s.content
             FROM server_schedule s JOIN post p ON p.id = s.post_id
             WHERE p.workspace_id = ?1 ORDER BY s.post_id, s.channel_id",
            params![workspace_id],
            |r| {
                Ok(ServerSchedule {
                    post_id: r.get(0)?,
                    channel_id: r.get(1)?,
                    remote_id: r.get(2)?,
                    scheduled_at: from_unix(r.get(3)?, 3)?,
                    content: r.get(4)?,
                })
            },
        )
    }

    pub fn server_schedule(&self, post_id: i64, channel_id: i64) -> Result<Option<ServerSchedule>> {
        Ok(self
            .server_schedules_of(post_id)?
            .into_iter()
            .find(|s| s.channel_id == channel_id))
    }

    fn server_schedules_of(&self, post_id: i64) -> Result<Vec<ServerSchedule>> {
        self.query_all(
            "SELECT post_id, channel_id, remote_id, scheduled_at, content
             FROM server_schedule WHERE post_id = ?1",
            params![post_id],
            |r| {
                Ok(ServerSchedule {
                    post_id: r.get(0)?,
                    channel_id: r.get(1)?,
                    remote_id: r.get(2)?,
                    scheduled_at: from_unix(r.get(3)?, 3)?,
                    content: r.get(4)?,
                })
            },
        )
    }

    /// The channels on which a post is in its network's own schedule.
    pub fn server_scheduled_channels(&self, post_id: i64) -> Result<Vec<i64>> {
        Ok(self
            .server_schedules_of(post_id)?
            .into_iter()
            .map(|s| s.channel_id)
            .collect())
    }

    pub fn put_server_schedule(&mut self, s: &ServerSchedule) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO server_schedule (post_id, channel_id, remote_id, scheduled_at, content)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (post_id, channel_id) DO UPDATE SET
                   remote_id = excluded.remote_id, scheduled_at = excluded.scheduled_at,
                   content = excluded.content",
                params![
                    s.post_id,
                    s.channel_id,
                    s.remote_id,
                    to_unix(s.scheduled_at),
                    s.content
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    pub fn delete_server_schedule(&mut self, post_id: i64, channel_id: i64) -> Result<()> {
        self.conn
            .execute(
                "DELETE FROM server_schedule WHERE post_id = ?1 AND channel_id = ?2",
                params![post_id, channel_id],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Targets a network's scheduler could take: live scheduled posts not
    /// held, due at or after `from`, on channels of `network` with a
    /// connected account. `(post id, channel id, time)`.
    pub fn server_schedulable(
        &self,
        workspace_id: i64,
        network: &str,
        from: DateTime<Utc>,
    ) -> Result<Vec<(i64, i64, DateTime<Utc>)>> {
        self.query_all(
            "SELECT p.id, c.id, p.scheduled_at FROM post p
             JOIN post_channel pc ON pc.post_id = p.id
             JOIN channel c ON c.id = pc.channel_id
             JOIN account a ON a.channel_id = c.id
             WHERE p.workspace_id = ?1 AND p.deleted_at IS NULL AND p.status = 'scheduled'
               AND p.hold IS NULL AND p.scheduled_at >= ?2 AND c.network = ?3
               AND a.status = 'connected'
             ORDER BY p.scheduled_at, p.id",
            params![workspace_id, to_unix(from), network],
            |r| Ok((r.get(0)?, r.get(1)?, from_unix(r.get(2)?, 2)?)),
        )
    }
}
