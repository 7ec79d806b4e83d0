package com.m365backup.restore.query.bulk;

import com.m365backup.restore.domain.caller.CurrentCaller;
import com.m365backup.restore.domain.query.BulkAdditionRequestList;
import com.m365backup.restore.domain.query.BulkAdditionRequestView;
import com.m365backup.restore.domain.query.ListBulkAdditionRequests;
import com.m365backup.restore.domain.request.GraphPaths;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.query.graph.GraphCollection;
import com.m365backup.restore.query.graph.QueryCapabilities;
import com.m365backup.restore.query.graph.QueryOptions;
import com.m365backup.restore.query.graph.RequestAddress;
import com.m365backup.restore.query.session.SessionId;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * Reads a session's bulk addition requests (at most one; a deleted one is gone). The list shows each request without
 * its {@code mailboxes}, as Graph's does; the request read by its id shows them.
 */
@RestController
@RequestMapping({
        GraphPaths.BACKUP_RESTORE + BulkAdditionRequestController.PATH,
        GraphPaths.BETA_BACKUP_RESTORE + BulkAdditionRequestController.PATH,
        GraphPaths.V1_0_BACKUP_RESTORE + BulkAdditionRequestController.PATH})
class BulkAdditionRequestController {

    static final String REQUESTS = "mailboxRestoreArtifactsBulkAdditionRequests";
    static final String PATH = "/exchangeRestoreSessions/{sessionId}/" + REQUESTS;
    private static final QueryCapabilities CAPABILITIES = new QueryCapabilities(Set.of(), Set.of(),
            Set.of("id", "displayName", "destinationType", "protectionTimePeriod", "restorePointPreference", "tags",
                    "status", "error", "mailboxes", "directoryObjectIds", "protectionUnitIds", "createdBy",
                    "createdDateTime", "lastModifiedBy", "lastModifiedDateTime"),
            List.of());

    private final QueryGateway queries;
    private final CurrentCaller caller;

    BulkAdditionRequestController(QueryGateway queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GetMapping
    GraphCollection<Object> requests(@PathVariable String sessionId, HttpServletRequest request) {
        SessionId id = SessionId.parse(sessionId);
        QueryOptions options = QueryOptions.ofCollection(request, CAPABILITIES);
        List<BulkAdditionRequestView> all = requestsOf(id, false);
        int from = Math.min(options.skip(), all.size());
        int to = Math.min(from + options.top(), all.size());
        return GraphCollection.page(RequestAddress.of(request),
                "solutions/backupRestore/exchangeRestoreSessions('" + id.value() + "')/" + REQUESTS,
                all.subList(from, to).stream().map(options::selected).toList(), all.size(),
                options);
    }

    @GetMapping(value = "/$count", produces = MediaType.TEXT_PLAIN_VALUE)
    String count(@PathVariable String sessionId, HttpServletRequest request) {
        SessionId id = SessionId.parse(sessionId);
        QueryOptions.requireNone(request);
        return Integer.toString(requestsOf(id, false).size());
    }

    @GetMapping("/{requestId}")
    Object request(@PathVariable String sessionId, @PathVariable String requestId, HttpServletRequest request) {
        SessionId id = SessionId.parse(sessionId);
        QueryOptions options = QueryOptions.ofEntity(request, CAPABILITIES);
        return requestsOf(id, true).stream()
                .filter(view -> view.id().equalsIgnoreCase(requestId))
                .findFirst()
                .map(options::selected)
                .orElseThrow(() -> RequestRefused.notFound("BulkRestoreArtifactsNotFound",
                        "Bulk addition request '" + requestId + "' was not found in restore session '" + id.value()
                                + "'."));
    }

    private List<BulkAdditionRequestView> requestsOf(SessionId id, boolean withMailboxes) {
        BulkAdditionRequestList list = queries.query(
                        new ListBulkAdditionRequests(caller.get().tenantId(), id.value(), withMailboxes),
                        ResponseTypes.instanceOf(BulkAdditionRequestList.class))
                .join();
        if (!list.sessionFound()) {
            throw id.notFound();
        }
        return list.requests();
    }
}
