-- Incidents 事件: the aggregate's state (one row per incident), its append-only hash-chained history,
-- photos, intake idempotency keys, in-app notifications, and the lock table of scheduled jobs.
-- Region, grid and organisation codes and ids belong to other modules; they are copied, not foreign keys.

CREATE TABLE incident (
    id                    UUID PRIMARY KEY,
    -- optimistic version == number of history entries; every save is UPDATE ... WHERE id = ? AND version = ?
    version               BIGINT NOT NULL CHECK (version >= 1),
    status                TEXT NOT NULL CHECK (status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS',
                                                          'HANDLED', 'CLOSED', 'REJECTED', 'MERGED')),
    channel               TEXT NOT NULL,
    text                  TEXT NOT NULL,
    longitude             DOUBLE PRECISION,
    latitude              DOUBLE PRECISION,
    address               TEXT,
    grid_code             TEXT NOT NULL,
    village_code          TEXT NOT NULL,
    town_code             TEXT,
    county_code           TEXT,
    -- the village's region path (/3705/370523/370523101/370523101211/): scope filters are
    -- region_path LIKE :scopePath || '%'
    region_path           TEXT NOT NULL,
    reporter_user_id      BIGINT,
    reporter_name         TEXT NOT NULL,
    -- AES-GCM ciphertext of the reporter's phone (personal data); never stored in clear
    reporter_phone        BYTEA,
    -- the catalog terms frozen at intake: a later change of the catalog does not touch running incidents
    item_code             TEXT NOT NULL,
    item_name             TEXT NOT NULL,
    category_code         TEXT,
    normal_level          TEXT NOT NULL,
    terms                 JSONB NOT NULL,
    reported_at           TIMESTAMPTZ NOT NULL,
    owner_org_id          BIGINT NOT NULL,
    owner_level           TEXT NOT NULL,
    owner_region_path     TEXT NOT NULL,
    -- who handles it: mode, lead, assisting departments with their report-in and part, dual supervisor
    handling              JSONB,
    handling_mode         TEXT,
    lead_org_id           BIGINT,
    department_ids        BIGINT[] NOT NULL DEFAULT '{}',
    -- the running stage; NULL when closed, rejected or merged. The light is a comparison with
    -- stage_yellow_at and stage_deadline, so SQL filters by light.
    stage                 TEXT,
    stage_started_at      TIMESTAMPTZ,
    stage_deadline        TIMESTAMPTZ,
    stage_yellow_at       TIMESTAMPTZ,
    stage_overdue_marked  BOOLEAN NOT NULL DEFAULT FALSE,
    -- set by the scan when the yellow warning went out; reset whenever the stage's deadline changes
    stage_yellow_warned   BOOLEAN NOT NULL DEFAULT FALSE,
    pending_extension     JSONB,
    supporters            INT NOT NULL DEFAULT 0,
    returns               INT NOT NULL DEFAULT 0,
    reworks               INT NOT NULL DEFAULT 0,
    reopens               INT NOT NULL DEFAULT 0,
    escalations           INT NOT NULL DEFAULT 0,
    urges                 INT NOT NULL DEFAULT 0,
    overdues              INT NOT NULL DEFAULT 0,
    extensions            INT NOT NULL DEFAULT 0,
    merged_into           UUID,
    result                TEXT,
    satisfaction          TEXT,
    -- 化解层级 and the working time per stage, for assessment and the dashboard
    resolution_level      TEXT,
    closed_at             TIMESTAMPTZ,
    accept_seconds        BIGINT NOT NULL DEFAULT 0,
    handle_seconds        BIGINT NOT NULL DEFAULT 0,
    verify_seconds        BIGINT NOT NULL DEFAULT 0,
    supervisions          JSONB NOT NULL DEFAULT '[]',
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX incident_by_region_path ON incident (region_path text_pattern_ops, reported_at DESC);
CREATE INDEX incident_by_reported_at ON incident (reported_at DESC);
CREATE INDEX incident_by_status ON incident (status, reported_at DESC);
CREATE INDEX incident_by_grid ON incident (grid_code, reported_at DESC);
CREATE INDEX incident_by_reporter ON incident (reporter_user_id, reported_at DESC) WHERE reporter_user_id IS NOT NULL;
CREATE INDEX incident_by_owner ON incident (owner_org_id) WHERE stage IS NOT NULL;
CREATE INDEX incident_by_department ON incident USING gin (department_ids);
-- the overdue scan: open stages not yet marked, by deadline; and yellow warnings not yet given
CREATE INDEX incident_overdue_due ON incident (stage_deadline) WHERE stage IS NOT NULL AND NOT stage_overdue_marked;
CREATE INDEX incident_yellow_due ON incident (stage_yellow_at) WHERE stage IS NOT NULL AND NOT stage_yellow_warned;

-- 全程留痕: append-only and hash-chained (see HistoryChain). Updates and deletes are refused by a trigger;
-- the chain makes an edit visible even to someone who can disable the trigger (the table's owner).
CREATE TABLE incident_history (
    incident_id    UUID NOT NULL REFERENCES incident (id),
    sequence       BIGINT NOT NULL CHECK (sequence >= 1),
    at             TIMESTAMPTZ NOT NULL,
    actor_id       BIGINT NOT NULL,
    actor_name     TEXT NOT NULL,
    role           TEXT NOT NULL,
    org_id         BIGINT NOT NULL,
    from_status    TEXT,
    to_status      TEXT NOT NULL,
    action         TEXT NOT NULL,
    comment        TEXT NOT NULL,
    detail         TEXT NOT NULL,
    attachment_ids TEXT[] NOT NULL,
    previous_hash  TEXT NOT NULL,
    hash           TEXT NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);
CREATE INDEX incident_history_by_actor ON incident_history (actor_id, at);

CREATE FUNCTION incident_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'incident_history is append-only';
END
$$;
CREATE TRIGGER incident_history_no_update_or_delete BEFORE UPDATE OR DELETE ON incident_history
    FOR EACH ROW EXECUTE FUNCTION incident_history_is_append_only();
CREATE TRIGGER incident_history_no_truncate BEFORE TRUNCATE ON incident_history
    FOR EACH STATEMENT EXECUTE FUNCTION incident_history_is_append_only();

-- photos (JPEG, PNG, WebP by their content), uploaded first and attached to an intake or an action
CREATE TABLE incident_photo (
    id           UUID PRIMARY KEY,
    incident_id  UUID REFERENCES incident (id),
    uploaded_by  BIGINT NOT NULL,
    content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    size         INT NOT NULL CHECK (size > 0 AND size <= 10485760),
    sha256       TEXT NOT NULL,
    data         BYTEA NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX incident_photo_by_incident ON incident_photo (incident_id);
CREATE INDEX incident_photo_by_uploader ON incident_photo (uploaded_by, uploaded_at);

-- Idempotency-Key of intake: the same key from the same caller gives the same incident
CREATE TABLE incident_idempotency (
    caller_id   BIGINT NOT NULL,
    key         TEXT NOT NULL,
    request     TEXT NOT NULL,
    incident_id UUID NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller_id, key)
);

-- in-app notifications, to one user or to everyone of an organisation in a role (a department's handlers, a
-- centre's dispatchers); who has read one is kept per user, so an organisation's notice is unread for each of
-- them until they read it
CREATE TABLE notification (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_user_id BIGINT,
    recipient_org_id  BIGINT,
    recipient_role    TEXT,
    incident_id       UUID,
    kind              TEXT NOT NULL,
    text              TEXT NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    CHECK ((recipient_user_id IS NULL) <> (recipient_org_id IS NULL)),
    CHECK ((recipient_org_id IS NULL) = (recipient_role IS NULL))
);
CREATE INDEX notification_by_user ON notification (recipient_user_id, id DESC) WHERE recipient_user_id IS NOT NULL;
CREATE INDEX notification_by_org ON notification (recipient_org_id, recipient_role, id DESC) WHERE recipient_org_id IS NOT NULL;

CREATE TABLE notification_read (
    notification_id BIGINT NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL,
    read_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, notification_id)
);

-- ShedLock: a scheduled job runs on one node at a time (UTC database time, as ShedLock writes it)
CREATE TABLE shedlock (
    name       VARCHAR(64) PRIMARY KEY,
    lock_until TIMESTAMP NOT NULL,
    locked_at  TIMESTAMP NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- the generated key that encrypts reporters' phones, used only when onegrid.security.data-key is not configured
CREATE TABLE incident_secret (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
