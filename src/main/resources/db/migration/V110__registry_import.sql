-- Bulk import of the registry (CSV/XLSX templates): every import is logged, and every row it wrote points back to it,
-- so a city can tell which data came from which file, and synthetic data (the demo city's) is marked as such.

CREATE TABLE registry_import (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        TEXT NOT NULL,             -- ADDRESSES, HOUSEHOLDS, ORGANISATIONS
    file_name   TEXT NOT NULL,
    rows        INT NOT NULL,
    written     INT NOT NULL,              -- entries written: addresses, persons or organisations
    synthetic   BOOLEAN NOT NULL,          -- 合成数据: generated, no real person's record
    user_id     BIGINT NOT NULL,
    username    TEXT NOT NULL,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    millis      BIGINT NOT NULL
);

-- 标准地址编码: the city's code of a standard address; households and organisations in a file name their address by it.
ALTER TABLE registry_address ADD COLUMN code TEXT;
CREATE UNIQUE INDEX registry_address_code ON registry_address (code) WHERE code IS NOT NULL;

-- 户号: the household's number as the household register (户口簿) gives it.
ALTER TABLE registry_household ADD COLUMN number TEXT;
CREATE UNIQUE INDEX registry_household_number ON registry_household (number) WHERE number IS NOT NULL;

-- Which import wrote a row (registry_import.id; null: entered by hand). No foreign key: the import log row is written
-- in the same transaction, and a check on each of millions of copied rows would only slow the import.
ALTER TABLE registry_address ADD COLUMN import_id BIGINT;
ALTER TABLE registry_building ADD COLUMN import_id BIGINT;
ALTER TABLE registry_person ADD COLUMN import_id BIGINT;
ALTER TABLE registry_household ADD COLUMN import_id BIGINT;
ALTER TABLE registry_organisation ADD COLUMN import_id BIGINT;
ALTER TABLE registry_address ADD COLUMN synthetic BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE registry_building ADD COLUMN synthetic BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE registry_person ADD COLUMN synthetic BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE registry_household ADD COLUMN synthetic BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE registry_organisation ADD COLUMN synthetic BOOLEAN NOT NULL DEFAULT false;

-- A town's household list, newest first, without sorting the town.
CREATE INDEX registry_household_region_id ON registry_household (region_path text_pattern_ops, id);
