-- 类型待确认: the item was suggested from the text (智能分拨), not chosen by the reporter, until the owning centre
-- confirms or changes it.
ALTER TABLE incident ADD COLUMN type_unconfirmed BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX incident_type_unconfirmed ON incident (owner_org_id) WHERE type_unconfirmed;
