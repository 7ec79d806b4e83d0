package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.query.ArtifactList;
import com.m365backup.restore.query.FindRestoreSession;
import com.m365backup.restore.query.ListMailboxArtifacts;
import com.m365backup.restore.query.ListRestoreSessions;
import com.m365backup.restore.query.MailboxRestoreArtifactView;
import com.m365backup.restore.query.RestoreSessionPage;
import com.m365backup.restore.query.RestoreSessionView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static com.m365backup.restore.query.readmodel.RestoreSessionRows.ARTIFACT_COLUMNS;
import static com.m365backup.restore.query.readmodel.RestoreSessionRows.SESSION_COLUMNS;

/**
 * Answers the questions about a tenant's sessions from the read model. Every question names the tenant, and another
 * tenant's session is answered as missing (spec/api.md, Tenants and identity).
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

    @QueryHandler
    Optional<RestoreSessionView> handle(FindRestoreSession query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("tenantId", query.tenantId())
                .addValue("sessionId", query.sessionId());
        return inSnapshot(() -> jdbc.query("""
                        select %s from restore_session s
                        where s.tenant_id = :tenantId and s.id = :sessionId""".formatted(SESSION_COLUMNS),
                        parameters, RestoreSessionRows::session)
                .stream()
                .findFirst()
                .map(session -> query.withArtifacts()
                        ? RestoreSessionRows.withArtifacts(session, artifactsOf(session.id()))
                        : session));
    }

    @QueryHandler
    RestoreSessionPage handle(ListRestoreSessions query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("tenantId", query.tenantId())
                .addValue("skip", query.skip())
                .addValue("top", query.top());
        return inSnapshot(() -> {
            Long total = jdbc.queryForObject("select count(*) from restore_session where tenant_id = :tenantId",
                    parameters, Long.class);
            List<RestoreSessionView> sessions = jdbc.query("""
                    select %s from restore_session s
                    where s.tenant_id = :tenantId
                    order by s.created_date_time, s.id
                    limit :top offset :skip""".formatted(SESSION_COLUMNS), parameters, RestoreSessionRows::session);
            if (query.withArtifacts()) {
                sessions = withArtifacts(sessions);
            }
            return new RestoreSessionPage(sessions, total == null ? 0 : total);
        });
    }

    @QueryHandler
    ArtifactList handle(ListMailboxArtifacts query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("tenantId", query.tenantId())
                .addValue("sessionId", query.sessionId());
        return inSnapshot(() -> {
            Boolean found = jdbc.queryForObject("""
                    select exists (select 1 from restore_session where tenant_id = :tenantId and id = :sessionId)""",
                    parameters, Boolean.class);
            return Boolean.TRUE.equals(found)
                    ? new ArtifactList(true, artifactsOf(query.sessionId()))
                    : new ArtifactList(false, List.of());
        });
    }

    private List<MailboxRestoreArtifactView> artifactsOf(String sessionId) {
        return jdbc.query("""
                        select %s from mailbox_restore_artifact a
                        where a.session_id = :sessionId
                        order by a.added_sequence""".formatted(ARTIFACT_COLUMNS),
                new MapSqlParameterSource("sessionId", sessionId), RestoreSessionRows::artifact);
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
