package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.domain.query.BulkMailboxResolution;
import com.m365backup.restore.domain.query.ResolveBulkAdditionRequest;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.UnresolvedMailbox;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers {@link ResolveBulkAdditionRequest}: a session's active bulk addition request resolved against the restore
 * point catalog, in one statement however many mailboxes it lists (docs/api.md, Bulk addition requests). Email
 * addresses match a unit's without regard to case, as a directory compares them; directory object ids exactly. Of a
 * unit's restore points, those taken within the request's window, with its tag when it names one, and not expired at
 * the time of the activation are candidates; the preference picks the latest or the oldest.
 */
@Component
class BulkAdditionResolutions {

    private static final String EMAIL = "email";

    private final NamedParameterJdbcTemplate jdbc;

    BulkAdditionResolutions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<BulkMailboxResolution> handle(ResolveBulkAdditionRequest query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("tenantId", query.tenantId())
                .addValue("sessionId", query.sessionId())
                .addValue("at", query.at().atOffset(ZoneOffset.UTC));
        // Units are matched by a join (hashed, not looked up one by one), restore points by the catalog's index
        // on (tenant, unit, protection time).
        List<Entry> entries = jdbc.query("""
                with request as (
                    select b.id, b.destination_type, b.protection_start_date_time, b.protection_end_date_time,
                           b.restore_point_preference, b.tags, b.mailboxes, b.directory_object_ids
                    from bulk_addition_request b join restore_session s on s.id = b.session_id
                    where s.tenant_id = :tenantId and b.session_id = :sessionId and b.status = 'active'),
                matched as (
                    select 'email' as kind, e.entry, e.position, pu.id as unit_id
                    from request r cross join unnest(r.mailboxes) with ordinality as e(entry, position)
                    left join protection_unit pu on pu.tenant_id = :tenantId and lower(pu.email) = lower(e.entry)
                    union all
                    select 'directoryObjectId', d.entry, cardinality(r.mailboxes) + d.position, pu.id
                    from request r cross join unnest(r.directory_object_ids) with ordinality as d(entry, position)
                    left join protection_unit pu on pu.tenant_id = :tenantId and pu.directory_object_id = d.entry)
                select r.id as request_id, r.destination_type, r.protection_start_date_time,
                       r.protection_end_date_time, r.tags, m.kind, m.entry, m.position, m.unit_id,
                       chosen.id as restore_point_id, chosen.expiration_date_time
                from request r cross join matched m
                left join lateral (
                    select rp.id, rp.expiration_date_time from restore_point rp
                    where rp.tenant_id = :tenantId and rp.protection_unit_id = m.unit_id
                      and rp.protection_date_time >= r.protection_start_date_time
                      and rp.protection_date_time <= r.protection_end_date_time
                      and (r.tags is null or rp.tags = r.tags)
                      and (rp.expiration_date_time is null or rp.expiration_date_time > :at)
                    order by case when r.restore_point_preference = 'oldest' then rp.protection_date_time end,
                             rp.protection_date_time desc, rp.id
                    limit 1) chosen on true
                order by m.position, m.unit_id""", parameters, (row, rowNumber) -> new Entry(
                row.getString("request_id"), row.getString("destination_type"),
                row.getObject("protection_start_date_time", OffsetDateTime.class),
                row.getObject("protection_end_date_time", OffsetDateTime.class), row.getString("tags"),
                row.getString("kind"), row.getString("entry"), row.getLong("position"), row.getString("unit_id"),
                row.getString("restore_point_id"),
                row.getObject("expiration_date_time", OffsetDateTime.class)));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(resolution(entries));
    }

    /** Each entry once (a catalog with two units of one address answers it twice), each unit once. */
    private static BulkMailboxResolution resolution(List<Entry> entries) {
        Entry first = entries.get(0);
        List<BulkMailboxResolution.Resolved> resolved = new ArrayList<>();
        List<UnresolvedMailbox> unresolved = new ArrayList<>();
        Set<String> units = new HashSet<>();
        long position = -1;
        for (Entry entry : entries) {
            if (entry.position() == position) {
                continue;
            }
            position = entry.position();
            if (entry.unitId() == null) {
                unresolved.add(new UnresolvedMailbox(entry.mailbox(), UnresolvedMailbox.NO_SUCH_MAILBOX,
                        "The tenant has no mailbox with the " + (EMAIL.equals(entry.kind())
                                ? "email address" : "directory object id") + " '" + entry.mailbox() + "'."));
            } else if (entry.restorePointId() == null) {
                unresolved.add(new UnresolvedMailbox(entry.mailbox(), UnresolvedMailbox.NO_RESTORE_POINT,
                        "Mailbox '" + entry.mailbox() + "' has no restore point taken from "
                                + entry.from().toInstant() + " to " + entry.to().toInstant()
                                + (entry.tag() == null ? "" : " tagged " + entry.tag()) + " that has not expired."));
            } else if (units.add(entry.unitId())) {
                resolved.add(new BulkMailboxResolution.Resolved(entry.mailbox(), entry.unitId(),
                        entry.restorePointId(), entry.expiresAt() == null ? null : entry.expiresAt().toInstant()));
            }
        }
        DestinationType destinationType = DestinationType.fromGraphName(first.destinationType())
                .orElseThrow(() -> new IllegalStateException("The read model holds a bulk addition request of"
                        + " destination type " + first.destinationType()));
        return new BulkMailboxResolution(first.requestId(), destinationType, resolved, unresolved);
    }

    private record Entry(String requestId, String destinationType, OffsetDateTime from, OffsetDateTime to, String tag,
                         String kind, String mailbox, long position, String unitId, String restorePointId,
                         OffsetDateTime expiresAt) {
    }
}
