package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A draft session took a bulk addition request: it is a bulk session from now on, and the request is {@code active}
 * until activation resolves its mailboxes (docs/api.md, Bulk addition requests).
 */
@Revision("1")
public record BulkAdditionRequestCreated(
        String sessionId,
        String requestId,
        String displayName,
        List<String> mailboxes,
        List<String> directoryObjectIds,
        Instant protectedFrom,
        Instant protectedUntil,
        DestinationType destinationType,
        RestorePointPreference preference,
        String tag,
        Instant createdAt) implements RestoreSessionEvent {

    public BulkAdditionRequestCreated {
        mailboxes = List.copyOf(mailboxes);
        directoryObjectIds = List.copyOf(directoryObjectIds);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
