package com.m365backup.restore.app.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the event store reads.
 *
 * @param batchSize {@code restore.event-store.batch-size}: events fetched per query, when a session's events are read
 *                  (a cold load, the audit) and when the processors read the stream (a replay of the read model
 *                  reads its whole history this way); Axon's default, 100, makes a long history many round trips
 */
@ConfigurationProperties("restore.event-store")
record EventStoreProperties(@DefaultValue("1000") int batchSize) {
}
