package com.m365backup.restore.query.session;

import com.m365backup.restore.caller.CurrentCaller;
import com.m365backup.restore.query.FindRestoreSession;
import com.m365backup.restore.query.ListRestoreSessions;
import com.m365backup.restore.query.RestoreSessionPage;
import com.m365backup.restore.query.RestoreSessionView;
import com.m365backup.restore.query.graph.GraphCollection;
import com.m365backup.restore.query.graph.QueryOptions;
import com.m365backup.restore.query.graph.RequestAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads a tenant's restore sessions, through the Exchange collection and through the collection of sessions of every
 * kind (which here holds Exchange sessions only); each entity names its type in {@code @odata.type}.
 */
@RestController
@RequestMapping({"/solutions/backupRestore", "/beta/solutions/backupRestore", "/v1.0/solutions/backupRestore"})
class RestoreSessionController {

    static final String EXCHANGE_SESSIONS = "solutions/backupRestore/exchangeRestoreSessions";
    static final String ALL_SESSIONS = "solutions/backupRestore/restoreSessions";
    static final String ARTIFACTS = "mailboxRestoreArtifacts";

    private final QueryGateway queries;
    private final CurrentCaller caller;

    RestoreSessionController(QueryGateway queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GetMapping("/exchangeRestoreSessions")
    GraphCollection<RestoreSessionView> exchangeSessions(HttpServletRequest request) {
        return sessions(request, EXCHANGE_SESSIONS, QueryOptions.ofCollection(request, ARTIFACTS));
    }

    @GetMapping("/exchangeRestoreSessions/{sessionId}")
    ResponseEntity<RestoreSessionView> exchangeSession(@PathVariable String sessionId, HttpServletRequest request) {
        SessionId id = SessionId.parse(sessionId);
        return session(request, id, QueryOptions.ofEntity(request, ARTIFACTS));
    }

    /** The base type {@code restoreSessionBase} has no artifacts to expand; they are reached through the Exchange path. */
    @GetMapping("/restoreSessions")
    GraphCollection<RestoreSessionView> allSessions(HttpServletRequest request) {
        return sessions(request, ALL_SESSIONS, QueryOptions.ofCollection(request));
    }

    @GetMapping("/restoreSessions/{sessionId}")
    ResponseEntity<RestoreSessionView> anySession(@PathVariable String sessionId, HttpServletRequest request) {
        SessionId id = SessionId.parse(sessionId);
        return session(request, id, QueryOptions.ofEntity(request));
    }

    private GraphCollection<RestoreSessionView> sessions(HttpServletRequest request, String resource,
                                                         QueryOptions options) {
        RestoreSessionPage page = queries.query(
                        new ListRestoreSessions(tenant(), options.skip(), options.top(), options.expands(ARTIFACTS)),
                        ResponseTypes.instanceOf(RestoreSessionPage.class))
                .join();
        EvolvableEnums enums = EvolvableEnums.of(request);
        return GraphCollection.page(RequestAddress.of(request), resource,
                page.sessions().stream().map(enums::shown).toList(), page.total(), options);
    }

    private ResponseEntity<RestoreSessionView> session(HttpServletRequest request, SessionId id,
                                                       QueryOptions options) {
        RestoreSessionView session = queries.query(
                        new FindRestoreSession(tenant(), id.value(), options.expands(ARTIFACTS)),
                        ResponseTypes.optionalInstanceOf(RestoreSessionView.class))
                .join()
                .orElseThrow(id::notFound);
        return ResponseEntity.ok().eTag(session.etag()).body(EvolvableEnums.of(request).shown(session));
    }

    private String tenant() {
        return caller.get().tenantId();
    }
}
