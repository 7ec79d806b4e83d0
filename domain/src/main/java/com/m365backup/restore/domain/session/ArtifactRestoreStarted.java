package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The restorer is restoring an artifact ({@code inProgress}); it carries what the restorer needs to know.
 *
 * <p>Revision 2 added {@code artifactQuery}; an event of revision 1 reads with none, which is what it meant: every
 * artifact of that time restored its whole mailbox.
 *
 * @param artifactQuery the messages to restore for a granular artifact (docs/api.md, Granular restore), or null to
 *                      restore the whole mailbox
 */
@Revision("2")
public record ArtifactRestoreStarted(
        String sessionId,
        String tenantId,
        String artifactId,
        String restorePointId,
        String mailboxId,
        DestinationType destinationType,
        Instant startedAt,
        ArtifactQuery artifactQuery) implements RestoreSessionEvent {

    /** The start of a whole mailbox's restore. */
    public ArtifactRestoreStarted(String sessionId, String tenantId, String artifactId, String restorePointId,
                                  String mailboxId, DestinationType destinationType, Instant startedAt) {
        this(sessionId, tenantId, artifactId, restorePointId, mailboxId, destinationType, startedAt, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
