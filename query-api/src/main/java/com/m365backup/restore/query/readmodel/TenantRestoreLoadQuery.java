package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.domain.query.MeasureTenantRestoreLoad;
import com.m365backup.restore.domain.query.TenantRestoresInProgress;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Measures how much restoring a tenant has going on, for the tenant limits of activation (docs/api.md, Lifecycle):
 * its sessions activating or active, and their artifacts that have not ended.
 */
@Component
class TenantRestoreLoadQuery {

    private final NamedParameterJdbcTemplate jdbc;

    TenantRestoreLoadQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    TenantRestoresInProgress handle(MeasureTenantRestoreLoad query) {
        // From the sessions' own counts, not their artifacts' rows: a tenant may have thousands of mailboxes in restore.
        return jdbc.queryForObject("""
                        select count(*) as sessions,
                               coalesce(sum(artifacts_total - artifacts_completed - artifacts_failed), 0) as mailboxes
                        from restore_session
                        where tenant_id = :tenantId and status in ('activating', 'active')""",
                new MapSqlParameterSource("tenantId", query.tenantId()),
                (row, rowNumber) -> new TenantRestoresInProgress(row.getInt("sessions"), row.getInt("mailboxes")));
    }
}
