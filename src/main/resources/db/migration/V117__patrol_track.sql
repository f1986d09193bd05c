-- Patrols 巡查: a grid worker's recorded walk over a grid, the positions the phone sent (kept by the phone while the
-- connection is down and sent when it returns), and the problems found on the way.
CREATE TABLE patrol_track (
    id            UUID PRIMARY KEY,
    number        BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE, -- 巡查编号
    worker_id     BIGINT NOT NULL,
    worker_name   TEXT NOT NULL,
    grid_code     TEXT NOT NULL,
    region_path   TEXT NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    ended_at      TIMESTAMPTZ,
    distance_m    INT,
    covered_share DOUBLE PRECISION,        -- share of the grid's area within 30 m of the track, 0..1
    status        TEXT NOT NULL DEFAULT 'RUNNING' -- RUNNING, ENDED
);
CREATE INDEX patrol_track_worker ON patrol_track (worker_id, started_at);
CREATE INDEX patrol_track_grid ON patrol_track (grid_code, started_at);

CREATE TABLE patrol_track_point (
    track_id UUID NOT NULL REFERENCES patrol_track (id),
    at       TIMESTAMPTZ NOT NULL,
    lng      DOUBLE PRECISION NOT NULL,
    lat      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (track_id, at)             -- a point sent twice (after a dropped answer) is kept once
);

CREATE TABLE patrol_track_problem (
    track_id    UUID NOT NULL REFERENCES patrol_track (id),
    incident_id UUID NOT NULL,
    PRIMARY KEY (track_id, incident_id)
);
