-- Catalog 事项清单: a two-level tree of incident types, category 大类 → item 小类. Incidents copy an item's
-- terms at intake, so an item changes in place (its version rises) and is deactivated, never deleted.

CREATE TABLE catalog_category (
    code       TEXT PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_.-]{1,31}$'),
    name       TEXT NOT NULL CHECK (btrim(name) <> ''),
    sort       INT NOT NULL DEFAULT 0,
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE catalog_item (
    code             TEXT PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_.-]{1,31}$'),
    category_code    TEXT NOT NULL REFERENCES catalog_category (code),
    name             TEXT NOT NULL CHECK (btrim(name) <> ''),
    description      TEXT NOT NULL DEFAULT '',
    -- the responsible departments' short codes (organisation.dept_code of the staff module, not a foreign key
    -- across modules), lead department first
    department_codes TEXT[] NOT NULL CHECK (cardinality(department_codes) > 0),
    -- the level that normally handles the item
    level            TEXT NOT NULL CHECK (level IN ('GRID', 'VILLAGE', 'TOWN', 'COUNTY', 'CITY')),
    accept_minutes   INT NOT NULL CHECK (accept_minutes > 0),
    accept_mode      TEXT NOT NULL CHECK (accept_mode IN ('WORKING', 'NATURAL')),
    handle_minutes   INT NOT NULL CHECK (handle_minutes > 0),
    handle_mode      TEXT NOT NULL CHECK (handle_mode IN ('WORKING', 'NATURAL')),
    verify_minutes   INT NOT NULL CHECK (verify_minutes > 0),
    verify_mode      TEXT NOT NULL CHECK (verify_mode IN ('WORKING', 'NATURAL')),
    joint_allowed    BOOLEAN NOT NULL DEFAULT FALSE,
    emergency        BOOLEAN NOT NULL DEFAULT FALSE,
    auto_escalate    BOOLEAN NOT NULL DEFAULT FALSE,
    keywords         TEXT[] NOT NULL DEFAULT '{}',
    -- extra attributes a report of this type asks for (Open311 service definition), a JSON array
    attributes       JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attributes) = 'array'),
    active           BOOLEAN NOT NULL DEFAULT TRUE,
    version          INT NOT NULL DEFAULT 1,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX catalog_item_by_category ON catalog_item (category_code, code);

-- Incidents refer to items by code for years: an item is deactivated, never deleted; a category likewise.
CREATE FUNCTION catalog_is_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are deactivated, never deleted', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER catalog_item_no_delete BEFORE DELETE ON catalog_item
    FOR EACH ROW EXECUTE FUNCTION catalog_is_never_deleted();
CREATE TRIGGER catalog_item_no_truncate BEFORE TRUNCATE ON catalog_item
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_is_never_deleted();
CREATE TRIGGER catalog_category_no_delete BEFORE DELETE ON catalog_category
    FOR EACH ROW EXECUTE FUNCTION catalog_is_never_deleted();
CREATE TRIGGER catalog_category_no_truncate BEFORE TRUNCATE ON catalog_category
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_is_never_deleted();
