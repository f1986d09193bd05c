-- The command dashboard's read model (一屏指挥): one row per incident, fed by the incident module's events and
-- filled from its facts at start. Owned by the dashboard; the incident tables are never read from here.
CREATE TABLE dashboard_incident (
    id               UUID PRIMARY KEY,
    -- the incident's version this row reflects; an older fact never overwrites a newer one
    version          BIGINT NOT NULL,
    status           TEXT NOT NULL,
    -- still in the loop: not closed, rejected or merged
    open             BOOLEAN NOT NULL,
    channel          TEXT NOT NULL,
    item_code        TEXT NOT NULL,
    item_name        TEXT NOT NULL,
    category_code    TEXT,
    grid_code        TEXT NOT NULL,
    village_code     TEXT NOT NULL,
    town_code        TEXT,
    county_code      TEXT,
    region_path      TEXT NOT NULL,
    longitude        DOUBLE PRECISION,
    latitude         DOUBLE PRECISION,
    reported_at      TIMESTAMPTZ NOT NULL,
    -- the running stage's deadline: open and past it is 超期
    deadline         TIMESTAMPTZ,
    lead_org_id      BIGINT,
    closed_at        TIMESTAMPTZ,
    -- closed without any stage ever running past its deadline (按期结案)
    on_time          BOOLEAN NOT NULL DEFAULT FALSE,
    resolution_level TEXT,
    satisfaction     TEXT
);
CREATE INDEX dashboard_incident_reported ON dashboard_incident (region_path text_pattern_ops, reported_at);
CREATE INDEX dashboard_incident_closed ON dashboard_incident (region_path text_pattern_ops, closed_at)
    WHERE closed_at IS NOT NULL;
CREATE INDEX dashboard_incident_open ON dashboard_incident (region_path text_pattern_ops, deadline) WHERE open;
