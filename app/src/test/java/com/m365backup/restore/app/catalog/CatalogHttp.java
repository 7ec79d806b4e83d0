package com.m365backup.restore.app.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.query.restorepoint.RestorePointCatalogFile;
import com.m365backup.restore.query.restorepoint.RestorePointCatalogImport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * A tenant of a test's own in the catalog, so that its lists hold exactly the units the test imported, and the
 * helpers its requests need.
 */
record CatalogHttp(RestorePointCatalogImport catalog, String tenantId) {

    static final String ROOT = "/beta/solutions/backupRestore";

    void load(RestorePointCatalogFile.ProtectionUnit... units) {
        catalog.load(new RestorePointCatalogFile(List.of(new RestorePointCatalogFile.Tenant(tenantId,
                List.of(units)))));
    }

    static RestorePointCatalogFile.ProtectionUnit unit(String id, String displayName, String email,
                                                        OffsetDateTime created,
                                                        RestorePointCatalogFile.RestorePoint... restorePoints) {
        return new RestorePointCatalogFile.ProtectionUnit(id, "directory-" + id, displayName, email, created,
                List.of(restorePoints));
    }

    static RestorePointCatalogFile.RestorePoint restorePoint(String id, String taken) {
        return new RestorePointCatalogFile.RestorePoint(id, OffsetDateTime.parse(taken),
                OffsetDateTime.parse(taken).plusYears(10), "none");
    }

    /** A query option's value as it goes into a URL. */
    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static List<String> ids(GraphHttp.Response list) {
        return StreamSupport.stream(list.json().get("value").spliterator(), false)
                .map(member -> member.get("id").asText())
                .toList();
    }

    static String message(GraphHttp.Response error) {
        JsonNode message = error.json().path("error").path("message");
        return message.asText();
    }
}
