package com.m365backup.restore.domain.query;

import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.UnresolvedMailbox;

import java.time.Instant;
import java.util.List;

/**
 * A bulk addition request as the catalog resolved it: one restore point for each mailbox it knows (each mailbox
 * once, however many entries of the request name it), and the entries it could not resolve, in request order.
 */
public record BulkMailboxResolution(String requestId, DestinationType destinationType, List<Resolved> resolved,
                                    List<UnresolvedMailbox> unresolved) {

    public BulkMailboxResolution {
        resolved = List.copyOf(resolved);
        unresolved = List.copyOf(unresolved);
    }

    /**
     * A mailbox of the request and the restore point chosen for it.
     *
     * @param expiresAt null when the restore point does not expire
     */
    public record Resolved(String mailbox, String protectionUnitId, String restorePointId, Instant expiresAt) {
    }
}
