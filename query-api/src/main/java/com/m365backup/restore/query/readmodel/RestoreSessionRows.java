package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.caller.Identity;
import com.m365backup.restore.caller.IdentitySet;
import com.m365backup.restore.query.ArtifactCount;
import com.m365backup.restore.query.MailboxRestoreArtifactView;
import com.m365backup.restore.query.PublicError;
import com.m365backup.restore.query.RestorePointReference;
import com.m365backup.restore.query.RestoreSessionView;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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

    static final String ARTIFACT_COLUMNS = """
            a.session_id, a.id, a.restore_point_id, a.restore_point_expiration_date_time, a.destination_type,
            a.status, a.created_date_time, a.start_date_time, a.completion_date_time,
            a.error_code, a.error_message, a.error_target,
            a.restored_folder_id, a.restored_folder_name, a.restored_item_count,
            (select rp.protection_date_time from restore_point rp join restore_session rs on rs.id = a.session_id
             where rp.tenant_id = rs.tenant_id and rp.id = a.restore_point_id) as restore_point_protection_date_time""";

    /**
     * The artifact columns of a session read with its artifacts in one statement: named {@code a_*} beside the
     * session's, the restore point's time joined once rather than looked up per row.
     */
    static final String JOINED_ARTIFACT_COLUMNS = """
            a.session_id as a_session_id, a.id as a_id, a.restore_point_id as a_restore_point_id,
            a.restore_point_expiration_date_time as a_restore_point_expiration_date_time,
            a.destination_type as a_destination_type, a.status as a_status,
            a.created_date_time as a_created_date_time, a.start_date_time as a_start_date_time,
            a.completion_date_time as a_completion_date_time, a.error_code as a_error_code,
            a.error_message as a_error_message, a.error_target as a_error_target,
            a.restored_folder_id as a_restored_folder_id, a.restored_folder_name as a_restored_folder_name,
            a.restored_item_count as a_restored_item_count,
            rp.protection_date_time as a_restore_point_protection_date_time""";

    /** The artifacts joined to their session, and to their restore point for when it was taken. */
    static final String JOINED_ARTIFACTS = """
            left join mailbox_restore_artifact a on a.session_id = s.id
            left join restore_point rp on rp.tenant_id = s.tenant_id and rp.id = a.restore_point_id""";

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
                error(row),
                row.getString("restore_job_type"),
                new ArtifactCount(row.getInt("artifacts_total"), row.getInt("artifacts_completed"),
                        row.getInt("artifacts_failed"), row.getInt("artifacts_in_progress")),
                null);
    }

    static MailboxRestoreArtifactView artifact(ResultSet row, int rowNumber) throws SQLException {
        return artifact(row, "");
    }

    /** The artifact of a row whose artifact columns are named with {@code prefix}; null when the row has none. */
    static MailboxRestoreArtifactView artifact(ResultSet row, String prefix) throws SQLException {
        if (row.getString(prefix + "id") == null) {
            return null;
        }
        return new MailboxRestoreArtifactView(
                row.getString(prefix + "id"),
                row.getString(prefix + "session_id"),
                // When the restore point was taken is the catalog's to say, not the events'.
                new RestorePointReference(row.getString(prefix + "restore_point_id"),
                        time(row, prefix + "restore_point_protection_date_time"),
                        time(row, prefix + "restore_point_expiration_date_time")),
                row.getString(prefix + "destination_type"),
                row.getString(prefix + "status"),
                time(row, prefix + "created_date_time"),
                time(row, prefix + "start_date_time"),
                time(row, prefix + "completion_date_time"),
                error(row, prefix),
                row.getString(prefix + "restored_folder_id"),
                row.getString(prefix + "restored_folder_name"),
                row.getObject(prefix + "restored_item_count", Integer.class));
    }

    static RestoreSessionView withArtifacts(RestoreSessionView session, List<MailboxRestoreArtifactView> artifacts) {
        return new RestoreSessionView(session.id(), session.tenantId(), session.version(), session.status(),
                session.createdBy(), session.createdDateTime(), session.lastModifiedBy(),
                session.lastModifiedDateTime(), session.completedDateTime(), session.error(),
                session.restoreJobType(), session.restoreSessionArtifactCount(), List.copyOf(artifacts));
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
        return error(row, "");
    }

    private static PublicError error(ResultSet row, String prefix) throws SQLException {
        String code = row.getString(prefix + "error_code");
        return code == null ? null : new PublicError(code, row.getString(prefix + "error_message"),
                row.getString(prefix + "error_target"));
    }

    private static OffsetDateTime time(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }
}
