-- The scheduler's pacing question: how many posts went to this channel in
-- the last hour (or minute, or three hours)?
CREATE INDEX publish_attempt_by_channel_time ON publish_attempt(channel_id, started_at);
