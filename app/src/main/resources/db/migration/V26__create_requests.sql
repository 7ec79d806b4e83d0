-- The creates of the last day by the request that made them (command-api CreateRequests, app
-- requests.RecordedCreateRequests): a create sent again (marked Retry-Attempt, as the Graph SDKs mark retries) by the
-- same caller, with the same client-request-id and body, answers the session the first one made. Written in the
-- transaction of the create's events; rows older than a day are deleted.
CREATE TABLE restore_session_create_request (
    tenant_id         VARCHAR(255) NOT NULL,
    caller_id         VARCHAR(255) NOT NULL,
    client_request_id VARCHAR(128) NOT NULL,
    -- SHA-256 of the request body: the Graph Java SDK sends one client-request-id with every request of a client.
    body_digest       VARCHAR(64)  NOT NULL,
    session_id        VARCHAR(255) NOT NULL,
    -- The session's version once created: a retry answers when the read side shows it so.
    session_version   BIGINT       NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, caller_id, client_request_id, body_digest)
);

CREATE INDEX restore_session_create_request_age ON restore_session_create_request (created_at);
