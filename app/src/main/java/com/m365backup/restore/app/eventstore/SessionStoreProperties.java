package com.m365backup.restore.app.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sessions are kept between commands, so that no command replays a session's whole history
 * (docs/performance.md): in memory on each node, and as snapshots in the event store.
 *
 * @param cacheEvents   {@code restore.sessions.cache-events}: how many events' worth of sessions one node keeps in
 *                      memory (a session weighs the length of its history; about 100 bytes an event); 0: none
 * @param snapshotEvery {@code restore.sessions.snapshot-every}: a snapshot of a session after this many of its events,
 *                      so that a session not in memory is read from its snapshot and at most this many events
 */
@ConfigurationProperties("restore.sessions")
record SessionStoreProperties(
        @DefaultValue("1000000") long cacheEvents,
        @DefaultValue("1000") int snapshotEvery) {
}
