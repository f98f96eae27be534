-- Figures about published posts and accounts: likes, followers,
-- impressions, … Append-only: every fetch, entry or import adds rows and
-- nothing is overwritten, so a figure's history is kept.
--
-- A row is about a post target (post_id and channel_id set: that post on
-- that channel) or about the account behind a channel (post_id NULL: its
-- followers, a day's impressions for the whole account).
--
-- Time: instants are UTC unix seconds.
--   taken_at     the instant the figure describes. For a snapshot (likes
--                read from the network now, a figure typed in with a time)
--                it is when the figure was true. For a figure that covers a
--                period (a CSV from an insights page giving a day's
--                impressions) it is the period's start, so daily series and
--                sums put it on the day it belongs to.
--   period_end   NULL for a snapshot; for a period figure, the end of the
--                period (exclusive): taken_at .. period_end.
--   recorded_at  when Jadwal stored the row (for the record; never used to
--                order figures).
--
-- metric (likes, followers, bounce_rate, …) and source (bluesky, mastodon,
-- manual, csv) are checked in the code, not here, so a new name needs no
-- table rebuild. value is REAL: counts are whole, bounce_rate is a share,
-- spend and revenue are amounts.
CREATE TABLE metric_sample (
    id           INTEGER PRIMARY KEY,
    channel_id   INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
    post_id      INTEGER REFERENCES post(id) ON DELETE CASCADE,
    metric       TEXT    NOT NULL,
    value        REAL    NOT NULL,
    source       TEXT    NOT NULL,
    taken_at     INTEGER NOT NULL,
    period_end   INTEGER,
    recorded_at  INTEGER NOT NULL,
    CHECK (period_end IS NULL OR period_end > taken_at)
);

-- "The latest value of each figure of a post target", and a target's history.
CREATE INDEX metric_sample_by_target
    ON metric_sample(post_id, channel_id, metric, taken_at)
    WHERE post_id IS NOT NULL;

-- "A figure's daily series per channel over a range" and "sums per channel
-- per day": a range scan per channel and figure, covering the value so the
-- table itself is not read.
CREATE INDEX metric_sample_by_channel
    ON metric_sample(channel_id, metric, taken_at, post_id, period_end, value);

-- The newest figure of each kind per post target, a copy of its
-- metric_sample row kept by the trigger below as figures are appended: the
-- dashboard reads one row per figure, next to its post, instead of every
-- fetch ever kept (a post fetched every 6 hours for a month has 120 of
-- each) scattered through the file. Derived from metric_sample, which stays
-- the record; a later figure with the same taken_at wins, as a later fetch
-- should.
CREATE TABLE metric_latest (
    post_id      INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
    channel_id   INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
    metric       TEXT    NOT NULL,
    sample_id    INTEGER NOT NULL,
    value        REAL    NOT NULL,
    source       TEXT    NOT NULL,
    taken_at     INTEGER NOT NULL,
    period_end   INTEGER,
    recorded_at  INTEGER NOT NULL,
    PRIMARY KEY (post_id, channel_id, metric)
) WITHOUT ROWID;

CREATE TRIGGER metric_latest_follows AFTER INSERT ON metric_sample
WHEN NEW.post_id IS NOT NULL
BEGIN
    INSERT INTO metric_latest
        (post_id, channel_id, metric, sample_id, value, source, taken_at, period_end, recorded_at)
    VALUES (NEW.post_id, NEW.channel_id, NEW.metric, NEW.id, NEW.value, NEW.source,
            NEW.taken_at, NEW.period_end, NEW.recorded_at)
    ON CONFLICT (post_id, channel_id, metric) DO UPDATE
        SET sample_id = excluded.sample_id, value = excluded.value, source = excluded.source,
            taken_at = excluded.taken_at, period_end = excluded.period_end,
            recorded_at = excluded.recorded_at
        WHERE excluded.taken_at >= metric_latest.taken_at;
END;

-- When the last fetch from the networks ran, per workspace, lives in the
-- setting table (workspace/<id>/metrics_fetched_at), not here.
