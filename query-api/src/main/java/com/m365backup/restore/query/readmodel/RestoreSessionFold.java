package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.caller.CallerMetaData;
import com.m365backup.restore.session.ArtifactRestoreFailed;
import com.m365backup.restore.session.ArtifactRestoreScheduled;
import com.m365backup.restore.session.ArtifactRestoreScheduling;
import com.m365backup.restore.session.ArtifactRestoreStarted;
import com.m365backup.restore.session.ArtifactRestoreStatus;
import com.m365backup.restore.session.ArtifactRestoreSucceeded;
import com.m365backup.restore.session.MailboxArtifactAdded;
import com.m365backup.restore.session.MailboxArtifactRemoved;
import com.m365backup.restore.session.RestoreSessionActivated;
import com.m365backup.restore.session.RestoreSessionCreated;
import com.m365backup.restore.session.RestoreSessionDeleted;
import com.m365backup.restore.session.RestoreSessionEnded;
import com.m365backup.restore.session.RestoreSessionStarted;
import com.m365backup.restore.session.RestoreSessionStatus;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How the events of a restore session change {@code restore_session} and {@code mailbox_restore_artifact}: the one
 * fold of a session's state, used by the projection for the live read model and by the audit for a session's past
 * state (DESIGN.md, Audit replay; STYLE.md: one copy of the fold).
 *
 * <p>Idempotent: every change is guarded by the session's {@code version} (the sequence number of the last event
 * applied), so an event delivered twice, as after a claim stolen by another node, changes nothing the second time.
 * The artifact count is recounted from the rows rather than added to, so it cannot drift.
 *
 * <p>Every statement names its tables without a schema and runs on the connection of the caller's transaction: the
 * audit folds into temporary tables of the same names, which PostgreSQL finds first ({@link PastRestoreSessions}).
 */
@Component
class RestoreSessionFold {

    /** Only standard restore jobs exist so far (spec/api.md, Resources). */
    private static final String STANDARD_RESTORE_JOB = "standard";

    private final NamedParameterJdbcTemplate jdbc;

    RestoreSessionFold(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies any event of a session; an event this fold does not know changes nothing. */
    void apply(Object event, long sequence, MetaData metaData) {
        if (event instanceof RestoreSessionCreated created) {
            on(created, sequence, metaData);
        } else if (event instanceof MailboxArtifactAdded added) {
            on(added, sequence, metaData);
        } else if (event instanceof MailboxArtifactRemoved removed) {
            on(removed, sequence, metaData);
        } else if (event instanceof RestoreSessionActivated activated) {
            on(activated, sequence, metaData);
        } else if (event instanceof ArtifactRestoreScheduling scheduling) {
            on(scheduling, sequence, metaData);
        } else if (event instanceof ArtifactRestoreScheduled scheduled) {
            on(scheduled, sequence, metaData);
        } else if (event instanceof ArtifactRestoreStarted started) {
            on(started, sequence, metaData);
        } else if (event instanceof ArtifactRestoreSucceeded succeeded) {
            on(succeeded, sequence, metaData);
        } else if (event instanceof ArtifactRestoreFailed failed) {
            on(failed, sequence, metaData);
        } else if (event instanceof RestoreSessionStarted started) {
            on(started, sequence, metaData);
        } else if (event instanceof RestoreSessionEnded ended) {
            on(ended, sequence, metaData);
        } else if (event instanceof RestoreSessionDeleted deleted) {
            on(deleted, sequence, metaData);
        }
    }

    void on(RestoreSessionCreated event, long sequence, MetaData metaData) {
        MapSqlParameterSource row = change(event.sessionId(), sequence, event.createdAt(), metaData)
                .addValue("tenantId", event.tenantId())
                .addValue("status", RestoreSessionStatus.DRAFT.graphName())
                .addValue("restoreJobType", STANDARD_RESTORE_JOB);
        jdbc.update("""
                insert into restore_session (id, tenant_id, version, status, restore_job_type,
                    created_by_user_id, created_by_user_name, created_by_application_id, created_by_application_name,
                    created_date_time,
                    last_modified_by_user_id, last_modified_by_user_name,
                    last_modified_by_application_id, last_modified_by_application_name,
                    last_modified_date_time)
                values (:sessionId, :tenantId, :sequence, :status, :restoreJobType,
                    :userId, :userName, :applicationId, :applicationName, :at,
                    :userId, :userName, :applicationId, :applicationName, :at)
                on conflict (id) do nothing""", row);
    }

    void on(MailboxArtifactAdded event, long sequence, MetaData metaData) {
        MapSqlParameterSource row = change(event.sessionId(), sequence, event.addedAt(), metaData)
                .addValue("artifactId", event.artifactId())
                .addValue("restorePointId", event.restorePointId())
                .addValue("expiresAt", utc(event.restorePointExpiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("mailboxId", event.mailboxId())
                .addValue("destinationType", event.destinationType().graphName())
                .addValue("status", ArtifactRestoreStatus.ADDED.graphName());
        jdbc.update("""
                insert into mailbox_restore_artifact (session_id, id, added_sequence, restore_point_id,
                    restore_point_expiration_date_time, mailbox_id, destination_type, status, created_date_time)
                select :sessionId, :artifactId, :sequence, :restorePointId,
                    :expiresAt, :mailboxId, :destinationType, :status, :at
                where exists (select 1 from restore_session where id = :sessionId and version < :sequence)
                on conflict (session_id, id) do nothing""", row);
        modified(row);
    }

    void on(MailboxArtifactRemoved event, long sequence, MetaData metaData) {
        MapSqlParameterSource row = change(event.sessionId(), sequence, event.removedAt(), metaData)
                .addValue("artifactId", event.artifactId());
        jdbc.update("""
                delete from mailbox_restore_artifact
                where session_id = :sessionId and id = :artifactId
                  and exists (select 1 from restore_session where id = :sessionId and version < :sequence)""", row);
        modified(row);
    }

    void on(RestoreSessionActivated event, long sequence, MetaData metaData) {
        MapSqlParameterSource row = change(event.sessionId(), sequence, event.activatedAt(), metaData)
                .addValue("status", RestoreSessionStatus.ACTIVATING.graphName());
        jdbc.update("""
                update restore_session set status = :status
                where id = :sessionId and version < :sequence""", row);
        modified(row);
    }

    void on(ArtifactRestoreScheduling event, long sequence, MetaData metaData) {
        artifactProgressed(change(event.sessionId(), sequence, event.schedulingAt(), metaData)
                .addValue("artifactId", event.artifactId())
                .addValue("status", ArtifactRestoreStatus.SCHEDULING.graphName()), "");
    }

    void on(ArtifactRestoreScheduled event, long sequence, MetaData metaData) {
        artifactProgressed(change(event.sessionId(), sequence, event.scheduledAt(), metaData)
                .addValue("artifactId", event.artifactId())
                .addValue("status", ArtifactRestoreStatus.SCHEDULED.graphName()), "");
    }

    void on(ArtifactRestoreStarted event, long sequence, MetaData metaData) {
        artifactProgressed(change(event.sessionId(), sequence, event.startedAt(), metaData)
                .addValue("artifactId", event.artifactId())
                .addValue("status", ArtifactRestoreStatus.IN_PROGRESS.graphName()), ", start_date_time = :at");
    }

    void on(ArtifactRestoreSucceeded event, long sequence, MetaData metaData) {
        artifactProgressed(change(event.sessionId(), sequence, event.completedAt(), metaData)
                .addValue("artifactId", event.artifactId())
                .addValue("status", ArtifactRestoreStatus.SUCCEEDED.graphName())
                .addValue("folderId", event.restoredFolderId())
                .addValue("folderName", event.restoredFolderName())
                .addValue("itemCount", event.restoredItemCount()), """
                , completion_date_time = :at, restored_folder_id = :folderId, restored_folder_name = :folderName,
                  restored_item_count = :itemCount""");
    }

    void on(ArtifactRestoreFailed event, long sequence, MetaData metaData) {
        artifactProgressed(change(event.sessionId(), sequence, event.failedAt(), metaData)
                .addValue("artifactId", event.artifactId())
                .addValue("status", ArtifactRestoreStatus.FAILED.graphName())
                .addValue("errorCode", event.code().graphName())
                .addValue("errorMessage", event.message()), """
                , completion_date_time = :at, error_code = :errorCode, error_message = :errorMessage""");
    }

    void on(RestoreSessionStarted event, long sequence, MetaData metaData) {
        MapSqlParameterSource row = change(event.sessionId(), sequence, event.startedAt(), metaData)
                .addValue("status", RestoreSessionStatus.ACTIVE.graphName());
        jdbc.update("""
                update restore_session set status = :status, version = :sequence
                where id = :sessionId and version < :sequence""", row);
    }

    void on(RestoreSessionEnded event, long sequence, MetaData metaData) {
        MapSqlParameterSource row = change(event.sessionId(), sequence, event.completedAt(), metaData)
                .addValue("status", event.status().graphName());
        jdbc.update("""
                update restore_session set status = :status, completed_date_time = :at, version = :sequence
                where id = :sessionId and version < :sequence""", row);
    }

    /** A deleted session leaves every Graph path; its events stay in the event store for audit. */
    void on(RestoreSessionDeleted event, long sequence, MetaData metaData) {
        jdbc.update("delete from restore_session where id = :sessionId and version < :sequence",
                change(event.sessionId(), sequence, event.deletedAt(), metaData));
    }

    /** Moves the session to the event's version, who and when, unless it already shows that event. */
    private void modified(MapSqlParameterSource row) {
        jdbc.update("""
                update restore_session set
                    version = :sequence,
                    last_modified_by_user_id = :userId, last_modified_by_user_name = :userName,
                    last_modified_by_application_id = :applicationId,
                    last_modified_by_application_name = :applicationName,
                    last_modified_date_time = :at,
                    artifacts_total = (select count(*) from mailbox_restore_artifact where session_id = :sessionId)
                where id = :sessionId and version < :sequence""", row);
    }

    /**
     * An artifact moved a step of its restore (the engine's doing, so the session's last modification stays the
     * user's): its row, then the session's version and counts, recounted from the rows.
     */
    private void artifactProgressed(MapSqlParameterSource row, String moreColumns) {
        jdbc.update("""
                update mailbox_restore_artifact set status = :status %s
                where session_id = :sessionId and id = :artifactId
                  and exists (select 1 from restore_session where id = :sessionId and version < :sequence)"""
                .formatted(moreColumns), row);
        jdbc.update("""
                update restore_session set
                    version = :sequence,
                    artifacts_completed = (select count(*) from mailbox_restore_artifact
                        where session_id = :sessionId and status = 'succeeded'),
                    artifacts_failed = (select count(*) from mailbox_restore_artifact
                        where session_id = :sessionId and status = 'failed'),
                    artifacts_in_progress = (select count(*) from mailbox_restore_artifact
                        where session_id = :sessionId and status in ('scheduling', 'scheduled', 'inProgress'))
                where id = :sessionId and version < :sequence""", row);
    }

    /**
     * The session, the event's version and time, and who caused it as the command's sender recorded it in the
     * metadata (absent keys: nobody is named).
     */
    private static MapSqlParameterSource change(String sessionId, long sequence, Instant at, MetaData metaData) {
        return new MapSqlParameterSource()
                .addValue("sessionId", sessionId)
                .addValue("sequence", sequence)
                .addValue("at", utc(at), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("userId", metaData.get(CallerMetaData.USER_ID), Types.VARCHAR)
                .addValue("userName", metaData.get(CallerMetaData.USER_NAME), Types.VARCHAR)
                .addValue("applicationId", metaData.get(CallerMetaData.APPLICATION_ID), Types.VARCHAR)
                .addValue("applicationName", metaData.get(CallerMetaData.APPLICATION_NAME), Types.VARCHAR);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
