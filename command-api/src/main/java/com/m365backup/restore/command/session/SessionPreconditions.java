package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.ETag;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * HTTP's {@code If-Match} on the writes of a session (docs/api.md, Errors, headers, paging): a client that names the
 * etag it read is refused with 412 when the session has changed since, and nothing changes. An etag is the session's
 * version, {@code W/"<n>"}: the sequence number of its last event, counted from 0, as the read model shows it and as
 * the aggregate counts it. It is compared weakly, as Graph clients send back the {@code @odata.etag} they read.
 *
 * <p>The session decides, not the read model: the version named travels in the command
 * ({@code @TargetAggregateVersion}) and the aggregate refuses it when it has moved on, as it loads, under its lock; a
 * write of another node in between collides on the event store's sequence numbers and is retried against the new
 * state. So no check is made here beforehand: comparing with the read model would add a query to every conditional
 * write and could be wrong both ways (behind another node's write it lets a stale etag through; while a replay
 * rebuilds it, it shows an older version and would refuse a current etag), while the aggregate's check comes at the
 * request's first command, before anything has changed.
 */
@Component
class SessionPreconditions {

    /** Before the session's first event: a version no session has, so an etag this service never made never matches. */
    private static final long NO_VERSION = -1;

    private final SessionReadSide readSide;

    SessionPreconditions(SessionReadSide readSide) {
        this.readSide = readSide;
    }

    /**
     * The version of the session that {@code ifMatch} names, for the request's first command to carry; null when there
     * is no header or it is {@code *} (any version).
     *
     * <p>Of several etags the highest is taken: versions only grow and every etag comes from this service, so a client
     * cannot have read a version above the current one, and when the session moved past the highest it named, it
     * moved past all of them.
     */
    Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        List<Optional<ETag>> tags = Arrays.stream(ifMatch.split(",")).map(SessionPreconditions::entityTag).toList();
        if (tags.stream().flatMap(Optional::stream).anyMatch(ETag::isWildcard)) {
            return null;
        }
        return tags.stream()
                .mapToLong(tag -> tag.map(SessionPreconditions::version).orElse(NO_VERSION))
                .max().orElse(NO_VERSION);
    }

    /**
     * The answer to a command the session refused because it moved on since the version the client named: 412 with
     * its current etag. When the client named a version the session never reached, the repository refused before
     * the session could check the caller's tenant; then the read model tells whether the tenant has the session at
     * all, so that another tenant's session stays a 404 to it (docs/api.md, Tenants).
     */
    RequestRefused refusal(ConflictingAggregateVersionException conflict, String sessionId, CommandOrigin origin) {
        boolean tenantUnchecked = conflict.getExpectedVersion() > conflict.getActualVersion();
        if (tenantUnchecked && readSide.find(origin.tenantId(), sessionId).isEmpty()) {
            RestoreSessionRejected notFound = RestoreSessionRejected.notFound(sessionId);
            return GraphRejection.of(notFound.rejection()).refusal(notFound.getMessage());
        }
        return new RequestRefused(RequestRefused.Kind.PRECONDITION_FAILED, "PreconditionFailed",
                "The restore session has changed since it was read; its etag is now W/\""
                        + conflict.getActualVersion() + "\". Read it again and retry.");
    }

    /**
     * One member of the list as an entity-tag, or empty when it is not exactly one. Spring's parser skips what it
     * cannot read ({@code W/ "5"} reads as {@code "5"}), so a member counts only when it is written as the tag it
     * parsed to: a malformed member names no version, and the others still count.
     */
    private static Optional<ETag> entityTag(String member) {
        String written = member.trim();
        List<ETag> parsed = ETag.parse(written);
        return parsed.size() == 1 && parsed.get(0).formattedTag().equals(written)
                ? Optional.of(parsed.get(0))
                : Optional.empty();
    }

    private static long version(ETag tag) {
        try {
            return Math.max(NO_VERSION, Long.parseLong(tag.tag()));
        } catch (NumberFormatException notOurs) {
            return NO_VERSION;
        }
    }
}
