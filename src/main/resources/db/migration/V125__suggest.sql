-- Smart dispatch 智能分拨: the city's labelled examples and the models trained from them.

-- Every confirmation or correction of an incident's item by its owning centre: the incident's text, stripped of personal
-- data (phone and ID numbers, names said as such), labelled with the item the centre settled on.
CREATE TABLE suggest_example (
    id              BIGSERIAL PRIMARY KEY,
    text            TEXT NOT NULL,
    item_code       TEXT NOT NULL,
    -- the item the incident was reported or suggested under; equal to item_code for a confirmation
    previous_code   TEXT NOT NULL,
    corrected       BOOLEAN NOT NULL,
    incident_id     UUID,
    labelled_at     TIMESTAMPTZ NOT NULL,
    labelled_by     BIGINT NOT NULL,
    reason          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX suggest_example_corrected ON suggest_example (id DESC) WHERE corrected;

-- Models, each with what it was trained from and how it did on the held-out part of the city's examples. The one in use
-- is marked current; only promoted models keep their weights.
CREATE TABLE suggest_model (
    version             INT PRIMARY KEY,
    trained_at          TIMESTAMPTZ NOT NULL,
    trained_by          TEXT NOT NULL,
    training_examples   INT NOT NULL,
    city_examples       INT NOT NULL,
    -- the newest city example it learnt from: the corrections that taught it are those up to here
    last_example_id     BIGINT NOT NULL,
    held_out            INT NOT NULL,
    top1                DOUBLE PRECISION,
    top3                DOUBLE PRECISION,
    macro_f1            DOUBLE PRECISION,
    -- the current model's top-1 on the same held-out examples when this one was trained; null when there was none
    previous_top1       DOUBLE PRECISION,
    train_millis        BIGINT NOT NULL,
    promoted            BOOLEAN NOT NULL,
    current             BOOLEAN NOT NULL DEFAULT FALSE,
    weights             BYTEA
);
CREATE UNIQUE INDEX suggest_model_one_current ON suggest_model (current) WHERE current;

CREATE TABLE suggest_model_confusion (
    model_version   INT NOT NULL REFERENCES suggest_model (version),
    rank            INT NOT NULL,
    item_code       TEXT NOT NULL,
    suggested_code  TEXT NOT NULL,
    count           INT NOT NULL,
    PRIMARY KEY (model_version, rank)
);
