-- The registry's base data (人、地、物、事、情、组织), GB/T 31000 "9+X": standard addresses and buildings.

-- The generated data key, used only when onegrid.security.data-key is not configured.
CREATE TABLE registry_secret (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A standard address 标准地址, down to the room when it has one; placed in its grid by its point.
CREATE TABLE registry_address (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    county_code  TEXT NOT NULL,
    town_code    TEXT NOT NULL,
    village_code TEXT NOT NULL,
    road         TEXT NOT NULL,           -- road, street or 小区
    number       TEXT,                    -- 门牌号
    building     TEXT,                    -- 楼栋
    unit         TEXT,                    -- 单元
    room         TEXT,                    -- 户室
    lng          DOUBLE PRECISION NOT NULL,
    lat          DOUBLE PRECISION NOT NULL,
    grid_code    TEXT NOT NULL,
    region_path  TEXT NOT NULL,           -- the village's path, for the data scope
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (village_code, road, number, building, unit, room)
);
CREATE INDEX registry_address_grid ON registry_address (grid_code);
CREATE INDEX registry_address_region ON registry_address (region_path text_pattern_ops);

-- A building 建筑 with its footprint point.
CREATE TABLE registry_building (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    address_id  BIGINT NOT NULL REFERENCES registry_address (id),
    name        TEXT NOT NULL,
    floors      INT CHECK (floors IS NULL OR floors BETWEEN 1 AND 200),
    usage       TEXT NOT NULL,            -- RESIDENTIAL, COMMERCIAL, MIXED, INDUSTRIAL, PUBLIC, OTHER
    lng         DOUBLE PRECISION NOT NULL,
    lat         DOUBLE PRECISION NOT NULL,
    grid_code   TEXT NOT NULL,
    region_path TEXT NOT NULL
);
CREATE INDEX registry_building_grid ON registry_building (grid_code);
