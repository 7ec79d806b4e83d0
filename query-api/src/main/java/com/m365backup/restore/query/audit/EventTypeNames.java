package com.m365backup.restore.query.audit;

import java.util.Map;

/**
 * The names auditors see for event types. They are part of the audit API, so they are written down here rather
 * than taken from Java class names, which a refactoring may change.
 */
final class EventTypeNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("RestoreSessionCreated", "restoreSessionCreated"),
            Map.entry("MailboxArtifactAdded", "mailboxArtifactAdded"),
            Map.entry("MailboxArtifactRemoved", "mailboxArtifactRemoved"),
            Map.entry("RestoreSessionActivated", "restoreSessionActivated"),
            Map.entry("RestoreSessionStarted", "restoreSessionStarted"),
            Map.entry("ArtifactRestoreScheduling", "artifactRestoreScheduling"),
            Map.entry("ArtifactRestoreScheduled", "artifactRestoreScheduled"),
            Map.entry("ArtifactRestoreStarted", "artifactRestoreStarted"),
            Map.entry("ArtifactRestoreSucceeded", "artifactRestoreSucceeded"),
            Map.entry("ArtifactRestoreFailed", "artifactRestoreFailed"),
            Map.entry("RestoreSessionEnded", "restoreSessionEnded"),
            Map.entry("RestoreSessionDeleted", "restoreSessionDeleted"),
            Map.entry("BulkAdditionRequestCreated", "bulkAdditionRequestCreated"),
            Map.entry("BulkAdditionRequestResolved", "bulkAdditionRequestResolved"),
            Map.entry("BulkAdditionRequestDeleted", "bulkAdditionRequestDeleted"),
            Map.entry("GranularMailboxArtifactAdded", "granularMailboxArtifactAdded"),
            Map.entry("RestoreSessionRetired", "restoreSessionRetired"));

    private EventTypeNames() {
    }

    /** The audit name of a stored payload type (a fully qualified class name), or null when it has none. */
    static String of(String payloadType) {
        return NAMES.get(payloadType.substring(payloadType.lastIndexOf('.') + 1));
    }

    static Map<String, String> all() {
        return NAMES;
    }
}
