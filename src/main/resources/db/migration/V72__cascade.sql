-- The cascade to the upper-level platform (省级平台): the daily figures per county, counted from the incident
-- module's events as they happen, and which days were already reported.
CREATE TABLE cascade_county_day (
    county_code       TEXT NOT NULL,
    day               DATE NOT NULL,
    reported          INT NOT NULL DEFAULT 0,
    closed            INT NOT NULL DEFAULT 0,
    -- closed at grid, village or town (基层化解)
    closed_grassroots INT NOT NULL DEFAULT 0,
    escalated_to_city INT NOT NULL DEFAULT 0,
    overdue           INT NOT NULL DEFAULT 0,
    PRIMARY KEY (county_code, day)
);

-- One row per county and day whose statistics event was published: the nightly job publishes each once.
CREATE TABLE cascade_statistics_sent (
    county_code  TEXT NOT NULL,
    day          DATE NOT NULL,
    event_id     UUID NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (county_code, day)
);
