package com.m365backup.restore.query.session;

import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.RestoreSessionStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Arrays;
import java.util.Collections;

/**
 * Graph's evolvable enums: a session's {@code failed} and its {@code restoreJobType} {@code granular} were added after
 * {@code unknownFutureValue}, so a client sees them only when it sends {@code Prefer: include-unknown-enum-members};
 * any other sees {@code unknownFutureValue} (docs/api.md, Enums and their evolution, and Granular restore).
 */
record EvolvableEnums(boolean included) {

    private static final String PREFERENCE = "include-unknown-enum-members";
    private static final String UNKNOWN_FUTURE_VALUE = "unknownFutureValue";

    /** Tells the client, as Graph does, that its preference was honoured ({@code Preference-Applied}). */
    void acknowledge(HttpServletResponse response) {
        if (included) {
            response.setHeader("Preference-Applied", PREFERENCE);
        }
    }

    static EvolvableEnums of(HttpServletRequest request) {
        boolean included = Collections.list(request.getHeaders("Prefer")).stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(preference -> preference.split("[=;]", 2)[0].trim())
                .anyMatch(PREFERENCE::equalsIgnoreCase);
        return new EvolvableEnums(included);
    }

    /**
     * The status a {@code $filter} value names, as the read model stores it: a client that does not see
     * {@code failed} finds it as {@code unknownFutureValue}, and may not name it.
     */
    String storedStatus(String graphName) {
        if (UNKNOWN_FUTURE_VALUE.equals(graphName)) {
            return included ? UNKNOWN_FUTURE_VALUE : RestoreSessionStatus.FAILED.graphName();
        }
        RestoreSessionStatus status = RestoreSessionStatus.fromGraphName(graphName)
                .orElseThrow(() -> RequestRefused.badRequest("'" + graphName + "' is not a restore session status."));
        if (status == RestoreSessionStatus.FAILED && !included) {
            throw RequestRefused.badRequest("The status 'failed' can be filtered on only with the header "
                    + "'Prefer: " + PREFERENCE + "'.");
        }
        return status.graphName();
    }

    RestoreSessionView shown(RestoreSessionView session) {
        return session.withEvolvableMembers(included);
    }
}
