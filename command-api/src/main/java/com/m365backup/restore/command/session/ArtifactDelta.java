package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.command.RequestRefused;
import com.m365backup.restore.command.RestoreLimits;
import com.m365backup.restore.command.restorepoint.RestorePointCatalog;
import com.m365backup.restore.session.AddMailboxArtifact;
import com.m365backup.restore.session.NewMailboxArtifact;
import com.m365backup.restore.session.RemoveMailboxArtifact;
import com.m365backup.restore.session.RestoreSessionRejected;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies the items of a delta PATCH in request order, each as one command on the session, each on its own: one
 * item's failure undoes nothing and stops nothing, and an item sees the effect of those before it (spec/api.md, PATCH
 * per-item outcomes).
 *
 * <p>A rejection that concerns the session itself (unknown to the tenant, not a draft) refuses the whole request
 * while nothing has changed yet; after a change it can only be that item's failure, as the earlier changes stand.
 */
@Component
class ArtifactDelta {

    private static final long NOTHING_CHANGED = -1;

    private final CommandGateway commandGateway;
    private final RestorePointCatalog restorePoints;
    private final SessionReadSide readSide;
    private final DeltaItemOutcomes outcomes;
    private final RestoreLimits limits;
    private final SessionPreconditions preconditions;

    ArtifactDelta(CommandGateway commandGateway, RestorePointCatalog restorePoints, SessionReadSide readSide,
                  DeltaItemOutcomes outcomes, RestoreLimits limits, SessionPreconditions preconditions) {
        this.commandGateway = commandGateway;
        this.restorePoints = restorePoints;
        this.readSide = readSide;
        this.outcomes = outcomes;
        this.limits = limits;
        this.preconditions = preconditions;
    }

    /**
     * @param expectedVersion the version the client read (If-Match), or null. Only the first item's command carries
     *                        it: that command is where the request meets the session, before anything has changed, so
     *                        it is the state the client read that is checked. Each later item sees the effects of
     *                        those before it (spec/api.md), which move the version on: carrying the client's version
     *                        further would make the request conflict with itself.
     */
    DeltaResponse apply(String sessionId, List<DeltaItem> items, CommandOrigin origin, Long expectedVersion) {
        List<DeltaResult> results = new ArrayList<>();
        long version = NOTHING_CHANGED;
        Long expected = expectedVersion;
        for (DeltaItem item : items) {
            try {
                if (item instanceof DeltaItem.Add add) {
                    version = Math.max(version, add(sessionId, add, origin, expected, results));
                } else if (item instanceof DeltaItem.Remove remove) {
                    version = Math.max(version, send(new RemoveMailboxArtifact(sessionId, origin.tenantId(),
                            remove.artifactId(), remove.reason(), origin.requestedAt(), expected), origin));
                }
            } catch (RestoreSessionRejected rejected) {
                results.add(failure(item, GraphRejection.of(rejected.rejection()), rejected.getMessage(), version));
            } catch (AggregateNotFoundException notFound) {
                // Axon's own message speaks of its event store: the caller gets a sentence about its session.
                results.add(failure(item, GraphRejection.sessionNotFound(),
                        "Restore session '" + sessionId + "' was not found.", version));
            } catch (ConflictingAggregateVersionException conflict) {
                // Only the first command names a version, so nothing has changed yet: the whole request is refused.
                throw preconditions.refusal(conflict, sessionId, origin);
            }
            expected = null;
        }
        outcomes.count(items, results);
        if (version != NOTHING_CHANGED) {
            readSide.awaitVersion(sessionId, version);
        }
        return new DeltaResponse(results);
    }

    /**
     * Sends the add, records its outcome and answers the session's version. An add of a restore point the catalog
     * does not hold is sent too, for the session to refuse: its own checks come first, so a session unknown to the
     * tenant or no longer a draft refuses the whole request, whatever the item names (spec/api.md, PATCH).
     */
    private long add(String sessionId, DeltaItem.Add add, CommandOrigin origin, Long expectedVersion,
                     List<DeltaResult> results) {
        String restorePointId = add.restorePoint().restorePointId();
        String artifactId = UUID.randomUUID().toString();
        NewMailboxArtifact artifact = restorePoints.find(origin.tenantId(), restorePointId)
                .map(found -> new NewMailboxArtifact(artifactId, restorePointId, found.mailboxId(), found.expiresAt(),
                        add.destinationType()))
                .orElseGet(() -> NewMailboxArtifact.uncatalogued(artifactId, restorePointId, add.destinationType()));
        long version = send(new AddMailboxArtifact(sessionId, origin.tenantId(), artifact, origin.requestedAt(),
                limits.maxArtifactsPerSession(), expectedVersion), origin);
        results.add(AddedArtifact.of(artifactId, add, origin.requestedAt()));
        return version;
    }

    private long send(Object command, CommandOrigin origin) {
        // The session's handlers answer its version after the change.
        Number version = commandGateway.sendAndWait(command, origin.metaData());
        return version.longValue();
    }

    private static FailedItem failure(DeltaItem item, GraphRejection rejection, String message, long version) {
        if (version == NOTHING_CHANGED && rejection.concernsSession()) {
            throw new RequestRefused(rejection.status(), rejection.code(), message);
        }
        return FailedItem.of(item, rejection, message);
    }
}
