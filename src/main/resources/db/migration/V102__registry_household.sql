-- Households 户 at an address, with their members; exactly one head, a person in at most one household.
CREATE TABLE registry_household (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    address_id  BIGINT NOT NULL REFERENCES registry_address (id),
    grid_code   TEXT NOT NULL,
    region_path TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'ACTIVE', -- ACTIVE, CANCELLED
    version     INT NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registry_household_grid ON registry_household (grid_code);
CREATE INDEX registry_household_region ON registry_household (region_path text_pattern_ops);

CREATE TABLE registry_household_member (
    household_id BIGINT NOT NULL REFERENCES registry_household (id),
    person_id    BIGINT NOT NULL UNIQUE REFERENCES registry_person (id), -- at most one household
    relation     TEXT NOT NULL,         -- HEAD 户主, SPOUSE 配偶, CHILD 子女, PARENT 父母, OTHER 其他
    PRIMARY KEY (household_id, person_id)
);
-- At most one head here; "at least one" is the domain's rule, checked before every write.
CREATE UNIQUE INDEX registry_household_one_head ON registry_household_member (household_id) WHERE relation = 'HEAD';
