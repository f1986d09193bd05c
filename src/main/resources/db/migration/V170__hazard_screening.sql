-- Screening plans 排查计划 and their tasks 排查任务 (module hazard).

CREATE TABLE hazard_plan (
    id                 UUID PRIMARY KEY,
    name               TEXT NOT NULL,
    ordered_by_org_id  BIGINT NOT NULL,
    ordered_by_name    TEXT NOT NULL,
    ordered_by_path    TEXT NOT NULL,
    scope_path         TEXT NOT NULL,          -- the subtree screened
    target_kind        TEXT NOT NULL CHECK (target_kind IN ('GRIDS', 'ORGANISATIONS')),
    target_tag         TEXT,                   -- registry organisation tag for ORGANISATIONS
    frequency          TEXT NOT NULL,          -- as Frequency.text(): monthly, every 10 days …
    starts_on          DATE NOT NULL,
    due_days           INT,
    checklist          JSONB NOT NULL,
    owner              TEXT NOT NULL,
    active             BOOLEAN NOT NULL DEFAULT TRUE,
    generated_through  DATE,                   -- last day of the last period generated
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by         BIGINT NOT NULL,
    version            INT NOT NULL DEFAULT 0
);
CREATE INDEX hazard_plan_by_scope ON hazard_plan (scope_path text_pattern_ops);

-- One task per plan, period and target, whichever node generates it and however often: the unique key makes
-- generation idempotent.
CREATE TABLE hazard_task (
    id             UUID PRIMARY KEY,
    plan_id        UUID NOT NULL REFERENCES hazard_plan (id),
    period_key     TEXT NOT NULL,
    period_label   TEXT NOT NULL,
    target_key     TEXT NOT NULL,             -- 'o:<organisation id>' or 'g:<grid code>'
    target_org_id  BIGINT,
    target_name    TEXT NOT NULL,
    grid_code      TEXT NOT NULL,
    region_path    TEXT NOT NULL,             -- the target's village path
    lng            DOUBLE PRECISION,
    lat            DOUBLE PRECISION,
    owner          TEXT NOT NULL,
    owner_path     TEXT NOT NULL,
    opens_on       DATE NOT NULL,
    due_on         DATE NOT NULL,
    status         TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE')),
    done_at        TIMESTAMPTZ,
    done_by        BIGINT,
    done_by_name   TEXT,
    distance_m     INT,
    far            BOOLEAN NOT NULL DEFAULT FALSE,
    late           BOOLEAN NOT NULL DEFAULT FALSE,
    findings       INT NOT NULL DEFAULT 0,
    answers        JSONB,
    version        INT NOT NULL DEFAULT 0,
    UNIQUE (plan_id, period_key, target_key)
);
-- my tasks: the owning level's open tasks by due day; a grid worker's by grid
CREATE INDEX hazard_task_by_owner ON hazard_task (owner_path, status, due_on);
CREATE INDEX hazard_task_by_grid ON hazard_task (grid_code, status, due_on);
-- the ledgers and figures of a region and period
CREATE INDEX hazard_task_by_region ON hazard_task (region_path text_pattern_ops, due_on);
CREATE INDEX hazard_task_by_plan ON hazard_task (plan_id, due_on);
