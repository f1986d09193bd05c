-- An account's version rises with every change an administrator makes to it (name, organisation, roles,
-- enabled), so that an edit made from a page read before another administrator's change is refused rather
-- than silently overwriting it.
ALTER TABLE staff_user ADD COLUMN version INT NOT NULL DEFAULT 1;
-- when an administrator last set the password: page sessions that began before it end at their next request
ALTER TABLE staff_user ADD COLUMN password_set_at TIMESTAMPTZ;
