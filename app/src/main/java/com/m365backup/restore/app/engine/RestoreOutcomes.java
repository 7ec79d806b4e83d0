package com.m365backup.restore.app.engine;

import com.m365backup.restore.domain.session.ArtifactRestoreFailed;
import com.m365backup.restore.domain.session.ArtifactRestoreSucceeded;
import com.m365backup.restore.domain.session.RestoreSessionActivated;
import com.m365backup.restore.domain.session.RestoreSessionEnded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts how artifacts and sessions ended ({@link RestoreMeters}), on the engine's own processor: it sees each event
 * once, and never again in a replay. A session's end is timed from its activation, which its first events hold.
 */
@Component
@ProcessingGroup(RestoreEngine.PROCESSING_GROUP)
@DisallowReplay
class RestoreOutcomes {

    private final RestoreMeters meters;
    private final EventStore eventStore;

    RestoreOutcomes(RestoreMeters meters, EventStore eventStore) {
        this.meters = meters;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(ArtifactRestoreSucceeded event) {
        meters.artifactEnded("succeeded", RestoreMeters.NO_CODE);
    }

    @EventHandler
    void on(ArtifactRestoreFailed event) {
        meters.artifactEnded("failed", event.code().graphName());
    }

    @EventHandler
    void on(RestoreSessionEnded event) {
        activatedAt(event.sessionId()).ifPresent(activated ->
                meters.sessionEnded(event.status(), Duration.between(activated, event.completedAt())));
    }

    /**
     * The activation comes right after the draft's events, so the first page of the history holds it: one query for
     * a session's end, and no payload read but this one.
     */
    private Optional<Instant> activatedAt(String sessionId) {
        DomainEventStream history = eventStore.readEvents(sessionId, 0);
        while (history.hasNext()) {
            DomainEventMessage<?> event = history.next();
            if (RestoreSessionActivated.class.equals(event.getPayloadType())) {
                return Optional.of(((RestoreSessionActivated) event.getPayload()).activatedAt());
            }
        }
        return Optional.empty();
    }
}
