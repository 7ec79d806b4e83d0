package com.m365backup.restore.domain.session;

import java.util.List;

/**
 * What the restore point catalog made of a bulk addition request at activation: an artifact for each mailbox it
 * resolved (with the restore point the request's preference picked in its window), and the mailboxes it could not.
 * The sender looks this up when it activates; the session checks that it is for its own request.
 */
public record BulkResolution(String requestId, List<NewMailboxArtifact> artifacts, List<UnresolvedMailbox> unresolved) {

    public BulkResolution {
        artifacts = List.copyOf(artifacts);
        unresolved = List.copyOf(unresolved);
    }
}
