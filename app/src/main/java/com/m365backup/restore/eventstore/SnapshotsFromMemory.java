package com.m365backup.restore.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Takes a session's snapshot from the session the committing unit of work holds: no history is read again, nor
 * replayed. Axon's own snapshotter rebuilds the session from the event store on a thread of its own, which cost a
 * 1,000-artifact session tens of milliseconds of CPU beside the requests of the moment (on 2 cores the PATCH that
 * crossed the threshold ran at up to twice its usual time).
 *
 * <p>The trigger of a session loaded from the store asks as the unit of work prepares to commit: the request is kept
 * in the unit of work and taken by {@link CatchUpCachingRepository} once it has committed. The trigger of a session
 * the unit of work created, or kept in memory since, asks in the clean-up, when the session is back in memory
 * ({@link ParkedAggregates}): it is taken out while it is written. Either way nothing changes the session while its
 * snapshot is written. A session not in memory then (too large for {@code restore.sessions.cache-events}), and a
 * request no committed session took, go to Axon's snapshotter, which reads the store.
 */
final class SnapshotsFromMemory<T> implements Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(SnapshotsFromMemory.class);
    private static final String REQUESTED = SnapshotsFromMemory.class.getName() + ".requested";

    private final ParkedAggregates<T> parked;
    private final EventStore eventStore;
    private final String aggregateType;
    private final Snapshotter otherwise;

    SnapshotsFromMemory(ParkedAggregates<T> parked, EventStore eventStore, String aggregateType,
                        Snapshotter otherwise) {
        this.parked = parked;
        this.eventStore = eventStore;
        this.aggregateType = aggregateType;
        this.otherwise = otherwise;
    }

    @Override
    public void scheduleSnapshot(Class<?> type, String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted() || CurrentUnitOfWork.get().root().isRolledBack()) {
            otherwise.scheduleSnapshot(type, aggregateIdentifier);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!root.phase().isBefore(UnitOfWork.Phase.AFTER_COMMIT)) {
            // The trigger of a session this unit of work created, or kept in memory since, asks in the clean-up: the
            // session is back in memory by then. Taken out while it is written, so that no command can change it
            // meanwhile (a command that wants it then reads it from the store, and a later one catches up).
            parked.checkOut(aggregateIdentifier).ifPresentOrElse(held -> {
                store(aggregateIdentifier, held.version(), held.root());
                parked.checkIn(aggregateIdentifier, held);
            }, () -> otherwise.scheduleSnapshot(type, aggregateIdentifier));
            return;
        }
        requested(root).add(aggregateIdentifier);
        root.onCleanup(done -> {
            if (done.isRolledBack()) {
                return;
            }
            // Asked for and not taken by a committed session: the event store has what is needed.
            requested(done).forEach(id -> otherwise.scheduleSnapshot(type, id));
            requested(done).clear();
        });
    }

    /**
     * Stores the snapshot of a session that its unit of work has just committed, if its trigger asked for one; for
     * the repository, which holds the session and its lock.
     */
    void takeIfRequested(UnitOfWork<?> committed, String aggregateIdentifier, long version, Object root) {
        if (requested(committed.root()).remove(aggregateIdentifier)) {
            store(aggregateIdentifier, version, root);
        }
    }

    private void store(String aggregateIdentifier, long version, Object root) {
        try {
            eventStore.storeSnapshot(new GenericDomainEventMessage<>(aggregateType, aggregateIdentifier, version,
                    root));
        } catch (RuntimeException failed) {
            // A snapshot only saves a later load some reading; the next threshold crossed takes another.
            log.warn("No snapshot of session {} at version {}: {}", aggregateIdentifier, version, failed.toString());
        }
    }

    private static Set<String> requested(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(REQUESTED, key -> new LinkedHashSet<>());
    }
}
