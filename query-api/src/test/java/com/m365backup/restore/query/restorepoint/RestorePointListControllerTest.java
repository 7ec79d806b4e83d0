package com.m365backup.restore.query.restorepoint;

import com.m365backup.restore.domain.query.ListRestorePoints;
import com.m365backup.restore.domain.query.MailboxProtectionUnitView;
import com.m365backup.restore.domain.query.RestorePointList;
import com.m365backup.restore.domain.query.RestorePointView;
import com.m365backup.restore.query.ReadEndpointTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static com.m365backup.restore.query.session.QueryAnswers.answer;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The list of a mailbox's restore points, Graph's {@code $expand=protectionUnit($filter=id eq '...')} form. */
@WebMvcTest(controllers = RestorePointController.class, properties = "spring.mvc.problemdetails.enabled=true")
@Import(RestorePointSearchReader.class)
class RestorePointListControllerTest extends ReadEndpointTest {

    private static final String TENANT = "7f3c1a52-0d8e-4c1b-9e44-2b6f9d0a8c11";
    private static final String RESTORE_POINTS = "/beta/solutions/backupRestore/restorePoints";
    private static final String OF_ADELE = "protectionUnit($filter=id eq 'unit-adele')";
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-01-05T08:00:00Z");
    private static final RestorePointView MAY = new RestorePointView("rp-may",
            OffsetDateTime.parse("2026-05-10T02:00:00Z"), null, "fastRestore",
            new MailboxProtectionUnitView("unit-adele", "dir-1", "Adele Vance", "AdeleV@contoso.com", CREATED,
                    CREATED));

    RestorePointListControllerTest() {
        super(TENANT);
    }

    /** The search keeps granular searches; the list never does. */
    @MockitoBean
    GranularSearches granularSearches;

    @Test
    void graphs_form_asks_for_the_five_newest_of_the_unit_before_the_time() throws Exception {
        answer(queries, new ListRestorePoints(TENANT, "unit-adele", List.of(new ListRestorePoints.TimeCondition(
                        ListRestorePoints.Comparison.LT, Instant.parse("2026-06-01T00:00:00Z"))), false, 5),
                new RestorePointList(List.of(MAY), 1));

        mvc.perform(get(RESTORE_POINTS).queryParam("$expand", OF_ADELE)
                        .queryParam("$filter", "protectionDateTime lt 2026-06-01T00:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"@odata.context": "http://localhost/beta/$metadata#solutions/backupRestore/restorePoints",
                         "value": [{"@odata.type": "#microsoft.graph.restorePoint", "id": "rp-may",
                           "protectionDateTime": "2026-05-10T02:00:00Z", "expirationDateTime": null,
                           "tags": "fastRestore",
                           "protectionUnit": {"@odata.type": "#microsoft.graph.mailboxProtectionUnit",
                             "id": "unit-adele", "directoryObjectId": "dir-1", "displayName": "Adele Vance",
                             "email": "AdeleV@contoso.com", "mailboxType": null, "status": "protected",
                             "policyId": null, "protectionSources": null, "backupRetentionPeriodInDays": null,
                             "billingPolicyId": null, "createdBy": null, "createdDateTime": "2026-01-05T08:00:00Z",
                             "lastModifiedBy": null, "lastModifiedDateTime": "2026-01-05T08:00:00Z",
                             "offboardRequestedDateTime": null, "error": null}}]}""", JsonCompareMode.STRICT));
    }

    @Test
    void an_order_a_top_and_every_bound_of_the_window_reach_the_catalog() throws Exception {
        answer(queries, new ListRestorePoints(TENANT, "unit-adele", List.of(
                        new ListRestorePoints.TimeCondition(ListRestorePoints.Comparison.GE,
                                Instant.parse("2026-01-01T00:00:00Z")),
                        new ListRestorePoints.TimeCondition(ListRestorePoints.Comparison.LE,
                                Instant.parse("2026-12-31T00:00:00Z"))), true, 2),
                new RestorePointList(List.of(MAY), 9));

        mvc.perform(get("/solutions/backupRestore/restorePoints").queryParam("$expand", OF_ADELE)
                        .queryParam("$filter", "protectionDateTime ge 2026-01-01T00:00:00Z and "
                                + "protectionDateTime le 2026-12-31T00:00:00+00:00")
                        .queryParam("$orderby", "protectionDateTime asc")
                        .queryParam("$top", "2")
                        .queryParam("$count", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$['@odata.count']").value(9))
                .andExpect(jsonPath("$['@odata.nextLink']").doesNotExist());
    }

    @Test
    void a_list_that_names_no_protection_unit_is_refused_before_anything_is_asked() throws Exception {
        mvc.perform(get(RESTORE_POINTS).queryParam("$filter", "protectionDateTime lt 2026-06-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("BadRequest"))
                .andExpect(jsonPath("$.detail", containsString("$expand=protectionUnit($filter=id eq")));
        mvc.perform(get(RESTORE_POINTS).queryParam("$expand", "protectionUnit"))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(queries);
    }

    @Test
    void more_than_five_is_refused_as_graph_lists_five_at_most() throws Exception {
        mvc.perform(get(RESTORE_POINTS).queryParam("$expand", OF_ADELE).queryParam("$top", "6"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("$top must be a whole number from 0 to 5; it was '6'."));
        verifyNoInteractions(queries);
    }
}
