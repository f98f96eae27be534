-- The media library (one row per picture kept in <data dir>/media, named by
-- the SHA-256 of its bytes) and the pictures each post carries, in order,
-- with the alt text and focal point chosen for that post.

CREATE TABLE media (
    hash           TEXT    PRIMARY KEY CHECK (length(hash) = 64),
    format         TEXT    NOT NULL CHECK (format IN ('jpeg', 'png', 'gif', 'webp')),
    byte_size      INTEGER NOT NULL CHECK (byte_size >= 0),
    -- The size as seen, after EXIF orientation.
    width          INTEGER NOT NULL,
    height         INTEGER NOT NULL,
    original_name  TEXT    NOT NULL,
    animated       INTEGER NOT NULL DEFAULT 0 CHECK (animated IN (0, 1)),
    imported_at    INTEGER NOT NULL
) WITHOUT ROWID;

-- Deleting a post drops its attachments, never the library's picture: a
-- library row is only removed on purpose (RESTRICT keeps a used one).
CREATE TABLE post_media (
    post_id     INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
    media_hash  TEXT    NOT NULL REFERENCES media(hash) ON DELETE RESTRICT,
    position    INTEGER NOT NULL CHECK (position >= 0),
    alt_text    TEXT    NOT NULL DEFAULT '',
    focal_x     REAL    NOT NULL DEFAULT 0.5 CHECK (focal_x BETWEEN 0 AND 1),
    focal_y     REAL    NOT NULL DEFAULT 0.5 CHECK (focal_y BETWEEN 0 AND 1),
    PRIMARY KEY (post_id, position),
    UNIQUE (post_id, media_hash)
) WITHOUT ROWID;
-- "Where is this picture used?" for the library grid.
CREATE INDEX post_media_by_hash ON post_media(media_hash);
