-- A notice can be read by everyone at once: the demo city's replayed past year produces thousands of notices about
-- days nobody lived through, and they count as read, so that a demo account starts with today's work only.
ALTER TABLE notification ADD COLUMN read_by_everyone_at TIMESTAMPTZ;

-- lists are in time order (newest first); the demo's history creates notices out of time order, one incident after
-- another, so their ids do not follow their times
DROP INDEX notification_by_user;
DROP INDEX notification_by_org;
CREATE INDEX notification_by_user ON notification (recipient_user_id, created_at DESC, id DESC)
    WHERE recipient_user_id IS NOT NULL;
CREATE INDEX notification_by_org ON notification (recipient_org_id, recipient_role, created_at DESC, id DESC)
    WHERE recipient_org_id IS NOT NULL;
