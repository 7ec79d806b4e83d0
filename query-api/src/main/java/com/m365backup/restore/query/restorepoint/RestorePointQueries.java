package com.m365backup.restore.query.restorepoint;

import com.m365backup.restore.query.FindRestorePoint;
import com.m365backup.restore.query.FindRestorePoints;
import com.m365backup.restore.query.MailboxProtectionUnitView;
import com.m365backup.restore.query.RestorePointView;
import com.m365backup.restore.query.SearchRestorePoints;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers the questions about a tenant's restore points from the catalog; another tenant's are never seen. */
@Component
class RestorePointQueries {

    private static final String COLUMNS = """
            rp.id, rp.protection_date_time, rp.expiration_date_time, rp.tags,
            pu.id as unit_id, pu.directory_object_id, pu.display_name, pu.email
            from restore_point rp
            join protection_unit pu on pu.tenant_id = rp.tenant_id and pu.id = rp.protection_unit_id""";
    private static final Comparator<RestorePointView> NEWEST_FIRST =
            Comparator.comparing(RestorePointView::protectionDateTime).reversed()
                    .thenComparing(RestorePointView::id);

    private final NamedParameterJdbcTemplate jdbc;

    RestorePointQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<RestorePointView> handle(FindRestorePoint query) {
        return jdbc.query("select " + COLUMNS + " where rp.tenant_id = :tenantId and rp.id = :id",
                        new MapSqlParameterSource()
                                .addValue("tenantId", query.tenantId())
                                .addValue("id", query.restorePointId()),
                        RestorePointQueries::restorePoint)
                .stream()
                .findFirst();
    }

    @QueryHandler
    List<RestorePointView> handle(FindRestorePoints query) {
        if (query.restorePointIds().isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " where rp.tenant_id = :tenantId and rp.id in (:ids)",
                new MapSqlParameterSource()
                        .addValue("tenantId", query.tenantId())
                        .addValue("ids", query.restorePointIds()),
                RestorePointQueries::restorePoint);
    }

    @QueryHandler
    List<RestorePointView> handle(SearchRestorePoints query) {
        if (query.protectionUnitIds().isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("tenantId", query.tenantId())
                .addValue("units", query.protectionUnitIds())
                .addValue("from", query.from().atOffset(ZoneOffset.UTC))
                .addValue("to", query.to().atOffset(ZoneOffset.UTC))
                .addValue("tag", query.tag());
        List<RestorePointView> found = jdbc.query("select " + COLUMNS + """
                 where rp.tenant_id = :tenantId and rp.protection_unit_id in (:units)
                  and rp.protection_date_time >= :from and rp.protection_date_time <= :to
                  and (cast(:tag as varchar) is null or rp.tags = :tag)
                order by rp.protection_date_time desc, rp.id""", parameters, RestorePointQueries::restorePoint);
        if (query.preference() == null) {
            return found;
        }
        // One restore point per protection unit: the first met is the latest, the last met the oldest.
        Map<String, RestorePointView> chosen = new LinkedHashMap<>();
        for (RestorePointView restorePoint : found) {
            String unit = restorePoint.protectionUnit().id();
            if (query.preference() == SearchRestorePoints.Preference.OLDEST || !chosen.containsKey(unit)) {
                chosen.put(unit, restorePoint);
            }
        }
        return chosen.values().stream().sorted(NEWEST_FIRST).toList();
    }

    private static RestorePointView restorePoint(ResultSet row, int rowNumber) throws SQLException {
        return new RestorePointView(row.getString("id"),
                row.getObject("protection_date_time", OffsetDateTime.class),
                row.getObject("expiration_date_time", OffsetDateTime.class),
                row.getString("tags"),
                new MailboxProtectionUnitView(row.getString("unit_id"), row.getString("directory_object_id"),
                        row.getString("display_name"), row.getString("email")));
    }
}
