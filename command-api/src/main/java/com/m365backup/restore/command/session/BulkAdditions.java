package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.domain.query.BulkAdditionRequestView;
import com.m365backup.restore.domain.session.CreateBulkAdditionRequest;
import com.m365backup.restore.domain.session.DeleteBulkAdditionRequest;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Creates and deletes a session's bulk addition request, each as one command on the session (docs/api.md, Bulk
 * addition requests): one event however many mailboxes it lists, resolved only at activation. The request's id is
 * made here, so the command is complete.
 */
@Component
class BulkAdditions {

    private final SessionCommands sessions;
    private final SessionReadSide readSide;

    BulkAdditions(SessionCommands sessions, SessionReadSide readSide) {
        this.sessions = sessions;
        this.readSide = readSide;
    }

    /** The new request's id, and how the read side shows it (empty when it did not in time). */
    CreatedBulkRequest create(String sessionId, RequestedBulkAddition requested, CommandOrigin origin) {
        String requestId = UUID.randomUUID().toString();
        CreateBulkAdditionRequest creation = new CreateBulkAdditionRequest(sessionId, origin.tenantId(), requestId,
                requested.displayName(), requested.mailboxes(), requested.directoryObjectIds(),
                requested.protectedFrom(), requested.protectedUntil(), requested.destinationType(),
                requested.preference(), requested.tag(), origin.requestedAt());
        long version = sessions.write(sessionId, origin, () -> sessions.send(sessionId, creation, origin));
        boolean shown = readSide.awaitVersion(sessionId, version);
        return new CreatedBulkRequest(requestId, shown
                ? readSide.findBulkRequestAfterWrite(origin.tenantId(), sessionId, requestId)
                : Optional.empty());
    }

    /** Deletes the request; false when the read side did not show the deletion in time. */
    boolean delete(String sessionId, String requestId, CommandOrigin origin) {
        DeleteBulkAdditionRequest deletion = new DeleteBulkAdditionRequest(sessionId, origin.tenantId(), requestId,
                origin.requestedAt());
        long version = sessions.write(sessionId, origin, () -> sessions.send(sessionId, deletion, origin));
        return readSide.awaitVersion(sessionId, version);
    }

    /** A bulk addition request just created: its id, and how the read side shows it. */
    record CreatedBulkRequest(String id, Optional<BulkAdditionRequestView> view) {
    }
}
