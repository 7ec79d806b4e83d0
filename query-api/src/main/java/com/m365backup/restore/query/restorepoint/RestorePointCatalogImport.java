package com.m365backup.restore.query.restorepoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fills the catalog from the JSON file {@code restore.catalog.file} at start-up, before the service answers any
 * request; an empty setting imports nothing. Importing is idempotent: a restore point already in the catalog is
 * updated, so the same file can be imported at every start.
 */
@Component
@EnableConfigurationProperties(RestorePointCatalogProperties.class)
public class RestorePointCatalogImport implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RestorePointCatalogImport.class);
    private static final Set<String> TAGS = Set.of("none", "fastRestore");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final ResourceLoader resources;
    private final String file;

    RestorePointCatalogImport(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
                              ObjectMapper json, ResourceLoader resources,
                              RestorePointCatalogProperties settings) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.resources = resources;
        this.file = settings.file();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (file.isBlank()) {
            return;
        }
        Resource resource = resources.getResource(file);
        try (InputStream in = resource.getInputStream()) {
            int imported = load(json.readValue(in, RestorePointCatalogFile.class));
            log.info("Imported {} restore points into the catalog from {}", imported, file);
        } catch (IOException unreadable) {
            throw new IllegalStateException("The restore point catalog " + file + " cannot be read: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    /** Adds or updates every restore point of {@code catalog} in one transaction; answers how many it holds. */
    public int load(RestorePointCatalogFile catalog) {
        List<SqlParameterSource> units = new ArrayList<>();
        List<SqlParameterSource> restorePoints = new ArrayList<>();
        for (RestorePointCatalogFile.Tenant tenant : catalog.tenants()) {
            require(tenant.tenantId(), "a tenant without tenantId");
            for (RestorePointCatalogFile.ProtectionUnit unit : tenant.protectionUnits()) {
                require(unit.id(), "a protection unit without id in tenant " + tenant.tenantId());
                units.add(new MapSqlParameterSource()
                        .addValue("tenantId", tenant.tenantId())
                        .addValue("id", unit.id())
                        .addValue("directoryObjectId", unit.directoryObjectId())
                        .addValue("displayName", unit.displayName())
                        .addValue("email", unit.email())
                        .addValue("createdDateTime", unit.createdDateTime(), Types.TIMESTAMP_WITH_TIMEZONE));
                for (RestorePointCatalogFile.RestorePoint restorePoint : unit.restorePoints()) {
                    restorePoints.add(restorePoint(tenant.tenantId(), unit.id(), restorePoint));
                }
            }
        }
        transaction.executeWithoutResult(status -> {
            // One time for the whole import (the transaction's), so that its new units tie on it and list by id.
            // A unit imported again keeps its createdDateTime unless its file names one; it is modified only when
            // its name, email or directory object changed.
            jdbc.batchUpdate("""
                    insert into protection_unit (tenant_id, id, directory_object_id, display_name, email,
                        created_date_time, last_modified_date_time)
                    values (:tenantId, :id, :directoryObjectId, :displayName, :email,
                        coalesce(:createdDateTime, now()), coalesce(:createdDateTime, now()))
                    on conflict (tenant_id, id) do update set directory_object_id = excluded.directory_object_id,
                        display_name = excluded.display_name, email = excluded.email,
                        created_date_time = coalesce(:createdDateTime, protection_unit.created_date_time),
                        last_modified_date_time = case
                            when (protection_unit.directory_object_id, protection_unit.display_name,
                                  protection_unit.email)
                                 is distinct from (excluded.directory_object_id, excluded.display_name,
                                  excluded.email)
                            then now()
                            else greatest(protection_unit.last_modified_date_time,
                                coalesce(:createdDateTime, protection_unit.created_date_time)) end""",
                    units.toArray(SqlParameterSource[]::new));
            jdbc.batchUpdate("""
                    insert into restore_point
                        (tenant_id, id, protection_unit_id, protection_date_time, expiration_date_time, tags)
                    values (:tenantId, :id, :unitId, :protectedAt, :expiresAt, :tags)
                    on conflict (tenant_id, id) do update set protection_unit_id = excluded.protection_unit_id,
                        protection_date_time = excluded.protection_date_time,
                        expiration_date_time = excluded.expiration_date_time, tags = excluded.tags""",
                    restorePoints.toArray(SqlParameterSource[]::new));
        });
        return restorePoints.size();
    }

    private static SqlParameterSource restorePoint(String tenantId, String unitId,
                                                   RestorePointCatalogFile.RestorePoint restorePoint) {
        require(restorePoint.id(), "a restore point without id in protection unit " + unitId);
        if (restorePoint.protectionDateTime() == null) {
            throw new IllegalStateException("Restore point " + restorePoint.id() + " has no protectionDateTime.");
        }
        String tags = restorePoint.tags() == null ? "none" : restorePoint.tags();
        if (!TAGS.contains(tags)) {
            throw new IllegalStateException("Restore point " + restorePoint.id() + " has tags '" + tags
                    + "'; they must be none or fastRestore.");
        }
        return new MapSqlParameterSource()
                .addValue("tenantId", tenantId)
                .addValue("id", restorePoint.id())
                .addValue("unitId", unitId)
                .addValue("protectedAt", restorePoint.protectionDateTime())
                .addValue("expiresAt", restorePoint.expirationDateTime())
                .addValue("tags", tags);
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The restore point catalog has " + what + ".");
        }
    }
}
