-- Paid boosts and ads (campaigns), influencer partners and their
-- collaborations. Results are typed in by the person (the networks' ad
-- managers are not read); a NULL figure is "not known", never zero.
-- Money is in the workspace's currency. Dates are local days (YYYY-MM-DD),
-- both included.

CREATE TABLE campaign (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    -- The channel the ads ran on; kept when the channel is removed.
    channel_id    INTEGER REFERENCES channel(id) ON DELETE SET NULL,
    starts_on     TEXT    NOT NULL,
    ends_on       TEXT    NOT NULL,
    budget        REAL    NOT NULL CHECK (budget >= 0),
    spend         REAL    CHECK (spend IS NULL OR spend >= 0),
    impressions   INTEGER CHECK (impressions IS NULL OR impressions >= 0),
    clicks        INTEGER CHECK (clicks IS NULL OR clicks >= 0),
    conversions   INTEGER CHECK (conversions IS NULL OR conversions >= 0),
    revenue       REAL    CHECK (revenue IS NULL OR revenue >= 0),
    created_at    INTEGER NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX campaign_by_workspace ON campaign(workspace_id, starts_on);

-- The posts a campaign boosted.
CREATE TABLE campaign_post (
    campaign_id  INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
    post_id      INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, post_id)
) WITHOUT ROWID;

CREATE TABLE partner (
    id               INTEGER PRIMARY KEY,
    workspace_id     INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    name             TEXT    NOT NULL,
    network          TEXT    NOT NULL,
    handle           TEXT    NOT NULL DEFAULT '',
    audience         INTEGER CHECK (audience IS NULL OR audience >= 0),
    -- Percent, as the partner or the network states it.
    engagement_rate  REAL    CHECK (engagement_rate IS NULL OR engagement_rate BETWEEN 0 AND 100),
    -- Their price for a post or a package.
    rate             REAL    CHECK (rate IS NULL OR rate >= 0),
    notes            TEXT    NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL
);
CREATE INDEX partner_by_workspace ON partner(workspace_id);

-- A partner's work on a campaign, with its own results.
CREATE TABLE collaboration (
    id           INTEGER PRIMARY KEY,
    partner_id   INTEGER NOT NULL REFERENCES partner(id) ON DELETE CASCADE,
    campaign_id  INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
    reach        INTEGER CHECK (reach IS NULL OR reach >= 0),
    clicks       INTEGER CHECK (clicks IS NULL OR clicks >= 0),
    conversions  INTEGER CHECK (conversions IS NULL OR conversions >= 0),
    revenue      REAL    CHECK (revenue IS NULL OR revenue >= 0),
    cost         REAL    CHECK (cost IS NULL OR cost >= 0),
    created_at   INTEGER NOT NULL
);
CREATE INDEX collaboration_by_campaign ON collaboration(campaign_id);
CREATE INDEX collaboration_by_partner ON collaboration(partner_id);

CREATE TABLE collaboration_post (
    collaboration_id  INTEGER NOT NULL REFERENCES collaboration(id) ON DELETE CASCADE,
    post_id           INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
    PRIMARY KEY (collaboration_id, post_id)
) WITHOUT ROWID;
