-- Notifications leave the platform (SMS, WeChat …) from their own table, which is their outbox: the delivery job
-- takes undelivered rows in batches (FOR UPDATE SKIP LOCKED, so several nodes share the work without a lock) and
-- stamps them delivered. Until now each notice went through an event publication of its own, which cost an insert,
-- two updates, a transaction and a thread per notice.
ALTER TABLE notification ADD COLUMN delivered_at TIMESTAMPTZ;
-- what exists was handed to the sender by the event publication registry
UPDATE notification SET delivered_at = created_at;
CREATE INDEX notification_undelivered ON notification (id) WHERE delivered_at IS NULL;
