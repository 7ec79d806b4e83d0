package com.m365backup.restore.domain.query;

import com.m365backup.restore.domain.session.ArtifactQuery;

/**
 * Asks the mailbox store how many messages of a protection unit's mailbox a granular query finds: a search's
 * {@code artifactHitCount} (docs/api.md, Granular restore); answers an {@code Integer}. The store that restores the
 * mailbox answers it, so that a search and the restore it leads to count the same messages.
 */
public record CountMatchingMessages(String tenantId, String protectionUnitId, ArtifactQuery query) {
}
