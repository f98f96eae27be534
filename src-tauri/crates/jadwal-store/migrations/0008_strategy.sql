-- The workspace's plan: a SWOT board, goals, audiences (personas), content
-- pillars and a posting rhythm per channel.

-- A content pillar is a label with a target share of posts (whole percent),
-- so the editor's label picker and the calendar's colours serve both.
ALTER TABLE label ADD COLUMN target_share INTEGER
    CHECK (target_share IS NULL OR target_share BETWEEN 1 AND 100);

CREATE TABLE swot_item (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    quadrant      TEXT    NOT NULL
                  CHECK (quadrant IN ('strengths', 'weaknesses', 'opportunities', 'threats')),
    text          TEXT    NOT NULL,
    -- Order within the quadrant, renumbered 0.. on every move.
    position      INTEGER NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX swot_item_by_workspace ON swot_item(workspace_id, quadrant, position);

-- Kind and measure are names from jadwal-domain (strategy.rs); a measure that
-- is a KPI uses the KPI's own name. Dates are local days (YYYY-MM-DD) in the
-- workspace's zone, both included.
CREATE TABLE goal (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL,
    measure       TEXT    NOT NULL,
    target        REAL    NOT NULL CHECK (target > 0),
    starts_on     TEXT    NOT NULL,
    ends_on       TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX goal_by_workspace ON goal(workspace_id, starts_on);

-- The channels a goal applies to; none means all of the workspace's.
CREATE TABLE goal_channel (
    goal_id     INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    channel_id  INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
    PRIMARY KEY (goal_id, channel_id)
) WITHOUT ROWID;

CREATE TABLE persona (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    demographics  TEXT    NOT NULL DEFAULT '',
    interests     TEXT    NOT NULL DEFAULT '',
    behaviour     TEXT    NOT NULL DEFAULT '',
    -- Network names, comma separated ("instagram,tiktok").
    networks      TEXT    NOT NULL DEFAULT '',
    -- The hours of the day they are online, one bit each (bit 0 = 00:00).
    active_hours  INTEGER NOT NULL DEFAULT 0 CHECK (active_hours BETWEEN 0 AND 16777215),
    created_at    INTEGER NOT NULL
);
CREATE INDEX persona_by_workspace ON persona(workspace_id);

-- Posts a week wanted on a channel; a channel without a row has no rhythm.
CREATE TABLE rhythm (
    channel_id      INTEGER PRIMARY KEY REFERENCES channel(id) ON DELETE CASCADE,
    posts_per_week  INTEGER NOT NULL CHECK (posts_per_week BETWEEN 1 AND 70)
);
