-- Idempotency keys are deleted once older than the retention (onegrid.incident.idempotency-retention), in small
-- batches by age. IF NOT EXISTS: on a large table an operator may build it beforehand with CREATE INDEX CONCURRENTLY,
-- which does not block reports meanwhile.
CREATE INDEX IF NOT EXISTS incident_idempotency_by_age ON incident_idempotency (created_at);
