-- Disputes 矛盾纠纷多元化解: one row per mediation case, its parties and its sessions. The history of every case
-- is in the shared, hash-chained case_history (kind 'dispute').

CREATE SEQUENCE dispute_number_seq;

CREATE TABLE dispute (
    id                 UUID PRIMARY KEY,
    number             TEXT NOT NULL UNIQUE,
    source             TEXT NOT NULL,
    court_case_number  TEXT,
    incident_id        UUID UNIQUE,
    type_code          TEXT NOT NULL,
    type_name          TEXT NOT NULL,
    facts              TEXT NOT NULL,
    amount             NUMERIC(16, 2),
    risk               TEXT NOT NULL,
    criminal_risk      BOOLEAN NOT NULL,
    involved           INT NOT NULL,
    major              BOOLEAN NOT NULL,
    region_code        TEXT NOT NULL,
    region_path        TEXT NOT NULL,
    grid_code          TEXT,
    -- the owning body 调解组织
    body_kind          TEXT NOT NULL,
    body_field         TEXT,
    body_org_id        BIGINT NOT NULL,
    body_level         TEXT NOT NULL,
    body_region_code   TEXT NOT NULL,
    body_region_path   TEXT NOT NULL,
    body_name          TEXT NOT NULL,
    body_court         TEXT,
    status             TEXT NOT NULL,
    version            BIGINT NOT NULL,
    mediator_id        BIGINT,
    mediator_name      TEXT,
    -- the time limit from acceptance (人民调解 30 days), with its light
    limit_seconds      BIGINT,
    limit_mode         TEXT,
    started_at         TIMESTAMPTZ,
    deadline           TIMESTAMPTZ,
    yellow_at          TIMESTAMPTZ,
    overdue_marked     BOOLEAN NOT NULL DEFAULT false,
    extensions         INT NOT NULL DEFAULT 0,
    escalations        INT NOT NULL DEFAULT 0,
    -- the agreement 调解协议; its document is the detail of the AGREE entry of the history
    agreement_facts    TEXT,
    agreement_terms    TEXT[],
    agreement_amount   NUMERIC(16, 2),
    perform_by         DATE,
    remainder_exit     TEXT,
    remainder          TEXT,
    agreement_sha256   TEXT,
    exit               TEXT,
    exit_note          TEXT,
    ruling_number      TEXT,
    court              TEXT,
    performance        TEXT,
    satisfaction       TEXT,
    concluded_level    TEXT,
    received_at        TIMESTAMPTZ NOT NULL,
    accepted_at        TIMESTAMPTZ,
    concluded_at       TIMESTAMPTZ,
    sessions           INT NOT NULL DEFAULT 0,
    updated_at         TIMESTAMPTZ NOT NULL
);

CREATE INDEX dispute_region ON dispute (region_path text_pattern_ops, received_at DESC);
CREATE INDEX dispute_body ON dispute (body_org_id, status);
CREATE INDEX dispute_mediator ON dispute (mediator_id, status);
CREATE INDEX dispute_open_deadline ON dispute (deadline) WHERE status IN ('RECEIVED', 'ACCEPTED', 'MEDIATING') AND NOT overdue_marked;
CREATE INDEX dispute_concluded ON dispute (concluded_at) WHERE concluded_at IS NOT NULL;

CREATE TABLE dispute_party (
    dispute_id       UUID NOT NULL REFERENCES dispute (id),
    position         INT NOT NULL,
    side             TEXT NOT NULL,
    organisation     BOOLEAN NOT NULL,
    person_id        BIGINT,
    organisation_id  BIGINT,
    -- personal data sealed (AES-GCM, shared/crypto); the masked forms are what pages show
    name_sealed      BYTEA NOT NULL,
    identity_sealed  BYTEA,
    phone_sealed     BYTEA,
    masked_name      TEXT NOT NULL,
    masked_identity  TEXT NOT NULL,
    PRIMARY KEY (dispute_id, position)
);

CREATE INDEX dispute_party_person ON dispute_party (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX dispute_party_organisation ON dispute_party (organisation_id) WHERE organisation_id IS NOT NULL;

CREATE TABLE dispute_session (
    dispute_id     UUID NOT NULL REFERENCES dispute (id),
    number         INT NOT NULL,
    held_at        TIMESTAMPTZ NOT NULL,
    place          TEXT NOT NULL,
    attendees      TEXT NOT NULL,
    minutes        TEXT NOT NULL,
    mediator_id    BIGINT NOT NULL,
    mediator_name  TEXT NOT NULL,
    PRIMARY KEY (dispute_id, number)
);

CREATE INDEX dispute_session_mediator ON dispute_session (mediator_id, held_at DESC);

CREATE TABLE dispute_secret (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
