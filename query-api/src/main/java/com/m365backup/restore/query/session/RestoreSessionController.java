package com.m365backup.restore.query.session;

import com.m365backup.restore.domain.caller.CurrentCaller;
import com.m365backup.restore.domain.query.FindRestoreSession;
import com.m365backup.restore.domain.query.ListRestoreSessions;
import com.m365backup.restore.domain.query.RestoreSessionPage;
import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.request.GraphPaths;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.query.graph.DateTimeOffsets;
import com.m365backup.restore.query.graph.GraphCollection;
import com.m365backup.restore.query.graph.QueryCapabilities;
import com.m365backup.restore.query.graph.QueryOptions;
import com.m365backup.restore.query.graph.RequestAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a tenant's restore sessions, through the Exchange collection and through the collection of sessions of every
 * kind (which here holds Exchange sessions only); each entity names its type in {@code @odata.type}.
 */
@RestController
@RequestMapping({GraphPaths.BACKUP_RESTORE, GraphPaths.BETA_BACKUP_RESTORE, GraphPaths.V1_0_BACKUP_RESTORE})
class RestoreSessionController {

    static final String EXCHANGE_SESSIONS = "solutions/backupRestore/exchangeRestoreSessions";
    static final String ALL_SESSIONS = "solutions/backupRestore/restoreSessions";
    static final String ARTIFACTS = "mailboxRestoreArtifacts";
    static final String GRANULAR_ARTIFACTS = "granularMailboxRestoreArtifacts";
    static final String BULK_REQUESTS = "mailboxRestoreArtifactsBulkAdditionRequests";
    private static final String STATUS = "status";
    private static final String CREATED = "createdDateTime";
    private static final String LAST_MODIFIED = "lastModifiedDateTime";
    private static final Set<String> SELECTABLE = Set.of("id", STATUS, "createdBy", CREATED, "lastModifiedBy",
            LAST_MODIFIED, "completedDateTime", "error", "restoreJobType", "restoreSessionArtifactCount");

    private final QueryGateway queries;
    private final CurrentCaller caller;

    RestoreSessionController(QueryGateway queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GetMapping("/exchangeRestoreSessions")
    GraphCollection<Object> exchangeSessions(HttpServletRequest request, HttpServletResponse response) {
        return sessions(request, response, EXCHANGE_SESSIONS,
                QueryOptions.ofCollection(request, capabilities(ARTIFACTS, GRANULAR_ARTIFACTS)));
    }

    @GetMapping("/exchangeRestoreSessions/{sessionId}")
    ResponseEntity<Object> exchangeSession(@PathVariable String sessionId, HttpServletRequest request,
                                           HttpServletResponse response) {
        SessionId id = SessionId.parse(sessionId);
        return session(request, response, id,
                QueryOptions.ofEntity(request, capabilities(ARTIFACTS, GRANULAR_ARTIFACTS, BULK_REQUESTS)));
    }

    /** The base type {@code restoreSessionBase} has no artifacts to expand; they are reached through the Exchange path. */
    @GetMapping("/restoreSessions")
    GraphCollection<Object> allSessions(HttpServletRequest request, HttpServletResponse response) {
        return sessions(request, response, ALL_SESSIONS, QueryOptions.ofCollection(request, capabilities()));
    }

    @GetMapping("/restoreSessions/{sessionId}")
    ResponseEntity<Object> anySession(@PathVariable String sessionId, HttpServletRequest request,
                                      HttpServletResponse response) {
        SessionId id = SessionId.parse(sessionId);
        return session(request, response, id, QueryOptions.ofEntity(request, capabilities()));
    }

    private GraphCollection<Object> sessions(HttpServletRequest request, HttpServletResponse response, String resource,
                                             QueryOptions options) {
        EvolvableEnums enums = EvolvableEnums.of(request);
        enums.acknowledge(response);
        ListRestoreSessions.Order order = options.orderBy()
                .map(asked -> new ListRestoreSessions.Order(property(asked.property()), asked.descending()))
                .orElse(ListRestoreSessions.Order.OLDEST_FIRST);
        RestoreSessionPage page = queries.query(
                        new ListRestoreSessions(tenant(), options.skip(), options.top(),
                                options.expands(ARTIFACTS) || options.expands(GRANULAR_ARTIFACTS),
                                options.filter().stream().map(condition -> condition(condition, enums)).toList(),
                                order,
                                options.after()
                                        .map(after -> new ListRestoreSessions.Position(after.value(), after.id()))
                                        .orElse(null)),
                        ResponseTypes.instanceOf(RestoreSessionPage.class))
                .join();
        QueryOptions.After next = page.more() && !page.sessions().isEmpty()
                ? positionOf(page.sessions().get(page.sessions().size() - 1), order)
                : null;
        return GraphCollection.pageBefore(RequestAddress.of(request), resource,
                page.sessions().stream().map(enums::shown).map(view -> expanded(view, options))
                        .map(options::selected).toList(),
                page.total(), options, next);
    }

    private static QueryCapabilities capabilities(String... expandable) {
        return new QueryCapabilities(Set.of(STATUS, CREATED), Set.of(CREATED, LAST_MODIFIED), SELECTABLE,
                List.of(expandable));
    }

    private static ListRestoreSessions.Property property(String name) {
        return switch (name) {
            case STATUS -> ListRestoreSessions.Property.STATUS;
            case CREATED -> ListRestoreSessions.Property.CREATED_DATE_TIME;
            case LAST_MODIFIED -> ListRestoreSessions.Property.LAST_MODIFIED_DATE_TIME;
            default -> throw new IllegalStateException("Not a property a list knows: " + name);
        };
    }

    /** A {@code $filter} condition in the read side's terms; a value it cannot be is a 400 naming it. */
    private static ListRestoreSessions.Condition condition(QueryOptions.Condition asked, EvolvableEnums enums) {
        ListRestoreSessions.Comparison comparison =
                ListRestoreSessions.Comparison.valueOf(asked.comparison().toUpperCase(Locale.ROOT));
        if (asked.property().equals(STATUS)) {
            if (comparison != ListRestoreSessions.Comparison.EQ && comparison != ListRestoreSessions.Comparison.NE) {
                throw RequestRefused.badRequest("status can be compared with eq and ne only.");
            }
            return new ListRestoreSessions.Condition(ListRestoreSessions.Property.STATUS, comparison,
                    enums.storedStatus(asked.value()));
        }
        Instant time = DateTimeOffsets.parse(asked.value())
                .orElseThrow(() -> RequestRefused.badRequest("'" + asked.value() + "' is not "
                        + DateTimeOffsets.EXAMPLE + "."));
        return new ListRestoreSessions.Condition(property(asked.property()), comparison, time.toString());
    }

    private static QueryOptions.After positionOf(RestoreSessionView last, ListRestoreSessions.Order order) {
        OffsetDateTime value = order.property() == ListRestoreSessions.Property.LAST_MODIFIED_DATE_TIME
                ? last.lastModifiedDateTime()
                : last.createdDateTime();
        return new QueryOptions.After(value.toInstant(), last.id());
    }

    private ResponseEntity<Object> session(HttpServletRequest request, HttpServletResponse response, SessionId id,
                                           QueryOptions options) {
        EvolvableEnums.of(request).acknowledge(response);
        RestoreSessionView session = queries.query(
                        new FindRestoreSession(tenant(), id.value(),
                                options.expands(ARTIFACTS) || options.expands(GRANULAR_ARTIFACTS),
                                options.expands(BULK_REQUESTS)),
                        ResponseTypes.optionalInstanceOf(RestoreSessionView.class))
                .join()
                .orElseThrow(id::notFound);
        return ResponseEntity.ok().eTag(session.etag())
                .body(options.selected(expanded(EvolvableEnums.of(request).shown(session), options)));
    }

    /**
     * A granular session's artifacts are its {@code granularMailboxRestoreArtifacts}, any other's its
     * {@code mailboxRestoreArtifacts}: each navigation shows only when asked for, the other one not at all.
     */
    private static RestoreSessionView expanded(RestoreSessionView session, QueryOptions options) {
        return session.expanding(options.expands(ARTIFACTS), options.expands(GRANULAR_ARTIFACTS),
                options.expands(BULK_REQUESTS));
    }

    private String tenant() {
        return caller.get().tenantId();
    }
}
