package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.query.MeasureTenantRestoreLoad;
import com.m365backup.restore.query.TenantRestoresInProgress;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Measures how much restoring a tenant has going on, for the tenant limits of activation (spec/api.md, Lifecycle):
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
        return jdbc.queryForObject("""
                        select count(distinct s.id) as sessions,
                               count(a.id) filter (where a.status not in ('succeeded', 'failed')) as mailboxes
                        from restore_session s
                        left join mailbox_restore_artifact a on a.session_id = s.id
                        where s.tenant_id = :tenantId and s.status in ('activating', 'active')""",
                new MapSqlParameterSource("tenantId", query.tenantId()),
                (row, rowNumber) -> new TenantRestoresInProgress(row.getInt("sessions"), row.getInt("mailboxes")));
    }
}
