package com.m365backup.restore.query.restorepoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.m365backup.restore.domain.query.FindGranularSearches;
import com.m365backup.restore.domain.session.ArtifactQuery;
import com.m365backup.restore.domain.session.GranularSearch;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The granular searches the service keeps in {@code granular_search} for their retention (docs/api.md, Granular
 * restore): a search with an {@code artifactQuery} is kept under its {@code searchResponseId}, with the restore points
 * it answered and its query, so that a session created later restores what the search found. Searches past their
 * retention are removed as new ones are kept: an expired one is refused either way (its time is in the row).
 */
@Component
@EnableConfigurationProperties(GranularSearchProperties.class)
class GranularSearches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;
    private final GranularSearchProperties properties;
    private final Clock clock;

    GranularSearches(NamedParameterJdbcTemplate jdbc, GranularSearchProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Keeps a search and answers its id. */
    String keep(String tenantId, String protectionUnitId, List<String> restorePointIds, ArtifactQuery query,
                int hits) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String id = UUID.randomUUID().toString();
        jdbc.update("delete from granular_search where expiration_date_time < :now",
                new MapSqlParameterSource("now", now.atOffset(ZoneOffset.UTC)));
        jdbc.update("""
                        insert into granular_search (id, tenant_id, protection_unit_id, restore_point_ids,
                            artifact_query, artifact_hit_count, created_date_time, expiration_date_time)
                        values (:id, :tenantId, :unitId, :restorePointIds, cast(:query as jsonb), :hits, :now,
                            :expires)""",
                new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("tenantId", tenantId)
                        .addValue("unitId", protectionUnitId)
                        .addValue("restorePointIds", restorePointIds.toArray(String[]::new))
                        .addValue("query", json(query))
                        .addValue("hits", hits)
                        .addValue("now", now.atOffset(ZoneOffset.UTC))
                        .addValue("expires", now.plus(properties.searchRetention()).atOffset(ZoneOffset.UTC)));
        return id;
    }

    @QueryHandler
    List<GranularSearch> handle(FindGranularSearches query) {
        if (query.searchResponseIds().isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                        select id, protection_unit_id, restore_point_ids, artifact_query, expiration_date_time
                        from granular_search where tenant_id = :tenantId and id in (:ids)""",
                new MapSqlParameterSource()
                        .addValue("tenantId", query.tenantId())
                        .addValue("ids", query.searchResponseIds()),
                (row, rowNumber) -> new GranularSearch(row.getString("id"), row.getString("protection_unit_id"),
                        strings(row.getArray("restore_point_ids")), query(row.getString("artifact_query")),
                        row.getObject("expiration_date_time", OffsetDateTime.class).toInstant()));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static String json(ArtifactQuery query) {
        try {
            return JSON.writeValueAsString(query);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A query of strings always renders as JSON", impossible);
        }
    }

    private static ArtifactQuery query(String json) {
        try {
            return JSON.readValue(json, ArtifactQuery.class);
        } catch (JsonProcessingException notAQuery) {
            throw new IllegalStateException("granular_search holds a query that is not an ArtifactQuery", notAQuery);
        }
    }
}
