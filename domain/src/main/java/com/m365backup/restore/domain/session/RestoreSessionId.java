package com.m365backup.restore.domain.session;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A restore session's id as a path names it. The service makes them as GUIDs in lower case, so anything else names
 * no session and is refused with 400 {@code InvalidRestoreSessionId} before it is looked up (docs/api.md, PATCH
 * request-level checks); a GUID compares without regard to case, and Graph clients may send one in upper case.
 */
public record RestoreSessionId(String value) {

    /** Graph's code for a path whose session id is not a GUID. */
    public static final String INVALID = "InvalidRestoreSessionId";

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The id {@code raw} names, in lower case; empty when it is not a GUID. */
    public static Optional<RestoreSessionId> parse(String raw) {
        return raw != null && GUID.matcher(raw).matches()
                ? Optional.of(new RestoreSessionId(raw.toLowerCase(Locale.ROOT)))
                : Optional.empty();
    }
}
