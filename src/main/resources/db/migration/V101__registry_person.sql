-- Persons 人口. Name, ID number, phone and address text are personal data (PIPL): AES-256-GCM ciphertext in the
-- platform's layout (shared/crypto/SealedField), the ID number and phone also as keyed blind indexes (HMAC-SHA256)
-- for exact look-ups. Birth date and sex derive from the ID number and are kept in the clear for counting.
CREATE TABLE registry_person (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name_sealed      BYTEA NOT NULL,
    id_number_sealed BYTEA NOT NULL,
    id_number_index  BYTEA NOT NULL UNIQUE,
    phone_sealed     BYTEA,
    phone_index      BYTEA,
    address_sealed   BYTEA,               -- the address as the person gives it, e.g. 户籍地
    birth_date       DATE NOT NULL,
    sex              TEXT NOT NULL,       -- MALE, FEMALE
    residence        TEXT NOT NULL,       -- REGISTERED 户籍, FLOATING 流动, FOREIGN 境外
    address_id       BIGINT NOT NULL REFERENCES registry_address (id),
    grid_code        TEXT NOT NULL,
    region_path      TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'ACTIVE', -- ACTIVE, MOVED_OUT, DECEASED, CANCELLED
    version          INT NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registry_person_phone ON registry_person (phone_index);
CREATE INDEX registry_person_grid ON registry_person (grid_code);
CREATE INDEX registry_person_region ON registry_person (region_path text_pattern_ops);

-- Groups that need attention 重点人群: 独居老人, 困境儿童, 残疾人, 低保, 重点人员 …
CREATE TABLE registry_person_tag (
    person_id BIGINT NOT NULL REFERENCES registry_person (id),
    tag       TEXT NOT NULL,
    PRIMARY KEY (person_id, tag)
);
CREATE INDEX registry_person_tag_tag ON registry_person_tag (tag);
