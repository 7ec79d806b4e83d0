package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.command.RequestRefused;
import com.m365backup.restore.command.restorepoint.RestorePoint;
import com.m365backup.restore.command.restorepoint.RestorePointCatalog;
import com.m365backup.restore.session.CreateRestoreSession;
import com.m365backup.restore.session.NewMailboxArtifact;
import com.m365backup.restore.session.Rejection;
import com.m365backup.restore.session.RestoreSessionRejected;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates a session with its first artifacts as one {@link CreateRestoreSession} command: all or nothing
 * (spec/api.md, Create). The ids of the session and of its artifacts are made here, so the command is complete.
 */
@Component
class RestoreSessionCreation {

    private final SessionCommands sessions;
    private final RestorePointCatalog restorePoints;
    private final SessionReadSide readSide;

    RestoreSessionCreation(SessionCommands sessions, RestorePointCatalog restorePoints, SessionReadSide readSide) {
        this.sessions = sessions;
        this.restorePoints = restorePoints;
        this.readSide = readSide;
    }

    CreatedSession create(List<RequestedArtifact> requested, CommandOrigin origin) {
        Map<String, RestorePoint> catalogued = restorePoints.findAll(origin.tenantId(), requested.stream()
                .map(artifact -> artifact.restorePoint().restorePointId())
                .distinct()
                .toList());
        List<NewMailboxArtifact> artifacts = requested.stream()
                .map(artifact -> newArtifact(artifact, catalogued))
                .toList();
        String sessionId = UUID.randomUUID().toString();
        CreateRestoreSession creation = new CreateRestoreSession(sessionId, origin.tenantId(), artifacts,
                origin.requestedAt());
        sessions.write(sessionId, origin, () -> {
            try {
                return sessions.send(sessionId, creation, origin);
            } catch (RestoreSessionRejected rejected) {
                // A create is refused whole, so every rejection of an artifact is a 400, a duplicate mailbox included.
                throw new RequestRefused(HttpStatus.BAD_REQUEST, GraphRejection.of(rejected.rejection()).code(),
                        rejected.getMessage());
            }
        });
        // The session's version after creation: one event for the session, then one per artifact.
        boolean shown = readSide.awaitVersion(sessionId, artifacts.size());
        return new CreatedSession(sessionId, shown
                ? readSide.findAfterWrite(origin.tenantId(), sessionId, true)
                : Optional.empty());
    }

    private static NewMailboxArtifact newArtifact(RequestedArtifact requested, Map<String, RestorePoint> catalogued) {
        String restorePointId = requested.restorePoint().restorePointId();
        RestorePoint restorePoint = catalogued.get(restorePointId);
        if (restorePoint == null) {
            RestoreSessionRejected unknown = RestoreSessionRejected.unknownRestorePoint(restorePointId);
            throw new RequestRefused(HttpStatus.BAD_REQUEST, GraphRejection.of(unknown.rejection()).code(),
                    unknown.getMessage());
        }
        return new NewMailboxArtifact(UUID.randomUUID().toString(), restorePointId, restorePoint.mailboxId(),
                restorePoint.expiresAt(), requested.destinationType());
    }
}
