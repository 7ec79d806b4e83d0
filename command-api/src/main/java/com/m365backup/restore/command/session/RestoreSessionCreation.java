package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.command.CreateRequests;
import com.m365backup.restore.command.restorepoint.RestorePoint;
import com.m365backup.restore.command.restorepoint.RestorePointCatalog;
import com.m365backup.restore.domain.query.FindGranularSearches;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.CreateRestoreSession;
import com.m365backup.restore.domain.session.GranularSearch;
import com.m365backup.restore.domain.session.NewGranularArtifact;
import com.m365backup.restore.domain.session.NewMailboxArtifact;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creates a session with its first artifacts as one {@link CreateRestoreSession} command: all or nothing
 * (docs/api.md, Create). The ids of the session and of its artifacts are made here, so the command is complete. A
 * granular artifact's search is looked up as kept by the search (docs/api.md, Granular restore); the session decides
 * whether it may be used.
 *
 * <p>A create that names itself (its client's own {@code client-request-id}) is recorded with the session in the same
 * transaction ({@link CreateRequests}). When the same create is sent again, marked as a retry as the Graph SDKs mark
 * theirs ({@code Retry-Attempt}), by the same caller within a day, it is answered with that session instead of making
 * another. A request not marked so is always a create of its own: the Graph Java SDK sends one client-request-id with
 * every request of a client, so a second create of the same body is not, by itself, a retry.
 */
@Component
class RestoreSessionCreation {

    private final SessionCommands sessions;
    private final RestorePointCatalog restorePoints;
    private final SessionReadSide readSide;
    private final CreateRequests createRequests;
    private final QueryGateway queries;

    RestoreSessionCreation(SessionCommands sessions, RestorePointCatalog restorePoints, SessionReadSide readSide,
                           CreateRequests createRequests, QueryGateway queries) {
        this.sessions = sessions;
        this.restorePoints = restorePoints;
        this.readSide = readSide;
        this.createRequests = createRequests;
        this.queries = queries;
    }

    /** @param bodyDigest the request body's digest, part of what a retry repeats */
    CreatedSession create(List<RequestedArtifact> requested, CommandOrigin origin, String bodyDigest) {
        Optional<CommandOrigin.CreateRequestKey> key = origin.createRequestKey(bodyDigest);
        Optional<CreateRequests.Made> madeBefore = origin.retried()
                ? key.flatMap(createRequests::sessionMadeBy)
                : Optional.empty();
        return madeBefore.map(made -> shown(made, origin)).orElseGet(() -> createNew(requested, origin, key));
    }

    /** The session an earlier create of the same request made, once the read side shows it (it may be just made). */
    private CreatedSession shown(CreateRequests.Made made, CommandOrigin origin) {
        boolean shown = readSide.awaitVersion(made.sessionId(), made.version());
        return new CreatedSession(made.sessionId(), shown
                ? readSide.findAfterWrite(origin.tenantId(), made.sessionId(), true)
                : Optional.empty());
    }

    private CreatedSession createNew(List<RequestedArtifact> requested, CommandOrigin origin,
                                     Optional<CommandOrigin.CreateRequestKey> key) {
        Map<String, RestorePoint> catalogued = restorePoints.findAll(origin.tenantId(), requested.stream()
                .map(artifact -> artifact.restorePoint().restorePointId())
                .distinct()
                .toList());
        List<NewMailboxArtifact> artifacts = requested.stream()
                .map(artifact -> newArtifact(artifact, catalogued))
                .toList();
        Map<String, GranularSearch> searches = searchesOf(requested, origin.tenantId());
        List<NewGranularArtifact> granular = new ArrayList<>();
        List<NewMailboxArtifact> whole = new ArrayList<>();
        for (int index = 0; index < requested.size(); index++) {
            RequestedArtifact artifact = requested.get(index);
            if (artifact.granular()) {
                granular.add(new NewGranularArtifact(artifacts.get(index), artifact.searchResponseId(),
                        searches.get(artifact.searchResponseId())));
            } else {
                whole.add(artifacts.get(index));
            }
        }
        String sessionId = UUID.randomUUID().toString();
        CreateRestoreSession creation = new CreateRestoreSession(sessionId, origin.tenantId(), whole, granular,
                origin.requestedAt());
        sessions.write(sessionId, origin, () -> {
            try {
                sessions.send(sessionId, creation, origin);
            } catch (RestoreSessionRejected rejected) {
                // A create is refused whole, so every rejection of an artifact is a 400, a duplicate mailbox included.
                throw RequestRefused.invalid(GraphRejection.of(rejected.rejection()).code(),
                        rejected.getMessage());
            }
            key.ifPresent(request -> createRequests.record(request,
                    new CreateRequests.Made(sessionId, artifacts.size()), origin.requestedAt()));
            return sessionId;
        });
        // The session's version after creation: one event for the session, then one per artifact.
        boolean shown = readSide.awaitVersion(sessionId, artifacts.size());
        return new CreatedSession(sessionId, shown
                ? readSide.findAfterWrite(origin.tenantId(), sessionId, true)
                : Optional.empty());
    }

    /** The searches the granular artifacts name, by id: one question for all of them; none for other artifacts. */
    private Map<String, GranularSearch> searchesOf(List<RequestedArtifact> requested, String tenantId) {
        List<String> ids = requested.stream().map(RequestedArtifact::searchResponseId)
                .filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<GranularSearch> found = queries.query(new FindGranularSearches(tenantId, ids),
                ResponseTypes.multipleInstancesOf(GranularSearch.class)).join();
        return found.stream().collect(Collectors.toMap(GranularSearch::searchResponseId, Function.identity()));
    }

    /**
     * A restore point the catalog does not hold is sent too, for the session to refuse by its rules of adding: the
     * create is refused whole, as the session decides it, and nothing here repeats those rules.
     */
    private static NewMailboxArtifact newArtifact(RequestedArtifact requested, Map<String, RestorePoint> catalogued) {
        String artifactId = UUID.randomUUID().toString();
        String restorePointId = requested.restorePoint().restorePointId();
        RestorePoint restorePoint = catalogued.get(restorePointId);
        return restorePoint == null
                ? NewMailboxArtifact.uncatalogued(artifactId, restorePointId, requested.destinationType())
                : new NewMailboxArtifact(artifactId, restorePointId, restorePoint.mailboxId(),
                restorePoint.expiresAt(), requested.destinationType());
    }
}
