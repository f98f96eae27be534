-- Posts handed to a network's own scheduler (Mastodon's scheduled_at), one
-- row per post and channel: the network's id for it, the time and the
-- content it was handed over with, so a move or an edit can follow it there
-- and a post that goes out on the server is not sent again from here.
CREATE TABLE server_schedule (
    post_id      INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
    channel_id   INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
    remote_id    TEXT    NOT NULL,
    scheduled_at INTEGER NOT NULL,
    content      TEXT    NOT NULL,
    PRIMARY KEY (post_id, channel_id)
);
