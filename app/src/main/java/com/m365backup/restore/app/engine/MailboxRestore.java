package com.m365backup.restore.app.engine;

import com.m365backup.restore.domain.session.ArtifactQuery;
import com.m365backup.restore.domain.session.DestinationType;

/**
 * One mailbox to restore: from which restore point, to where ({@code new}: a new folder; {@code inPlace}: its own),
 * and, for a granular artifact, which of its messages (docs/api.md, Granular restore).
 *
 * @param query the messages to restore; null to restore the whole mailbox
 */
public record MailboxRestore(
        String tenantId,
        String sessionId,
        String artifactId,
        String restorePointId,
        String mailboxId,
        DestinationType destinationType,
        ArtifactQuery query) {

    /** The restore of a whole mailbox. */
    public MailboxRestore(String tenantId, String sessionId, String artifactId, String restorePointId,
                          String mailboxId, DestinationType destinationType) {
        this(tenantId, sessionId, artifactId, restorePointId, mailboxId, destinationType, null);
    }
}
