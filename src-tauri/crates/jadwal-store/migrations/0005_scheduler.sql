-- What the scheduler needs on a post: why it is held back for the person's
-- decision (it was missed while the computer was off, …), and when to try
-- again after a temporary failure.

ALTER TABLE post ADD COLUMN hold TEXT;
ALTER TABLE post ADD COLUMN retry_at INTEGER;
ALTER TABLE post ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;

-- The scheduler's question: what is due next?
CREATE INDEX post_due ON post(scheduled_at) WHERE status = 'scheduled' AND deleted_at IS NULL;
