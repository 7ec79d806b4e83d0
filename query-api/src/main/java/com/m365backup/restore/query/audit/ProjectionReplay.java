package com.m365backup.restore.query.audit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * Rebuilds the read model from the event store: the projection's tokens are reset, its reset handler empties the
 * tables, and it reads every event again. Meanwhile readers see the tables fill up from empty (README, Audit).
 *
 * <p>With several nodes, every node must have stopped the projection first: a reset needs all its segments.
 */
@Component
public class ProjectionReplay {

    /** The processing group of the read model's projection (query-api, readmodel). */
    static final String PROJECTION = "restore-session-projection";
    private static final Duration LAUNCH_WAIT = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private Instant startedAt;
    private long startHead;
    private Instant completedAt;

    ProjectionReplay(EventProcessingConfiguration processing, EventStore eventStore, Clock clock) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /** Starts a rebuild, unless one is running; answers where it stands. */
    public synchronized ReplayStatus start() {
        if (startedAt != null && completedAt == null && !isDone()) {
            return status();
        }
        StreamingEventProcessor projection = projection();
        awaitEverySegmentClaimed(projection);
        startHead = headPosition();
        startedAt = clock.instant();
        completedAt = null;
        projection.shutDown();
        projection.resetTokens();
        projection.start();
        return status();
    }

    /**
     * A tracking processor stopped while it is still handing out its segments (right after start-up, as the
     * {@code replay} command does) loses a worker thread for good in Axon 4.13: started again, it leaves a segment
     * unprocessed and the replay never ends. So the replay waits, a few seconds at most, until every segment is
     * being processed; a running service is past that long before anyone asks for a replay.
     */
    private static void awaitEverySegmentClaimed(StreamingEventProcessor projection) {
        long deadline = System.nanoTime() + LAUNCH_WAIT.toNanos();
        while (!coversEveryEvent(projection.processingStatus().values()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public synchronized ReplayStatus status() {
        if (startedAt == null) {
            return new ReplayStatus(ReplayStatus.IDLE, null, null, position(), headPosition(), null, null);
        }
        if (completedAt == null && isDone()) {
            completedAt = clock.instant();
        }
        if (completedAt == null) {
            return new ReplayStatus(ReplayStatus.REPLAYING, utc(startedAt), null, position(), startHead, null, null);
        }
        double seconds = Math.max(Duration.between(startedAt, completedAt).toMillis(), 1) / 1000.0;
        return new ReplayStatus(ReplayStatus.COMPLETED, utc(startedAt), utc(completedAt), position(), startHead,
                startHead, Math.round(startHead / seconds * 10) / 10.0);
    }

    /**
     * Done when every segment has reached the head the replay started from. Axon's own replay flag is no help here:
     * it stays up until an event newer than the reset arrives, which may be never.
     */
    private boolean isDone() {
        Collection<EventTrackerStatus> segments = projection().processingStatus().values();
        return coversEveryEvent(segments) && position() != null && position() >= startHead;
    }

    /**
     * Whether the segments being processed cover the whole stream: after a restart each thread claims its segment
     * on its own, so for a moment some segment may be missing, and the others being at the head proves nothing. A
     * segment of mask m holds one event in m + 1.
     */
    private static boolean coversEveryEvent(Collection<EventTrackerStatus> segments) {
        // Counted in the finest segment's share, so that the sum is exact: masks are powers of two less one.
        long finest = segments.stream().mapToLong(status -> status.getSegment().getMask() + 1L).max().orElse(0);
        long covered = segments.stream().mapToLong(status -> finest / (status.getSegment().getMask() + 1L)).sum();
        return finest > 0 && covered >= finest;
    }

    private Long position() {
        return projection().processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong)
                .min(Long::compare)
                .orElse(null);
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private StreamingEventProcessor projection() {
        return processing.eventProcessor(PROJECTION, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("The read model's projection is not configured"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
