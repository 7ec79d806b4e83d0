package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.session.ArtifactRestoreFailed;
import com.m365backup.restore.domain.session.ArtifactRestoreScheduled;
import com.m365backup.restore.domain.session.ArtifactRestoreScheduling;
import com.m365backup.restore.domain.session.ArtifactRestoreStarted;
import com.m365backup.restore.domain.session.ArtifactRestoreStatus;
import com.m365backup.restore.domain.session.ArtifactRestoreSucceeded;
import com.m365backup.restore.domain.session.BulkAdditionRequestCreated;
import com.m365backup.restore.domain.session.BulkAdditionRequestDeleted;
import com.m365backup.restore.domain.session.BulkAdditionRequestResolved;
import com.m365backup.restore.domain.session.BulkAdditionRequestStatus;
import com.m365backup.restore.domain.session.GranularMailboxArtifactAdded;
import com.m365backup.restore.domain.session.MailboxArtifactAdded;
import com.m365backup.restore.domain.session.MailboxArtifactRemoved;
import com.m365backup.restore.domain.session.RestoreJobType;
import com.m365backup.restore.domain.session.RestoreSessionActivated;
import com.m365backup.restore.domain.session.RestoreSessionCreated;
import com.m365backup.restore.domain.session.RestoreSessionDeleted;
import com.m365backup.restore.domain.session.RestoreSessionEnded;
import com.m365backup.restore.domain.session.RestoreSessionEvent;
import com.m365backup.restore.domain.session.RestoreSessionRetired;
import com.m365backup.restore.domain.session.RestoreSessionStarted;
import com.m365backup.restore.domain.session.RestoreSessionStatus;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one fold of a session's events into the read model (docs/design.md, Audit replay: one copy of the fold):
 * what a run of the session's events, applied in order, changes in {@code restore_session},
 * {@code mailbox_restore_artifact} and {@code bulk_addition_request}. Folded in memory first and written at once by {@link ReadModelWriter}, whether the
 * run is a batch of the live projection, of a replay, or a session's whole history up to a point for the audit.
 *
 * <p>Counts are kept as differences, each event's own (an artifact added is one more in total, one scheduled one
 * more in progress, one ended one fewer in progress and one more completed or failed): the session decides which
 * step follows which, so the event alone tells. The writer applies them only to a session whose row has not seen
 * these events yet, so a batch delivered twice changes nothing the second time.
 */
final class RestoreSessionFold implements RestoreSessionEvent.Visitor<Void> {

    /** A session is a standard restore until its first artifacts or a bulk request say otherwise. */
    static final String STANDARD_RESTORE_JOB = RestoreJobType.STANDARD.graphName();
    /**
     * Graph documents no code for a session's own error (docs/api.md, Resources: {@code error}); these name the
     * session's end, and the details name each failed artifact with its own code (docs/design.md, Design decisions).
     */
    static final String SESSION_FAILED = "RestoreSessionFailed";
    static final String SESSION_COMPLETED_WITH_ERROR = "RestoreSessionCompletedWithError";
    /** The error of a bulk addition request that could not resolve every mailbox (docs/design.md, Design decisions). */
    static final String MAILBOXES_NOT_RESOLVED = "BulkRestoreMailboxesNotResolved";

    final String sessionId;
    /** The creation of the session, when it is among the events folded; the first row is then made from it. */
    Creation creation;
    /** The sequence number of the last event folded: the session's version, its etag. */
    long version = -1;
    String status;
    /** The session's kind when these events settled it, else null. */
    String restoreJobType;
    OffsetDateTime completedDateTime;
    /** The session's error, when it ended with failed artifacts. */
    String errorCode;
    String errorMessage;
    /** Who changed the session last and when, when one of the events folded is such a change. */
    Modification lastModified;
    int totalChange;
    int completedChange;
    int failedChange;
    int inProgressChange;
    /** The artifacts these events added, whole, in the order they were added. */
    final Map<String, ArtifactRow> added = new LinkedHashMap<>();
    /** Artifacts added before these events: the columns these events changed. */
    final Map<String, ArtifactRow> changed = new HashMap<>();
    /** Artifacts added before these events that they removed. */
    final Set<String> removed = new HashSet<>();
    /** The bulk addition requests these events created, whole. */
    final Map<String, BulkRequestRow> bulkAdded = new LinkedHashMap<>();
    /** Bulk addition requests created before these events: the columns these events changed. */
    final Map<String, BulkRequestRow> bulkChanged = new HashMap<>();
    /** Bulk addition requests created before these events that they deleted. */
    final Set<String> bulkRemoved = new HashSet<>();
    /** Deleted, or retired: gone from every Graph path either way. */
    boolean deleted;

    private long sequence;
    private MetaData metaData;

    RestoreSessionFold(String sessionId) {
        this.sessionId = sessionId;
    }

    /** Folds one more event of the session, in order. */
    void fold(RestoreSessionEvent event, long sequence, MetaData metaData) {
        this.sequence = sequence;
        this.metaData = metaData;
        event.accept(this);
        version = sequence;
    }

    boolean changesArtifacts() {
        return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
    }

    Collection<ArtifactRow> addedArtifacts() {
        return added.values();
    }

    @Override
    public Void on(RestoreSessionCreated event) {
        creation = new Creation(event.tenantId(), who(), utc(event.createdAt()));
        status = RestoreSessionStatus.DRAFT.graphName();
        lastModified = new Modification(who(), utc(event.createdAt()));
        return null;
    }

    @Override
    public Void on(MailboxArtifactAdded event) {
        ArtifactRow row = new ArtifactRow(sessionId, event.artifactId());
        row.addedSequence = sequence;
        row.restorePointId = event.restorePointId();
        row.restorePointExpiresAt = utc(event.restorePointExpiresAt());
        row.mailboxId = event.mailboxId();
        row.destinationType = event.destinationType().graphName();
        row.status = ArtifactRestoreStatus.ADDED.graphName();
        row.createdDateTime = utc(event.addedAt());
        added.put(row.id, row);
        totalChange++;
        modifiedAt(event.addedAt());
        return null;
    }

    @Override
    public Void on(GranularMailboxArtifactAdded event) {
        ArtifactRow row = new ArtifactRow(sessionId, event.artifactId());
        row.addedSequence = sequence;
        row.restorePointId = event.restorePointId();
        row.restorePointExpiresAt = utc(event.restorePointExpiresAt());
        row.mailboxId = event.mailboxId();
        row.destinationType = event.destinationType().graphName();
        row.status = ArtifactRestoreStatus.ADDED.graphName();
        row.createdDateTime = utc(event.addedAt());
        row.searchResponseId = event.searchResponseId();
        added.put(row.id, row);
        totalChange++;
        restoreJobType = RestoreJobType.GRANULAR.graphName();
        modifiedAt(event.addedAt());
        return null;
    }

    @Override
    public Void on(BulkAdditionRequestCreated event) {
        BulkRequestRow row = new BulkRequestRow(sessionId, event.requestId());
        row.displayName = event.displayName();
        row.destinationType = event.destinationType().graphName();
        row.protectionStart = utc(event.protectedFrom());
        row.protectionEnd = utc(event.protectedUntil());
        row.restorePointPreference = event.preference().graphName();
        row.tags = event.tag();
        row.status = BulkAdditionRequestStatus.ACTIVE.graphName();
        row.mailboxes = event.mailboxes();
        row.directoryObjectIds = event.directoryObjectIds();
        row.createdBy = who();
        row.createdDateTime = utc(event.createdAt());
        row.lastModified = new Modification(who(), utc(event.createdAt()));
        bulkAdded.put(row.id, row);
        restoreJobType = RestoreJobType.BULK.graphName();
        modifiedAt(event.createdAt());
        return null;
    }

    /** Its mailboxes were added as artifacts just before, by the same activation. */
    @Override
    public Void on(BulkAdditionRequestResolved event) {
        BulkRequestRow row = bulkRequest(event.requestId());
        row.status = event.status().graphName();
        if (!event.unresolved().isEmpty()) {
            int mailboxes = event.resolvedMailboxes() + event.unresolved().size();
            row.errorCode = MAILBOXES_NOT_RESOLVED;
            row.errorMessage = event.unresolved().size() + " of the request's " + mailboxes + " mailboxes could not"
                    + " be resolved to a restore point; each is named in the details.";
            row.errorDetails = event.unresolved();
        }
        row.lastModified = new Modification(who(), utc(event.resolvedAt()));
        return null;
    }

    @Override
    public Void on(BulkAdditionRequestDeleted event) {
        if (bulkAdded.remove(event.requestId()) == null) {
            bulkChanged.remove(event.requestId());
            bulkRemoved.add(event.requestId());
        }
        modifiedAt(event.deletedAt());
        return null;
    }

    @Override
    public Void on(MailboxArtifactRemoved event) {
        if (added.remove(event.artifactId()) == null) {
            changed.remove(event.artifactId());
            removed.add(event.artifactId());
        }
        totalChange--;
        modifiedAt(event.removedAt());
        return null;
    }

    @Override
    public Void on(RestoreSessionActivated event) {
        status = RestoreSessionStatus.ACTIVATING.graphName();
        modifiedAt(event.activatedAt());
        return null;
    }

    // The steps of a restore are the engine's doing: the session's last modification stays the user's.

    @Override
    public Void on(ArtifactRestoreScheduling event) {
        artifact(event.artifactId()).status = ArtifactRestoreStatus.SCHEDULING.graphName();
        inProgressChange++;
        return null;
    }

    @Override
    public Void on(ArtifactRestoreScheduled event) {
        artifact(event.artifactId()).status = ArtifactRestoreStatus.SCHEDULED.graphName();
        return null;
    }

    @Override
    public Void on(ArtifactRestoreStarted event) {
        ArtifactRow row = artifact(event.artifactId());
        row.status = ArtifactRestoreStatus.IN_PROGRESS.graphName();
        row.startDateTime = utc(event.startedAt());
        return null;
    }

    @Override
    public Void on(ArtifactRestoreSucceeded event) {
        ArtifactRow row = artifact(event.artifactId());
        row.status = ArtifactRestoreStatus.SUCCEEDED.graphName();
        row.completionDateTime = utc(event.completedAt());
        row.restoredFolderId = event.restoredFolderId();
        row.restoredFolderName = event.restoredFolderName();
        row.restoredItemCount = event.restoredItemCount();
        inProgressChange--;
        completedChange++;
        return null;
    }

    @Override
    public Void on(ArtifactRestoreFailed event) {
        ArtifactRow row = artifact(event.artifactId());
        row.status = ArtifactRestoreStatus.FAILED.graphName();
        row.completionDateTime = utc(event.failedAt());
        row.errorCode = event.code().graphName();
        row.errorMessage = event.message();
        inProgressChange--;
        failedChange++;
        return null;
    }

    @Override
    public Void on(RestoreSessionStarted event) {
        status = RestoreSessionStatus.ACTIVE.graphName();
        return null;
    }

    /**
     * A session that ended with failed artifacts carries an error, as Graph's does (docs/api.md, Resources); its
     * details are the failed artifacts' own errors, read from their rows.
     */
    @Override
    public Void on(RestoreSessionEnded event) {
        status = event.status().graphName();
        completedDateTime = utc(event.completedAt());
        int artifacts = event.succeeded() + event.failed();
        if (event.status() == RestoreSessionStatus.FAILED) {
            errorCode = SESSION_FAILED;
            errorMessage = "None of the session's " + artifacts + " artifacts could be restored; each is named in"
                    + " the details.";
        } else if (event.status() == RestoreSessionStatus.COMPLETED_WITH_ERROR) {
            errorCode = SESSION_COMPLETED_WITH_ERROR;
            errorMessage = event.failed() + " of the session's " + artifacts + " artifacts could not be restored;"
                    + " each is named in the details, the others were restored.";
        }
        return null;
    }

    /** A deleted session leaves every Graph path; its events stay in the event store for audit. */
    @Override
    public Void on(RestoreSessionDeleted event) {
        deleted = true;
        return null;
    }

    /** A retired session leaves every Graph path as a deleted one does (docs/api.md, Retention). */
    @Override
    public Void on(RestoreSessionRetired event) {
        deleted = true;
        return null;
    }

    private BulkRequestRow bulkRequest(String requestId) {
        BulkRequestRow row = bulkAdded.get(requestId);
        return row != null ? row : bulkChanged.computeIfAbsent(requestId, id -> new BulkRequestRow(sessionId, id));
    }

    private ArtifactRow artifact(String artifactId) {
        ArtifactRow row = added.get(artifactId);
        return row != null ? row : changed.computeIfAbsent(artifactId, id -> new ArtifactRow(sessionId, id));
    }

    private void modifiedAt(Instant at) {
        lastModified = new Modification(who(), utc(at));
    }

    /** Who caused the event, as its command's sender recorded it in the metadata (absent keys: nobody is named). */
    private Who who() {
        return new Who(text(CallerMetaData.USER_ID), text(CallerMetaData.USER_NAME),
                text(CallerMetaData.APPLICATION_ID), text(CallerMetaData.APPLICATION_NAME));
    }

    private String text(String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    /**
     * Not {@code instant.atOffset(UTC)}, which asks the offset for its rules, and Java 17 makes them anew each time:
     * that was one sample in twenty of a rebuild's thread.
     */
    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.of(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
                ZoneOffset.UTC);
    }

    /** A user, an application, or both (an identitySet), as the read model's columns hold it. */
    record Who(String userId, String userName, String applicationId, String applicationName) {
    }

    record Creation(String tenantId, Who createdBy, OffsetDateTime createdDateTime) {
    }

    record Modification(Who by, OffsetDateTime at) {
    }
}
