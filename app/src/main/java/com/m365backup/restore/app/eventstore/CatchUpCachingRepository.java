package com.m365backup.restore.app.eventstore;

import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.RepositoryProvider;

import java.util.concurrent.Callable;

/**
 * An event-sourcing repository that keeps each aggregate in memory between commands, and brings it up to date with
 * the event store every time it is loaded: a command costs the events appended since its last use on this node
 * (usually none: one indexed query that finds nothing), not the replay of its whole history.
 *
 * <p>Several nodes share one event store, so a cached aggregate may have missed another node's events. Reading what
 * came after its version, inside the command's transaction and under the aggregate's lock, gives the command every
 * event committed before it began: it never decides on state that another node's acknowledged write has made stale
 * (Axon's own caching repository trusts a cache hit and would). An event committed by another node while the
 * command runs makes this node's append collide on the event store's unique sequence numbers; the unit of work then
 * rolls back and nothing of it is cached.
 *
 * <p>A session not in memory is loaded by the event store from its latest snapshot and the events after it
 * ({@link SnapshotTriggerDefinition}), so no load replays a whole history; the audit reads history from sequence 0.
 */
final class CatchUpCachingRepository<T> extends EventSourcingRepository<T> {

    private final EventStore eventStore;
    private final RepositoryProvider repositoryProvider;
    private final SnapshotTriggerDefinition snapshotTriggerDefinition;
    private final ParkedAggregates<T> parked;

    private CatchUpCachingRepository(Builder<T> builder) {
        super(builder);
        this.eventStore = builder.eventStore();
        this.repositoryProvider = builder.repositoryProvider();
        this.snapshotTriggerDefinition = builder.snapshotTriggerDefinition();
        this.parked = builder.parked;
    }

    static <T> Builder<T> builder(Class<T> aggregateType, ParkedAggregates<T> parked) {
        return new Builder<>(aggregateType, parked);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        EventSourcedAggregate<T> aggregate = parked.checkOut(aggregateIdentifier)
                .map(cached -> caughtUp(aggregateIdentifier, cached))
                .orElseGet(() -> super.doLoadWithLock(aggregateIdentifier, expectedVersion));
        if (aggregate.isDeleted()) {
            throw new AggregateDeletedException(aggregateIdentifier);
        }
        parkAfterCommit(aggregate);
        return aggregate;
    }

    @Override
    protected EventSourcedAggregate<T> doCreateNewForLock(Callable<T> factoryMethod) throws Exception {
        EventSourcedAggregate<T> created = super.doCreateNewForLock(factoryMethod);
        parkAfterCommit(created);
        return created;
    }

    private EventSourcedAggregate<T> caughtUp(String aggregateIdentifier, ParkedAggregates.Parked<T> cached) {
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.reconstruct(cached.root(), aggregateModel(),
                cached.version(), false, eventStore, repositoryProvider,
                snapshotTriggerDefinition.reconfigure(getAggregateType(), cached.snapshotTrigger()));
        DomainEventStream appendedSince = eventStore.readEvents(aggregateIdentifier, cached.version() + 1);
        // Only with events: an empty stream has no last sequence number, and would leave the aggregate without one.
        if (appendedSince.hasNext()) {
            aggregate.initializeState(appendedSince);
        }
        return aggregate;
    }

    /**
     * Back into memory once the whole unit of work (a PATCH's, an event processor's batch) has committed, at the
     * version it left; a unit of work that rolls back parks nothing, and the next load reads the store again.
     */
    private void parkAfterCommit(EventSourcedAggregate<T> aggregate) {
        CurrentUnitOfWork.get().root().afterCommit(committed -> {
            if (aggregate.identifierAsString() != null && aggregate.version() != null) {
                parked.checkIn(aggregate.identifierAsString(), new ParkedAggregates.Parked<>(
                        aggregate.getAggregateRoot(), aggregate.version(), aggregate.getSnapshotTrigger()));
            }
        });
    }

    static final class Builder<T> extends EventSourcingRepository.Builder<T> {

        private final ParkedAggregates<T> parked;

        private Builder(Class<T> aggregateType, ParkedAggregates<T> parked) {
            super(aggregateType);
            this.parked = parked;
        }

        private EventStore eventStore() {
            return eventStore;
        }

        private RepositoryProvider repositoryProvider() {
            return repositoryProvider;
        }

        private SnapshotTriggerDefinition snapshotTriggerDefinition() {
            return snapshotTriggerDefinition;
        }

        @Override
        public CatchUpCachingRepository<T> build() {
            return new CatchUpCachingRepository<>(this);
        }
    }
}
