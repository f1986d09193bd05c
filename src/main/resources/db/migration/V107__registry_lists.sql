-- The registry's lists and counts: organisations by region like persons and households, buildings by address, the
-- access log by the staff member who read and by the person read (the supervisor's filters).
CREATE INDEX registry_organisation_region ON registry_organisation (region_path text_pattern_ops);
CREATE INDEX registry_building_address ON registry_building (address_id);
CREATE INDEX registry_access_log_user ON registry_access_log (username, at);
CREATE INDEX registry_person_status_grid ON registry_person (grid_code, status);
