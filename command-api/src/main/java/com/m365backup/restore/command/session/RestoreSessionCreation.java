package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.command.RequestRefused;
import com.m365backup.restore.command.restorepoint.RestorePoint;
import com.m365backup.restore.command.restorepoint.RestorePointCatalog;
import com.m365backup.restore.session.CreateRestoreSession;
import com.m365backup.restore.session.NewMailboxArtifact;
import com.m365backup.restore.session.RestoreSessionRejected;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Creates a session with its first artifacts as one {@link CreateRestoreSession} command: all or nothing
 * (spec/api.md, Create). The ids of the session and of its artifacts are made here, so the command is complete.
 */
@Component
class RestoreSessionCreation {

    private final CommandGateway commandGateway;
    private final RestorePointCatalog restorePoints;
    private final SessionReadSide readSide;

    RestoreSessionCreation(CommandGateway commandGateway, RestorePointCatalog restorePoints,
                           SessionReadSide readSide) {
        this.commandGateway = commandGateway;
        this.restorePoints = restorePoints;
        this.readSide = readSide;
    }

    CreatedSession create(List<RequestedArtifact> requested, CommandOrigin origin) {
        List<NewMailboxArtifact> artifacts = requested.stream()
                .map(artifact -> newArtifact(artifact, origin.tenantId()))
                .toList();
        String sessionId = UUID.randomUUID().toString();
        try {
            commandGateway.sendAndWait(
                    new CreateRestoreSession(sessionId, origin.tenantId(), artifacts, origin.requestedAt()),
                    origin.metaData());
        } catch (RestoreSessionRejected rejected) {
            // A create is refused whole, so every rejection of an artifact is a 400, a duplicate mailbox included.
            throw new RequestRefused(HttpStatus.BAD_REQUEST, GraphRejection.of(rejected.rejection()).code(),
                    rejected.getMessage());
        }
        // The session's version after creation: one event for the session, then one per artifact.
        readSide.awaitVersion(sessionId, artifacts.size());
        return new CreatedSession(sessionId, readSide.find(origin.tenantId(), sessionId));
    }

    private NewMailboxArtifact newArtifact(RequestedArtifact requested, String tenantId) {
        String restorePointId = requested.restorePoint().restorePointId();
        RestorePoint restorePoint = restorePoints.find(tenantId, restorePointId)
                .orElseThrow(() -> new RequestRefused(HttpStatus.BAD_REQUEST,
                        GraphRejection.unknownRestorePoint().code(),
                        "Restore point '" + restorePointId + "' does not exist."));
        return new NewMailboxArtifact(UUID.randomUUID().toString(), restorePointId, restorePoint.mailboxId(),
                restorePoint.expiresAt(), requested.destinationType());
    }
}
