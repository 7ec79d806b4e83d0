package com.m365backup.restore.app.catalog;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import java.time.OffsetDateTime;
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
 * Graph's list of a mailbox's restore points over real HTTP (docs/api.md, Finding what can be restored):
 * {@code $expand=protectionUnit($filter=id eq '...')} names the mailbox, {@code $filter} on protectionDateTime the
 * window; newest first, at most five, each with its mailbox; and the errors of a list asked otherwise.
 */
@IntegrationTest
class RestorePointListTest extends TenantOfItsOwnTest {

    private static final String RESTORE_POINTS = ROOT + "/restorePoints";
    private static final String OF_ADELE = "$expand=" + encoded("protectionUnit($filter=id eq 'unit-adele')");

    @BeforeEach
    void aTenantWithTwoMailboxes() {
        catalog.load(unit("unit-adele", "Adele Vance", "AdeleV@contoso.com",
                        OffsetDateTime.parse("2025-12-01T00:00:00Z"),
                        restorePoint("rp-jan", "2026-01-10T02:00:00Z"),
                        restorePoint("rp-feb", "2026-02-10T02:00:00Z"),
                        restorePoint("rp-mar", "2026-03-10T02:00:00Z"),
                        restorePoint("rp-apr", "2026-04-10T02:00:00Z"),
                        restorePoint("rp-may", "2026-05-10T02:00:00Z"),
                        restorePoint("rp-jun", "2026-06-10T02:00:00Z"),
                        restorePoint("rp-jul", "2026-07-10T02:00:00Z")),
                unit("unit-alex", "Alex Wilber", "AlexW@contoso.com", OffsetDateTime.parse("2025-12-01T00:00:00Z"),
                        restorePoint("rp-alex-jun", "2026-06-11T02:00:00Z")));
    }

    @Test
    void graphs_own_form_answers_the_five_newest_before_the_time_each_with_its_mailbox() throws Exception {
        GraphHttp.Response list = http.get(RESTORE_POINTS + "?" + OF_ADELE
                + "&$filter=protectionDateTime%20lt%202026-07-01T00:00:00Z&$count=true");

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("@odata.context").asText())
                .isEqualTo("http://127.0.0.1:" + port + "/beta/$metadata#solutions/backupRestore/restorePoints");
        assertThat(ids(list)).containsExactly("rp-jun", "rp-may", "rp-apr", "rp-mar", "rp-feb");
        assertThat(list.json().get("@odata.count").asLong()).isEqualTo(6);
        assertThat(list.json().has("@odata.nextLink")).isFalse();
        JSONAssert.assertEquals("""
                {"@odata.type": "#microsoft.graph.restorePoint", "id": "rp-jun",
                 "protectionDateTime": "2026-06-10T02:00:00Z", "expirationDateTime": "2036-06-10T02:00:00Z",
                 "tags": "none",
                 "protectionUnit": {"@odata.type": "#microsoft.graph.mailboxProtectionUnit", "id": "unit-adele",
                   "directoryObjectId": "directory-unit-adele", "displayName": "Adele Vance",
                   "email": "AdeleV@contoso.com"}}""",
                list.json().get("value").get(0).toString(), JSONCompareMode.LENIENT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "protectionDateTime le 2026-03-10T02:00:00Z                                   | rp-mar,rp-feb,rp-jan",
            "protectionDateTime ge 2026-06-10T02:00:00Z                                   | rp-jul,rp-jun",
            "protectionDateTime gt 2026-06-10T02:00:00Z                                   | rp-jul",
            "protectionDateTime gt 2026-02-01T00:00:00Z and protectionDateTime lt 2026-04-11T00:00:00Z | rp-apr,rp-mar,rp-feb",
            "protectionDateTime lt '2026-01-10T02:00:00Z'                                 | ''"})
    void a_filter_on_the_protection_time_narrows_the_window(String filter, String expected) {
        GraphHttp.Response list = http.get(RESTORE_POINTS + "?" + OF_ADELE + "&$filter=" + encoded(filter));

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(ids(list)).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
    }

    @Test
    void without_a_time_the_newest_five_are_listed_and_an_order_or_a_top_changes_which() {
        GraphHttp.Response newest = http.get("/v1.0/solutions/backupRestore/restorePoints?" + OF_ADELE);
        GraphHttp.Response oldest = http.get(RESTORE_POINTS + "?" + OF_ADELE + "&$orderby=protectionDateTime%20asc");
        GraphHttp.Response two = http.get(RESTORE_POINTS + "?" + OF_ADELE + "&$top=2");

        assertThat(ids(newest)).containsExactly("rp-jul", "rp-jun", "rp-may", "rp-apr", "rp-mar");
        assertThat(ids(oldest)).containsExactly("rp-jan", "rp-feb", "rp-mar", "rp-apr", "rp-may");
        assertThat(ids(two)).containsExactly("rp-jul", "rp-jun");
    }

    @Test
    void an_unknown_mailbox_or_another_tenants_has_no_restore_points_to_list() {
        new CatalogHttp(catalogImport, "another-" + UUID.randomUUID()).load(unit("unit-theirs", "Adele Vance",
                "AdeleV@contoso.com", null, restorePoint("rp-theirs-" + UUID.randomUUID(), "2026-06-10T02:00:00Z")));

        GraphHttp.Response theirs = http.get(RESTORE_POINTS + "?$expand="
                + encoded("protectionUnit($filter=id eq 'unit-theirs')"));
        GraphHttp.Response unknown = http.get(RESTORE_POINTS + "?$expand="
                + encoded("protectionUnit($filter=id eq 'unit-never-imported')") + "&$count=true");

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.json().get("value")).isEmpty();
        assertThat(unknown.json().get("value")).isEmpty();
        assertThat(unknown.json().get("@odata.count").asLong()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                                              | $expand=protectionUnit($filter=id eq",
            "$filter=protectionDateTime lt 2026-07-01T00:00:00Z              | $expand=protectionUnit($filter=id eq",
            "$expand=protectionUnit                                          | $expand=protectionUnit($filter=id eq",
            "$expand=protectionUnit($filter=email eq 'AdeleV@contoso.com')   | 'email'",
            "$expand=protectionUnit($select=id)                              | '$select'",
            "$expand=protectionUnit($filter=id ne 'unit-adele')              | 'ne'"})
    void a_list_that_names_no_mailbox_is_a_bad_request_that_says_how_to_ask(String query, String named) {
        GraphHttp.Response refused = http.get(RESTORE_POINTS + (query.isEmpty() ? "" : "?" + encodedQuery(query)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("BadRequest");
        assertThat(message(refused)).contains(named);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$filter    | protectionDateTime eq 2026-06-10T02:00:00Z | 'eq'",
            "$filter    | expirationDateTime lt 2030-01-01T00:00:00Z | 'expirationDateTime'",
            "$filter    | protectionDateTime lt yesterday            | 'yesterday'",
            "$top       | 6                                          | $top",
            "$skiptoken | c2tpcDo1                                   | '$skiptoken'",
            "$select    | id                                         | '$select'",
            "$orderby   | expirationDateTime desc                    | 'expirationDateTime'"})
    void an_option_the_list_does_not_support_is_a_bad_request_naming_it(String option, String value, String named) {
        GraphHttp.Response refused = http.get(RESTORE_POINTS + "?" + OF_ADELE + "&" + option + "=" + encoded(value));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("BadRequest");
        assertThat(message(refused)).contains(named);
    }

    private static String encodedQuery(String query) {
        String[] nameAndValue = query.split("=", 2);
        return nameAndValue[0] + "=" + encoded(nameAndValue[1]);
    }
}
