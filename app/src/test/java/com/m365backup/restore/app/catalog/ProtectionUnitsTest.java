package com.m365backup.restore.app.catalog;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.m365backup.restore.app.catalog.CatalogHttp.ROOT;
import static com.m365backup.restore.app.catalog.CatalogHttp.encoded;
import static com.m365backup.restore.app.catalog.CatalogHttp.ids;
import static com.m365backup.restore.app.catalog.CatalogHttp.message;
import static com.m365backup.restore.app.catalog.CatalogHttp.restorePoint;
import static com.m365backup.restore.app.catalog.CatalogHttp.unit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that knows no id finds a mailbox over real HTTP (docs/api.md, Finding what can be restored): the lists of
 * protection units and mailbox protection units, a unit by id, their filters, paging, counts and selections, the
 * errors they answer, and the tenant each unit belongs to. Each test imports its units into a tenant of its own.
 */
@IntegrationTest
class ProtectionUnitsTest extends TenantOfItsOwnTest {

    private static final OffsetDateTime JANUARY = OffsetDateTime.parse("2026-01-05T08:00:00Z");
    private static final OffsetDateTime FEBRUARY = OffsetDateTime.parse("2026-02-05T08:00:00Z");
    private static final OffsetDateTime MARCH = OffsetDateTime.parse("2026-03-05T08:00:00Z");

    @Test
    void a_mailbox_reads_with_every_property_of_graphs_mailbox_protection_unit() throws Exception {
        catalog.load(unit("unit-adele", "Adele Vance", "AdeleV@contoso.com", JANUARY,
                restorePoint("rp-adele", "2026-01-06T02:00:00Z")));

        GraphHttp.Response read = http.get(ROOT + "/mailboxProtectionUnits/unit-adele");

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header("Content-Type")).startsWith("application/json");
        JSONAssert.assertEquals("""
                {"@odata.type": "#microsoft.graph.mailboxProtectionUnit",
                 "id": "unit-adele",
                 "directoryObjectId": "directory-unit-adele",
                 "displayName": "Adele Vance",
                 "email": "AdeleV@contoso.com",
                 "mailboxType": null,
                 "status": "protected",
                 "policyId": null,
                 "protectionSources": null,
                 "backupRetentionPeriodInDays": null,
                 "billingPolicyId": null,
                 "createdBy": null,
                 "createdDateTime": "2026-01-05T08:00:00Z",
                 "lastModifiedBy": null,
                 "lastModifiedDateTime": "2026-01-05T08:00:00Z",
                 "offboardRequestedDateTime": null,
                 "error": null}""", read.body(), JSONCompareMode.STRICT);
    }

    @Test
    void the_three_collections_list_the_tenants_mailboxes_in_the_order_they_entered_the_catalog() {
        catalog.load(unit("unit-c", "Christie Cline", "ChristieC@contoso.com", MARCH),
                unit("unit-a", "Adele Vance", "AdeleV@contoso.com", JANUARY),
                unit("unit-b", "Alex Wilber", "AlexW@contoso.com", FEBRUARY));

        for (String collection : List.of("protectionUnits", "protectionUnits/microsoft.graph.mailboxProtectionUnit",
                "mailboxProtectionUnits")) {
            GraphHttp.Response list = http.get(ROOT + "/" + collection);

            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.json().get("@odata.context").asText()).isEqualTo("http://127.0.0.1:" + port
                    + "/beta/$metadata#solutions/backupRestore/" + collection);
            assertThat(ids(list)).containsExactly("unit-a", "unit-b", "unit-c");
            assertThat(list.json().get("value")).allSatisfy(member -> assertThat(member.get("@odata.type").asText())
                    .isEqualTo("#microsoft.graph.mailboxProtectionUnit"));
            assertThat(list.json().has("@odata.nextLink")).isFalse();
        }
    }

    @Test
    void a_unit_reads_the_same_by_id_on_every_path_at_the_root_and_under_each_version() {
        catalog.load(unit("unit-one", "Adele Vance", "AdeleV@contoso.com", JANUARY));
        String expected = http.get(ROOT + "/protectionUnits/unit-one").body();

        for (String path : List.of("/solutions/backupRestore/protectionUnits/unit-one",
                "/v1.0/solutions/backupRestore/protectionUnits/unit-one/microsoft.graph.mailboxProtectionUnit",
                "/beta/solutions/backupRestore/protectionUnits/unit-one/graph.mailboxProtectionUnit",
                "/beta/solutions/backupRestore/mailboxProtectionUnits/unit-one")) {
            GraphHttp.Response read = http.get(path);

            assertThat(read.status()).as(path).isEqualTo(200);
            assertThat(read.body()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "email eq 'adelev@CONTOSO.com'                          | unit-a",
            "displayName eq 'Alex Wilber'                            | unit-b",
            "startswith(displayName,'al')                            | unit-b,unit-c",
            "startswith(email, 'Ad')                                 | unit-a",
            "directoryObjectId eq 'directory-unit-c'                 | unit-c",
            "startswith(displayName,'Al') and email eq 'alexw@contoso.com' | unit-b",
            "startswith(displayName,'%')                             | ''",
            "email eq 'nobody@contoso.com'                           | ''"})
    void a_filter_finds_mailboxes_by_email_name_or_directory_object_without_regard_to_case(String filter,
                                                                                        String expected) {
        catalog.load(unit("unit-a", "Adele Vance", "AdeleV@contoso.com", JANUARY),
                unit("unit-b", "Alex Wilber", "AlexW@contoso.com", FEBRUARY),
                unit("unit-c", "Allan Deyoung", "AllanD@contoso.com", MARCH));

        GraphHttp.Response found = http.get(ROOT + "/mailboxProtectionUnits?$filter=" + encoded(filter)
                + "&$count=true");

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        List<String> ids = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        assertThat(ids(found)).containsExactlyElementsOf(ids);
        assertThat(found.json().get("@odata.count").asLong()).isEqualTo(ids.size());
    }

    @Test
    void pages_follow_next_links_through_every_unit_once_while_units_are_imported_meanwhile() {
        catalog.load(unit("unit-1", "One", "one@contoso.com", JANUARY),
                unit("unit-2", "Two", "two@contoso.com", JANUARY),
                unit("unit-3", "Three", "three@contoso.com", FEBRUARY),
                unit("unit-4", "Four", "four@contoso.com", FEBRUARY),
                unit("unit-5", "Five", "five@contoso.com", MARCH));

        GraphHttp.Response first = http.get(ROOT + "/protectionUnits?$top=2&$count=true");
        // Imported between two pages: one that sorts before the next page and one after every other.
        catalog.load(unit("unit-0", "Zero", "zero@contoso.com", JANUARY.minusDays(1)),
                unit("unit-6", "Six", "six@contoso.com", MARCH.plusDays(1)));
        List<String> seen = new ArrayList<>(ids(first));
        GraphHttp.Response page = first;
        while (page.json().has("@odata.nextLink")) {
            String next = page.json().get("@odata.nextLink").asText();
            assertThat(next).contains("$top=2").contains("$count=true").contains("$skiptoken=");
            page = http.get(next.substring(("http://127.0.0.1:" + port).length()));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            seen.addAll(ids(page));
        }

        assertThat(first.json().get("@odata.count").asLong()).isEqualTo(5);
        assertThat(seen).containsExactly("unit-1", "unit-2", "unit-3", "unit-4", "unit-5", "unit-6");
    }

    @Test
    void a_selection_shows_the_id_the_type_and_the_selected_properties_only() throws Exception {
        catalog.load(unit("unit-a", "Adele Vance", "AdeleV@contoso.com", JANUARY));

        GraphHttp.Response listed = http.get(ROOT + "/protectionUnits?$select=email,displayName");
        GraphHttp.Response one = http.get(ROOT + "/mailboxProtectionUnits/unit-a?$select=status");

        JSONAssert.assertEquals("""
                [{"@odata.type": "#microsoft.graph.mailboxProtectionUnit", "id": "unit-a",
                  "displayName": "Adele Vance", "email": "AdeleV@contoso.com"}]""",
                listed.json().get("value").toString(), JSONCompareMode.STRICT);
        JSONAssert.assertEquals("""
                {"@odata.type": "#microsoft.graph.mailboxProtectionUnit", "id": "unit-a", "status": "protected"}""",
                one.body(), JSONCompareMode.STRICT);
    }

    @Test
    void the_count_of_a_collection_is_plain_text_and_takes_a_filter() {
        catalog.load(unit("unit-a", "Adele Vance", "AdeleV@contoso.com", JANUARY),
                unit("unit-b", "Alex Wilber", "AlexW@contoso.com", FEBRUARY));

        GraphHttp.Response all = http.get(ROOT + "/protectionUnits/$count");
        GraphHttp.Response mailboxes = http.get(ROOT + "/protectionUnits/microsoft.graph.mailboxProtectionUnit/$count");
        GraphHttp.Response filtered = http.get(ROOT + "/mailboxProtectionUnits/$count?$filter="
                + encoded("startswith(email,'alex')"));

        assertThat(all.header("Content-Type")).startsWith("text/plain");
        assertThat(List.of(all.body(), mailboxes.body(), filtered.body())).containsExactly("2", "2", "1");
    }

    @Test
    void a_unit_of_another_tenant_is_neither_listed_nor_found() {
        catalog.load(unit("unit-mine", "Adele Vance", "AdeleV@contoso.com", JANUARY));
        new CatalogHttp(catalogImport, "another-" + UUID.randomUUID())
                .load(unit("unit-theirs", "Adele Vance", "AdeleV@contoso.com", JANUARY));

        GraphHttp.Response listed = http.get(ROOT + "/mailboxProtectionUnits?$filter="
                + encoded("email eq 'AdeleV@contoso.com'"));
        GraphHttp.Response theirs = http.get(ROOT + "/protectionUnits/unit-theirs");
        GraphHttp.Response unknown = http.get(ROOT + "/mailboxProtectionUnits/unit-never-imported");

        assertThat(ids(listed)).containsExactly("unit-mine");
        assertThat(List.of(theirs, unknown)).allSatisfy(missing -> {
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.errorCode()).isEqualTo("itemNotFound");
            assertThat(missing.json().at("/error/innerError/request-id").asText()).isNotBlank();
        });
        assertThat(message(theirs)).isEqualTo("Protection unit 'unit-theirs' was not found.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$orderby    | displayName                          | '$orderby'",
            "$skip       | 1                                    | '$skip'",
            "$expand     | restorePoints                        | '$expand'",
            "$filter     | policyId eq 'p-1'                    | 'policyId'",
            "$filter     | email ne 'AdeleV@contoso.com'        | 'ne'",
            "$filter     | contains(email,'adele')              | 'contains'",
            "$filter     | startswith(directoryObjectId,'dir')  | directoryObjectId",
            "$filter     | email eq 'a' or email eq 'b'         | '$filter'",
            "$top        | 1001                                 | $top",
            "$skiptoken  | not-one-of-ours                      | $skiptoken",
            "$select     | mailboxRestoreArtifacts              | 'mailboxRestoreArtifacts'"})
    void an_option_property_or_operator_the_list_does_not_support_is_a_bad_request_naming_it(String option,
                                                                                          String value,
                                                                                          String named) {
        GraphHttp.Response refused = http.get(ROOT + "/mailboxProtectionUnits?" + option + "=" + encoded(value));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("BadRequest");
        assertThat(message(refused)).contains(named);
    }

    @Test
    void a_unit_imported_again_keeps_its_created_time_and_shows_when_it_last_changed() {
        catalog.load(unit("unit-a", "Adele Vance", "AdeleV@contoso.com", null));
        GraphHttp.Response first = http.get(ROOT + "/protectionUnits/unit-a");

        // The import the service runs at every start, with the same file, then with a new display name.
        catalog.load(unit("unit-a", "Adele Vance", "AdeleV@contoso.com", null));
        GraphHttp.Response restarted = http.get(ROOT + "/protectionUnits/unit-a");
        catalog.load(unit("unit-a", "Adele Vance-Smith", "AdeleV@contoso.com", null));
        GraphHttp.Response renamed = http.get(ROOT + "/protectionUnits/unit-a");

        String created = first.json().get("createdDateTime").asText();
        assertThat(OffsetDateTime.parse(created)).isBeforeOrEqualTo(OffsetDateTime.now());
        assertThat(restarted.body()).isEqualTo(first.body());
        assertThat(renamed.json().get("createdDateTime").asText()).isEqualTo(created);
        assertThat(OffsetDateTime.parse(renamed.json().get("lastModifiedDateTime").asText()))
                .isAfter(OffsetDateTime.parse(created));
        assertThat(renamed.json().get("displayName").asText()).isEqualTo("Adele Vance-Smith");
    }
}
