-- The calendar: workspaces (a brand or a client each), the channels and
-- labels they use, and posts. Instants are UTC unix seconds; a scheduled post
-- also keeps the IANA zone its wall-clock time was chosen in.

CREATE TABLE workspace (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    time_zone   TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE channel (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    network       TEXT    NOT NULL,
    color         TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    deleted_at    INTEGER
);
CREATE INDEX channel_by_workspace ON channel(workspace_id);

CREATE TABLE label (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    color         TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    deleted_at    INTEGER
);
CREATE INDEX label_by_workspace ON label(workspace_id);

CREATE TABLE post (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    text          TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'failed')),
    scheduled_at  INTEGER,
    time_zone     TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    deleted_at    INTEGER,
    CHECK ((scheduled_at IS NULL) = (time_zone IS NULL))
);
-- The calendar reads one page (a month, a week) of live posts at a time.
CREATE INDEX post_by_time ON post(workspace_id, scheduled_at) WHERE deleted_at IS NULL;

-- A post's targets: the channels it goes to, each with an optional text of its own.
CREATE TABLE post_channel (
    post_id       INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
    channel_id    INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
    variant_text  TEXT,
    PRIMARY KEY (post_id, channel_id)
) WITHOUT ROWID;

CREATE TABLE post_label (
    post_id   INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
    label_id  INTEGER NOT NULL REFERENCES label(id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, label_id)
) WITHOUT ROWID;
