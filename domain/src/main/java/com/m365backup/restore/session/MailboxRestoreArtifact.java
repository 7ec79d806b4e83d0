package com.m365backup.restore.session;

import org.axonframework.modelling.command.EntityId;

import java.util.Objects;

/** One mailbox of a session, as far as the session's rules need to know it. */
class MailboxRestoreArtifact {

    @EntityId
    private final String artifactId;
    private final String mailboxId;
    private ArtifactRestoreStatus status;

    MailboxRestoreArtifact(String artifactId, String mailboxId) {
        this.artifactId = artifactId;
        this.mailboxId = mailboxId;
        this.status = ArtifactRestoreStatus.ADDED;
    }

    String artifactId() {
        return artifactId;
    }

    String mailboxId() {
        return mailboxId;
    }

    ArtifactRestoreStatus status() {
        return status;
    }

    // Value equality lets Axon's test fixture compare the state built by command handling with the replayed one.
    @Override
    public boolean equals(Object other) {
        return other instanceof MailboxRestoreArtifact that
                && artifactId.equals(that.artifactId)
                && mailboxId.equals(that.mailboxId)
                && status == that.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(artifactId, mailboxId, status);
    }
}
