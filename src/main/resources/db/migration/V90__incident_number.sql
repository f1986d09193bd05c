-- 事件编号: the short number staff quote on the phone, e.g. DY-20261203-0042: the deployment's prefix
-- (onegrid.incident.number-prefix), the day of the report in the city's time, and the report's place in that day.
-- The UUID stays the API's id. A number once given never changes, even if the prefix setting does later.
ALTER TABLE incident ADD COLUMN number TEXT;

-- the last sequence given per day; a report takes the next with one UPDATE of this row, which holds the row until
-- its transaction ends, so concurrent reports on any node get distinct numbers and a rolled-back report leaves no gap
CREATE TABLE incident_number_day (
    day  DATE PRIMARY KEY,
    last INT NOT NULL CHECK (last >= 1)
);

-- the incidents reported before numbers existed get theirs by report time
WITH numbered AS (
    SELECT id,
           (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
           row_number() OVER (PARTITION BY (reported_at AT TIME ZONE 'Asia/Shanghai')::date
                              ORDER BY reported_at, id) AS seq
      FROM incident
)
UPDATE incident i
   SET number = '${incident-number-prefix}-' || to_char(n.day, 'YYYYMMDD') || '-'
                || lpad(n.seq::text, greatest(4, length(n.seq::text)), '0')
  FROM numbered n
 WHERE n.id = i.id;

INSERT INTO incident_number_day (day, last)
SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date, count(*)
  FROM incident
 GROUP BY 1;

ALTER TABLE incident ALTER COLUMN number SET NOT NULL;
CREATE UNIQUE INDEX incident_by_number ON incident (number);
