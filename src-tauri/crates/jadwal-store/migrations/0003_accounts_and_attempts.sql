-- Connected accounts (who a channel posts as; the secrets themselves live in
-- the OS keychain, never here) and the append-only log of publish attempts.

CREATE TABLE account (
    channel_id    INTEGER PRIMARY KEY REFERENCES channel(id) ON DELETE CASCADE,
    remote_id     TEXT    NOT NULL,
    handle        TEXT    NOT NULL,
    display_name  TEXT,
    avatar_url    TEXT,
    -- The server the account lives on (a Bluesky PDS, a Mastodon instance); NULL for the default.
    service_url   TEXT,
    status        TEXT    NOT NULL CHECK (status IN ('connected', 'login_needed')),
    verified_at   INTEGER NOT NULL
);

-- One row per try to publish a post to a channel. It is written BEFORE the
-- request goes out, with the key the network's own guard is derived from, so
-- a retry after a crash reuses the key instead of posting twice.
CREATE TABLE publish_attempt (
    id               INTEGER PRIMARY KEY,
    post_id          INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
    channel_id       INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
    idempotency_key  TEXT    NOT NULL,
    key_created_at   INTEGER NOT NULL,
    started_at       INTEGER NOT NULL,
    finished_at      INTEGER,
    outcome          TEXT    CHECK (outcome IN ('published', 'failed')),
    remote_id        TEXT,
    url              TEXT,
    error_code       TEXT,
    message          TEXT
);
CREATE INDEX publish_attempt_by_target ON publish_attempt(post_id, channel_id, id);
