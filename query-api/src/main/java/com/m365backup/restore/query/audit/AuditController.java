package com.m365backup.restore.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.m365backup.restore.domain.caller.CurrentCaller;
import com.m365backup.restore.domain.query.FindPastRestoreSession;
import com.m365backup.restore.domain.query.PastRestoreSession;
import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.query.graph.DateTimeOffsets;
import com.m365backup.restore.query.graph.RequestAddress;
import com.m365backup.restore.query.session.SessionId;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A session's history for auditors (docs/api.md, Audit): its events in order, who and when, paged; and the session
 * as it stood at a past time or version, rebuilt from those events.
 */
@RestController
@RequestMapping("/audit/restoreSessions")
class AuditController {

    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;
    private static final Pattern SEQUENCE = Pattern.compile("\\d{1,18}");

    private static final String AS_OF = "asOf";
    private static final String AT_VERSION = "version";

    private final SessionHistoryReader histories;
    private final CurrentCaller caller;
    private final QueryGateway queries;

    AuditController(SessionHistoryReader histories, CurrentCaller caller, QueryGateway queries) {
        this.histories = histories;
        this.caller = caller;
        this.queries = queries;
    }

    /**
     * The session and its artifacts as they stood at {@code asOf} (the events stored up to that time) or at
     * {@code version} (the events up to that sequence number), in the Graph session's shape with its artifacts
     * expanded, and {@code deleted} as in the history. Statuses are shown as stored ({@code failed} included): an
     * auditor reads the record, not a Graph client's view of it.
     */
    @GetMapping("/{sessionId}")
    PastSession pastState(@PathVariable String sessionId, HttpServletRequest request) {
        Map<String, String> options = givenOnce(request);
        options.keySet().stream()
                .filter(option -> !option.equals(AS_OF) && !option.equals(AT_VERSION))
                .findFirst()
                .ifPresent(option -> {
                    throw RequestRefused.badRequest("The query option '" + option
                            + "' is not supported here; use asOf or version.");
                });
        String asOf = options.get(AS_OF);
        String version = options.get(AT_VERSION);
        if ((asOf == null) == (version == null)) {
            throw RequestRefused.badRequest("Give exactly one of the query options asOf (a time such as"
                    + " 2026-01-31T12:00:00Z) and version (a sequence number of the session's events).");
        }
        SessionId id = SessionId.parse(sessionId);
        String tenant = caller.get().tenantId();
        FindPastRestoreSession query = asOf != null
                ? FindPastRestoreSession.asOf(tenant, id.value(), time(asOf))
                : FindPastRestoreSession.atVersion(tenant, id.value(), version(version));
        PastRestoreSession past = queries.query(query, PastRestoreSession.class).join();
        return switch (past.standing()) {
            case UNKNOWN -> throw id.notFound();
            case NOT_YET_CREATED -> throw RequestRefused.notFound("RestoreSessionNotFound",
                    "Restore session '" + id.value() + "' did not exist yet at "
                            + (asOf != null ? "that time; it was created at " + past.createdAt()
                            : "version " + version + "; its first version is " + past.firstVersion()) + ".");
            case STOOD -> new PastSession(past.session(), past.deleted(), past.retired());
        };
    }

    @GetMapping("/{sessionId}/events")
    HistoryPage events(@PathVariable String sessionId, HttpServletRequest request) {
        Map<String, String> options = givenOnce(request);
        rejectUnknownOptions(options);
        int top = top(options.get("$top"));
        long after = after(options.get("$skiptoken"));
        SessionId id = SessionId.parse(sessionId);
        SessionHistory history = histories.read(caller.get().tenantId(), id.value()).orElseThrow(id::notFound);
        List<HistoryEntry> page = history.entries().stream()
                .filter(entry -> entry.sequenceNumber() > after)
                .limit(top + 1L)
                .toList();
        String nextLink = null;
        if (page.size() > top) {
            page = page.subList(0, top);
            nextLink = RequestAddress.of(request).resourceUrl() + "?$top=" + top
                    + "&$skiptoken=" + page.get(page.size() - 1).sequenceNumber();
        }
        return new HistoryPage(history.sessionId(), history.deleted(), history.retired(), page, nextLink);
    }

    /**
     * The query's options, each given once: a doubled one ({@code ?version=1&version=2}) is refused rather than one
     * of its values picked, as a client that sent two cannot be told which counted.
     */
    private static Map<String, String> givenOnce(HttpServletRequest request) {
        Map<String, String> options = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length != 1) {
                throw RequestRefused.badRequest("The query option '" + name + "' may be given only once.");
            }
            options.put(name, values[0]);
        });
        return options;
    }

    private static Instant time(String value) {
        // An unencoded '+' of an offset arrives as a space.
        return DateTimeOffsets.parse(value.replace(' ', '+'))
                .orElseThrow(() -> RequestRefused.badRequest("asOf must be " + DateTimeOffsets.EXAMPLE + "; '" + value
                        + "' is not."));
    }

    private static long version(String value) {
        if (!SEQUENCE.matcher(value).matches()) {
            throw RequestRefused.badRequest("version must be a sequence number, a whole number from 0; '" + value
                    + "' is not.");
        }
        return Long.parseLong(value);
    }

    private static void rejectUnknownOptions(Map<String, String> options) {
        options.keySet().stream()
                .filter(option -> !option.equals("$top") && !option.equals("$skiptoken"))
                .findFirst()
                .ifPresent(option -> {
                    throw RequestRefused.badRequest("The query option '" + option
                            + "' is not supported here; use $top and $skiptoken.");
                });
    }

    private static int top(String value) {
        if (value == null) {
            return DEFAULT_PAGE;
        }
        if (!SEQUENCE.matcher(value).matches() || Long.parseLong(value) < 1 || Long.parseLong(value) > MAX_PAGE) {
            throw RequestRefused.badRequest("$top must be a whole number from 1 to " + MAX_PAGE + ".");
        }
        return Integer.parseInt(value);
    }

    /** The token is the sequence number of the last event of the previous page. */
    private static long after(String token) {
        if (token == null) {
            return -1;
        }
        if (!SEQUENCE.matcher(token).matches()) {
            throw RequestRefused.badRequest("The $skiptoken is not valid; follow @odata.nextLink exactly as it was given.");
        }
        return Long.parseLong(token);
    }

    /**
     * One page of a session's history. It names no {@code @odata.context}: the audit is this service's own
     * extension, not an OData resource of the Graph model that {@code $metadata} describes, and a context URL that
     * resolves to nothing there would mislead OData tooling.
     */
    @JsonPropertyOrder({"sessionId", "deleted", "retired", "value", "@odata.nextLink"})
    record HistoryPage(
            String sessionId,
            boolean deleted,
            boolean retired,
            List<HistoryEntry> value,
            @JsonProperty("@odata.nextLink") @JsonInclude(JsonInclude.Include.NON_NULL) String nextLink) {
    }

    /**
     * A session as it stood, in the Graph session's shape, and whether it had been deleted or retired by then (the
     * Graph paths no longer show it then; docs/api.md, Retention).
     */
    record PastSession(@JsonUnwrapped RestoreSessionView session, boolean deleted, boolean retired) {
    }
}
