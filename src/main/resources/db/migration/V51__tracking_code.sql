-- 查询码: residents who report without an account follow their incident, and rate it, by a short unguessable code
-- (8 characters from a 31-letter alphabet, ~8.5e11 codes), never by the incident's id.
ALTER TABLE incident ADD COLUMN tracking_code TEXT;
CREATE UNIQUE INDEX incident_by_tracking_code ON incident (tracking_code) WHERE tracking_code IS NOT NULL;
