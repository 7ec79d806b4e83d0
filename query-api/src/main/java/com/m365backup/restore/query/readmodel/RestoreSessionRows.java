package com.m365backup.restore.query.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.m365backup.restore.domain.caller.Identity;
import com.m365backup.restore.domain.caller.IdentitySet;
import com.m365backup.restore.domain.query.ArtifactCount;
import com.m365backup.restore.domain.query.BulkAdditionRequestView;
import com.m365backup.restore.domain.query.MailboxRestoreArtifactView;
import com.m365backup.restore.domain.query.PublicError;
import com.m365backup.restore.domain.query.PublicErrorDetail;
import com.m365backup.restore.domain.query.RestorePointReference;
import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.query.TimePeriodView;
import com.m365backup.restore.domain.session.ArtifactRestoreStatus;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Reads the rows of the read model back into Graph's shapes. */
final class RestoreSessionRows {

    static final String SESSION_COLUMNS = """
            s.id, s.tenant_id, s.version, s.status, s.restore_job_type,
            s.created_by_user_id, s.created_by_user_name, s.created_by_application_id, s.created_by_application_name,
            s.created_date_time,
            s.last_modified_by_user_id, s.last_modified_by_user_name,
            s.last_modified_by_application_id, s.last_modified_by_application_name,
            s.last_modified_date_time, s.completed_date_time, s.error_code, s.error_message, s.error_target,
            s.artifacts_total, s.artifacts_completed, s.artifacts_failed, s.artifacts_in_progress""";

    /**
     * The details of a session's error: each failed artifact's own error, the artifact's id as its target. A column of
     * a statement that reads sessions without their artifacts; a session read with them takes its details from them.
     */
    static final String SESSION_ERROR_DETAILS = """
            case when s.error_code is null then null else (
                select json_agg(json_build_object('code', fa.error_code, 'message', fa.error_message, 'target', fa.id)
                                order by fa.added_sequence)
                from mailbox_restore_artifact fa where fa.session_id = s.id and fa.status = 'failed') end
            as error_details""";

    /** The place of {@link #SESSION_ERROR_DETAILS} in a statement that reads the artifacts too. */
    static final String NO_SESSION_ERROR_DETAILS = "null as error_details";

    static final String ARTIFACT_COLUMNS = """
            a.session_id, a.id, a.restore_point_id, a.restore_point_expiration_date_time, a.destination_type,
            a.status, a.created_date_time, a.start_date_time, a.completion_date_time,
            a.error_code, a.error_message, a.error_target,
            a.restored_folder_id, a.restored_folder_name, a.restored_item_count, a.search_response_id,
            (select rp.protection_date_time from restore_point rp join restore_session rs on rs.id = a.session_id
             where rp.tenant_id = rs.tenant_id and rp.id = a.restore_point_id) as restore_point_protection_date_time""";

    /**
     * The artifact columns of a session read with its artifacts in one statement: named {@code a_*} beside the
     * session's. The restore point's time is a subquery per artifact, one primary-key probe each: as a join the
     * planner merges the artifacts with the tenant's whole catalog in key order (measured: 11 ms for 50 artifacts
     * against 10,000 restore points with random ids, 0.2 ms as a subquery).
     */
    static final String JOINED_ARTIFACT_COLUMNS = """
            a.session_id as a_session_id, a.id as a_id, a.restore_point_id as a_restore_point_id,
            a.restore_point_expiration_date_time as a_restore_point_expiration_date_time,
            a.destination_type as a_destination_type, a.status as a_status,
            a.created_date_time as a_created_date_time, a.start_date_time as a_start_date_time,
            a.completion_date_time as a_completion_date_time, a.error_code as a_error_code,
            a.error_message as a_error_message, a.error_target as a_error_target,
            a.restored_folder_id as a_restored_folder_id, a.restored_folder_name as a_restored_folder_name,
            a.restored_item_count as a_restored_item_count, a.search_response_id as a_search_response_id,
            (select rp.protection_date_time from restore_point rp
             where rp.tenant_id = s.tenant_id and rp.id = a.restore_point_id) as a_restore_point_protection_date_time""";

    /** A bulk addition request; its mailboxes only when asked for, as they may be 10,000. */
    static final String BULK_REQUEST_COLUMNS = """
            b.session_id, b.id, b.display_name, b.destination_type, b.protection_start_date_time,
            b.protection_end_date_time, b.restore_point_preference, b.tags, b.status, b.directory_object_ids,
            b.error_code, b.error_message, b.error_details,
            b.created_by_user_id, b.created_by_user_name, b.created_by_application_id, b.created_by_application_name,
            b.created_date_time,
            b.last_modified_by_user_id, b.last_modified_by_user_name,
            b.last_modified_by_application_id, b.last_modified_by_application_name,
            b.last_modified_date_time""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<PublicErrorDetail>> DETAILS = new TypeReference<>() {
    };

    /** The artifacts joined to their session. */
    static final String JOINED_ARTIFACTS = """
            left join mailbox_restore_artifact a on a.session_id = s.id""";

    private RestoreSessionRows() {
    }

    /** A session without its artifacts (not expanded). */
    static RestoreSessionView session(ResultSet row, int rowNumber) throws SQLException {
        return new RestoreSessionView(
                row.getString("id"),
                row.getString("tenant_id"),
                row.getLong("version"),
                row.getString("status"),
                identitySet(row, "created_by_"),
                time(row, "created_date_time"),
                identitySet(row, "last_modified_by_"),
                time(row, "last_modified_date_time"),
                time(row, "completed_date_time"),
                sessionError(row),
                row.getString("restore_job_type"),
                new ArtifactCount(row.getInt("artifacts_total"), row.getInt("artifacts_completed"),
                        row.getInt("artifacts_failed"), row.getInt("artifacts_in_progress")),
                null);
    }

    static MailboxRestoreArtifactView artifact(ResultSet row, int rowNumber) throws SQLException {
        return artifact(row, ArtifactColumns.OWN);
    }

    /** The artifact of a row whose artifact columns are named as {@code columns} says; null when the row has none. */
    static MailboxRestoreArtifactView artifact(ResultSet row, ArtifactColumns columns) throws SQLException {
        String id = row.getString(columns.id);
        if (id == null) {
            return null;
        }
        String errorCode = row.getString(columns.errorCode);
        return new MailboxRestoreArtifactView(
                id,
                row.getString(columns.sessionId),
                // When the restore point was taken is the catalog's to say, not the events'.
                new RestorePointReference(row.getString(columns.restorePointId),
                        time(row, columns.restorePointProtectionDateTime),
                        time(row, columns.restorePointExpirationDateTime)),
                row.getString(columns.destinationType),
                row.getString(columns.status),
                time(row, columns.createdDateTime),
                time(row, columns.startDateTime),
                time(row, columns.completionDateTime),
                errorCode == null ? null : new PublicError(errorCode, row.getString(columns.errorMessage),
                        row.getString(columns.errorTarget)),
                row.getString(columns.restoredFolderId),
                row.getString(columns.restoredFolderName),
                row.getObject(columns.restoredItemCount, Integer.class),
                row.getString(columns.searchResponseId));
    }

    /**
     * The names of an artifact's columns: its own ({@link #ARTIFACT_COLUMNS}) or {@code a_*} beside its session's
     * ({@link #JOINED_ARTIFACT_COLUMNS}). Made once rather than joined for every column of every row: a GET of 50
     * artifacts otherwise built and hashed 850 names, a twentieth of its time.
     */
    static final class ArtifactColumns {

        static final ArtifactColumns OWN = new ArtifactColumns("");
        static final ArtifactColumns JOINED = new ArtifactColumns("a_");

        private final String id;
        private final String sessionId;
        private final String restorePointId;
        private final String restorePointProtectionDateTime;
        private final String restorePointExpirationDateTime;
        private final String destinationType;
        private final String status;
        private final String createdDateTime;
        private final String startDateTime;
        private final String completionDateTime;
        private final String errorCode;
        private final String errorMessage;
        private final String errorTarget;
        private final String restoredFolderId;
        private final String restoredFolderName;
        private final String restoredItemCount;
        private final String searchResponseId;

        private ArtifactColumns(String prefix) {
            id = prefix + "id";
            sessionId = prefix + "session_id";
            restorePointId = prefix + "restore_point_id";
            restorePointProtectionDateTime = prefix + "restore_point_protection_date_time";
            restorePointExpirationDateTime = prefix + "restore_point_expiration_date_time";
            destinationType = prefix + "destination_type";
            status = prefix + "status";
            createdDateTime = prefix + "created_date_time";
            startDateTime = prefix + "start_date_time";
            completionDateTime = prefix + "completion_date_time";
            errorCode = prefix + "error_code";
            errorMessage = prefix + "error_message";
            errorTarget = prefix + "error_target";
            restoredFolderId = prefix + "restored_folder_id";
            restoredFolderName = prefix + "restored_folder_name";
            restoredItemCount = prefix + "restored_item_count";
            searchResponseId = prefix + "search_response_id";
        }
    }

    /**
     * The session with its artifacts expanded; its error's details, when it has an error, are those of its failed
     * artifacts, as {@link #SESSION_ERROR_DETAILS} reads them without the artifacts.
     */
    static RestoreSessionView withArtifacts(RestoreSessionView session, List<MailboxRestoreArtifactView> artifacts) {
        RestoreSessionView expanded = session.withArtifacts(artifacts);
        PublicError error = session.error();
        if (error == null) {
            return expanded;
        }
        List<PublicErrorDetail> details = artifacts.stream()
                .filter(artifact -> ArtifactRestoreStatus.FAILED.graphName().equals(artifact.status()))
                .map(artifact -> new PublicErrorDetail(artifact.error() == null ? null : artifact.error().code(),
                        artifact.error() == null ? null : artifact.error().message(), artifact.id()))
                .toList();
        return new RestoreSessionView(expanded.id(), expanded.tenantId(), expanded.version(), expanded.status(),
                expanded.createdBy(), expanded.createdDateTime(), expanded.lastModifiedBy(),
                expanded.lastModifiedDateTime(), expanded.completedDateTime(),
                new PublicError(error.code(), error.message(), error.target(), details), expanded.restoreJobType(),
                expanded.restoreSessionArtifactCount(), expanded.mailboxRestoreArtifacts(),
                expanded.granularMailboxRestoreArtifacts(), expanded.mailboxRestoreArtifactsBulkAdditionRequests());
    }

    /** A bulk addition request of {@link #BULK_REQUEST_COLUMNS}, with its mailboxes when they were read too. */
    static BulkAdditionRequestView bulkRequest(ResultSet row, boolean withMailboxes) throws SQLException {
        String errorCode = row.getString("error_code");
        return new BulkAdditionRequestView(
                row.getString("id"),
                row.getString("session_id"),
                row.getString("display_name"),
                row.getString("destination_type"),
                new TimePeriodView(time(row, "protection_start_date_time"), time(row, "protection_end_date_time")),
                row.getString("restore_point_preference"),
                row.getString("tags"),
                row.getString("status"),
                errorCode == null ? null : new PublicError(errorCode, row.getString("error_message"), null,
                        details(row.getString("error_details"))),
                withMailboxes ? strings(row.getArray("mailboxes")) : null,
                strings(row.getArray("directory_object_ids")),
                identitySet(row, "created_by_"),
                time(row, "created_date_time"),
                identitySet(row, "last_modified_by_"),
                time(row, "last_modified_date_time"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static PublicError sessionError(ResultSet row) throws SQLException {
        PublicError error = error(row);
        String details = row.getString("error_details");
        return error == null || details == null ? error
                : new PublicError(error.code(), error.message(), error.target(), details(details));
    }

    private static List<PublicErrorDetail> details(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, DETAILS);
        } catch (JsonProcessingException notDetails) {
            throw new IllegalStateException("The read model holds error details that are not a JSON list", notDetails);
        }
    }

    private static IdentitySet identitySet(ResultSet row, String prefix) throws SQLException {
        Identity user = identity(row.getString(prefix + "user_id"), row.getString(prefix + "user_name"));
        Identity application = identity(row.getString(prefix + "application_id"),
                row.getString(prefix + "application_name"));
        return user == null && application == null ? null : new IdentitySet(user, application);
    }

    private static Identity identity(String id, String displayName) {
        return id == null && displayName == null ? null : new Identity(id, displayName);
    }

    private static PublicError error(ResultSet row) throws SQLException {
        String code = row.getString("error_code");
        return code == null ? null : new PublicError(code, row.getString("error_message"),
                row.getString("error_target"));
    }

    private static OffsetDateTime time(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }
}
