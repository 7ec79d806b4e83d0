package com.m365backup.restore.query.restorepoint;

import com.jayway.jsonpath.JsonPath;
import com.m365backup.restore.domain.query.FindProtectionUnit;
import com.m365backup.restore.domain.query.ListProtectionUnits;
import com.m365backup.restore.domain.query.MailboxProtectionUnitView;
import com.m365backup.restore.domain.query.ProtectionUnitPage;
import com.m365backup.restore.query.ReadEndpointTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.json.JsonCompareMode;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static com.m365backup.restore.query.session.QueryAnswers.answer;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = ProtectionUnitController.class, properties = "spring.mvc.problemdetails.enabled=true")
class ProtectionUnitControllerTest extends ReadEndpointTest {

    private static final String TENANT = "7f3c1a52-0d8e-4c1b-9e44-2b6f9d0a8c11";
    private static final String ROOT = "/beta/solutions/backupRestore";
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-01-05T08:00:00Z");
    private static final MailboxProtectionUnitView ADELE = new MailboxProtectionUnitView("unit-adele",
            "451b6eb1-fc3f-546b-9d36-577d9c454d6a", "Adele Vance", "AdeleV@contoso.com", CREATED, CREATED);
    private static final String ADELE_JSON = """
            {"@odata.type": "#microsoft.graph.mailboxProtectionUnit", "id": "unit-adele",
             "directoryObjectId": "451b6eb1-fc3f-546b-9d36-577d9c454d6a", "displayName": "Adele Vance",
             "email": "AdeleV@contoso.com", "mailboxType": null, "status": "protected", "policyId": null,
             "protectionSources": null, "backupRetentionPeriodInDays": null, "billingPolicyId": null,
             "createdBy": null, "createdDateTime": "2026-01-05T08:00:00Z", "lastModifiedBy": null,
             "lastModifiedDateTime": "2026-01-05T08:00:00Z", "offboardRequestedDateTime": null, "error": null}""";

    ProtectionUnitControllerTest() {
        super(TENANT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"protectionUnits", "protectionUnits/microsoft.graph.mailboxProtectionUnit",
            "mailboxProtectionUnits"})
    void each_collection_lists_the_tenants_units_as_graphs_mailbox_protection_units(String collection)
            throws Exception {
        answer(queries, new ListProtectionUnits(TENANT, List.of(), 100, null),
                new ProtectionUnitPage(List.of(ADELE), 1, false));

        mvc.perform(get("/v1.0/solutions/backupRestore/" + collection))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"@odata.context": "http://localhost/v1.0/$metadata#solutions/backupRestore/%s",
                         "value": [%s]}""".formatted(collection, ADELE_JSON), JsonCompareMode.STRICT));
    }

    @Test
    void a_filter_becomes_the_catalogs_conditions_in_the_order_given() throws Exception {
        answer(queries, new ListProtectionUnits(TENANT, List.of(
                        new ListProtectionUnits.Condition(ListProtectionUnits.Property.DISPLAY_NAME,
                                ListProtectionUnits.Match.STARTS_WITH, "Ad"),
                        new ListProtectionUnits.Condition(ListProtectionUnits.Property.EMAIL,
                                ListProtectionUnits.Match.EQUALS, "AdeleV@contoso.com"),
                        new ListProtectionUnits.Condition(ListProtectionUnits.Property.DIRECTORY_OBJECT_ID,
                                ListProtectionUnits.Match.EQUALS, "451b6eb1")), 10, null),
                new ProtectionUnitPage(List.of(ADELE), 1, false));

        mvc.perform(get(ROOT + "/mailboxProtectionUnits")
                        .queryParam("$filter", "startswith(displayName,'Ad') and email eq 'AdeleV@contoso.com' "
                                + "and directoryObjectId eq '451b6eb1'")
                        .queryParam("$top", "10")
                        .queryParam("$count", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$['@odata.count']").value(1))
                .andExpect(jsonPath("$.value[0].id").value("unit-adele"));
    }

    @Test
    void a_page_that_is_not_the_last_links_to_the_next_which_starts_after_its_last_unit() throws Exception {
        answer(queries, new ListProtectionUnits(TENANT, List.of(), 1, null),
                new ProtectionUnitPage(List.of(ADELE), 2, true));
        String nextLink = JsonPath.read(mvc.perform(get(ROOT + "/protectionUnits").queryParam("$top", "1"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$['@odata.nextLink']");
        URI next = URI.create(nextLink);
        String skipToken = next.getQuery().replaceAll(".*\\$skiptoken=", "");
        answer(queries, new ListProtectionUnits(TENANT, List.of(), 1,
                        new ListProtectionUnits.Position(CREATED.toInstant(), "unit-adele")),
                new ProtectionUnitPage(List.of(), 2, false));

        mvc.perform(get(next.getPath()).queryParam("$top", "1").queryParam("$skiptoken", skipToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").isEmpty())
                .andExpect(jsonPath("$['@odata.nextLink']").doesNotExist());
    }

    @Test
    void the_count_asks_for_the_total_only() throws Exception {
        answer(queries, new ListProtectionUnits(TENANT, List.of(new ListProtectionUnits.Condition(
                        ListProtectionUnits.Property.EMAIL, ListProtectionUnits.Match.STARTS_WITH, "a")), 0, null),
                new ProtectionUnitPage(List.of(), 7, false));

        mvc.perform(get(ROOT + "/protectionUnits/graph.mailboxProtectionUnit/$count")
                        .queryParam("$filter", "startswith(email,'a')"))
                .andExpect(status().isOk())
                .andExpect(content().string("7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"protectionUnits/unit-adele", "protectionUnits/unit-adele/microsoft.graph.mailboxProtectionUnit",
            "protectionUnits/unit-adele/graph.mailboxProtectionUnit", "mailboxProtectionUnits/unit-adele"})
    void a_unit_reads_by_id_on_every_path(String path) throws Exception {
        answer(queries, new FindProtectionUnit(TENANT, "unit-adele"), Optional.of(ADELE));

        mvc.perform(get(ROOT + "/" + path))
                .andExpect(status().isOk())
                .andExpect(content().json(ADELE_JSON, JsonCompareMode.STRICT));
    }

    @Test
    void a_unit_the_tenant_does_not_have_is_not_found() throws Exception {
        answer(queries, new FindProtectionUnit(TENANT, "unit-elsewhere"), Optional.empty());

        mvc.perform(get(ROOT + "/mailboxProtectionUnits/unit-elsewhere"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("itemNotFound"))
                .andExpect(jsonPath("$.detail").value("Protection unit 'unit-elsewhere' was not found."));
    }

    @Test
    void a_directory_object_is_found_by_its_whole_id_only() throws Exception {
        mvc.perform(get(ROOT + "/protectionUnits").queryParam("$filter", "startswith(directoryObjectId,'45')"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("BadRequest"))
                .andExpect(jsonPath("$.detail").value("directoryObjectId can be compared with eq only."));
        verifyNoInteractions(queries);
    }

    @Test
    void an_operator_the_list_does_not_take_is_refused_naming_what_it_takes() throws Exception {
        mvc.perform(get(ROOT + "/protectionUnits").queryParam("$filter", "displayName ne 'Adele Vance'"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("'ne'")))
                .andExpect(jsonPath("$.detail", containsString("eq and startswith")));
        verifyNoInteractions(queries);
    }
}
