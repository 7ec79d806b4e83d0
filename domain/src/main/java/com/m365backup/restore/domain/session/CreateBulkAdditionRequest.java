package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Hands a draft session a list of mailboxes and a time window instead of artifacts: a bulk addition request, resolved
 * into one artifact per mailbox when the session is activated (docs/api.md, Bulk addition requests). Only an empty
 * draft takes one, and only one; the request's id is chosen by the sender. The lists are checked for shape (how many,
 * well-formed addresses) before the command is sent; the session decides whether it may take the request.
 *
 * @param mailboxes          email addresses of mailboxes, as the client wrote them
 * @param directoryObjectIds directory object ids of mailboxes' users
 * @param tag                the only tag the restore points may carry ({@code none}, {@code fastRestore}), or null
 *                           for any
 */
public record CreateBulkAdditionRequest(
        @TargetAggregateIdentifier String sessionId,
        String tenantId,
        String requestId,
        String displayName,
        List<String> mailboxes,
        List<String> directoryObjectIds,
        Instant protectedFrom,
        Instant protectedUntil,
        DestinationType destinationType,
        RestorePointPreference preference,
        String tag,
        Instant requestedAt) {

    public CreateBulkAdditionRequest {
        mailboxes = List.copyOf(mailboxes);
        directoryObjectIds = List.copyOf(directoryObjectIds);
    }
}
