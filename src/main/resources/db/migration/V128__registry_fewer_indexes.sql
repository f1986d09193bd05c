-- Indexes no query needs, each one more entry per copied row in a city's import:
-- a person's grid is found by (grid_code, status) of V107, whose first column serves "WHERE grid_code = ?" alike;
DROP INDEX registry_person_grid;
-- a household's region by (region_path text_pattern_ops, id) of V110, which serves "LIKE 'path%'" alike;
DROP INDEX registry_household_region;
-- tags are read by person (the primary key (person_id, tag)) and counted over a region's persons, never by tag alone.
DROP INDEX registry_person_tag_tag;
