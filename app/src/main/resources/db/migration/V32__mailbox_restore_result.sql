-- The artifacts whose restore result is stored (app, engine.StoredRestoreResults), written in the transaction that
-- stores the result: a restore delivered to the engine again, after a restart for instance, is then never handed to
-- the restorer a second time. One row per restored artifact, found by its primary key.
CREATE TABLE mailbox_restore_result (
    artifact_id VARCHAR(255) PRIMARY KEY,
    session_id  VARCHAR(255) NOT NULL
);
