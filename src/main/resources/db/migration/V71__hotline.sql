-- The 12345 hotline bridge and the outgoing deliveries of the integrations. Owned by the integration module; the
-- incident tables are never read from here (an order knows its incident by id only).

-- The hotline's categories (热线分类) and the catalog item (事项) each stands for. Edited by administrators; the demo
-- city is seeded from demo/hotline/categories.csv.
CREATE TABLE hotline_category (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    item_code  TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT NOT NULL
);

-- The key that encrypts callers' phones when no data key is configured (onegrid.security.data-key).
CREATE TABLE hotline_secret (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per work order the hotline pushed (工单), by the hotline's own order id: pushing it again finds this row.
CREATE TABLE hotline_order (
    order_id       TEXT PRIMARY KEY,
    -- SHA-256 of the order as first pushed: the same id with other content is refused
    fingerprint    TEXT NOT NULL,
    category_code  TEXT NOT NULL,
    item_code      TEXT NOT NULL,
    text           TEXT NOT NULL,
    address        TEXT,
    longitude      DOUBLE PRECISION,
    latitude       DOUBLE PRECISION,
    grid_code      TEXT,
    caller_name    TEXT,
    -- the caller, kept only while the order waits for placement (the incident keeps them afterwards); the phone
    -- encrypted with the data key (AES-256-GCM)
    caller_phone   BYTEA,
    -- the hotline's own time limit (办理时限) for the order, as it gave it
    time_limit     TIMESTAMPTZ,
    received_at    TIMESTAMPTZ NOT NULL,
    -- null while the order waits for a dispatcher to place it (no coordinates nor grid came with it)
    incident_id    UUID UNIQUE,
    placed_at      TIMESTAMPTZ,
    placed_by      BIGINT
);
CREATE INDEX hotline_order_unplaced_idx ON hotline_order (received_at) WHERE incident_id IS NULL;

-- The outbox of deliveries to other systems (the hotline's callbacks, the upper-level platform): filled in the
-- transaction of the change it reports, sent by a scheduled sender that claims one row at a time with a lease.
CREATE TABLE delivery (
    id              BIGSERIAL PRIMARY KEY,
    -- 'hotline' or 'cascade'
    receiver        TEXT NOT NULL,
    -- the id the receiver de-duplicates by (Idempotency-Key / X-Event-Id); stable across attempts
    event_id        UUID NOT NULL,
    -- what the message is, e.g. HOTLINE_STATUS, INCIDENT_REPORTED
    kind            TEXT NOT NULL,
    -- what it is about: deliveries of one subject go out in the order of their sequence, never overtaking
    subject         TEXT NOT NULL,
    sequence        BIGINT NOT NULL,
    payload         JSONB NOT NULL,
    -- PENDING (not yet sent or being sent), DELIVERED (acknowledged), FAILED (last attempt failed; retried)
    state           TEXT NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    -- while set and in the future, one sender holds the row and is sending it
    lease_until     TIMESTAMPTZ,
    last_status     INT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    last_attempt_at TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (receiver, event_id)
);
CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE state <> 'DELIVERED';
CREATE INDEX delivery_subject_idx ON delivery (receiver, subject, sequence) WHERE state <> 'DELIVERED';
CREATE INDEX delivery_state_idx ON delivery (state, id);
