package com.m365backup.restore.app.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Each event processor's state for the readiness probe: running, in error, and how many events it is behind the head
 * of the event store. A stopped or failing projection means writes wait for a read side that does not move, so the
 * instance is not ready.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorHealth implements HealthIndicator {

    private static final long BEFORE_FIRST_EVENT = 0;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    EventProcessorHealth(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        OptionalLong head;
        try {
            head = headPosition();
        } catch (RuntimeException unreachable) {
            // The store's own indicator (db) says why; here it only means no processor can move.
            health.down().withDetail("eventStore", "unreachable");
            head = OptionalLong.empty();
        }
        head.ifPresent(position -> health.withDetail("head", position));
        Map<String, Object> processors = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            Map<String, Object> state = state(entry.getValue(), head);
            if (!Boolean.TRUE.equals(state.get("running")) || Boolean.TRUE.equals(state.get("error"))) {
                health.down();
            }
            processors.put(entry.getKey(), state);
        }
        return health.withDetail("processors", processors).build();
    }

    /** Global indexes start at 1, so 0 stands for "before the first event", of an empty store or of a new token. */
    private OptionalLong headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? OptionalLong.of(BEFORE_FIRST_EVENT) : head.position();
    }

    private static Map<String, Object> state(EventProcessor processor, OptionalLong head) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("running", processor.isRunning());
        state.put("error", processor.isError());
        if (processor instanceof StreamingEventProcessor streaming) {
            Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
            // Only the segments this instance has claimed; others may be processed by another instance.
            state.put("claimedSegments", segments.size());
            OptionalLong slowest = segments.values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .mapToLong(position -> position.orElse(BEFORE_FIRST_EVENT))
                    .min();
            if (head.isPresent() && slowest.isPresent()) {
                state.put("behind", Math.max(0, head.getAsLong() - slowest.getAsLong()));
            }
            state.put("replaying", segments.values().stream().anyMatch(EventTrackerStatus::isReplaying));
        }
        return state;
    }
}
