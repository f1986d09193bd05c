-- The dashboard's daily counters: what its windows (today, this month, the last 30 and 90 days) add up, counted
-- per day (Asia/Shanghai), town and category, and per day, town and lead department, so that a city-wide figure
-- adds a few thousand counters instead of reading hundreds of thousands of incidents. A trigger on the read model
-- keeps them: every change of a row takes back what the old row counted and adds what the new one counts, so the
-- counters are always the sum of the rows, whoever writes them (the event listener, the backfill).
--
-- The area of a counter is the town's path (/3705/370523/370523101/), or the incident's whole path where it is
-- shorter; villages are too many and too small to count apart, their figures come from the rows.

CREATE TABLE dashboard_day (
    day           DATE NOT NULL,
    area_path     TEXT NOT NULL,
    -- '' for incidents whose item had no category
    category_code TEXT NOT NULL,
    reported      INT NOT NULL DEFAULT 0,
    -- closed that day, and of those: on time, at the grassroots (grid, village, town), evaluated, satisfied
    closed        INT NOT NULL DEFAULT 0,
    on_time       INT NOT NULL DEFAULT 0,
    grassroots    INT NOT NULL DEFAULT 0,
    evaluated     INT NOT NULL DEFAULT 0,
    satisfied     INT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, area_path, category_code)
);

CREATE TABLE dashboard_day_department (
    day         DATE NOT NULL,
    area_path   TEXT NOT NULL,
    lead_org_id BIGINT NOT NULL,
    closed      INT NOT NULL DEFAULT 0,
    on_time     INT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, area_path, lead_org_id)
);

CREATE FUNCTION dashboard_area(region_path TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(substring(region_path FROM '^/[^/]+/[^/]+/[^/]+/'), region_path)
$$;

-- adds (sign 1) or takes back (sign -1) what one read-model row counts; reported and closed only where asked
CREATE FUNCTION dashboard_count(r dashboard_incident, sign INT, reported BOOLEAN, closed BOOLEAN)
    RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    area TEXT := dashboard_area(r.region_path);
    category TEXT := coalesce(r.category_code, '');
    closed_day DATE;
BEGIN
    IF reported THEN
        INSERT INTO dashboard_day AS d (day, area_path, category_code, reported)
        VALUES ((r.reported_at AT TIME ZONE 'Asia/Shanghai')::date, area, category, sign)
        ON CONFLICT (day, area_path, category_code) DO UPDATE SET reported = d.reported + EXCLUDED.reported;
    END IF;
    IF closed AND r.closed_at IS NOT NULL THEN
        closed_day := (r.closed_at AT TIME ZONE 'Asia/Shanghai')::date;
        INSERT INTO dashboard_day AS d (day, area_path, category_code, closed, on_time, grassroots, evaluated,
                                        satisfied)
        VALUES (closed_day, area, category, sign, sign * r.on_time::int,
                sign * coalesce(r.resolution_level IN ('GRID', 'VILLAGE', 'TOWN'), FALSE)::int,
                sign * (r.satisfaction IS NOT NULL)::int,
                sign * coalesce(r.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED'), FALSE)::int)
        ON CONFLICT (day, area_path, category_code) DO UPDATE
            SET closed = d.closed + EXCLUDED.closed, on_time = d.on_time + EXCLUDED.on_time,
                grassroots = d.grassroots + EXCLUDED.grassroots, evaluated = d.evaluated + EXCLUDED.evaluated,
                satisfied = d.satisfied + EXCLUDED.satisfied;
        IF r.lead_org_id IS NOT NULL THEN
            INSERT INTO dashboard_day_department AS d (day, area_path, lead_org_id, closed, on_time)
            VALUES (closed_day, area, r.lead_org_id, sign, sign * r.on_time::int)
            ON CONFLICT (day, area_path, lead_org_id) DO UPDATE
                SET closed = d.closed + EXCLUDED.closed, on_time = d.on_time + EXCLUDED.on_time;
        END IF;
    END IF;
END
$$;

-- Only what changed is counted again: most actions change neither the report's day, place and category nor
-- anything of the closing, and touch no counter at all.
CREATE FUNCTION dashboard_incident_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    reported BOOLEAN := TRUE;
    closed BOOLEAN := TRUE;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        reported := (OLD.reported_at, OLD.region_path, OLD.category_code)
                    IS DISTINCT FROM (NEW.reported_at, NEW.region_path, NEW.category_code);
        closed := (OLD.closed_at, OLD.region_path, OLD.category_code, OLD.lead_org_id, OLD.on_time,
                   OLD.resolution_level, OLD.satisfaction)
                  IS DISTINCT FROM (NEW.closed_at, NEW.region_path, NEW.category_code, NEW.lead_org_id, NEW.on_time,
                                    NEW.resolution_level, NEW.satisfaction);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM dashboard_count(OLD, -1, reported, closed);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM dashboard_count(NEW, 1, reported, closed);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_incident_counts AFTER INSERT OR UPDATE OR DELETE ON dashboard_incident
    FOR EACH ROW EXECUTE FUNCTION dashboard_incident_counted();

-- Counts every row again from scratch: after a bulk load with the trigger disabled, or to check the counters.
CREATE FUNCTION dashboard_recount() RETURNS void LANGUAGE sql AS $$
    DELETE FROM dashboard_day;
    DELETE FROM dashboard_day_department;
    INSERT INTO dashboard_day (day, area_path, category_code, reported, closed, on_time, grassroots, evaluated,
                               satisfied)
    SELECT day, area_path, category_code, sum(reported), sum(closed), sum(on_time), sum(grassroots), sum(evaluated),
           sum(satisfied)
      FROM (SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS day, dashboard_area(region_path) AS area_path,
                   coalesce(category_code, '') AS category_code, 1 AS reported, 0 AS closed, 0 AS on_time,
                   0 AS grassroots, 0 AS evaluated, 0 AS satisfied
              FROM dashboard_incident
            UNION ALL
            SELECT (closed_at AT TIME ZONE 'Asia/Shanghai')::date, dashboard_area(region_path),
                   coalesce(category_code, ''), 0, 1, on_time::int,
                   coalesce(resolution_level IN ('GRID', 'VILLAGE', 'TOWN'), FALSE)::int, (satisfaction IS NOT NULL)::int,
                   coalesce(satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED'), FALSE)::int
              FROM dashboard_incident WHERE closed_at IS NOT NULL) c
     GROUP BY day, area_path, category_code;
    INSERT INTO dashboard_day_department (day, area_path, lead_org_id, closed, on_time)
    SELECT (closed_at AT TIME ZONE 'Asia/Shanghai')::date, dashboard_area(region_path), lead_org_id, count(*),
           count(*) FILTER (WHERE on_time)
      FROM dashboard_incident WHERE closed_at IS NOT NULL AND lead_org_id IS NOT NULL
     GROUP BY 1, 2, 3;
$$;

SELECT dashboard_recount();
