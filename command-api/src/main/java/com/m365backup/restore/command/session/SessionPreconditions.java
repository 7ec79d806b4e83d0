package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.command.RequestRefused;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/**
 * HTTP's {@code If-Match} on the writes of a session (spec/api.md, Errors, headers, paging): a client that names the
 * etag it read is refused with 412 when the session has changed since, before any command is sent, so nothing
 * changes. An etag is the session's version, {@code W/"<n>"}; it is compared weakly, as Graph clients send back the
 * {@code @odata.etag} they read.
 */
@Component
class SessionPreconditions {

    private final SessionReadSide readSide;

    SessionPreconditions(SessionReadSide readSide) {
        this.readSide = readSide;
    }

    /**
     * Refuses the request when {@code ifMatch} names no etag of the session as it stands; no header, or a session the
     * tenant does not have (answered 404 by the write itself), passes.
     */
    void requireMatch(String ifMatch, String sessionId, CommandOrigin origin) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        readSide.find(origin.tenantId(), sessionId).ifPresent(session -> {
            String current = opaque(session.etag());
            boolean matches = Arrays.stream(ifMatch.split(","))
                    .map(String::trim)
                    .anyMatch(tag -> tag.equals("*") || opaque(tag).equals(current));
            if (!matches) {
                throw new RequestRefused(HttpStatus.PRECONDITION_FAILED, "PreconditionFailed",
                        "The restore session has changed since it was read; its etag is now " + session.etag()
                                + ". Read it again and retry.");
            }
        });
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
