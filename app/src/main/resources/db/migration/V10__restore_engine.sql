-- The restore engine's claims (app, engine.MailboxClaims): which session of a tenant is restoring a mailbox. A
-- mailbox is restored by one active session at a time; the primary key decides between two sessions that race.
CREATE TABLE mailbox_restore_claim (
    tenant_id   VARCHAR(255) NOT NULL,
    mailbox_id  VARCHAR(255) NOT NULL,
    session_id  VARCHAR(255) NOT NULL,
    artifact_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (tenant_id, mailbox_id)
);

CREATE INDEX mailbox_restore_claim_artifact ON mailbox_restore_claim (session_id, artifact_id);
