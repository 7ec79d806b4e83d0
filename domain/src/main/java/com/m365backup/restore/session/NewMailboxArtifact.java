package com.m365backup.restore.session;

import java.time.Instant;

/**
 * One artifact to add to a session: which restore point, the mailbox it protects (looked up before the command is
 * sent, so that replaying events never needs the restore point catalog) and where to restore it.
 *
 * @param restorePointExpiresAt null when the restore point does not expire
 */
public record NewMailboxArtifact(
        String artifactId,
        String restorePointId,
        String mailboxId,
        Instant restorePointExpiresAt,
        DestinationType destinationType) {
}
