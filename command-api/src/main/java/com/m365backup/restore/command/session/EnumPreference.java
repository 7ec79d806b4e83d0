package com.m365backup.restore.command.session;

import com.m365backup.restore.domain.query.RestoreSessionView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Arrays;
import java.util.Collections;

/**
 * Graph's evolvable enums in the answers of writes (docs/api.md, Enums and their evolution): a session answered by a
 * create or an activation shows members added after {@code unknownFutureValue} (a granular session's
 * {@code restoreJobType}) only to a client that says {@code Prefer: include-unknown-enum-members}, and tells it so in
 * {@code Preference-Applied}, as the read side's answers do.
 */
record EnumPreference(boolean included) {

    private static final String PREFERENCE = "include-unknown-enum-members";

    static EnumPreference of(HttpServletRequest request) {
        boolean included = Collections.list(request.getHeaders("Prefer")).stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(preference -> preference.split("[=;]", 2)[0].trim())
                .anyMatch(PREFERENCE::equalsIgnoreCase);
        return new EnumPreference(included);
    }

    RestoreSessionView shown(RestoreSessionView session, HttpServletResponse response) {
        if (included) {
            response.setHeader("Preference-Applied", PREFERENCE);
        }
        return session.withEvolvableMembers(included);
    }
}
