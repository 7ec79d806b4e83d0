package com.m365backup.restore.command.session;

import com.m365backup.restore.domain.session.DestinationType;

/**
 * One artifact of a create request, read and found well formed.
 *
 * @param searchResponseId the search a granular artifact restores the messages of (docs/api.md, Granular restore);
 *                         null for a mailbox restore artifact
 */
record RequestedArtifact(RestorePointLink restorePoint, DestinationType destinationType, String searchResponseId) {

    /** A mailbox restore artifact. */
    RequestedArtifact(RestorePointLink restorePoint, DestinationType destinationType) {
        this(restorePoint, destinationType, null);
    }

    boolean granular() {
        return searchResponseId != null;
    }
}
