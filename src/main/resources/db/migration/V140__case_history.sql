-- The hash-chained, append-only history of every case other than an incident (disputes, hazards, screening and
-- ledger tasks): the same entries and the same chain as incident_history, one table for all kinds.
CREATE TABLE case_history (
    kind           TEXT NOT NULL,
    case_id        UUID NOT NULL,
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
    PRIMARY KEY (kind, case_id, sequence)
);
CREATE INDEX case_history_by_actor ON case_history (actor_id, at);

CREATE FUNCTION case_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_history is append-only';
END
$$;
CREATE TRIGGER case_history_no_update_or_delete BEFORE UPDATE OR DELETE ON case_history
    FOR EACH ROW EXECUTE FUNCTION case_history_is_append_only();
CREATE TRIGGER case_history_no_truncate BEFORE TRUNCATE ON case_history
    FOR EACH STATEMENT EXECUTE FUNCTION case_history_is_append_only();
