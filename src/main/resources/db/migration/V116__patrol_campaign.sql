-- Campaigns 摸排行动: a level orders a drive for its subtree ("全市入户摸排"), with a start and end, a few questions per
-- household, and a target per grid; progress is counted per grid on each visit and rolled up level by level.
CREATE TABLE patrol_campaign (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         TEXT NOT NULL,
    region_code  TEXT NOT NULL,
    region_path  TEXT NOT NULL,           -- the subtree it covers
    starts_on    DATE NOT NULL,
    ends_on      DATE NOT NULL CHECK (ends_on >= starts_on),
    target_share INT NOT NULL CHECK (target_share BETWEEN 1 AND 100), -- % of each grid's households
    questions    TEXT[] NOT NULL DEFAULT '{}',
    ordered_by   BIGINT NOT NULL,
    ordered_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX patrol_campaign_days ON patrol_campaign (starts_on, ends_on);

-- Per grid: its target and the households visited in the campaign so far.
CREATE TABLE patrol_campaign_grid (
    campaign_id BIGINT NOT NULL REFERENCES patrol_campaign (id),
    grid_code   TEXT NOT NULL,
    region_path TEXT NOT NULL,
    target      INT NOT NULL,
    households  INT NOT NULL DEFAULT 0,
    persons     INT NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, grid_code)
);
CREATE INDEX patrol_campaign_grid_region ON patrol_campaign_grid (campaign_id, region_path text_pattern_ops);

-- A household counts once per campaign.
CREATE TABLE patrol_campaign_household (
    campaign_id  BIGINT NOT NULL REFERENCES patrol_campaign (id),
    household_id BIGINT NOT NULL,
    visit_id     UUID NOT NULL,
    PRIMARY KEY (campaign_id, household_id)
);

-- The campaign's form filled at a visit: one answer per question, in the questions' order.
CREATE TABLE patrol_campaign_answer (
    campaign_id BIGINT NOT NULL REFERENCES patrol_campaign (id),
    visit_id    UUID NOT NULL REFERENCES patrol_visit (id),
    answers     TEXT[] NOT NULL,
    answered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, visit_id)
);
