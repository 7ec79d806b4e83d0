package com.m365backup.restore.command.session;

import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.RestorePointPreference;

import java.time.Instant;
import java.util.List;

/**
 * A bulk addition request's body, read and found well formed (docs/api.md, Bulk addition requests): the mailboxes
 * each once, in the client's order.
 *
 * @param tag null for restore points of any tag
 */
record RequestedBulkAddition(
        String displayName,
        List<String> mailboxes,
        List<String> directoryObjectIds,
        Instant protectedFrom,
        Instant protectedUntil,
        DestinationType destinationType,
        RestorePointPreference preference,
        String tag) {
}
