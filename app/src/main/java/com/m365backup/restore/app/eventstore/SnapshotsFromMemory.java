package com.m365backup.restore.app.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Takes a session's snapshot, on a thread of its own, from the session this node holds in memory, rather than
 * rebuilding it from the event store as Axon's snapshotter does (reading and replaying its whole history beside the
 * requests of the moment, which cost the PATCH that crossed the threshold up to 1.7 times its usual time on 2 cores).
 *
 * <p>The snapshot is asked for while the unit of work that crossed the threshold runs; it is taken a moment
 * ({@link #AFTER_THE_ANSWER}) after that unit of work has ended, when the committed session is back in memory
 * ({@link ParkedAggregates}) and the request has had its answer: begun at once, it shared the 2 cores with that
 * request's wait for the read model and its JSON, and made the PATCH that crossed 1,000 events up to twice as slow
 * as the others. The session is taken out of memory while it is written, so that no command changes it meanwhile: a
 * command that wants it then reads it from the store, as any node that does not hold it does. A session not in
 * memory (its unit of work rolled back, or too large for {@code restore.sessions.cache-events}) goes to Axon's
 * snapshotter, which reads the store.
 */
final class SnapshotsFromMemory<T> implements Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(SnapshotsFromMemory.class);
    /** Well past a request's wait for the read model (milliseconds), and short beside the time between snapshots. */
    static final Duration AFTER_THE_ANSWER = Duration.ofMillis(100);

    private final ParkedAggregates<T> parked;
    private final EventStore eventStore;
    private final String aggregateType;
    private final ScheduledExecutorService thread;
    private final Snapshotter otherwise;

    SnapshotsFromMemory(ParkedAggregates<T> parked, EventStore eventStore, String aggregateType,
                        ScheduledExecutorService thread, Snapshotter otherwise) {
        this.parked = parked;
        this.eventStore = eventStore;
        this.aggregateType = aggregateType;
        this.thread = thread;
        this.otherwise = otherwise;
    }

    @Override
    public void scheduleSnapshot(Class<?> type, String aggregateIdentifier) {
        Runnable snapshot = () -> thread.schedule(() -> fromMemory(type, aggregateIdentifier),
                AFTER_THE_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        if (CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root().phase().isBefore(UnitOfWork.Phase.CLEANUP)) {
            CurrentUnitOfWork.get().root().onCleanup(ended -> snapshot.run());
        } else {
            snapshot.run();
        }
    }

    private void fromMemory(Class<?> type, String aggregateIdentifier) {
        parked.checkOut(aggregateIdentifier).ifPresentOrElse(held -> {
            try {
                long started = System.nanoTime();
                eventStore.storeSnapshot(new GenericDomainEventMessage<>(aggregateType, aggregateIdentifier,
                        held.version(), held.root()));
                log.debug("Snapshot of session {} at version {} stored in {} µs", aggregateIdentifier,
                        held.version(), (System.nanoTime() - started) / 1_000);
            } catch (RuntimeException failed) {
                // A snapshot only saves a later load some reading; the next threshold crossed takes another.
                log.warn("No snapshot of session {} at version {}: {}", aggregateIdentifier, held.version(),
                        failed.toString());
            } finally {
                parked.checkIn(aggregateIdentifier, held);
            }
        }, () -> otherwise.scheduleSnapshot(type, aggregateIdentifier));
    }
}
