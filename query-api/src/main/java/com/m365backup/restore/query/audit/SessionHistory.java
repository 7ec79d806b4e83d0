package com.m365backup.restore.query.audit;

import com.m365backup.restore.domain.session.RestoreSessionCreated;
import com.m365backup.restore.domain.session.RestoreSessionDeleted;
import com.m365backup.restore.domain.session.RestoreSessionRetired;

import java.util.List;

/**
 * A session's whole history, oldest first, and whether the session was deleted or retired (docs/api.md, Retention);
 * its events stay for audit either way.
 */
public record SessionHistory(String sessionId, String tenantId, boolean deleted, boolean retired,
                             List<HistoryEntry> entries) {

    static boolean isCreation(Object payload) {
        return payload instanceof RestoreSessionCreated;
    }

    static boolean isDeletion(Object payload) {
        return payload instanceof RestoreSessionDeleted;
    }

    static boolean isRetirement(Object payload) {
        return payload instanceof RestoreSessionRetired;
    }
}
