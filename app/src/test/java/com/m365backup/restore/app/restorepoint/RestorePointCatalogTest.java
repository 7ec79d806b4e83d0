package com.m365backup.restore.app.restorepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.query.restorepoint.RestorePointCatalogFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore point catalog over HTTP: the demo catalog the service imports at start-up, reading a restore point,
 * the search, tenants kept apart, and a create that names a restore point the catalog refuses.
 */
@IntegrationTest
class RestorePointCatalogTest extends RunningApplicationTest {

    private static final String RESTORE_POINTS = "/beta/solutions/backupRestore/restorePoints";
    private static final List<String> WALK_THROUGH = List.of(
            "0a014d8c-71fe-4d00-a01a-31850bc5b32c", "0b014d8c-71fe-4d00-a01a-31850bc5b32c",
            "1b014d8c-71fe-4d00-a01a-31850bc5b32c", "2b014d8c-71fe-4d00-a01a-31850bc5b32",
            "3b014d8c-71fe-4d00-a01a-31850bc5b32c", "4b014d8c-71fe-4d00-a01a-31850bc5b32c");

    private static final OffsetDateTime UNIT_CREATED = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    private String mailbox;

    @BeforeEach
    void connect() {
        mailbox = "mailbox-" + UUID.randomUUID();
    }

    @Test
    void the_demo_catalog_holds_the_walk_throughs_restore_points_on_six_mailboxes_of_the_default_tenant() {
        List<String> mailboxes = WALK_THROUGH.stream()
                .map(id -> http.get(RESTORE_POINTS + "/" + id + "?$expand=protectionUnit"))
                .peek(read -> assertThat(read.status()).as(read.body()).isEqualTo(200))
                .map(read -> read.json().get("protectionUnit").get("id").asText())
                .toList();

        assertThat(mailboxes).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void a_restore_point_reads_as_graph_json_and_shows_its_mailbox_when_expanded() throws Exception {
        String id = "rp-read-" + mailbox;
        load(tenant, restorePoint(id, "2026-03-01T02:00:00Z", "2036-03-01T02:00:00Z", "fastRestore"));

        GraphHttp.Response plain = http.get(RESTORE_POINTS + "/" + id);
        GraphHttp.Response expanded = http.get(RESTORE_POINTS + "/" + id + "?$expand=protectionUnit");

        assertThat(plain.status()).isEqualTo(200);
        JSONAssert.assertEquals("""
                {"@odata.type": "#microsoft.graph.restorePoint", "id": "%s",
                 "protectionDateTime": "2026-03-01T02:00:00Z", "expirationDateTime": "2036-03-01T02:00:00Z",
                 "tags": "fastRestore"}""".formatted(id), plain.body(), JSONCompareMode.STRICT);
        JSONAssert.assertEquals("""
                {"@odata.type": "#microsoft.graph.restorePoint", "id": "%s",
                 "protectionDateTime": "2026-03-01T02:00:00Z", "expirationDateTime": "2036-03-01T02:00:00Z",
                 "tags": "fastRestore",
                 "protectionUnit": {"@odata.type": "#microsoft.graph.mailboxProtectionUnit", "id": "%s",
                   "directoryObjectId": "user-%2$s", "displayName": "Mailbox %2$s", "email": "%2$s@contoso.com",
                   "mailboxType": null, "status": "protected", "policyId": null, "protectionSources": null,
                   "backupRetentionPeriodInDays": null, "billingPolicyId": null, "createdBy": null,
                   "createdDateTime": "2026-01-01T00:00:00Z", "lastModifiedBy": null,
                   "lastModifiedDateTime": "2026-01-01T00:00:00Z", "offboardRequestedDateTime": null,
                   "error": null}}"""
                .formatted(id, mailbox), expanded.body(), JSONCompareMode.STRICT);
    }

    @Test
    void an_unknown_restore_point_is_not_found() {
        GraphHttp.Response missing = http.get(RESTORE_POINTS + "/rp-never-taken-" + mailbox);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("itemNotFound");
    }

    @Test
    void another_tenants_restore_point_is_neither_read_nor_found_nor_restorable() {
        String id = "rp-elsewhere-" + mailbox;
        load("another-tenant", restorePoint(id, "2026-03-01T02:00:00Z", "2036-03-01T02:00:00Z", "none"));
        long eventsBefore = events.eventCount();

        GraphHttp.Response read = http.get(RESTORE_POINTS + "/" + id);
        GraphHttp.Response searched = http.post(RESTORE_POINTS + "/search", search(mailbox, ""));
        GraphHttp.Response created = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}]}"""
                .formatted(id));

        assertThat(read.status()).isEqualTo(404);
        assertThat(searched.json().get("searchResults")).isEmpty();
        assertThat(searched.json().get("noResultProtectionUnitIds").get(0).asText()).isEqualTo(mailbox);
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.errorCode()).isEqualTo("InvalidRestorePoint");
        assertThat(events.eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void a_search_answers_the_restore_points_of_the_window_newest_first_and_the_mailboxes_without_any() {
        load(tenant,
                restorePoint("rp-jan-" + mailbox, "2026-01-10T00:00:00Z", "2036-01-10T00:00:00Z", "none"),
                restorePoint("rp-mar-" + mailbox, "2026-03-10T00:00:00Z", "2036-03-10T00:00:00Z", "none"),
                restorePoint("rp-feb-" + mailbox, "2026-02-10T00:00:00Z", "2036-02-10T00:00:00Z", "fastRestore"),
                restorePoint("rp-may-" + mailbox, "2026-05-10T00:00:00Z", "2036-05-10T00:00:00Z", "none"));
        String empty = "mailbox-without-backups-" + mailbox;

        GraphHttp.Response all = http.post(RESTORE_POINTS + "/search", search(mailbox + "\", \"" + empty, ""));
        GraphHttp.Response latest = http.post(RESTORE_POINTS + "/search",
                search(mailbox, ", \"restorePointPreference\": \"latest\""));
        GraphHttp.Response oldest = http.post(RESTORE_POINTS + "/search",
                search(mailbox, ", \"restorePointPreference\": \"oldest\""));
        GraphHttp.Response fast = http.post(RESTORE_POINTS + "/search", search(mailbox, ", \"tags\": \"fastRestore\""));

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(ids(all)).containsExactly("rp-mar-" + mailbox, "rp-feb-" + mailbox, "rp-jan-" + mailbox);
        assertThat(all.json().get("searchResponseId").asText()).isNotBlank();
        assertThat(all.json().get("searchResults").get(0).get("restorePoint").get("protectionUnit").get("id").asText())
                .isEqualTo(mailbox);
        assertThat(all.json().get("noResultProtectionUnitIds")).hasSize(1);
        assertThat(all.json().get("noResultProtectionUnitIds").get(0).asText()).isEqualTo(empty);
        assertThat(ids(latest)).containsExactly("rp-mar-" + mailbox);
        assertThat(ids(oldest)).containsExactly("rp-jan-" + mailbox);
        assertThat(ids(fast)).containsExactly("rp-feb-" + mailbox);
    }

    @Test
    void a_search_without_protection_units_or_window_is_refused() {
        GraphHttp.Response noUnits = http.post(RESTORE_POINTS + "/search", """
                {"protectionUnitIds": [], "protectionTimePeriod":
                  {"startDateTime": "2026-01-01T00:00:00Z", "endDateTime": "2026-04-01T00:00:00Z"}}""");
        GraphHttp.Response noWindow = http.post(RESTORE_POINTS + "/search", """
                {"protectionUnitIds": ["%s"]}""".formatted(mailbox));
        GraphHttp.Response badPreference = http.post(RESTORE_POINTS + "/search",
                search(mailbox, ", \"restorePointPreference\": \"newest\""));

        assertThat(List.of(noUnits, noWindow, badPreference)).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("InvalidSearchRequest");
        });
    }

    @Test
    void a_create_naming_an_unknown_or_expired_restore_point_is_refused_whole_and_stores_nothing() {
        String valid = catalog.restorePoint("rp-valid-" + mailbox);
        String expired = catalog.expiredRestorePoint("rp-expired-" + mailbox);
        long before = events.eventCount();

        GraphHttp.Response unknown = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "new"},
                  {"restorePoint": {"id": "rp-never-taken-%s"}, "destinationType": "new"}]}""".formatted(valid, mailbox));
        GraphHttp.Response tooOld = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "new"},
                  {"restorePoint": {"id": "%s"}, "destinationType": "new"}]}""".formatted(valid, expired));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("InvalidRestorePoint");
        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.errorCode()).isEqualTo("InvalidRestoreTime");
        assertThat(events.eventCount()).isEqualTo(before);
    }

    @Test
    void an_artifact_lists_its_restore_point_with_the_times_the_catalog_knows() throws Exception {
        String restorePoint = catalog.restorePoint("rp-times-" + mailbox);
        GraphHttp.Response created = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"@odata.id": "%s"}, "destinationType": "new"}]}"""
                .formatted(restorePoint));

        GraphHttp.Response listed = http.get(SESSIONS + "/" + created.json().get("id").asText()
                + "/mailboxRestoreArtifacts");

        JSONAssert.assertEquals("""
                {"id": "%s", "protectionDateTime": "2026-03-01T02:00:00Z", "expirationDateTime": "2036-03-01T02:00:00Z"}"""
                .formatted(restorePoint), listed.json().get("value").get(0).get("restorePoint").toString(),
                JSONCompareMode.STRICT);
    }

    private void load(String tenantId, RestorePointCatalogFile.RestorePoint... restorePoints) {
        catalogImport.load(new RestorePointCatalogFile(List.of(new RestorePointCatalogFile.Tenant(tenantId, List.of(
                new RestorePointCatalogFile.ProtectionUnit(mailbox, "user-" + mailbox, "Mailbox " + mailbox,
                        mailbox + "@contoso.com", UNIT_CREATED, List.of(restorePoints)))))));
    }

    private static RestorePointCatalogFile.RestorePoint restorePoint(String id, String taken, String expires,
                                                                     String tags) {
        return new RestorePointCatalogFile.RestorePoint(id, OffsetDateTime.parse(taken), OffsetDateTime.parse(expires),
                tags);
    }

    private static String search(String units, String more) {
        return """
                {"protectionUnitIds": ["%s"], "protectionTimePeriod":
                  {"startDateTime": "2026-01-01T00:00:00Z", "endDateTime": "2026-04-01T00:00:00Z"}%s}"""
                .formatted(units, more);
    }

    private static List<String> ids(GraphHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode results = response.json().get("searchResults");
        return StreamSupport.stream(results.spliterator(), false)
                .map(result -> result.get("restorePoint").get("id").asText())
                .toList();
    }
}
