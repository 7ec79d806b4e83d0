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
 * <p>The snapshot trigger asks for a snapshot as the unit of work prepares to commit; the request is kept in the
 * unit of work and taken by {@link CatchUpCachingRepository} once it has committed, while the session's lock is still
 * held (the lock is let go in the clean-up): nothing changes the session meanwhile. A request made outside that
 * window (the trigger of a session being loaded asks in the clean-up) goes to Axon's snapshotter, as does one that
 * no committed session took.
 */
final class SnapshotsFromMemory implements Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(SnapshotsFromMemory.class);
    private static final String REQUESTED = SnapshotsFromMemory.class.getName() + ".requested";

    private final EventStore eventStore;
    private final String aggregateType;
    private final Snapshotter otherwise;

    SnapshotsFromMemory(EventStore eventStore, String aggregateType, Snapshotter otherwise) {
        this.eventStore = eventStore;
        this.aggregateType = aggregateType;
        this.otherwise = otherwise;
    }

    @Override
    public void scheduleSnapshot(Class<?> type, String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()
                || !CurrentUnitOfWork.get().root().phase().isBefore(UnitOfWork.Phase.AFTER_COMMIT)) {
            otherwise.scheduleSnapshot(type, aggregateIdentifier);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
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
        if (!requested(committed.root()).remove(aggregateIdentifier)) {
            return;
        }
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
