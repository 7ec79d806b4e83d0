package com.m365backup.restore.engine;

import com.m365backup.restore.session.DestinationType;

/** One mailbox to restore: from which restore point, to where ({@code new}: a new folder; {@code inPlace}: its own). */
public record MailboxRestore(
        String tenantId,
        String sessionId,
        String artifactId,
        String restorePointId,
        String mailboxId,
        DestinationType destinationType) {
}
