-- The restore point catalog: reference data imported from a JSON file at start-up (restore.catalog.file), not
-- derived from events, so a replay of the projection leaves it alone. Restore points belong to tenants; their ids
-- are opaque and kept exactly as imported.

CREATE TABLE protection_unit (
    tenant_id            VARCHAR(255) NOT NULL,
    id                   VARCHAR(255) NOT NULL,
    directory_object_id  VARCHAR(255),
    display_name         TEXT,
    email                TEXT,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE restore_point (
    tenant_id            VARCHAR(255) NOT NULL,
    id                   TEXT         NOT NULL,
    protection_unit_id   VARCHAR(255) NOT NULL,
    protection_date_time TIMESTAMPTZ  NOT NULL,
    -- null: the restore point does not expire
    expiration_date_time TIMESTAMPTZ,
    tags                 VARCHAR(64)  NOT NULL DEFAULT 'none',
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, protection_unit_id) REFERENCES protection_unit (tenant_id, id)
);

-- The search: restore points of some protection units within a time window, newest first.
CREATE INDEX restore_point_unit_time ON restore_point (tenant_id, protection_unit_id, protection_date_time DESC);
