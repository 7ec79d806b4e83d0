package com.m365backup.restore.app.eventstore;

import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.List;
import java.util.stream.Stream;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine streams what Axon's own engine streams, token for token (gaps too) and time for time. */
@IntegrationTest
class StoredEventsEngineTest extends RunningApplicationTest {

    @Autowired
    private EventStorageEngine engine;
    @Autowired
    private Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;
    @Autowired
    private org.axonframework.config.Configuration axon;
    @Autowired
    private ConnectionProvider connections;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private EventSchema schema;

    @Test
    void streams_the_events_tokens_and_times_that_axons_engine_streams() {
        assertThat(http.post(SESSIONS, "{}").status()).isEqualTo(201);
        // A global index taken and never written: a gap, as a transaction that rolled back leaves one.
        jdbc.queryForObject("select nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))",
                Long.class);
        assertThat(http.post(SESSIONS, "{}").status()).isEqualTo(201);
        JdbcEventStorageEngine axons = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .build();

        List<String> streamed = described(engine.readEvents(null, false));

        assertThat(streamed).hasSizeGreaterThanOrEqualTo(2).isEqualTo(described(axons.readEvents(null, false)));
        assertThat(streamed.get(streamed.size() - 1)).containsPattern("gaps=\\[\\d+");
    }

    private static List<String> described(Stream<? extends TrackedEventMessage<?>> events) {
        try (events) {
            return events.map(event -> event.getIdentifier() + " " + event.getTimestamp() + " "
                    + event.trackingToken()).toList();
        }
    }
}
