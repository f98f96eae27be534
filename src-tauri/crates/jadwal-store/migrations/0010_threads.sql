-- A post's text may go to Bluesky as a thread of replies when it is longer
-- than one post allows: the person's choice, per post and channel.
ALTER TABLE post_channel ADD COLUMN as_thread INTEGER NOT NULL DEFAULT 0
    CHECK (as_thread IN (0, 1));
