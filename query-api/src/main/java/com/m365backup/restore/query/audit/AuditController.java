package com.m365backup.restore.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.m365backup.restore.caller.CurrentCaller;
import com.m365backup.restore.query.graph.GraphErrors;
import com.m365backup.restore.query.graph.RequestAddress;
import com.m365backup.restore.query.session.SessionId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A session's history for auditors: its events in order, who and when, paged (spec/api.md, Audit). */
@RestController
@RequestMapping("/audit/restoreSessions")
class AuditController {

    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;
    private static final Pattern SEQUENCE = Pattern.compile("\\d{1,18}");

    private final SessionHistoryReader histories;
    private final CurrentCaller caller;

    AuditController(SessionHistoryReader histories, CurrentCaller caller) {
        this.histories = histories;
        this.caller = caller;
    }

    @GetMapping("/{sessionId}/events")
    HistoryPage events(@PathVariable String sessionId, @RequestParam Map<String, String> options,
                       HttpServletRequest request) {
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
        return new HistoryPage(RequestAddress.of(request).resourceUrl(), history.sessionId(), history.deleted(),
                page, nextLink);
    }

    private static void rejectUnknownOptions(Map<String, String> options) {
        options.keySet().stream()
                .filter(option -> !option.equals("$top") && !option.equals("$skiptoken"))
                .findFirst()
                .ifPresent(option -> {
                    throw GraphErrors.badRequest("The query option '" + option
                            + "' is not supported here; use $top and $skiptoken.");
                });
    }

    private static int top(String value) {
        if (value == null) {
            return DEFAULT_PAGE;
        }
        if (!SEQUENCE.matcher(value).matches() || Long.parseLong(value) < 1 || Long.parseLong(value) > MAX_PAGE) {
            throw GraphErrors.badRequest("$top must be a whole number from 1 to " + MAX_PAGE + ".");
        }
        return Integer.parseInt(value);
    }

    /** The token is the sequence number of the last event of the previous page. */
    private static long after(String token) {
        if (token == null) {
            return -1;
        }
        if (!SEQUENCE.matcher(token).matches()) {
            throw GraphErrors.badRequest("The $skiptoken is not valid; follow @odata.nextLink exactly as it was given.");
        }
        return Long.parseLong(token);
    }

    /** One page of a session's history. */
    @JsonPropertyOrder({"@odata.context", "sessionId", "deleted", "value", "@odata.nextLink"})
    record HistoryPage(
            @JsonProperty("@odata.context") String context,
            String sessionId,
            boolean deleted,
            List<HistoryEntry> value,
            @JsonProperty("@odata.nextLink") @JsonInclude(JsonInclude.Include.NON_NULL) String nextLink) {
    }
}
