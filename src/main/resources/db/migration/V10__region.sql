-- Region tree 行政区划: city → county → town → village, keyed by official codes.
CREATE TABLE region (
    code          VARCHAR(12) PRIMARY KEY,
    name          TEXT        NOT NULL,
    level         TEXT        NOT NULL CHECK (level IN ('CITY', 'COUNTY', 'TOWN', 'VILLAGE')),
    parent_code   VARCHAR(12) REFERENCES region (code),
    -- ancestors-or-self codes, '/3705/370502/370502001/'; subtree queries use LIKE path || '%'
    path          TEXT        NOT NULL,
    -- the functional zone (功能区) a town officially belongs to when it hangs under a host county
    zone_code     VARCHAR(12),
    zone_name     TEXT,
    -- GeoJSON geometry, lon/lat, for the city and its counties
    boundary      TEXT,
    center_lng    DOUBLE PRECISION,
    center_lat    DOUBLE PRECISION,
    imported_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((level = 'CITY') = (parent_code IS NULL))
);
CREATE INDEX region_parent_idx ON region (parent_code);
CREATE INDEX region_path_idx ON region (path text_pattern_ops);

-- Grids 网格: polygons inside one village; WKB (EPSG:4326) for a fast load into the in-memory index.
CREATE TABLE grid (
    code          VARCHAR(40) PRIMARY KEY,
    name          TEXT             NOT NULL,
    village_code  VARCHAR(12)      NOT NULL REFERENCES region (code),
    type          TEXT             NOT NULL CHECK (type IN ('URBAN', 'RURAL', 'DEDICATED')),
    geometry      BYTEA            NOT NULL,
    area_m2       DOUBLE PRECISION NOT NULL,
    generated     BOOLEAN          NOT NULL DEFAULT FALSE,
    updated_at    TIMESTAMPTZ      NOT NULL DEFAULT now()
);
CREATE INDEX grid_village_idx ON grid (village_code);
