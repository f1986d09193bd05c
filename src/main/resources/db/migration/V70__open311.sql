-- Open311 GeoReport v2 (integration module): the client systems that may post service requests, each with its
-- API key, and the service requests they posted, each mapped to the incident it created.

CREATE TABLE open311_client (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              TEXT NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 100),
    contact           TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 200),
    -- the key's first characters, to tell keys apart in lists and logs; the key itself is never stored
    key_prefix        TEXT NOT NULL,
    -- SHA-256 (hex) of the key: keys are 256 random bits, so a fast hash is safe and a lookup is one index probe
    key_hash          TEXT NOT NULL UNIQUE,
    -- service requests the client may post per hour (per application node)
    requests_per_hour INT NOT NULL CHECK (requests_per_hour BETWEEN 1 AND 100000),
    created_by        BIGINT NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    revoked_by        BIGINT,
    revoked_at        TIMESTAMPTZ,
    last_used_at      TIMESTAMPTZ,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

-- One row per service request a client posted: its incident (service_request_id), how a retry is recognised
-- (request_key: the client's Idempotency-Key, or "auto:" and the incident for a request without one, found again
-- by its fingerprint within minutes), and what the request carried that the incident keeps only as text.
CREATE TABLE open311_request (
    incident_id    UUID PRIMARY KEY,
    client_id      BIGINT NOT NULL REFERENCES open311_client (id),
    request_key    TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,
    service_code   TEXT NOT NULL,
    description    TEXT NOT NULL,
    media_url      TEXT,
    attributes     JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
    created_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (client_id, request_key)
);
CREATE INDEX open311_request_by_fingerprint ON open311_request (client_id, fingerprint, created_at DESC);

-- The servicerequestupdates feed reads the incident history by time (through the incident module's
-- CitizenRequests); without this index every poll of a client would scan the whole history.
CREATE INDEX incident_history_by_time ON incident_history (at);
