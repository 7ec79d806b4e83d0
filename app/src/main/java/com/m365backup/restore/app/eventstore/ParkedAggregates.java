package com.m365backup.restore.app.eventstore;

import org.axonframework.eventsourcing.SnapshotTrigger;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Aggregates of this node kept in memory between the units of work that use them, each at the version its last
 * committed unit of work left it: a command on a warm session then needs only the events appended since, not its
 * whole history ({@link CatchUpCachingRepository}).
 *
 * <p>An aggregate is taken out while a unit of work uses it and put back only after that unit committed, so the
 * cache never holds an object that is being changed, nor a change that was rolled back. It holds at most
 * {@code maxEvents} events' worth of aggregates (each weighs the length of its history, a fair measure of its size)
 * and lets go of the least recently used first.
 */
final class ParkedAggregates<T> {

    /** An aggregate at rest: its state, the sequence number of its last event, and its snapshot trigger's count. */
    record Parked<T>(T root, long version, SnapshotTrigger snapshotTrigger) {

        long weight() {
            return version + 1;
        }
    }

    private final long maxEvents;
    private final Map<String, Parked<T>> parked = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    ParkedAggregates(long maxEvents) {
        this.maxEvents = maxEvents;
    }

    /** Takes the aggregate out, if this node holds it: from now on only the caller has it. */
    synchronized Optional<Parked<T>> checkOut(String aggregateId) {
        Parked<T> found = parked.remove(aggregateId);
        if (found != null) {
            weight -= found.weight();
        }
        return Optional.ofNullable(found);
    }

    /** Puts an aggregate back at the version a committed unit of work left it. */
    synchronized void checkIn(String aggregateId, Parked<T> aggregate) {
        if (aggregate.weight() > maxEvents) {
            return;
        }
        Parked<T> former = parked.put(aggregateId, aggregate);
        weight += aggregate.weight() - (former == null ? 0 : former.weight());
        Iterator<Parked<T>> leastRecentlyUsed = parked.values().iterator();
        while (weight > maxEvents && leastRecentlyUsed.hasNext()) {
            weight -= leastRecentlyUsed.next().weight();
            leastRecentlyUsed.remove();
        }
    }

    synchronized int size() {
        return parked.size();
    }
}
