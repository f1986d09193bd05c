-- Photos belong to any kind of case now (incidents, disputes, hazards, tasks, visits), not only incidents: the
-- incident's photo table becomes every case's, its column names the case and a new one the case's kind. The
-- foreign key to incident goes, since a case may live in another table; the attach statement is what keeps a
-- photo to one case. Every photo attached so far was attached to an incident.
ALTER TABLE incident_photo RENAME TO case_attachment;
ALTER TABLE case_attachment RENAME COLUMN incident_id TO case_id;
ALTER TABLE case_attachment DROP CONSTRAINT incident_photo_incident_id_fkey;
ALTER TABLE case_attachment ADD COLUMN case_kind TEXT;
UPDATE case_attachment SET case_kind = 'incident' WHERE case_id IS NOT NULL;
ALTER TABLE case_attachment ADD CONSTRAINT case_attachment_kind_with_case CHECK ((case_kind IS NULL) = (case_id IS NULL));
ALTER INDEX incident_photo_pkey RENAME TO case_attachment_pkey;
DROP INDEX incident_photo_by_incident;
CREATE INDEX case_attachment_by_case ON case_attachment (case_kind, case_id) WHERE case_id IS NOT NULL;
ALTER INDEX incident_photo_by_uploader RENAME TO case_attachment_by_uploader;
