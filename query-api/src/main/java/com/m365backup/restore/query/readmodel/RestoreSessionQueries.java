package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.domain.query.ArtifactList;
import com.m365backup.restore.domain.query.BulkAdditionRequestList;
import com.m365backup.restore.domain.query.BulkAdditionRequestView;
import com.m365backup.restore.domain.query.FindRestoreSession;
import com.m365backup.restore.domain.query.FindRetirableSessions;
import com.m365backup.restore.domain.query.ListBulkAdditionRequests;
import com.m365backup.restore.domain.query.ListMailboxArtifacts;
import com.m365backup.restore.domain.query.ListRestoreSessions;
import com.m365backup.restore.domain.query.MailboxRestoreArtifactView;
import com.m365backup.restore.domain.query.RestoreSessionPage;
import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.session.RestoreJobType;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static com.m365backup.restore.query.readmodel.RestoreSessionRows.ARTIFACT_COLUMNS;
import static com.m365backup.restore.query.readmodel.RestoreSessionRows.BULK_REQUEST_COLUMNS;
import static com.m365backup.restore.query.readmodel.RestoreSessionRows.JOINED_ARTIFACTS;
import static com.m365backup.restore.query.readmodel.RestoreSessionRows.JOINED_ARTIFACT_COLUMNS;
import static com.m365backup.restore.query.readmodel.RestoreSessionRows.NO_SESSION_ERROR_DETAILS;
import static com.m365backup.restore.query.readmodel.RestoreSessionRows.SESSION_COLUMNS;
import static com.m365backup.restore.query.readmodel.RestoreSessionRows.SESSION_ERROR_DETAILS;

/**
 * Answers the questions about a tenant's sessions from the read model. Every question names the tenant, and another
 * tenant's session is answered as missing (docs/api.md, Tenants and identity).
 */
@Component
class RestoreSessionQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    RestoreSessionQueries(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // A session and its artifacts are read in several statements; one snapshot keeps the count and the list
        // in agreement while the projection writes.
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * One statement, a session with its artifacts: consistent by itself (PostgreSQL reads a statement from one
     * snapshot), so it needs no transaction around it, and it is one round trip to the database. Its bulk addition
     * requests, when asked for too (the audit's past state), are a second statement in the same snapshot.
     */
    @QueryHandler
    Optional<RestoreSessionView> handle(FindRestoreSession query) {
        if (!query.withBulkAdditionRequests()) {
            return find(query);
        }
        // Only a bulk session has them: a session of another kind reads as it always has.
        return inSnapshot(() -> find(query).map(session -> RestoreJobType.BULK.graphName()
                .equals(session.restoreJobType())
                ? session.withBulkAdditionRequests(bulkRequestsOf(query.sessionId(), false))
                : session));
    }

    private Optional<RestoreSessionView> find(FindRestoreSession query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("tenantId", query.tenantId())
                .addValue("sessionId", query.sessionId());
        if (!query.withArtifacts()) {
            return jdbc.query("""
                            select %s, %s from restore_session s
                            where s.tenant_id = :tenantId and s.id = :sessionId"""
                                    .formatted(SESSION_COLUMNS, SESSION_ERROR_DETAILS),
                            parameters, RestoreSessionRows::session)
                    .stream()
                    .findFirst();
        }
        return jdbc.query("""
                select %s, %s, %s from restore_session s
                %s
                where s.tenant_id = :tenantId and s.id = :sessionId
                order by a.added_sequence""".formatted(SESSION_COLUMNS, NO_SESSION_ERROR_DETAILS,
                        JOINED_ARTIFACT_COLUMNS, JOINED_ARTIFACTS),
                parameters, rows -> {
                    if (!rows.next()) {
                        return Optional.<RestoreSessionView>empty();
                    }
                    RestoreSessionView session = RestoreSessionRows.session(rows, 0);
                    List<MailboxRestoreArtifactView> artifacts = new ArrayList<>();
                    do {
                        MailboxRestoreArtifactView artifact = RestoreSessionRows.artifact(rows, RestoreSessionRows.ArtifactColumns.JOINED);
                        if (artifact != null) {
                            artifacts.add(artifact);
                        }
                    } while (rows.next());
                    return Optional.of(RestoreSessionRows.withArtifacts(session, artifacts));
                });
    }

    @QueryHandler
    RestoreSessionPage handle(ListRestoreSessions query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("tenantId", query.tenantId())
                .addValue("skip", query.skip())
                // One more than the page, to know whether another page follows.
                .addValue("top", query.top() + 1);
        StringBuilder conditions = new StringBuilder("s.tenant_id = :tenantId");
        for (int i = 0; i < query.conditions().size(); i++) {
            ListRestoreSessions.Condition condition = query.conditions().get(i);
            String name = "value" + i;
            conditions.append(" and ").append(column(condition.property())).append(' ')
                    .append(operator(condition.comparison())).append(" :").append(name);
            parameters.addValue(name, condition.property() == ListRestoreSessions.Property.STATUS
                    ? condition.value()
                    : Instant.parse(condition.value()).atOffset(ZoneOffset.UTC));
        }
        String filtered = conditions.toString();
        ListRestoreSessions.Order order = query.order();
        String sortColumn = column(order.property());
        String direction = order.descending() ? "desc" : "asc";
        if (query.after() != null) {
            // Keyset paging: the page starts after the last session of the previous one in this order.
            String beyond = order.descending() ? "<" : ">";
            conditions.append(" and (").append(sortColumn).append(' ').append(beyond).append(" :afterValue or (")
                    .append(sortColumn).append(" = :afterValue and s.id ").append(beyond).append(" :afterId))");
            parameters.addValue("afterValue", query.after().value().atOffset(ZoneOffset.UTC))
                    .addValue("afterId", query.after().sessionId());
        }
        return inSnapshot(() -> {
            Long total = jdbc.queryForObject("select count(*) from restore_session s where " + filtered,
                    parameters, Long.class);
            List<RestoreSessionView> sessions = jdbc.query("""
                    select %s, %s from restore_session s
                    where %s
                    order by %s %s, s.id %5$s
                    limit :top offset :skip""".formatted(SESSION_COLUMNS, SESSION_ERROR_DETAILS, conditions,
                            sortColumn, direction),
                    parameters, RestoreSessionRows::session);
            boolean more = sessions.size() > query.top();
            if (more) {
                sessions = sessions.subList(0, query.top());
            }
            if (query.withArtifacts()) {
                sessions = withArtifacts(sessions);
            }
            return new RestoreSessionPage(List.copyOf(sessions), total == null ? 0 : total, more);
        });
    }

    private static String column(ListRestoreSessions.Property property) {
        return switch (property) {
            case STATUS -> "s.status";
            case CREATED_DATE_TIME -> "s.created_date_time";
            case LAST_MODIFIED_DATE_TIME -> "s.last_modified_date_time";
        };
    }

    private static String operator(ListRestoreSessions.Comparison comparison) {
        return switch (comparison) {
            case EQ -> "=";
            case NE -> "<>";
            case GE -> ">=";
            case LE -> "<=";
        };
    }

    @QueryHandler
    ArtifactList handle(ListMailboxArtifacts query) {
        return inSnapshot(() -> sessionExists(query.tenantId(), query.sessionId())
                ? new ArtifactList(true, artifactsOf(query.sessionId(), query.granular()))
                : new ArtifactList(false, List.of()));
    }

    /** A session's mailbox restore artifacts, or its granular ones (those naming a search). */
    private List<MailboxRestoreArtifactView> artifactsOf(String sessionId, boolean granular) {
        return jdbc.query("""
                        select %s from mailbox_restore_artifact a
                        where a.session_id = :sessionId and (a.search_response_id is not null) = :granular
                        order by a.added_sequence""".formatted(ARTIFACT_COLUMNS),
                new MapSqlParameterSource("sessionId", sessionId).addValue("granular", granular),
                RestoreSessionRows::artifact);
    }

    @QueryHandler
    BulkAdditionRequestList handle(ListBulkAdditionRequests query) {
        return inSnapshot(() -> sessionExists(query.tenantId(), query.sessionId())
                ? new BulkAdditionRequestList(true, bulkRequestsOf(query.sessionId(), query.withMailboxes()))
                : new BulkAdditionRequestList(false, List.of()));
    }

    /** Whether the tenant has the session: another tenant's is as missing as an unknown one. */
    private boolean sessionExists(String tenantId, String sessionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        select exists (select 1 from restore_session where tenant_id = :tenantId and id = :sessionId)""",
                new MapSqlParameterSource("tenantId", tenantId).addValue("sessionId", sessionId), Boolean.class));
    }

    private List<BulkAdditionRequestView> bulkRequestsOf(String sessionId, boolean withMailboxes) {
        return jdbc.query("""
                        select %s%s from bulk_addition_request b
                        where b.session_id = :sessionId
                        order by b.created_date_time, b.id""".formatted(BULK_REQUEST_COLUMNS,
                        withMailboxes ? ", b.mailboxes" : ""),
                new MapSqlParameterSource("sessionId", sessionId),
                (row, rowNumber) -> RestoreSessionRows.bulkRequest(row, withMailboxes));
    }

    /** Sessions of every tenant that ended before the time, oldest end first (docs/api.md, Retention). */
    @QueryHandler
    List<String> handle(FindRetirableSessions query) {
        return jdbc.queryForList("""
                        select id from restore_session
                        where completed_date_time is not null and completed_date_time < :endedBefore
                        order by completed_date_time, id
                        limit :limit""",
                new MapSqlParameterSource()
                        .addValue("endedBefore", query.endedBefore().atOffset(ZoneOffset.UTC))
                        .addValue("limit", query.limit()),
                String.class);
    }

    /** The artifacts of a whole page in one statement, not one per session. */
    private List<RestoreSessionView> withArtifacts(List<RestoreSessionView> sessions) {
        if (sessions.isEmpty()) {
            return sessions;
        }
        Map<String, List<MailboxRestoreArtifactView>> bySession = jdbc.query("""
                                select %s from mailbox_restore_artifact a
                                where a.session_id in (:sessionIds)
                                order by a.session_id, a.added_sequence""".formatted(ARTIFACT_COLUMNS),
                        new MapSqlParameterSource("sessionIds", sessions.stream().map(RestoreSessionView::id).toList()),
                        RestoreSessionRows::artifact)
                .stream()
                .collect(Collectors.groupingBy(MailboxRestoreArtifactView::sessionId, LinkedHashMap::new,
                        Collectors.toList()));
        return sessions.stream()
                .map(session -> RestoreSessionRows.withArtifacts(session,
                        bySession.getOrDefault(session.id(), List.of())))
                .toList();
    }

    private <T> T inSnapshot(Supplier<T> read) {
        return snapshot.execute(status -> read.get());
    }
}
