package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.domain.query.FindPastRestoreSession;
import com.m365backup.restore.domain.query.FindRestoreSession;
import com.m365backup.restore.domain.query.PastRestoreSession;
import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.session.RestoreSessionCreated;
import com.m365backup.restore.domain.session.RestoreSessionDeleted;
import com.m365backup.restore.domain.session.RestoreSessionEvent;
import com.m365backup.restore.domain.session.RestoreSessionRetired;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Answers {@link FindPastRestoreSession}: the session's events up to the point asked for are folded by
 * {@link RestoreSessionFold}, the projection's own fold, and written by {@link ReadModelWriter}, the projection's own
 * writer, into temporary tables shaped like the read model's, then read back by {@link RestoreSessionQueries}, the
 * Graph GET's own read (docs/design.md, Audit replay). The fold happens in memory and the rows are written in a few
 * statements, so a session of thousands of artifacts costs a few round trips, not one per event.
 *
 * <p>A point at or after the session's last event asks for the session as it stands, and the live read model is
 * that very fold (the same fold, written by the same writer) once it shows that last event: then it is read from
 * there, without reading the history at all. Otherwise, or while the read model lags, the history is folded.
 *
 * <p>All of it runs in one transaction of its own that is always rolled back: PostgreSQL looks for unqualified table
 * names in the session's temporary schema first, so the fold's and the read's statements meet the temporary tables,
 * which vanish with the rollback; the live read model, the processors and their tokens are never touched.
 */
@Component
class PastRestoreSessions {

    private final EventStore eventStore;
    private final ReadModelWriter writer;
    private final RestoreSessionQueries queries;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate scratch;

    PastRestoreSessions(EventStore eventStore, ReadModelWriter writer, RestoreSessionQueries queries,
                        JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.eventStore = eventStore;
        this.writer = writer;
        this.queries = queries;
        this.jdbc = jdbc;
        // A transaction of its own, even when the query bus runs the handler inside one: the temporary tables must
        // live and die with this rebuild alone.
        this.scratch = new TransactionTemplate(transactions);
        scratch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @QueryHandler
    PastRestoreSession handle(FindPastRestoreSession query) {
        return asItStandsIfAsked(query).orElseGet(() -> folded(query));
    }

    private Optional<PastRestoreSession> asItStandsIfAsked(FindPastRestoreSession query) {
        List<StoredEvent> firstAndLast = jdbc.query("""
                        select sequence_number, time_stamp from domain_event_entry
                        where aggregate_identifier = ? and sequence_number in (0, (select max(sequence_number)
                            from domain_event_entry where aggregate_identifier = ?))
                        order by sequence_number""",
                (row, rowNumber) -> new StoredEvent(row.getLong(1), Instant.parse(row.getString(2))),
                query.sessionId(), query.sessionId());
        if (firstAndLast.isEmpty() || firstAndLast.get(0).sequence() != 0) {
            return Optional.empty();
        }
        StoredEvent first = firstAndLast.get(0);
        StoredEvent last = firstAndLast.get(firstAndLast.size() - 1);
        boolean pastTheLast = query.asOf() != null
                ? !query.asOf().isBefore(last.at())
                : query.version() >= last.sequence();
        if (!pastTheLast) {
            return Optional.empty();
        }
        return queries.handle(new FindRestoreSession(query.tenantId(), query.sessionId(), true))
                .filter(shown -> shown.version() == last.sequence())
                .map(shown -> PastRestoreSession.stood(shown, false, false, first.at(), first.sequence()));
    }

    private PastRestoreSession folded(FindPastRestoreSession query) {
        // From sequence 0: readEvents(id) would start at the latest snapshot.
        List<? extends DomainEventMessage<?>> history = eventStore.readEvents(query.sessionId(), 0).asStream().toList();
        if (history.isEmpty() || !(history.get(0).getPayload() instanceof RestoreSessionCreated created)
                || !created.tenantId().equals(query.tenantId())) {
            return PastRestoreSession.unknown();
        }
        DomainEventMessage<?> first = history.get(0);
        List<? extends DomainEventMessage<?>> upToThePoint = history.stream()
                .filter(event -> query.asOf() != null
                        ? !event.getTimestamp().isAfter(query.asOf())
                        : event.getSequenceNumber() <= query.version())
                .toList();
        if (upToThePoint.isEmpty()) {
            return PastRestoreSession.notYetCreated(first.getTimestamp(), first.getSequenceNumber());
        }
        // A deletion or a retirement takes the session off every Graph path; the audit shows it as it stood then.
        boolean deleted = upToThePoint.stream().anyMatch(event -> event.getPayload() instanceof RestoreSessionDeleted);
        boolean retired = upToThePoint.stream().anyMatch(event -> event.getPayload() instanceof RestoreSessionRetired);
        List<? extends DomainEventMessage<?>> folded = upToThePoint.stream()
                .filter(event -> !(event.getPayload() instanceof RestoreSessionDeleted)
                        && !(event.getPayload() instanceof RestoreSessionRetired))
                .toList();
        RestoreSessionView session = rebuild(query, folded);
        return PastRestoreSession.stood(session, deleted, retired, first.getTimestamp(), first.getSequenceNumber());
    }

    private record StoredEvent(long sequence, Instant at) {
    }

    private RestoreSessionView rebuild(FindPastRestoreSession query, List<? extends DomainEventMessage<?>> events) {
        return scratch.execute(transaction -> {
            transaction.setRollbackOnly();
            createScratchTables();
            writer.write(events.stream()
                    .filter(event -> event.getPayload() instanceof RestoreSessionEvent)
                    .map(event -> new SessionEvent((RestoreSessionEvent) event.getPayload(), event.getSequenceNumber(),
                            event.getMetaData()))
                    .toList());
            return queries.handle(new FindRestoreSession(query.tenantId(), query.sessionId(), true, true))
                    .orElseThrow(() -> new IllegalStateException("The events of restore session " + query.sessionId()
                            + " up to the point asked for did not fold into a session"));
        });
    }

    /**
     * Temporary tables named and shaped like the read model's. {@code LIKE} copies columns, defaults, keys and
     * indexes but not foreign keys, so the cascade of artifacts and bulk requests on a session's removal is declared
     * again.
     *
     * <p>{@code DISCARD PLANS}: the driver prepares the statements a connection runs often on the server, and
     * PostgreSQL keeps the tables such a statement resolved as long as those tables do not change. A statement
     * prepared on this pooled connection after an earlier past state (its temporary schema exists, empty) names the
     * live tables and would go on doing so here, as a quick probe with PostgreSQL 17 and pgJDBC showed; re-planned,
     * it finds the temporary ones. Plans made now name the temporary tables, and PostgreSQL re-plans them itself once
     * those are dropped.
     */
    private void createScratchTables() {
        String schema = jdbc.queryForObject("select quote_ident(current_schema())", String.class);
        jdbc.execute("create temporary table restore_session (like " + schema + ".restore_session including all)"
                + " on commit drop");
        jdbc.execute("create temporary table mailbox_restore_artifact"
                + " (like " + schema + ".mailbox_restore_artifact including all) on commit drop");
        jdbc.execute("alter table pg_temp.mailbox_restore_artifact add foreign key (session_id)"
                + " references pg_temp.restore_session (id) on delete cascade");
        jdbc.execute("create temporary table bulk_addition_request"
                + " (like " + schema + ".bulk_addition_request including all) on commit drop");
        jdbc.execute("alter table pg_temp.bulk_addition_request add foreign key (session_id)"
                + " references pg_temp.restore_session (id) on delete cascade");
        jdbc.execute("discard plans");
    }
}
