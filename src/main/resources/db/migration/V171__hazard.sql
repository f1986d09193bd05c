-- Hazards 隐患: found, notified 整改通知, rectified, accepted 验收, closed 销号, supervised 挂牌督办 (module hazard).

CREATE TABLE hazard (
    id                   UUID PRIMARY KEY,
    number               BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    source               TEXT NOT NULL,
    source_ref           TEXT,
    task_id              UUID REFERENCES hazard_task (id),
    item_code            TEXT,
    item_text            TEXT,
    description          TEXT NOT NULL,
    grade                TEXT NOT NULL CHECK (grade IN ('GENERAL', 'MAJOR')),
    grade_reason         TEXT,
    grid_code            TEXT,
    region_path          TEXT NOT NULL,
    lng                  DOUBLE PRECISION,
    lat                  DOUBLE PRECISION,
    place_name           TEXT,
    found_at             TIMESTAMPTZ NOT NULL,
    found_by_org_id      BIGINT NOT NULL,
    found_by_name        TEXT NOT NULL,
    unit_kind            TEXT,
    unit_id              BIGINT,
    unit_name            TEXT,
    status               TEXT NOT NULL CHECK (status IN ('FOUND', 'RECTIFYING', 'RECTIFIED', 'ACCEPTED', 'CLOSED')),
    issuer_org_id        BIGINT,
    issuer_name          TEXT,
    issuer_path          TEXT,
    requirements         TEXT,
    deadline_day         DATE,
    deadline             TIMESTAMPTZ,           -- the end of deadline_day in the city
    yellow_at            TIMESTAMPTZ,           -- 80 % of the time from the notice (or supervision) to the deadline
    noticed_at           TIMESTAMPTZ,
    measures             JSONB,                 -- the "五到位" plan of a 重大隐患
    rectified_by_org_id  BIGINT,
    rectified_at         TIMESTAMPTZ,
    rectified_on_time    BOOLEAN,
    returns              INT NOT NULL DEFAULT 0,
    supervision_level    INT NOT NULL DEFAULT 0,
    supervisor_org_id    BIGINT,
    supervisor_name      TEXT,
    supervisor_path      TEXT,
    overdue_marked       BOOLEAN NOT NULL DEFAULT FALSE,
    ever_overdue         BOOLEAN NOT NULL DEFAULT FALSE,
    closed_at            TIMESTAMPTZ,
    version              INT NOT NULL DEFAULT 0
);
-- the ledger 台账 of a level: its subtree, newest first, with any of state, grade, unit, overdue
CREATE INDEX hazard_by_region ON hazard (region_path text_pattern_ops, found_at DESC);
CREATE INDEX hazard_by_status ON hazard (status, region_path text_pattern_ops, found_at DESC);
CREATE INDEX hazard_by_grade ON hazard (grade, status, region_path text_pattern_ops);
CREATE INDEX hazard_by_unit ON hazard (unit_id, found_at DESC);
CREATE INDEX hazard_by_found ON hazard (found_at DESC);
-- the overdue scan and the overdue filter: open notices by deadline
CREATE INDEX hazard_open_deadline ON hazard (deadline) WHERE status = 'RECTIFYING';
CREATE INDEX hazard_by_task ON hazard (task_id);
