package com.m365backup.restore.query.restorepoint;

import com.m365backup.restore.domain.query.FindProtectionUnit;
import com.m365backup.restore.domain.query.ListProtectionUnits;
import com.m365backup.restore.domain.query.MailboxProtectionUnitView;
import com.m365backup.restore.domain.query.ProtectionUnitPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Answers the questions about a tenant's protection units (mailboxes) from the catalog; another tenant's are never
 * seen (docs/api.md, Tenants and identity).
 */
@Component
class ProtectionUnitQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    ProtectionUnitQueries(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // The total and the page are two statements; one snapshot keeps them in agreement while an import runs.
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @QueryHandler
    Optional<MailboxProtectionUnitView> handle(FindProtectionUnit query) {
        return jdbc.query("select " + CatalogRows.UNIT_COLUMNS
                                + " from protection_unit pu where pu.tenant_id = :tenantId and pu.id = :id",
                        new MapSqlParameterSource()
                                .addValue("tenantId", query.tenantId())
                                .addValue("id", query.protectionUnitId()),
                        CatalogRows::unit)
                .stream()
                .findFirst();
    }

    @QueryHandler
    ProtectionUnitPage handle(ListProtectionUnits query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("tenantId", query.tenantId())
                // One more than the page, to know whether another page follows.
                .addValue("top", query.top() + 1);
        StringBuilder conditions = new StringBuilder("pu.tenant_id = :tenantId");
        for (int i = 0; i < query.conditions().size(); i++) {
            ListProtectionUnits.Condition condition = query.conditions().get(i);
            String name = "value" + i;
            String column = "lower(" + column(condition.property()) + ")";
            // starts_with compares plainly, where LIKE would read a '%' or '_' of the value as a wildcard.
            conditions.append(condition.match() == ListProtectionUnits.Match.EQUALS
                    ? " and " + column + " = lower(:" + name + ")"
                    : " and starts_with(" + column + ", lower(:" + name + "))");
            parameters.addValue(name, condition.value());
        }
        String filtered = conditions.toString();
        if (query.after() != null) {
            // Keyset paging: the page starts after the last unit of the previous one.
            conditions.append(" and (pu.created_date_time, pu.id) > (:afterCreated, :afterId)");
            parameters.addValue("afterCreated", query.after().createdDateTime().atOffset(ZoneOffset.UTC))
                    .addValue("afterId", query.after().protectionUnitId());
        }
        return snapshot.execute(status -> {
            Long total = jdbc.queryForObject("select count(*) from protection_unit pu where " + filtered,
                    parameters, Long.class);
            List<MailboxProtectionUnitView> units = query.top() == 0 ? List.of() : jdbc.query(
                    "select " + CatalogRows.UNIT_COLUMNS + " from protection_unit pu where " + conditions
                            + " order by pu.created_date_time, pu.id limit :top",
                    parameters, CatalogRows::unit);
            boolean more = units.size() > query.top();
            return new ProtectionUnitPage(more ? units.subList(0, query.top()) : units, total == null ? 0 : total,
                    more);
        });
    }

    private static String column(ListProtectionUnits.Property property) {
        return switch (property) {
            case EMAIL -> "pu.email";
            case DISPLAY_NAME -> "pu.display_name";
            case DIRECTORY_OBJECT_ID -> "pu.directory_object_id";
        };
    }
}
