-- Task ledgers 任务台账: pilot tasks and key projects with milestones, monthly reports 调度, quarterly
-- evaluations and 销号 (module hazard).

CREATE TABLE ledger_task (
    id                 UUID PRIMARY KEY,
    number             BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    kind               TEXT NOT NULL CHECK (kind IN ('PILOT', 'KEY_PROJECT', 'OTHER')),
    title              TEXT NOT NULL,
    goal               TEXT,
    ordered_by_org_id  BIGINT NOT NULL,
    ordered_by_name    TEXT NOT NULL,
    ordered_by_path    TEXT NOT NULL,
    lead_org_id        BIGINT NOT NULL,
    lead_name          TEXT NOT NULL,
    co_units           JSONB NOT NULL,          -- [{id, name}]
    milestones         JSONB NOT NULL,          -- [{number, name, deadline, doneOn, evidence, urgedOn}]
    next_deadline      DATE,                    -- the earliest open milestone's deadline, for lists and the scan
    closed             BOOLEAN NOT NULL DEFAULT FALSE,
    closed_at          TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    version            INT NOT NULL DEFAULT 0
);
CREATE INDEX ledger_task_by_orderer ON ledger_task (ordered_by_path text_pattern_ops, closed);
CREATE INDEX ledger_task_by_lead ON ledger_task (lead_org_id, closed);
CREATE INDEX ledger_task_open_deadline ON ledger_task (next_deadline) WHERE NOT closed;

CREATE TABLE ledger_task_unit (
    task_id UUID NOT NULL REFERENCES ledger_task (id),
    org_id  BIGINT NOT NULL,
    PRIMARY KEY (org_id, task_id)
);

CREATE TABLE ledger_task_report (
    task_id      UUID NOT NULL REFERENCES ledger_task (id),
    org_id       BIGINT NOT NULL,
    org_name     TEXT NOT NULL,
    month        TEXT NOT NULL,             -- 2026-12
    progress     TEXT NOT NULL,
    reported_by  BIGINT NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (task_id, org_id, month)
);

CREATE TABLE ledger_task_evaluation (
    task_id       UUID NOT NULL REFERENCES ledger_task (id),
    quarter       TEXT NOT NULL,            -- 2026-Q4
    result        TEXT NOT NULL CHECK (result IN ('MET', 'NOT_MET')),
    comment       TEXT,
    evaluated_by  BIGINT NOT NULL,
    evaluated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (task_id, quarter)
);
