-- The read model of restore sessions: written only by the restore-session-projection (query-api), emptied by its
-- reset handler and rebuilt from the event store on replay. Enum values are stored by their Graph names.

CREATE TABLE restore_session (
    id                               VARCHAR(255) PRIMARY KEY,
    tenant_id                        VARCHAR(255) NOT NULL,
    -- Sequence number of the last event applied: the entity's etag, what read-your-writes waits for, and the guard
    -- that makes a re-delivered event change nothing.
    version                          BIGINT       NOT NULL,
    status                           VARCHAR(64)  NOT NULL,
    restore_job_type                 VARCHAR(64)  NOT NULL,
    created_by_user_id               VARCHAR(255),
    created_by_user_name             TEXT,
    created_by_application_id        VARCHAR(255),
    created_by_application_name      TEXT,
    created_date_time                TIMESTAMPTZ  NOT NULL,
    last_modified_by_user_id         VARCHAR(255),
    last_modified_by_user_name       TEXT,
    last_modified_by_application_id  VARCHAR(255),
    last_modified_by_application_name TEXT,
    last_modified_date_time          TIMESTAMPTZ  NOT NULL,
    completed_date_time              TIMESTAMPTZ,
    error_code                       VARCHAR(255),
    error_message                    TEXT,
    error_target                     TEXT,
    artifacts_total                  INTEGER      NOT NULL DEFAULT 0,
    artifacts_completed              INTEGER      NOT NULL DEFAULT 0,
    artifacts_failed                 INTEGER      NOT NULL DEFAULT 0,
    artifacts_in_progress            INTEGER      NOT NULL DEFAULT 0
);

-- A tenant's sessions, oldest first, a page at a time; the id orders sessions created at the same instant.
CREATE INDEX restore_session_tenant_created ON restore_session (tenant_id, created_date_time, id);

CREATE TABLE mailbox_restore_artifact (
    session_id                       VARCHAR(255) NOT NULL REFERENCES restore_session (id) ON DELETE CASCADE,
    id                               VARCHAR(255) NOT NULL,
    -- Sequence number of the event that added it: artifacts are listed in the order they were added.
    added_sequence                   BIGINT       NOT NULL,
    -- Restore point ids are opaque and kept exactly as the client sent them.
    restore_point_id                 TEXT         NOT NULL,
    restore_point_expiration_date_time TIMESTAMPTZ,
    mailbox_id                       VARCHAR(255) NOT NULL,
    destination_type                 VARCHAR(64)  NOT NULL,
    status                           VARCHAR(64)  NOT NULL,
    created_date_time                TIMESTAMPTZ  NOT NULL,
    start_date_time                  TIMESTAMPTZ,
    completion_date_time             TIMESTAMPTZ,
    error_code                       VARCHAR(255),
    error_message                    TEXT,
    error_target                     TEXT,
    restored_folder_id               VARCHAR(255),
    restored_folder_name             TEXT,
    restored_item_count              INTEGER,
    PRIMARY KEY (session_id, id)
);

-- The artifacts of a session (or of a page of sessions) in the order they were added.
CREATE INDEX mailbox_restore_artifact_added ON mailbox_restore_artifact (session_id, added_sequence);
