-- App settings (language, …) and the editor's autosave, so text typed into
-- the editor survives the app being closed or killed mid-sentence.

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE editor_autosave (
    slot      TEXT    PRIMARY KEY,
    body      TEXT    NOT NULL,
    saved_at  INTEGER NOT NULL
) WITHOUT ROWID;
