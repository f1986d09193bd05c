-- Notifications are about any kind of case now (incidents, disputes, hazards, tasks), not only incidents: the
-- column names the case, a new one its kind. Every notice so far was about an incident (a constant default, so the
-- existing rows are not rewritten); new ones always say their kind.
ALTER TABLE notification RENAME COLUMN incident_id TO case_id;
ALTER TABLE notification ADD COLUMN case_kind TEXT NOT NULL DEFAULT 'incident';
ALTER TABLE notification ALTER COLUMN case_kind DROP DEFAULT;
