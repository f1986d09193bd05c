-- 事件编号 without a lock: the day's counter row used to stay locked from a report's number until its commit, so all
-- of a day's reports queued on one row and intake fell to half. Now every number comes from one sequence, which never
-- waits, less the day's base (the sequence's value when the day's first report came): unique on every node, in
-- order within a day; a report rolled back leaves a gap.
CREATE SEQUENCE incident_number_seq;

ALTER TABLE incident_number_day ADD COLUMN base BIGINT;
-- a day numbered before continues after its last number
UPDATE incident_number_day SET base = -last;
ALTER TABLE incident_number_day ALTER COLUMN base SET NOT NULL;
ALTER TABLE incident_number_day DROP COLUMN last;
