-- The cascade to the upper-level platform (省级平台): the daily figures per county, counted from the incident
-- module's events as they happen, and which days were already reported.
CREATE TABLE cascade_count (
    county_code TEXT NOT NULL,
    day         DATE NOT NULL,
    -- reported, closed, closed_grassroots (closed at grid, village or town: 基层化解), escalated_to_city, overdue
    kind        TEXT NOT NULL
);
-- one row per counted action, appended in the action's transaction: no row that concurrent actions of a county
-- would wait for; the nightly job adds them up per county and day
CREATE INDEX cascade_count_day_idx ON cascade_count (day, county_code);

-- One row per county and day whose statistics event was published: the nightly job publishes each once.
CREATE TABLE cascade_statistics_sent (
    county_code  TEXT NOT NULL,
    day          DATE NOT NULL,
    event_id     UUID NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (county_code, day)
);
