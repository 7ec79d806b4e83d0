package com.m365backup.restore.query.restorepoint;

import com.m365backup.restore.domain.query.MailboxProtectionUnitView;
import com.m365backup.restore.domain.query.RestorePointView;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** How the catalog's rows read as Graph's shapes, the same for every question asked of them. */
final class CatalogRows {

    /** A protection unit's columns, from {@code protection_unit pu}. */
    static final String UNIT_COLUMNS = """
            pu.id as unit_id, pu.directory_object_id, pu.display_name, pu.email,
            pu.created_date_time as unit_created, pu.last_modified_date_time as unit_modified""";

    /** A restore point's columns with its unit's, from {@code restore_point rp} joined to its unit. */
    static final String RESTORE_POINT_COLUMNS = """
            rp.id, rp.protection_date_time, rp.expiration_date_time, rp.tags,
            """ + UNIT_COLUMNS + """

            from restore_point rp
            join protection_unit pu on pu.tenant_id = rp.tenant_id and pu.id = rp.protection_unit_id""";

    private CatalogRows() {
    }

    static MailboxProtectionUnitView unit(ResultSet row, int rowNumber) throws SQLException {
        return new MailboxProtectionUnitView(row.getString("unit_id"), row.getString("directory_object_id"),
                row.getString("display_name"), row.getString("email"),
                row.getObject("unit_created", OffsetDateTime.class),
                row.getObject("unit_modified", OffsetDateTime.class));
    }

    static RestorePointView restorePoint(ResultSet row, int rowNumber) throws SQLException {
        return new RestorePointView(row.getString("id"),
                row.getObject("protection_date_time", OffsetDateTime.class),
                row.getObject("expiration_date_time", OffsetDateTime.class),
                row.getString("tags"),
                unit(row, rowNumber));
    }
}
