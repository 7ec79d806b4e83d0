package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.domain.session.RestoreSessionEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;

/**
 * Rebuilds the read model from the event store beside the live one, and then switches to it (docs/api.md, Audit:
 * while a rebuild runs every reader still sees the full, current read model).
 *
 * <ol>
 *   <li>Empty copies of the read model's tables are made in a schema of their own, with their primary keys only.</li>
 *   <li>The whole event stream is read in order and written into them by the projection's own fold and writer
 *       ({@link RestoreSessionFold}, {@link ReadModelWriter}: their statements name no schema, and the rebuild's
 *       transactions put its schema first on their search path), many thousand events to a transaction. The next
 *       events are read while the last are written, on another connection: PostgreSQL works on both at once.</li>
 *   <li>Then the copies get the live tables' other indexes and their foreign keys: built once over the whole
 *       tables, they cost a fraction of what keeping them row by row would (the projection's writes are most of a
 *       rebuild's time, and a foreign key is checked by a query per row).</li>
 *   <li>Once it has caught up with the stream, the live tables are locked against writes (readers go on), the events
 *       appended meanwhile are written, and in the same transaction the rebuilt tables take the live ones' place,
 *       with their index and constraint names. The live projection, on this node and on every other, then writes
 *       into the new tables: the events it applies that the rebuild wrote already change nothing, as the writer
 *       skips every event a session's row has seen.</li>
 * </ol>
 *
 * <p>No processor is stopped or reset, so nothing needs doing on the other nodes; a PostgreSQL advisory lock lets
 * one rebuild run at a time across all of them.
 */
@Component
public class ReadModelRebuild {

    /** The read model's tables, each after the tables it refers to. */
    static final List<String> TABLES = List.of("restore_session", "mailbox_restore_artifact", "bulk_addition_request");
    private static final List<String> REFERRING_FIRST = reversed(TABLES);
    private static final Map<String, String> REFERENCES = Map.of(
            "mailbox_restore_artifact", "foreign key (session_id) references %s.restore_session (id) on delete cascade",
            "bulk_addition_request", "foreign key (session_id) references %s.restore_session (id) on delete cascade");

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final String REBUILD_SCHEMA = "read_model_rebuild";
    private static final String RETIRED_SCHEMA = "read_model_retired";
    /** Any number, the same on every node: the key of the advisory lock a rebuild holds. */
    private static final long REBUILD_LOCK = 0x5245_4255_494c_4431L;
    private static final int EVENTS_PER_TRANSACTION = 10_000;
    private static final Duration SWITCH_LOCK_WAIT = Duration.ofMillis(200);
    private static final int SWITCH_ATTEMPTS = 100;

    private final EventStorageEngine events;
    private final ReadModelWriter writer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("read-model-rebuild"));
    private final ExecutorService reader = Executors.newSingleThreadExecutor(daemon("read-model-rebuild-reader"));

    private volatile Progress progress = Progress.IDLE;

    ReadModelRebuild(EventStorageEngine events, ReadModelWriter writer, JdbcTemplate jdbc,
                     PlatformTransactionManager transactionManager, Clock clock) {
        this.events = events;
        this.writer = writer;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Starts a rebuild in the background unless one runs on this node; answers where it stands. */
    public synchronized ReplayStatus start() {
        if (progress.running()) {
            return status();
        }
        long head = head();
        progress = Progress.started(clock.instant(), head);
        worker.submit(this::rebuildHoldingTheLock);
        return status();
    }

    public ReplayStatus status() {
        return progress.status();
    }

    private void rebuildHoldingTheLock() {
        try {
            Boolean locked = jdbc.execute((ConnectionCallback<Boolean>) this::holdingLock);
            if (!Boolean.TRUE.equals(locked)) {
                progress = progress.refused();
                log.warn("A rebuild of the read model is running on another node; this one did not start");
            }
        } catch (RuntimeException failed) {
            progress = progress.failed();
            log.error("The rebuild of the read model failed; the live read model is as it was", failed);
        }
    }

    /**
     * Holds the advisory lock on a connection of its own for the whole rebuild: a lock of the session, released when
     * the rebuild ends or, should this node die, when its connection goes.
     */
    private Boolean holdingLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, REBUILD_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    return false;
                }
            }
        }
        try {
            rebuild();
            return true;
        } finally {
            try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                statement.setLong(1, REBUILD_LOCK);
                statement.execute();
            }
        }
    }

    private void rebuild() {
        String live = jdbc.queryForObject("select quote_ident(current_schema())", String.class);
        List<String> laterIndexes = prepareEmptyCopies(live);
        TrackingToken caughtUp = copyAllEvents(live);
        transactions.executeWithoutResult(status -> completeCopies(laterIndexes));
        switchWhenTheTablesAreFree(live, caughtUp);
        progress = progress.completed(clock.instant());
        ReplayStatus done = status();
        log.info("Read model rebuilt from {} events in {} s ({} events/s) and switched to", done.eventsReplayed(),
                Duration.between(done.startedDateTime(), done.completedDateTime()).toMillis() / 1000.0,
                done.eventsPerSecond());
    }

    /**
     * Empty copies of the live tables with their primary keys (which the writer's upserts need) and no other index
     * or foreign key; answers the statements that give the copies the live tables' other indexes, under their names.
     */
    private List<String> prepareEmptyCopies(String live) {
        return transactions.execute(status -> {
            jdbc.execute("drop schema if exists " + REBUILD_SCHEMA + " cascade");
            jdbc.execute("create schema " + REBUILD_SCHEMA);
            for (String table : TABLES) {
                jdbc.execute("create table %s.%s (like %s.%s including all)"
                        .formatted(REBUILD_SCHEMA, table, live, table));
            }
            secondaryIndexes(REBUILD_SCHEMA).forEach((name, definition) ->
                    jdbc.execute("drop index " + REBUILD_SCHEMA + "." + name));
            return secondaryIndexes(live).values().stream()
                    .map(definition -> definition.replace(" ON " + live + ".", " ON " + REBUILD_SCHEMA + "."))
                    .toList();
        });
    }

    /** The copies' other indexes and their foreign keys, each built in one pass over a table. */
    private void completeCopies(List<String> laterIndexes) {
        laterIndexes.forEach(jdbc::execute);
        REFERENCES.forEach((table, reference) -> jdbc.execute("alter table %s.%s add %s"
                .formatted(REBUILD_SCHEMA, table, reference.formatted(REBUILD_SCHEMA))));
    }

    /** The indexes of the read model's tables in a schema that are neither primary keys nor unique, by name. */
    private Map<String, String> secondaryIndexes(String schema) {
        Map<String, String> byName = new LinkedHashMap<>();
        jdbc.query("""
                        select index.relname, pg_get_indexdef(index.oid)
                        from pg_index
                        join pg_class index on index.oid = pg_index.indexrelid
                        join pg_class tabled on tabled.oid = pg_index.indrelid
                        join pg_namespace namespace on namespace.oid = tabled.relnamespace
                        where namespace.nspname = ? and tabled.relname = any (?)
                          and not pg_index.indisprimary and not pg_index.indisunique
                        order by index.relname""",
                statement -> {
                    statement.setString(1, unquoted(schema));
                    statement.setArray(2, statement.getConnection().createArrayOf("varchar", TABLES.toArray()));
                }, row -> {
                    byName.put(row.getString(1), row.getString(2));
                });
        return byName;
    }

    /**
     * Copies the stream as it stands into the copies, a transaction per chunk, reading each chunk while the one
     * before it is written; answers where the stream stood at the last event copied.
     */
    private TrackingToken copyAllEvents(String live) {
        Chunk chunk = read(null, EVENTS_PER_TRANSACTION);
        while (true) {
            Chunk current = chunk;
            boolean more = current.read() == EVENTS_PER_TRANSACTION;
            CompletableFuture<Chunk> next = more
                    ? CompletableFuture.supplyAsync(() -> read(current.reached(), EVENTS_PER_TRANSACTION), reader)
                    : null;
            if (!current.events().isEmpty()) {
                transactions.executeWithoutResult(status -> writeIntoCopies(current, live));
            }
            passed(current);
            if (next == null) {
                return current.reached();
            }
            chunk = next.join();
        }
    }

    private Chunk read(TrackingToken after, int limit) {
        List<SessionEvent> batch = new ArrayList<>();
        TrackingToken reached = after;
        int read = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(after, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (read < limit && iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                reached = event.trackingToken();
                read++;
                if (event instanceof DomainEventMessage<?> domainEvent
                        && domainEvent.getPayload() instanceof RestoreSessionEvent sessionEvent) {
                    batch.add(new SessionEvent(sessionEvent, domainEvent.getSequenceNumber(),
                            domainEvent.getMetaData()));
                }
            }
        }
        return new Chunk(batch, reached, read);
    }

    /** In the current transaction: the fold's statements name no schema, so the copies' schema goes first. */
    private void writeIntoCopies(Chunk chunk, String live) {
        jdbc.execute("set local search_path to " + REBUILD_SCHEMA + ", " + live);
        writer.writeFirstTime(chunk.events());
        jdbc.execute("set local search_path to " + live);
    }

    private void passed(Chunk chunk) {
        progress = progress.reached(chunk.reached(), chunk.read());
    }

    /**
     * Readers lock the tables of a query one by one, in the query's own order, while the switch needs them all: a
     * reader can hold one and wait for another that the switch holds. So the switch waits for a lock only briefly,
     * well below PostgreSQL's deadlock timeout, and on giving up lets go of all it holds and tries again: no reader
     * ever waits on it for long, and none is ever chosen as a deadlock's victim.
     */
    private void switchWhenTheTablesAreFree(String live, TrackingToken caughtUp) {
        for (int attempt = 1; ; attempt++) {
            try {
                Chunk appendedMeanwhile = transactions.execute(status -> switchTo(live, caughtUp));
                passed(appendedMeanwhile);
                return;
            } catch (PessimisticLockingFailureException busy) {
                if (attempt == SWITCH_ATTEMPTS) {
                    throw busy;
                }
                log.debug("The read model's tables were busy at the switch (attempt {}); trying again", attempt);
            }
        }
    }

    /**
     * In one transaction: no more writes to the live tables (readers go on), the events appended since the copies
     * caught up, then, readers held off for an instant, the copies in the live tables' place under their names.
     * Answers how many events were appended meanwhile and where the stream stood after them.
     */
    private Chunk switchTo(String live, TrackingToken caughtUp) {
        String liveTables = String.join(", ", TABLES.stream().map(table -> live + "." + table).toList());
        jdbc.execute("set local lock_timeout = '" + SWITCH_LOCK_WAIT.toMillis() + "ms'");
        jdbc.execute("lock table " + liveTables + " in exclusive mode");
        TrackingToken reached = caughtUp;
        int appended = 0;
        Chunk appendedMeanwhile;
        do {
            appendedMeanwhile = read(reached, EVENTS_PER_TRANSACTION);
            if (!appendedMeanwhile.events().isEmpty()) {
                writeIntoCopies(appendedMeanwhile, live);
            }
            reached = appendedMeanwhile.reached();
            appended += appendedMeanwhile.read();
        } while (appendedMeanwhile.read() > 0);
        jdbc.execute("lock table " + liveTables + " in access exclusive mode");
        Map<String, String> liveNames = indexNames(live);
        jdbc.execute("drop schema if exists " + RETIRED_SCHEMA + " cascade");
        jdbc.execute("create schema " + RETIRED_SCHEMA);
        for (String table : REFERRING_FIRST) {
            jdbc.execute("alter table %s.%s set schema %s".formatted(live, table, RETIRED_SCHEMA));
        }
        for (String table : TABLES) {
            jdbc.execute("alter table %s.%s set schema %s".formatted(REBUILD_SCHEMA, table, live));
        }
        jdbc.execute("drop schema " + RETIRED_SCHEMA + " cascade");
        jdbc.execute("drop schema " + REBUILD_SCHEMA + " cascade");
        // LIKE names indexes after their columns; future migrations know them by the names Flyway gave them.
        indexNames(live).forEach((definition, name) -> {
            String canonical = liveNames.get(definition);
            if (canonical != null && !canonical.equals(name)) {
                jdbc.execute("alter index %s.%s rename to %s".formatted(live, name, canonical));
            }
        });
        return new Chunk(List.of(), reached, appended);
    }

    /** The read model's indexes in a schema, by what they are (their definition without their own name). */
    private Map<String, String> indexNames(String schema) {
        Map<String, String> byDefinition = new LinkedHashMap<>();
        jdbc.query("""
                        select indexname, indexdef from pg_indexes
                        where schemaname = ? and tablename = any (?)""",
                statement -> {
                    statement.setString(1, unquoted(schema));
                    statement.setArray(2, statement.getConnection().createArrayOf("varchar", TABLES.toArray()));
                }, row -> {
                    String name = row.getString("indexname");
                    String definition = row.getString("indexdef")
                            .replace("INDEX " + name + " ON ", "INDEX ON ")
                            .replaceAll(" ON [^ .]+\\.", " ON ");
                    byDefinition.put(definition, name);
                });
        return byDefinition;
    }

    private static String unquoted(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1) : identifier;
    }

    private long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static List<String> reversed(List<String> tables) {
        List<String> reversed = new ArrayList<>(tables);
        Collections.reverse(reversed);
        return List.copyOf(reversed);
    }

    /** Events read from the stream: those of sessions, where the stream stands after them, how many were read. */
    private record Chunk(List<SessionEvent> events, TrackingToken reached, int read) {
    }

    /** Where a rebuild stands; immutable, replaced as it goes. */
    private record Progress(String state, Instant startedAt, Instant completedAt, long head, Long position,
                            long eventsRead) {

        static final Progress IDLE = new Progress(ReplayStatus.IDLE, null, null, 0, null, 0);

        static Progress started(Instant at, long head) {
            return new Progress(ReplayStatus.REPLAYING, at, null, head, null, 0);
        }

        boolean running() {
            return ReplayStatus.REPLAYING.equals(state);
        }

        Progress reached(TrackingToken token, int read) {
            Long position = token == null ? this.position : token.position().isPresent()
                    ? Long.valueOf(token.position().getAsLong()) : this.position;
            return new Progress(state, startedAt, completedAt, head, position, eventsRead + read);
        }

        Progress completed(Instant at) {
            return new Progress(ReplayStatus.COMPLETED, startedAt, at, head, position, eventsRead);
        }

        Progress failed() {
            return new Progress(ReplayStatus.FAILED, startedAt, null, head, position, eventsRead);
        }

        Progress refused() {
            return new Progress(ReplayStatus.RUNNING_ELSEWHERE, startedAt, null, head, position, eventsRead);
        }

        ReplayStatus status() {
            if (startedAt == null) {
                return new ReplayStatus(state, null, null, null, null, null, null);
            }
            if (completedAt == null) {
                return new ReplayStatus(state, utc(startedAt), null, position, head, eventsRead, null);
            }
            double seconds = Math.max(Duration.between(startedAt, completedAt).toMillis(), 1) / 1000.0;
            return new ReplayStatus(state, utc(startedAt), utc(completedAt), position, head, eventsRead,
                    Math.round(eventsRead / seconds * 10) / 10.0);
        }

        private static OffsetDateTime utc(Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
    }
}
