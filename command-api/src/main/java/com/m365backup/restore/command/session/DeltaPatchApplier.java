package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.command.RestoreLimits;
import com.m365backup.restore.command.restorepoint.RestorePoint;
import com.m365backup.restore.command.restorepoint.RestorePointCatalog;
import com.m365backup.restore.domain.session.AddMailboxArtifact;
import com.m365backup.restore.domain.session.NewMailboxArtifact;
import com.m365backup.restore.domain.session.RemoveMailboxArtifact;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies the items of a delta PATCH in request order, each as one command on the session, each on its own: one
 * item's failure undoes nothing and stops nothing, and an item sees the effect of those before it (docs/api.md, PATCH
 * per-item outcomes). The commands share one load of the session and one commit ({@link SessionCommands}), and the
 * restore points of all the adds are looked up in the catalog at once.
 *
 * <p>A rejection that concerns the session itself (unknown to the tenant, not a draft) refuses the whole request
 * while nothing has changed yet; after a change it can only be that item's failure, as the earlier changes stand.
 */
@Component
class DeltaPatchApplier {

    private static final long NOTHING_CHANGED = -1;

    private final SessionCommands sessions;
    private final RestorePointCatalog restorePoints;
    private final SessionReadSide readSide;
    private final DeltaItemCounter outcomes;
    private final RestoreLimits limits;

    DeltaPatchApplier(SessionCommands sessions, RestorePointCatalog restorePoints, SessionReadSide readSide,
                  DeltaItemCounter outcomes, RestoreLimits limits) {
        this.sessions = sessions;
        this.restorePoints = restorePoints;
        this.readSide = readSide;
        this.outcomes = outcomes;
        this.limits = limits;
    }

    /**
     * @param expectedVersion the version the client read (If-Match), or null. Only the first item's command carries
     *                        it: that command is where the request meets the session, before anything has changed, so
     *                        it is the state the client read that is checked. Each later item sees the effects of
     *                        those before it (docs/api.md), which move the version on: carrying the client's version
     *                        further would make the request conflict with itself.
     */
    DeltaResponse apply(String sessionId, List<DeltaItem> items, CommandOrigin origin, Long expectedVersion) {
        Map<String, RestorePoint> catalogued = restorePoints.findAll(origin.tenantId(), items.stream()
                .filter(DeltaItem.Add.class::isInstance)
                .map(add -> ((DeltaItem.Add) add).restorePoint().restorePointId())
                .distinct()
                .toList());
        Applied applied = sessions.write(sessionId, origin,
                () -> applyInOrder(sessionId, items, catalogued, origin, expectedVersion));
        outcomes.count(items, applied.results());
        boolean shown = applied.version() == NOTHING_CHANGED || readSide.awaitVersion(sessionId, applied.version());
        return new DeltaResponse(applied.results(), shown);
    }

    private Applied applyInOrder(String sessionId, List<DeltaItem> items, Map<String, RestorePoint> catalogued,
                                 CommandOrigin origin, Long expectedVersion) {
        List<DeltaResult> results = new ArrayList<>();
        long version = NOTHING_CHANGED;
        Long expected = expectedVersion;
        for (DeltaItem item : items) {
            try {
                if (item instanceof DeltaItem.Add add) {
                    String artifactId = UUID.randomUUID().toString();
                    version = sessions.send(sessionId, new AddMailboxArtifact(sessionId, origin.tenantId(),
                            newArtifact(artifactId, add, catalogued), origin.requestedAt(),
                            limits.maxArtifactsPerSession(), expected), origin);
                    results.add(AddedArtifact.of(artifactId, add, origin.requestedAt()));
                } else if (item instanceof DeltaItem.Remove remove) {
                    version = sessions.send(sessionId, new RemoveMailboxArtifact(sessionId, origin.tenantId(),
                            remove.artifactId(), remove.reason(), origin.requestedAt(), expected), origin);
                }
            } catch (RestoreSessionRejected rejected) {
                GraphRejection rejection = GraphRejection.of(rejected.rejection());
                if (version == NOTHING_CHANGED && rejection.concernsSession()) {
                    throw rejected;
                }
                results.add(FailedItem.of(item, rejection, rejected.getMessage()));
            }
            expected = null;
        }
        return new Applied(results, version);
    }

    /**
     * An add of a restore point the catalog does not hold is sent too, for the session to refuse: its own checks
     * come first, so a session unknown to the tenant or no longer a draft refuses the whole request, whatever the
     * item names (docs/api.md, PATCH).
     */
    private static NewMailboxArtifact newArtifact(String artifactId, DeltaItem.Add add,
                                                  Map<String, RestorePoint> catalogued) {
        String restorePointId = add.restorePoint().restorePointId();
        RestorePoint found = catalogued.get(restorePointId);
        return found == null
                ? NewMailboxArtifact.uncatalogued(artifactId, restorePointId, add.destinationType())
                : new NewMailboxArtifact(artifactId, restorePointId, found.mailboxId(), found.expiresAt(),
                add.destinationType());
    }

    /** What the items did, and the session's version after the last change (or none). */
    private record Applied(List<DeltaResult> results, long version) {
    }
}
