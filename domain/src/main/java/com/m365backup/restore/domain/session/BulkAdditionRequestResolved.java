package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Activation resolved a bulk addition request: its resolved mailboxes were added as artifacts (the
 * {@link MailboxArtifactAdded} events before this one), and it is {@code completed}, or {@code completedWithErrors}
 * with the mailboxes it could not resolve (docs/api.md, Bulk addition requests).
 */
@Revision("1")
public record BulkAdditionRequestResolved(
        String sessionId,
        String requestId,
        BulkAdditionRequestStatus status,
        int resolvedMailboxes,
        List<UnresolvedMailbox> unresolved,
        Instant resolvedAt) implements RestoreSessionEvent {

    public BulkAdditionRequestResolved {
        unresolved = List.copyOf(unresolved);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
