-- Organisations 组织: enterprises and social organisations by unified social credit code (GB 32100); places of
-- concern (九小场所, 出租房屋, 在建工地, 危化品企业 …) as tags.
CREATE TABLE registry_organisation (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           TEXT NOT NULL,       -- ENTERPRISE 企业, SOCIAL 社会组织
    name           TEXT NOT NULL,
    credit_code    TEXT NOT NULL UNIQUE,
    industry       TEXT,
    address_id     BIGINT NOT NULL REFERENCES registry_address (id),
    responsible_id BIGINT REFERENCES registry_person (id),
    grid_code      TEXT NOT NULL,
    region_path    TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'ACTIVE', -- ACTIVE, CANCELLED
    version        INT NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registry_organisation_grid ON registry_organisation (grid_code);

CREATE TABLE registry_organisation_tag (
    organisation_id BIGINT NOT NULL REFERENCES registry_organisation (id),
    tag             TEXT NOT NULL,
    PRIMARY KEY (organisation_id, tag)
);
CREATE INDEX registry_organisation_tag_tag ON registry_organisation_tag (tag);
