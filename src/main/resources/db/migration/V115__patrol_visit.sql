-- Home visits 入户走访: each household's visit schedule, the visits, the change requests they raise, and the
-- coverage counters that the roll-ups read (村不漏户、户不漏人) — maintained on write, so that a roll-up over millions
-- of visits reads a few thousand counter rows, never the visits.

-- The visit schedule of a household, as the patrol module knows it: copied from the registry when a worker's or a
-- region's households are listed (their tags set the frequency), moved on by every visit.
CREATE TABLE patrol_household (
    household_id   BIGINT PRIMARY KEY,
    grid_code      TEXT NOT NULL,
    region_path    TEXT NOT NULL,        -- the village's path, for the data scope
    every_days     INT NOT NULL CHECK (every_days > 0),
    persons        INT NOT NULL DEFAULT 0,
    last_visit_on  DATE,
    next_due_on    DATE NOT NULL,        -- the next regular visit
    revisit_by     DATE,                 -- after 无人在家: come back by this day (复访)
    active         BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX patrol_household_grid ON patrol_household (grid_code, next_due_on);
CREATE INDEX patrol_household_region ON patrol_household (region_path text_pattern_ops);
CREATE INDEX patrol_household_revisit ON patrol_household (region_path text_pattern_ops, revisit_by)
    WHERE revisit_by IS NOT NULL;

CREATE TABLE patrol_visit (
    id               UUID PRIMARY KEY,
    number           BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE, -- 走访编号 people can quote
    household_id     BIGINT NOT NULL,
    grid_code        TEXT NOT NULL,
    region_path      TEXT NOT NULL,
    visitor_id       BIGINT NOT NULL,
    visitor_name     TEXT NOT NULL,
    outcome          TEXT NOT NULL,      -- MET 见面, NOBODY_HOME 无人在家, REFUSED 拒访, MOVED_AWAY 已搬离, CHANGED 信息有变
    started_at       TIMESTAMPTZ NOT NULL,
    ended_at         TIMESTAMPTZ NOT NULL,
    visited_on       DATE NOT NULL,      -- the city's day of the visit
    lng              DOUBLE PRECISION NOT NULL,
    lat              DOUBLE PRECISION NOT NULL,
    distance_m       INT NOT NULL,       -- from the household's address point
    far              BOOLEAN NOT NULL,   -- flagged: farther from the door than allowed
    short            BOOLEAN NOT NULL,   -- flagged: shorter than a visit can be
    persons_verified INT NOT NULL DEFAULT 0,
    notes            TEXT,
    photo_ids        UUID[] NOT NULL DEFAULT '{}',
    incident_id      UUID,               -- the problem found, reported into the incident loop
    recorded_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX patrol_visit_household ON patrol_visit (household_id, visited_on);
CREATE INDEX patrol_visit_grid_day ON patrol_visit (grid_code, visited_on);
CREATE INDEX patrol_visit_visitor ON patrol_visit (visitor_id, visited_on);

-- 信息有变: what the worker found changed, for the village centre to confirm (applied through the registry) or reject.
CREATE TABLE patrol_change_request (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    visit_id     UUID NOT NULL REFERENCES patrol_visit (id),
    household_id BIGINT NOT NULL,
    grid_code    TEXT NOT NULL,
    region_path  TEXT NOT NULL,
    kind         TEXT NOT NULL,          -- MEMBER_MOVED_OUT 迁出, MEMBER_DIED 死亡, OTHER 其他
    person_id    BIGINT,
    description  TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'PENDING', -- PENDING, CONFIRMED, REJECTED
    decided_by   BIGINT,
    decided_at   TIMESTAMPTZ,
    reason       TEXT,
    version      INT NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX patrol_change_request_open ON patrol_change_request (region_path text_pattern_ops) WHERE status = 'PENDING';

-- The first visit of a household in a period (a month '2026-12', a quarter '2026-Q4', a year '2026'), and its first
-- visit that met someone: a row here is what makes a visit count once towards coverage.
CREATE TABLE patrol_period_mark (
    household_id BIGINT NOT NULL,
    period       TEXT NOT NULL,
    met          BOOLEAN NOT NULL,       -- false: visited; true: persons verified 户不漏人
    PRIMARY KEY (household_id, period, met)
);

-- Coverage counters per grid and period: households visited (村不漏户), persons verified (户不漏人), visits.
CREATE TABLE patrol_coverage (
    grid_code          TEXT NOT NULL,
    period             TEXT NOT NULL,
    region_path        TEXT NOT NULL,
    households_visited INT NOT NULL DEFAULT 0,
    persons_verified   INT NOT NULL DEFAULT 0,
    visits             INT NOT NULL DEFAULT 0,
    PRIMARY KEY (grid_code, period)
);
CREATE INDEX patrol_coverage_period ON patrol_coverage (period, region_path text_pattern_ops);

-- Households and persons registered per grid, as the registry last told (the denominators of the roll-ups).
CREATE TABLE patrol_grid_registered (
    grid_code   TEXT PRIMARY KEY,
    region_path TEXT NOT NULL,
    households  INT NOT NULL,
    persons     INT NOT NULL,
    counted_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX patrol_grid_registered_region ON patrol_grid_registered (region_path text_pattern_ops);
