package com.m365backup.restore.domain.session;

/**
 * The events of a restore session: everything its history can hold, one list that the compiler keeps. Whoever folds
 * a session's history (the read side's projection, the audit's past state) implements {@link Visitor}, so that a new
 * event cannot be forgotten by any of them: it does not compile until each handles it. (A {@code switch} over this
 * sealed interface would say the same once the project moves past Java 17, where patterns in switch are final.)
 */
public sealed interface RestoreSessionEvent permits
        RestoreSessionCreated,
        MailboxArtifactAdded,
        MailboxArtifactRemoved,
        RestoreSessionActivated,
        ArtifactRestoreScheduling,
        ArtifactRestoreScheduled,
        ArtifactRestoreStarted,
        ArtifactRestoreSucceeded,
        ArtifactRestoreFailed,
        RestoreSessionStarted,
        RestoreSessionEnded,
        RestoreSessionDeleted,
        BulkAdditionRequestCreated,
        BulkAdditionRequestResolved,
        BulkAdditionRequestDeleted,
        GranularMailboxArtifactAdded,
        RestoreSessionRetired {

    /** The session whose history it belongs to. */
    String sessionId();

    /** Hands this event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** One method per event of a session's history. */
    interface Visitor<R> {

        R on(RestoreSessionCreated event);

        R on(MailboxArtifactAdded event);

        R on(MailboxArtifactRemoved event);

        R on(RestoreSessionActivated event);

        R on(ArtifactRestoreScheduling event);

        R on(ArtifactRestoreScheduled event);

        R on(ArtifactRestoreStarted event);

        R on(ArtifactRestoreSucceeded event);

        R on(ArtifactRestoreFailed event);

        R on(RestoreSessionStarted event);

        R on(RestoreSessionEnded event);

        R on(RestoreSessionDeleted event);

        R on(BulkAdditionRequestCreated event);

        R on(BulkAdditionRequestResolved event);

        R on(BulkAdditionRequestDeleted event);

        R on(GranularMailboxArtifactAdded event);

        R on(RestoreSessionRetired event);
    }
}
