package com.m365backup.restore.query.restorepoint;

import com.m365backup.restore.domain.query.FindRestorePoint;
import com.m365backup.restore.domain.query.FindRestorePoints;
import com.m365backup.restore.domain.query.ListRestorePoints;
import com.m365backup.restore.domain.query.RestorePointList;
import com.m365backup.restore.domain.query.RestorePointView;
import com.m365backup.restore.domain.query.SearchRestorePoints;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers the questions about a tenant's restore points from the catalog; another tenant's are never seen. */
@Component
class RestorePointQueries {

    private static final String COLUMNS = CatalogRows.RESTORE_POINT_COLUMNS;
    private static final Comparator<RestorePointView> NEWEST_FIRST =
            Comparator.comparing(RestorePointView::protectionDateTime).reversed()
                    .thenComparing(RestorePointView::id);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    RestorePointQueries(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // The count and the restore points shown are two statements; one snapshot keeps them in agreement while an
        // import runs.
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @QueryHandler
    Optional<RestorePointView> handle(FindRestorePoint query) {
        return jdbc.query("select " + COLUMNS + " where rp.tenant_id = :tenantId and rp.id = :id",
                        new MapSqlParameterSource()
                                .addValue("tenantId", query.tenantId())
                                .addValue("id", query.restorePointId()),
                        CatalogRows::restorePoint)
                .stream()
                .findFirst();
    }

    /** Graph's list of a unit's restore points: the newest (or oldest) few in the window, and how many it holds. */
    @QueryHandler
    RestorePointList handle(ListRestorePoints query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("tenantId", query.tenantId())
                .addValue("unitId", query.protectionUnitId())
                .addValue("limit", query.limit());
        StringBuilder conditions = new StringBuilder("rp.tenant_id = :tenantId and rp.protection_unit_id = :unitId");
        for (int i = 0; i < query.protectionDateTime().size(); i++) {
            ListRestorePoints.TimeCondition condition = query.protectionDateTime().get(i);
            conditions.append(" and rp.protection_date_time ").append(operator(condition.comparison()))
                    .append(" :time").append(i);
            parameters.addValue("time" + i, condition.time().atOffset(ZoneOffset.UTC));
        }
        String direction = query.oldestFirst() ? "asc" : "desc";
        return snapshot.execute(status -> {
            Long total = jdbc.queryForObject("select count(*) from restore_point rp where " + conditions,
                    parameters, Long.class);
            List<RestorePointView> shown = jdbc.query("select " + COLUMNS + " where " + conditions
                            + " order by rp.protection_date_time " + direction + ", rp.id " + direction
                            + " limit :limit",
                    parameters, CatalogRows::restorePoint);
            return new RestorePointList(shown, total == null ? 0 : total);
        });
    }

    private static String operator(ListRestorePoints.Comparison comparison) {
        return switch (comparison) {
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
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
                CatalogRows::restorePoint);
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
                order by rp.protection_date_time desc, rp.id""", parameters, CatalogRows::restorePoint);
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
}
