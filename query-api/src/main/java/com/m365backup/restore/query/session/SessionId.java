package com.m365backup.restore.query.session;

import com.m365backup.restore.query.graph.GraphErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A restore session id from a path: the service makes them as GUIDs, so anything else is refused with 400
 * {@code InvalidRestoreSessionId} before it is looked up (docs/api.md, PATCH request-level checks).
 */
public record SessionId(String value) {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static SessionId parse(String raw) {
        if (!GUID.matcher(raw).matches()) {
            throw GraphErrors.of(HttpStatus.BAD_REQUEST, "InvalidRestoreSessionId",
                    "'" + raw + "' is not a valid restore session id; it must be a GUID.");
        }
        // GUIDs are made in lower case; Graph clients may send them in upper case.
        return new SessionId(raw.toLowerCase(Locale.ROOT));
    }

    /** The session is unknown, or is another tenant's: the same answer, so that nothing tells them apart. */
    public ErrorResponseException notFound() {
        return GraphErrors.of(HttpStatus.NOT_FOUND, "RestoreSessionNotFound",
                "Restore session '" + value + "' was not found.");
    }
}
