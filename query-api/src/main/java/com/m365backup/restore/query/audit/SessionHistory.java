package com.m365backup.restore.query.audit;

import com.m365backup.restore.session.RestoreSessionCreated;
import com.m365backup.restore.session.RestoreSessionDeleted;

import java.util.List;

/** A session's whole history, oldest first, and whether the session was deleted (its events stay for audit). */
public record SessionHistory(String sessionId, String tenantId, boolean deleted, List<HistoryEntry> entries) {

    static boolean isCreation(Object payload) {
        return payload instanceof RestoreSessionCreated;
    }

    static boolean isDeletion(Object payload) {
        return payload instanceof RestoreSessionDeleted;
    }
}
