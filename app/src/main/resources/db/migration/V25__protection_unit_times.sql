-- When a protection unit entered the catalog and when an import last changed it (Graph's createdDateTime and
-- lastModifiedDateTime of a mailboxProtectionUnit). A unit's createdDateTime comes from its catalog file when the file
-- gives one, else it is the time of the import that first brought the unit, kept at every later import, so it stays
-- the same across restarts. Units already in the catalog take the time of this migration.

ALTER TABLE protection_unit
    ADD COLUMN created_date_time       TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN last_modified_date_time TIMESTAMPTZ NOT NULL DEFAULT now();

-- The list of units: a tenant's units in the order they entered the catalog, paged after the last one shown.
CREATE INDEX protection_unit_created ON protection_unit (tenant_id, created_date_time, id);
