package com.m365backup.restore.domain.session;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** One mailbox of a session, as far as the session's rules need to know it; part of the session's snapshot. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
class MailboxRestoreArtifact {

    private static final Set<ArtifactRestoreStatus> ENDED =
            EnumSet.of(ArtifactRestoreStatus.SUCCEEDED, ArtifactRestoreStatus.FAILED);

    private String artifactId;
    private String restorePointId;
    private String mailboxId;
    private Instant restorePointExpiresAt;
    private DestinationType destinationType;
    private ArtifactRestoreStatus status;
    private Instant endedAt;
    /** For a granular artifact, the messages it restores; null for a whole mailbox. */
    private ArtifactQuery artifactQuery;

    private MailboxRestoreArtifact() {
        // for a snapshot being read
    }

    MailboxRestoreArtifact(MailboxArtifactAdded added) {
        this.artifactId = added.artifactId();
        this.restorePointId = added.restorePointId();
        this.mailboxId = added.mailboxId();
        this.restorePointExpiresAt = added.restorePointExpiresAt();
        this.destinationType = added.destinationType();
        this.status = ArtifactRestoreStatus.ADDED;
    }

    MailboxRestoreArtifact(GranularMailboxArtifactAdded added) {
        this.artifactId = added.artifactId();
        this.restorePointId = added.restorePointId();
        this.mailboxId = added.mailboxId();
        this.restorePointExpiresAt = added.restorePointExpiresAt();
        this.destinationType = added.destinationType();
        this.status = ArtifactRestoreStatus.ADDED;
        this.artifactQuery = added.artifactQuery();
    }

    String artifactId() {
        return artifactId;
    }

    String restorePointId() {
        return restorePointId;
    }

    String mailboxId() {
        return mailboxId;
    }

    DestinationType destinationType() {
        return destinationType;
    }

    /** The messages a granular artifact restores; null when it restores its whole mailbox. */
    ArtifactQuery artifactQuery() {
        return artifactQuery;
    }

    ArtifactRestoreStatus status() {
        return status;
    }

    boolean ended() {
        return ENDED.contains(status);
    }

    /** Whether its restore point can no longer be restored at {@code now}; a restore point without expiry never. */
    boolean expiredAt(Instant now) {
        return restorePointExpiresAt != null && !restorePointExpiresAt.isAfter(now);
    }

    Instant restorePointExpiresAt() {
        return restorePointExpiresAt;
    }

    void moveTo(ArtifactRestoreStatus next) {
        status = next;
    }

    void endAs(ArtifactRestoreStatus end, Instant at) {
        status = end;
        endedAt = at;
    }

    /** When it succeeded or failed; null while it has not ended. */
    Instant endedAt() {
        return endedAt;
    }

    // Value equality lets Axon's test fixture compare the state built by command handling with the replayed one.
    @Override
    public boolean equals(Object other) {
        return other instanceof MailboxRestoreArtifact that
                && artifactId.equals(that.artifactId)
                && restorePointId.equals(that.restorePointId)
                && mailboxId.equals(that.mailboxId)
                && Objects.equals(restorePointExpiresAt, that.restorePointExpiresAt)
                && destinationType == that.destinationType
                && status == that.status
                && Objects.equals(endedAt, that.endedAt)
                && Objects.equals(artifactQuery, that.artifactQuery);
    }

    @Override
    public int hashCode() {
        return Objects.hash(artifactId, mailboxId, status);
    }
}
