package com.m365backup.restore.query.session;

import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.RestoreSessionId;

/**
 * A restore session id from a read's path: the domain's rule ({@link RestoreSessionId}: a GUID, in lower case), with
 * the read side's own words when it is broken (docs/api.md, PATCH request-level checks).
 */
public record SessionId(String value) {

    public static SessionId parse(String raw) {
        return RestoreSessionId.parse(raw)
                .map(id -> new SessionId(id.value()))
                .orElseThrow(() -> RequestRefused.invalid(RestoreSessionId.INVALID,
                        "'" + raw + "' is not a valid restore session id; it must be a GUID."));
    }

    /** The session is unknown, or is another tenant's: the same answer, so that nothing tells them apart. */
    public RequestRefused notFound() {
        return RequestRefused.notFound("RestoreSessionNotFound", "Restore session '" + value + "' was not found.");
    }
}
