package com.m365backup.restore.query.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.m365backup.restore.domain.query.PublicErrorDetail;
import com.m365backup.restore.domain.session.RestoreSessionCreated;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a run of events changes in {@code restore_session}, {@code mailbox_restore_artifact} and
 * {@code bulk_addition_request}: each session's
 * events are folded in memory ({@link RestoreSessionFold}), then every kind of change goes to PostgreSQL as one JDBC
 * batch (the driver rewrites batched inserts into multi-row ones), a handful of round trips for a batch of any size.
 *
 * <p>Idempotent and ordered per session: the rows of the sessions concerned are locked first, and only events past
 * the version a row shows are folded, so a batch delivered twice (a claim taken over by another node, a retry after a
 * failure) changes nothing the second time, and two nodes writing the same session wait for each other.
 *
 * <p>Every statement names its tables without a schema and runs on the connection of the caller's transaction: the
 * audit writes into temporary tables of the same names, which PostgreSQL finds first ({@link PastRestoreSessions}).
 */
@Component
class ReadModelWriter {

    private static final long NO_ROW = Long.MIN_VALUE;
    private static final String ARTIFACT_COLUMNS = "session_id, id, added_sequence, restore_point_id,"
            + " restore_point_expiration_date_time, mailbox_id, destination_type, status, created_date_time,"
            + " start_date_time, completion_date_time, error_code, error_message,"
            + " restored_folder_id, restored_folder_name, restored_item_count, search_response_id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    ReadModelWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies the events (of any sessions, each session's in order) and answers the version each session's row
     * shows afterwards; a session without a row (deleted, or never created) is left out.
     */
    Map<String, Long> write(List<SessionEvent> events) {
        return write(events, false);
    }

    /**
     * As {@link #write}, for events the tables have never been given (a rebuild's copies, filled from the stream's
     * start, each event once): the artifacts they add cannot be there yet, so they are copied in with {@code COPY},
     * PostgreSQL's fastest way in, rather than inserted unless present.
     */
    Map<String, Long> writeFirstTime(List<SessionEvent> events) {
        return write(events, true);
    }

    private Map<String, Long> write(List<SessionEvent> events, boolean firstTime) {
        Map<String, List<SessionEvent>> bySession = new LinkedHashMap<>();
        events.forEach(event -> bySession.computeIfAbsent(event.sessionId(), id -> new ArrayList<>()).add(event));
        insertCreated(bySession);
        Map<String, Long> versions = lockRows(bySession.keySet());
        List<RestoreSessionFold> changes = new ArrayList<>();
        Map<String, Long> shown = new HashMap<>();
        bySession.forEach((sessionId, sessionEvents) -> {
            long version = versions.getOrDefault(sessionId, NO_ROW);
            if (version == NO_ROW) {
                return;
            }
            RestoreSessionFold session = new RestoreSessionFold(sessionId);
            sessionEvents.stream()
                    .filter(event -> event.sequence() > version)
                    .forEach(event -> session.fold(event.event(), event.sequence(), event.metaData()));
            if (session.version > version) {
                changes.add(session);
            }
            if (!session.deleted) {
                shown.put(sessionId, Math.max(version, session.version));
            }
        });
        writeChanges(changes, firstTime);
        return shown;
    }

    /** A session created by these events gets its first row, as its creation alone makes it. */
    private void insertCreated(Map<String, List<SessionEvent>> bySession) {
        List<RestoreSessionFold> created = new ArrayList<>();
        bySession.forEach((sessionId, sessionEvents) -> {
            SessionEvent first = sessionEvents.get(0);
            if (first.event() instanceof RestoreSessionCreated) {
                RestoreSessionFold creation = new RestoreSessionFold(sessionId);
                creation.fold(first.event(), first.sequence(), first.metaData());
                created.add(creation);
            }
        });
        if (created.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into restore_session (id, tenant_id, version, status, restore_job_type,
                    created_by_user_id, created_by_user_name, created_by_application_id, created_by_application_name,
                    created_date_time,
                    last_modified_by_user_id, last_modified_by_user_name,
                    last_modified_by_application_id, last_modified_by_application_name,
                    last_modified_date_time)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""", created, created.size(), (statement, session) -> {
            RestoreSessionFold.Creation creation = session.creation;
            int column = 0;
            statement.setString(++column, session.sessionId);
            statement.setString(++column, creation.tenantId());
            statement.setLong(++column, session.version);
            statement.setString(++column, session.status);
            statement.setString(++column, RestoreSessionFold.STANDARD_RESTORE_JOB);
            column = setWho(statement, column, creation.createdBy());
            setTime(statement, ++column, creation.createdDateTime());
            column = setWho(statement, column, session.lastModified.by());
            setTime(statement, ++column, session.lastModified.at());
        });
    }

    /** The versions the rows show, locked until the transaction ends; in id order, so two writers never deadlock. */
    private Map<String, Long> lockRows(Collection<String> sessionIds) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "select id, version from restore_session where id = any (?) order by id for update");
            statement.setArray(1, connection.createArrayOf("varchar", sessionIds.toArray()));
            return statement;
        }, row -> {
            versions.put(row.getString(1), row.getLong(2));
        });
        return versions;
    }

    private void writeChanges(List<RestoreSessionFold> changes, boolean firstTime) {
        List<RestoreSessionFold> kept = changes.stream().filter(session -> !session.deleted).toList();
        List<ArtifactRow> added = kept.stream().flatMap(session -> session.addedArtifacts().stream()).toList();
        List<ArtifactRow> changed = kept.stream().flatMap(session -> session.changed.values().stream()).toList();
        List<String[]> removed = kept.stream()
                .flatMap(session -> session.removed.stream().map(id -> new String[] {session.sessionId, id}))
                .toList();
        List<BulkRequestRow> bulkAdded = kept.stream()
                .flatMap(session -> session.bulkAdded.values().stream()).toList();
        List<BulkRequestRow> bulkChanged = kept.stream()
                .flatMap(session -> session.bulkChanged.values().stream()).toList();
        List<String[]> bulkRemoved = kept.stream()
                .flatMap(session -> session.bulkRemoved.stream().map(id -> new String[] {session.sessionId, id}))
                .toList();
        if (!added.isEmpty() && firstTime) {
            copyArtifacts(added);
        } else if (!added.isEmpty()) {
            insertArtifacts(added);
        }
        if (!changed.isEmpty()) {
            updateArtifacts(changed);
        }
        if (!removed.isEmpty()) {
            deleteRows(removed, "delete from mailbox_restore_artifact where session_id = ? and id = ?");
        }
        if (!bulkAdded.isEmpty()) {
            insertBulkRequests(bulkAdded);
        }
        if (!bulkChanged.isEmpty()) {
            updateBulkRequests(bulkChanged);
        }
        if (!bulkRemoved.isEmpty()) {
            deleteRows(bulkRemoved, "delete from bulk_addition_request where session_id = ? and id = ?");
        }
        if (!kept.isEmpty()) {
            updateSessions(kept);
        }
        List<String> deleted = changes.stream().filter(session -> session.deleted)
                .map(session -> session.sessionId).toList();
        if (!deleted.isEmpty()) {
            // Its artifacts and bulk request go with it. Said here rather than left to the foreign keys' cascade:
            // a rebuild writes into copies that get their foreign keys only once they are full (ReadModelRebuild).
            deleteOf(deleted, "delete from mailbox_restore_artifact where session_id = ?");
            deleteOf(deleted, "delete from bulk_addition_request where session_id = ?");
            deleteOf(deleted, "delete from restore_session where id = ?");
        }
    }

    /** Deletes rows by their keys: {session id, row id} each. */
    private void deleteRows(List<String[]> keys, String delete) {
        jdbc.batchUpdate(delete, keys, keys.size(), (statement, key) -> {
            statement.setString(1, key[0]);
            statement.setString(2, key[1]);
        });
    }

    private void deleteOf(List<String> sessionIds, String delete) {
        jdbc.batchUpdate(delete, sessionIds, sessionIds.size(),
                (statement, sessionId) -> statement.setString(1, sessionId));
    }

    private void insertArtifacts(List<ArtifactRow> rows) {
        jdbc.batchUpdate("insert into mailbox_restore_artifact (" + ARTIFACT_COLUMNS + ")"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (session_id, id) do nothing", rows, rows.size(), (statement, row) -> {
            int column = 0;
            statement.setString(++column, row.sessionId);
            statement.setString(++column, row.id);
            statement.setLong(++column, row.addedSequence);
            statement.setString(++column, row.restorePointId);
            setTime(statement, ++column, row.restorePointExpiresAt);
            statement.setString(++column, row.mailboxId);
            statement.setString(++column, row.destinationType);
            statement.setString(++column, row.status);
            setTime(statement, ++column, row.createdDateTime);
            setTime(statement, ++column, row.startDateTime);
            setTime(statement, ++column, row.completionDateTime);
            statement.setString(++column, row.errorCode);
            statement.setString(++column, row.errorMessage);
            statement.setString(++column, row.restoredFolderId);
            statement.setString(++column, row.restoredFolderName);
            setInteger(statement, ++column, row.restoredItemCount);
            statement.setString(++column, row.searchResponseId);
        });
    }

    private void copyArtifacts(List<ArtifactRow> rows) {
        CopyRows copy = new CopyRows();
        for (ArtifactRow row : rows) {
            copy.text(row.sessionId).text(row.id).number(row.addedSequence).text(row.restorePointId)
                    .time(row.restorePointExpiresAt).text(row.mailboxId).text(row.destinationType).text(row.status)
                    .time(row.createdDateTime).time(row.startDateTime).time(row.completionDateTime)
                    .text(row.errorCode).text(row.errorMessage).text(row.restoredFolderId)
                    .text(row.restoredFolderName).number(row.restoredItemCount).text(row.searchResponseId).endRow();
        }
        copy.into(jdbc, "mailbox_restore_artifact (" + ARTIFACT_COLUMNS + ")");
    }

    private void insertBulkRequests(List<BulkRequestRow> rows) {
        jdbc.batchUpdate("""
                insert into bulk_addition_request (session_id, id, display_name, destination_type,
                    protection_start_date_time, protection_end_date_time, restore_point_preference, tags, status,
                    mailboxes, directory_object_ids, error_code, error_message, error_details,
                    created_by_user_id, created_by_user_name, created_by_application_id, created_by_application_name,
                    created_date_time,
                    last_modified_by_user_id, last_modified_by_user_name,
                    last_modified_by_application_id, last_modified_by_application_name,
                    last_modified_date_time)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (session_id, id) do nothing""", rows, rows.size(), (statement, row) -> {
            int column = 0;
            statement.setString(++column, row.sessionId);
            statement.setString(++column, row.id);
            statement.setString(++column, row.displayName);
            statement.setString(++column, row.destinationType);
            setTime(statement, ++column, row.protectionStart);
            setTime(statement, ++column, row.protectionEnd);
            statement.setString(++column, row.restorePointPreference);
            statement.setString(++column, row.tags);
            statement.setString(++column, row.status);
            statement.setArray(++column, statement.getConnection().createArrayOf("text", row.mailboxes.toArray()));
            statement.setArray(++column,
                    statement.getConnection().createArrayOf("text", row.directoryObjectIds.toArray()));
            statement.setString(++column, row.errorCode);
            statement.setString(++column, row.errorMessage);
            statement.setString(++column, details(row));
            column = setWho(statement, column, row.createdBy);
            setTime(statement, ++column, row.createdDateTime);
            column = setWho(statement, column, row.lastModified.by());
            setTime(statement, ++column, row.lastModified.at());
        });
    }

    private void updateBulkRequests(List<BulkRequestRow> rows) {
        jdbc.batchUpdate("""
                update bulk_addition_request set
                    status = coalesce(?, status),
                    error_code = coalesce(?, error_code),
                    error_message = coalesce(?, error_message),
                    error_details = coalesce(cast(? as jsonb), error_details),
                    last_modified_by_user_id = case when ? then ? else last_modified_by_user_id end,
                    last_modified_by_user_name = case when ? then ? else last_modified_by_user_name end,
                    last_modified_by_application_id = case when ? then ? else last_modified_by_application_id end,
                    last_modified_by_application_name =
                        case when ? then ? else last_modified_by_application_name end,
                    last_modified_date_time = case when ? then ? else last_modified_date_time end
                where session_id = ? and id = ?""", rows, rows.size(), (statement, row) -> {
            int column = 0;
            statement.setString(++column, row.status);
            statement.setString(++column, row.errorCode);
            statement.setString(++column, row.errorMessage);
            statement.setString(++column, details(row));
            column = setModification(statement, column, row.lastModified);
            statement.setString(++column, row.sessionId);
            statement.setString(++column, row.id);
        });
    }

    /** The unresolved mailboxes as the error's details: Graph's publicErrorDetail, the mailbox as its target. */
    private static String details(BulkRequestRow row) {
        if (row.errorDetails == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(row.errorDetails.stream()
                    .map(unresolved -> new PublicErrorDetail(unresolved.code(), unresolved.message(),
                            unresolved.mailbox()))
                    .toList());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Error details of strings always render as JSON", impossible);
        }
    }

    private void updateArtifacts(List<ArtifactRow> rows) {
        jdbc.batchUpdate("""
                update mailbox_restore_artifact set
                    status = coalesce(?, status),
                    start_date_time = coalesce(?, start_date_time),
                    completion_date_time = coalesce(?, completion_date_time),
                    error_code = coalesce(?, error_code),
                    error_message = coalesce(?, error_message),
                    restored_folder_id = coalesce(?, restored_folder_id),
                    restored_folder_name = coalesce(?, restored_folder_name),
                    restored_item_count = coalesce(?, restored_item_count)
                where session_id = ? and id = ?""", rows, rows.size(), (statement, row) -> {
            int column = 0;
            statement.setString(++column, row.status);
            setTime(statement, ++column, row.startDateTime);
            setTime(statement, ++column, row.completionDateTime);
            statement.setString(++column, row.errorCode);
            statement.setString(++column, row.errorMessage);
            statement.setString(++column, row.restoredFolderId);
            statement.setString(++column, row.restoredFolderName);
            setInteger(statement, ++column, row.restoredItemCount);
            statement.setString(++column, row.sessionId);
            statement.setString(++column, row.id);
        });
    }

    private void updateSessions(List<RestoreSessionFold> sessions) {
        jdbc.batchUpdate("""
                update restore_session set
                    version = ?,
                    status = coalesce(?, status),
                    restore_job_type = coalesce(?, restore_job_type),
                    completed_date_time = coalesce(?, completed_date_time),
                    error_code = coalesce(?, error_code),
                    error_message = coalesce(?, error_message),
                    last_modified_by_user_id = case when ? then ? else last_modified_by_user_id end,
                    last_modified_by_user_name = case when ? then ? else last_modified_by_user_name end,
                    last_modified_by_application_id = case when ? then ? else last_modified_by_application_id end,
                    last_modified_by_application_name =
                        case when ? then ? else last_modified_by_application_name end,
                    last_modified_date_time = case when ? then ? else last_modified_date_time end,
                    artifacts_total = artifacts_total + ?,
                    artifacts_completed = artifacts_completed + ?,
                    artifacts_failed = artifacts_failed + ?,
                    artifacts_in_progress = artifacts_in_progress + ?
                where id = ?""", sessions, sessions.size(), (statement, session) -> {
            int column = 0;
            statement.setLong(++column, session.version);
            // A creation in this run was written by insertCreated: its status is there already, or changed since.
            statement.setString(++column, session.status);
            statement.setString(++column, session.restoreJobType);
            setTime(statement, ++column, session.completedDateTime);
            statement.setString(++column, session.errorCode);
            statement.setString(++column, session.errorMessage);
            column = setModification(statement, column, session.lastModified);
            statement.setInt(++column, session.totalChange);
            statement.setInt(++column, session.completedChange);
            statement.setInt(++column, session.failedChange);
            statement.setInt(++column, session.inProgressChange);
            statement.setString(++column, session.sessionId);
        });
    }

    /** The five last-modified columns, each left as it is when {@code modified} is null. */
    private static int setModification(PreparedStatement statement, int column,
                                       RestoreSessionFold.Modification modified) throws SQLException {
        boolean isModified = modified != null;
        RestoreSessionFold.Who by = isModified ? modified.by() : null;
        statement.setBoolean(++column, isModified);
        statement.setString(++column, by == null ? null : by.userId());
        statement.setBoolean(++column, isModified);
        statement.setString(++column, by == null ? null : by.userName());
        statement.setBoolean(++column, isModified);
        statement.setString(++column, by == null ? null : by.applicationId());
        statement.setBoolean(++column, isModified);
        statement.setString(++column, by == null ? null : by.applicationName());
        statement.setBoolean(++column, isModified);
        setTime(statement, ++column, isModified ? modified.at() : null);
        return column;
    }

    private static int setWho(PreparedStatement statement, int column, RestoreSessionFold.Who who)
            throws SQLException {
        statement.setString(++column, who.userId());
        statement.setString(++column, who.userName());
        statement.setString(++column, who.applicationId());
        statement.setString(++column, who.applicationName());
        return column;
    }

    private static void setTime(PreparedStatement statement, int column, OffsetDateTime time) throws SQLException {
        if (time == null) {
            statement.setNull(column, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(column, time);
        }
    }

    private static void setInteger(PreparedStatement statement, int column, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(column, Types.INTEGER);
        } else {
            statement.setInt(column, value);
        }
    }
}
