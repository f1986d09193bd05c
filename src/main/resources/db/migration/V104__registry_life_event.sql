-- Life events 迁入/迁出/死亡/注销/户内变更: a person or household changes by an event, never by deletion.
CREATE TABLE registry_life_event (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    BIGINT NOT NULL REFERENCES registry_person (id),
    household_id BIGINT REFERENCES registry_household (id),
    kind         TEXT NOT NULL,          -- MOVED_IN, MOVED_OUT, DIED, CANCELLED, HOUSEHOLD_CHANGED
    occurred_on  DATE NOT NULL,
    note         TEXT,
    recorded_by  BIGINT NOT NULL,        -- staff user id
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registry_life_event_person ON registry_life_event (person_id, id);
CREATE INDEX registry_life_event_household ON registry_life_event (household_id, id);

-- Every unmasked read of a person's data: who, whom, which fields, when and why (查看事由); supervisors read it.
CREATE TABLE registry_access_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    user_id     BIGINT NOT NULL,
    username    TEXT NOT NULL,
    person_id   BIGINT NOT NULL REFERENCES registry_person (id),
    fields      TEXT NOT NULL,           -- comma-separated: name,idNumber,phone,address
    purpose     TEXT NOT NULL,
    region_path TEXT NOT NULL            -- the person's, so a supervisor reads the log of their scope
);
CREATE INDEX registry_access_log_person ON registry_access_log (person_id, at);
CREATE INDEX registry_access_log_region ON registry_access_log (region_path text_pattern_ops, at);
