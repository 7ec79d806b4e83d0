package com.m365backup.restore.domain.session;

import java.time.Instant;

/**
 * One artifact to add to a session: which restore point, the mailbox it protects (looked up before the command is
 * sent, so that replaying events never needs the restore point catalog) and where to restore it.
 *
 * @param mailboxId             null when the tenant's catalog holds no such restore point: the session refuses it
 *                              (docs/api.md, PATCH per-item outcomes: {@code InvalidRestorePoint}), but only after
 *                              its own checks, so that a session that has left draft refuses the whole PATCH
 * @param restorePointExpiresAt null when the restore point does not expire
 */
public record NewMailboxArtifact(
        String artifactId,
        String restorePointId,
        String mailboxId,
        Instant restorePointExpiresAt,
        DestinationType destinationType) {

    /** An artifact naming a restore point that the tenant's catalog does not hold. */
    public static NewMailboxArtifact uncatalogued(String artifactId, String restorePointId,
                                                  DestinationType destinationType) {
        return new NewMailboxArtifact(artifactId, restorePointId, null, null, destinationType);
    }

    /** Whether the catalog holds its restore point (and so knows its mailbox). */
    public boolean catalogued() {
        return mailboxId != null;
    }
}
