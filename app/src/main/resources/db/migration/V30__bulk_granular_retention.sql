-- Bulk addition requests, granular restores and retention (README, Bulk restore, Granular restore, Retention).

-- A granular artifact is a mailbox restore artifact restricted to the messages of a search: the search it names.
-- Null for an artifact that restores its whole mailbox.
ALTER TABLE mailbox_restore_artifact ADD COLUMN search_response_id TEXT;

-- The bulk addition request of a session (at most one): written by the restore-session-projection like the tables
-- of V2, emptied by its reset handler, and gone with its session (a deletion, or a retirement).
CREATE TABLE bulk_addition_request (
    session_id                        VARCHAR(255) NOT NULL REFERENCES restore_session (id) ON DELETE CASCADE,
    id                                VARCHAR(255) NOT NULL,
    display_name                      TEXT,
    destination_type                  VARCHAR(64)  NOT NULL,
    protection_start_date_time        TIMESTAMPTZ  NOT NULL,
    protection_end_date_time          TIMESTAMPTZ  NOT NULL,
    restore_point_preference          VARCHAR(64)  NOT NULL,
    -- null: restore points of any tag
    tags                              VARCHAR(64),
    status                            VARCHAR(64)  NOT NULL,
    -- Email addresses and directory object ids as the client sent them (duplicates left out), in its order.
    mailboxes                         TEXT[]       NOT NULL,
    directory_object_ids              TEXT[]       NOT NULL,
    error_code                        VARCHAR(255),
    error_message                     TEXT,
    -- The mailboxes activation could not resolve: [{"code", "message", "target"}], the error's details.
    error_details                     JSONB,
    created_by_user_id                VARCHAR(255),
    created_by_user_name              TEXT,
    created_by_application_id         VARCHAR(255),
    created_by_application_name       TEXT,
    created_date_time                 TIMESTAMPTZ  NOT NULL,
    last_modified_by_user_id          VARCHAR(255),
    last_modified_by_user_name        TEXT,
    last_modified_by_application_id   VARCHAR(255),
    last_modified_by_application_name TEXT,
    last_modified_date_time           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (session_id, id)
);

-- The searches with an artifactQuery, kept for their retention (restore.granular.search-retention) so that a
-- granular artifact can name one by its searchResponseId. Written by the search itself, not derived from events: a
-- replay of the projection leaves it alone.
CREATE TABLE granular_search (
    id                   VARCHAR(255) PRIMARY KEY,
    tenant_id            VARCHAR(255) NOT NULL,
    protection_unit_id   VARCHAR(255) NOT NULL,
    -- The restore points the search answered: the ones a granular artifact of this search may name.
    restore_point_ids    TEXT[]       NOT NULL,
    -- The domain's ArtifactQuery, as JSON.
    artifact_query       JSONB        NOT NULL,
    artifact_hit_count   INTEGER      NOT NULL,
    created_date_time    TIMESTAMPTZ  NOT NULL,
    expiration_date_time TIMESTAMPTZ  NOT NULL
);

CREATE INDEX granular_search_expiration ON granular_search (expiration_date_time);

-- The retention job's question: sessions that ended before a time, oldest end first.
CREATE INDEX restore_session_completed ON restore_session (completed_date_time)
    WHERE completed_date_time IS NOT NULL;
