package com.m365backup.restore.query.session;

import com.jayway.jsonpath.JsonPath;
import com.m365backup.restore.domain.query.FindRestoreSession;
import com.m365backup.restore.domain.query.ListRestoreSessions;
import com.m365backup.restore.domain.query.RestoreSessionPage;
import com.m365backup.restore.query.ReadEndpointTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.skyscreamer.jsonassert.Customization;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.skyscreamer.jsonassert.RegularExpressionValueMatcher;
import org.skyscreamer.jsonassert.comparator.CustomComparator;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.json.JsonCompareMode;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static com.m365backup.restore.query.session.QueryAnswers.answer;
import static com.m365backup.restore.query.session.SessionExamples.ARTIFACT_A;
import static com.m365backup.restore.query.session.SessionExamples.ARTIFACT_B;
import static com.m365backup.restore.query.session.SessionExamples.DRAFT_JSON;
import static com.m365backup.restore.query.session.SessionExamples.OTHER_SESSION;
import static com.m365backup.restore.query.session.SessionExamples.SESSION;
import static com.m365backup.restore.query.session.SessionExamples.TENANT;
import static com.m365backup.restore.query.session.SessionExamples.artifactJson;
import static com.m365backup.restore.query.session.SessionExamples.draft;
import static com.m365backup.restore.query.session.SessionExamples.withArtifacts;
import static com.m365backup.restore.query.session.SessionExamples.withStatus;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = RestoreSessionController.class, properties = "spring.mvc.problemdetails.enabled=true")
class RestoreSessionControllerTest extends ReadEndpointTest {

    private static final String SESSIONS = "/beta/solutions/backupRestore/exchangeRestoreSessions";
    private static final String CONTEXT = "http://localhost/beta/$metadata#solutions/backupRestore/exchangeRestoreSessions";

    RestoreSessionControllerTest() {
        super(TENANT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/beta", "/v1.0"})
    void a_session_reads_as_graphs_exchange_restore_session_at_the_root_and_under_each_version(String version)
            throws Exception {
        answer(queries, new FindRestoreSession(TENANT, SESSION, false), Optional.of(draft(SESSION)));

        mvc.perform(get(version + "/solutions/backupRestore/exchangeRestoreSessions/" + SESSION))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "W/\"3\""))
                .andExpect(content().json(DRAFT_JSON, JsonCompareMode.STRICT));
    }

    @Test
    void expanding_the_artifacts_shows_them_inside_the_session_in_the_order_they_were_added() throws Exception {
        answer(queries, new FindRestoreSession(TENANT, SESSION, true), Optional.of(withArtifacts(draft(SESSION))));

        mvc.perform(get(SESSIONS + "/" + SESSION).queryParam("$expand", "mailboxRestoreArtifacts"))
                .andExpect(status().isOk())
                .andExpect(content().json(DRAFT_JSON.replaceFirst("}\\s*$", ", \"mailboxRestoreArtifacts\": ["
                        + artifactJson(ARTIFACT_A, "rp-a") + "," + artifactJson(ARTIFACT_B, "rp-b") + "]}"),
                        JsonCompareMode.STRICT));
    }

    @Test
    void a_session_id_in_upper_case_finds_the_session() throws Exception {
        answer(queries, new FindRestoreSession(TENANT, SESSION, false), Optional.of(draft(SESSION)));

        mvc.perform(get(SESSIONS + "/" + SESSION.toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(SESSION));
    }

    @Test
    void a_session_id_that_is_not_a_guid_is_refused_before_anything_is_looked_up() throws Exception {
        mvc.perform(get(SESSIONS + "/not-a-guid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidRestoreSessionId"))
                .andExpect(jsonPath("$.detail").value("'not-a-guid' is not a valid restore session id; it must be a GUID."));
        verifyNoInteractions(queries);
    }

    @Test
    void a_session_the_tenant_does_not_have_is_not_found() throws Exception {
        answer(queries, new FindRestoreSession(TENANT, OTHER_SESSION, false), Optional.empty());

        mvc.perform(get(SESSIONS + "/" + OTHER_SESSION))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("RestoreSessionNotFound"))
                .andExpect(jsonPath("$.detail").value("Restore session '" + OTHER_SESSION + "' was not found."));
    }

    @Test
    void the_collection_of_every_kind_of_session_reads_the_same_session_with_its_exchange_type() throws Exception {
        answer(queries, new FindRestoreSession(TENANT, SESSION, false), Optional.of(draft(SESSION)));

        mvc.perform(get("/v1.0/solutions/backupRestore/restoreSessions/" + SESSION))
                .andExpect(status().isOk())
                .andExpect(content().json(DRAFT_JSON, JsonCompareMode.STRICT));
    }

    @Test
    void the_collection_of_every_kind_of_session_lists_the_tenants_sessions() throws Exception {
        answer(queries, new ListRestoreSessions(TENANT, 0, 100, false),
                new RestoreSessionPage(List.of(draft(SESSION)), 1));

        mvc.perform(get("/solutions/backupRestore/restoreSessions"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"@odata.context": "http://localhost/$metadata#solutions/backupRestore/restoreSessions",
                         "value": [%s]}""".formatted(DRAFT_JSON), JsonCompareMode.STRICT));
    }

    @Test
    void the_base_collection_has_no_artifacts_to_expand() throws Exception {
        mvc.perform(get("/beta/solutions/backupRestore/restoreSessions/" + SESSION)
                        .queryParam("$expand", "mailboxRestoreArtifacts"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("BadRequest"))
                .andExpect(jsonPath("$.detail", containsString("'$expand'")));
        verifyNoInteractions(queries);
    }

    @Test
    void a_failed_session_shows_unknown_future_value_to_a_client_that_did_not_ask_for_new_members()
            throws Exception {
        answer(queries, new FindRestoreSession(TENANT, SESSION, false),
                Optional.of(withStatus(draft(SESSION), "failed")));

        mvc.perform(get(SESSIONS + "/" + SESSION))
                .andExpect(jsonPath("$.status").value("unknownFutureValue"))
                .andExpect(header().doesNotExist("Preference-Applied"));
    }

    @Test
    void a_failed_session_shows_failed_to_a_client_that_prefers_unknown_enum_members() throws Exception {
        answer(queries, new FindRestoreSession(TENANT, SESSION, false),
                Optional.of(withStatus(draft(SESSION), "failed")));

        mvc.perform(get(SESSIONS + "/" + SESSION)
                        .header("Prefer", "return=representation, include-unknown-enum-members"))
                .andExpect(jsonPath("$.status").value("failed"))
                .andExpect(header().string("Preference-Applied", "include-unknown-enum-members"));
    }

    @Test
    void the_collection_lists_the_tenants_sessions_in_a_first_page_of_a_hundred() throws Exception {
        answer(queries, new ListRestoreSessions(TENANT, 0, 100, false),
                new RestoreSessionPage(List.of(draft(SESSION)), 1));

        mvc.perform(get(SESSIONS))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"@odata.context": "%s", "value": [%s]}""".formatted(CONTEXT, DRAFT_JSON),
                        JsonCompareMode.STRICT));
    }

    @Test
    void a_page_that_leaves_sessions_behind_links_to_the_next_one_and_counts_them_all() throws Exception {
        answer(queries, new ListRestoreSessions(TENANT, 0, 1, false),
                new RestoreSessionPage(List.of(draft(SESSION)), 3, true));

        String body = mvc.perform(get(SESSIONS).queryParam("$top", "1").queryParam("$count", "true"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        JSONAssert.assertEquals("""
                {"@odata.context": "%s", "@odata.count": 3, "@odata.nextLink": "x", "value": [%s]}"""
                        .formatted(CONTEXT, DRAFT_JSON), body,
                new CustomComparator(JSONCompareMode.STRICT, new Customization("@odata.nextLink",
                        new RegularExpressionValueMatcher<>("http://localhost" + SESSIONS.replace(".", "\\.")
                                + "\\?\\$top=1&\\$count=true&\\$skiptoken=[A-Za-z0-9_-]+"))));
    }

    @Test
    void following_the_next_link_asks_for_the_page_after_the_first() throws Exception {
        answer(queries, new ListRestoreSessions(TENANT, 0, 1, false),
                new RestoreSessionPage(List.of(draft(SESSION)), 2, true));
        answer(queries, new ListRestoreSessions(TENANT, 0, 1, false, List.of(), ListRestoreSessions.Order.OLDEST_FIRST,
                        new ListRestoreSessions.Position(draft(SESSION).createdDateTime().toInstant(), SESSION)),
                new RestoreSessionPage(List.of(draft(OTHER_SESSION)), 2, false));
        String first = mvc.perform(get(SESSIONS).queryParam("$top", "1"))
                .andReturn().getResponse().getContentAsString();

        mvc.perform(get(URI.create(JsonPath.read(first, "$['@odata.nextLink']"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value[0].id").value(OTHER_SESSION))
                .andExpect(jsonPath("$['@odata.nextLink']").doesNotExist());
    }

    @Test
    void expanding_the_artifacts_of_a_list_asks_for_them_and_keeps_asking_on_the_next_page() throws Exception {
        answer(queries, new ListRestoreSessions(TENANT, 0, 1, true),
                new RestoreSessionPage(List.of(withArtifacts(draft(SESSION))), 2, true));

        mvc.perform(get(SESSIONS).queryParam("$expand", "mailboxRestoreArtifacts").queryParam("$top", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value[0].mailboxRestoreArtifacts[1].id").value(ARTIFACT_B))
                .andExpect(jsonPath("$['@odata.nextLink']",
                        containsString("$top=1&$expand=mailboxRestoreArtifacts&$skiptoken=")));
    }

    @Test
    void a_filter_and_an_order_become_the_conditions_and_order_of_the_query_and_stay_on_the_next_link()
            throws Exception {
        answer(queries, new ListRestoreSessions(TENANT, 0, 1, false, List.of(
                        new ListRestoreSessions.Condition(ListRestoreSessions.Property.STATUS,
                                ListRestoreSessions.Comparison.EQ, "draft"),
                        new ListRestoreSessions.Condition(ListRestoreSessions.Property.CREATED_DATE_TIME,
                                ListRestoreSessions.Comparison.GE, "2026-01-01T00:00:00Z")),
                        new ListRestoreSessions.Order(ListRestoreSessions.Property.LAST_MODIFIED_DATE_TIME, true), null),
                new RestoreSessionPage(List.of(draft(SESSION)), 5, true));

        mvc.perform(get(SESSIONS).queryParam("$top", "1")
                        .queryParam("$filter", "Status eq 'draft' and createdDateTime ge 2026-01-01T00:00:00Z")
                        .queryParam("$orderby", "lastModifiedDateTime desc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value[0].id").value(SESSION))
                .andExpect(jsonPath("$['@odata.nextLink']", containsString("$top=1&$filter=Status%20eq%20%27draft%27"
                        + "%20and%20createdDateTime%20ge%202026-01-01T00%3A00%3A00Z"
                        + "&$orderby=lastModifiedDateTime%20desc&$skiptoken=")));
    }

    @Test
    void a_failed_status_can_be_filtered_on_only_by_a_client_that_prefers_unknown_enum_members() throws Exception {
        mvc.perform(get(SESSIONS).queryParam("$filter", "status eq 'failed'"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("include-unknown-enum-members")));
        verifyNoInteractions(queries);
    }

    @Test
    void a_selection_shows_only_the_selected_properties_with_the_id_and_annotations() throws Exception {
        answer(queries, new FindRestoreSession(TENANT, SESSION, false), Optional.of(draft(SESSION)));

        mvc.perform(get(SESSIONS + "/" + SESSION).queryParam("$select", "status,createdDateTime"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"@odata.type": "#microsoft.graph.exchangeRestoreSession", "@odata.etag": "W/\\"3\\"",
                         "id": "%s", "status": "draft", "createdDateTime": "%s"}"""
                        .formatted(SESSION, JsonPath.read(DRAFT_JSON, "$.createdDateTime")), JsonCompareMode.STRICT));
    }

    @Test
    void asking_only_for_the_count_lists_no_session_and_links_nowhere() throws Exception {
        answer(queries, new ListRestoreSessions(TENANT, 0, 0, false), new RestoreSessionPage(List.of(), 7));

        mvc.perform(get(SESSIONS).queryParam("$top", "0").queryParam("$count", "true"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"@odata.context": "%s", "@odata.count": 7, "value": []}""".formatted(CONTEXT),
                        JsonCompareMode.STRICT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$search | mailbox",
            "$foo    | 1",
            "$filter | createdBy eq 'megan'",
            "$filter | status gt 'draft'",
            "$filter | status eq 'draft' or status eq 'active'",
            "$orderby| status desc",
            "$orderby| createdDateTime sideways",
            "$select | mailboxRestoreArtifacts",
            "$skip   | 10"})
    void a_query_option_the_collection_does_not_support_is_refused_by_name(String option, String value)
            throws Exception {
        mvc.perform(get(SESSIONS).queryParam(option, value))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("BadRequest"))
                .andExpect(jsonPath("$.detail", containsString("'" + option + "'")));
        verifyNoInteractions(queries);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$top       | 1001",
            "$top       | -1",
            "$top       | ten",
            "$count     | yes",
            "$skiptoken | not-a-token-we-made",
            "$skiptoken | c2tpcDotMQ",
            "$expand    | restorePoint"})
    void a_query_option_with_a_value_it_cannot_take_is_refused(String option, String value) throws Exception {
        mvc.perform(get(SESSIONS).queryParam(option, value))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("BadRequest"));
        verifyNoInteractions(queries);
    }

    @Test
    void a_query_option_given_twice_is_refused() throws Exception {
        mvc.perform(get(SESSIONS).queryParam("$top", "1").queryParam("$TOP", "2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("only once")));
    }

    @Test
    void a_single_session_takes_no_paging_option() throws Exception {
        mvc.perform(get(SESSIONS + "/" + SESSION).queryParam("$top", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("'$top'")));
    }

    @Test
    void a_custom_option_without_a_dollar_is_left_alone() throws Exception {
        answer(queries, new ListRestoreSessions(TENANT, 0, 100, false), new RestoreSessionPage(List.of(), 0));

        mvc.perform(get(SESSIONS).queryParam("trace", "on"))
                .andExpect(status().isOk());
    }
}
