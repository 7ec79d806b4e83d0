package com.m365backup.restore.query.session;

import com.jayway.jsonpath.JsonPath;
import com.m365backup.restore.domain.query.ArtifactList;
import com.m365backup.restore.domain.query.ListMailboxArtifacts;
import com.m365backup.restore.query.ReadEndpointTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.json.JsonCompareMode;

import java.net.URI;
import java.util.List;

import static com.m365backup.restore.query.session.QueryAnswers.answer;
import static com.m365backup.restore.query.session.SessionExamples.ARTIFACT_A;
import static com.m365backup.restore.query.session.SessionExamples.ARTIFACT_B;
import static com.m365backup.restore.query.session.SessionExamples.OTHER_SESSION;
import static com.m365backup.restore.query.session.SessionExamples.SESSION;
import static com.m365backup.restore.query.session.SessionExamples.TENANT;
import static com.m365backup.restore.query.session.SessionExamples.artifact;
import static com.m365backup.restore.query.session.SessionExamples.artifactJson;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = MailboxRestoreArtifactController.class,
        properties = "spring.mvc.problemdetails.enabled=true")
class MailboxRestoreArtifactControllerTest extends ReadEndpointTest {

    private static final String ARTIFACTS =
            "/beta/solutions/backupRestore/exchangeRestoreSessions/" + SESSION + "/mailboxRestoreArtifacts";
    private static final String CONTEXT = "http://localhost/beta/$metadata#solutions/backupRestore/"
            + "exchangeRestoreSessions('" + SESSION + "')/mailboxRestoreArtifacts";

    MailboxRestoreArtifactControllerTest() {
        super(TENANT);
    }

    @BeforeEach
    void aSessionWithTwoArtifacts() {
        answer(queries, new ListMailboxArtifacts(TENANT, SESSION),
                new ArtifactList(true, List.of(artifact(ARTIFACT_A, "rp-a"), artifact(ARTIFACT_B, "rp-b"))));
    }

    @Test
    void the_artifacts_of_a_session_list_with_their_restore_points_in_the_order_they_were_added() throws Exception {
        mvc.perform(get(ARTIFACTS))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"@odata.context": "%s", "value": [%s, %s]}""".formatted(CONTEXT,
                        artifactJson(ARTIFACT_A, "rp-a"), artifactJson(ARTIFACT_B, "rp-b")), JsonCompareMode.STRICT));
    }

    @Test
    void the_artifacts_are_served_at_the_root_and_under_each_version() throws Exception {
        for (String version : List.of("", "/v1.0")) {
            mvc.perform(get(version + "/solutions/backupRestore/exchangeRestoreSessions/" + SESSION
                            + "/mailboxRestoreArtifacts"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$['@odata.context']").value("http://localhost" + version
                            + "/$metadata#solutions/backupRestore/exchangeRestoreSessions('" + SESSION
                            + "')/mailboxRestoreArtifacts"));
        }
    }

    @Test
    void a_page_of_artifacts_counts_them_all_and_links_to_the_rest() throws Exception {
        String first = mvc.perform(get(ARTIFACTS).queryParam("$top", "1").queryParam("$count", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$['@odata.count']").value(2))
                .andExpect(jsonPath("$.value[*].id").value(ARTIFACT_A))
                .andReturn().getResponse().getContentAsString();

        mvc.perform(get(URI.create(JsonPath.read(first, "$['@odata.nextLink']"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$['@odata.count']").value(2))
                .andExpect(jsonPath("$.value[*].id").value(ARTIFACT_B))
                .andExpect(jsonPath("$['@odata.nextLink']").doesNotExist());
    }

    @Test
    void the_count_of_artifacts_is_a_plain_number() throws Exception {
        mvc.perform(get(ARTIFACTS + "/$count"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/plain"))
                .andExpect(content().string("2"));
    }

    @Test
    void the_count_takes_no_query_option() throws Exception {
        mvc.perform(get(ARTIFACTS + "/$count").queryParam("$filter", "status eq 'added'"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("'$filter'")));
    }

    @Test
    void one_artifact_reads_by_its_id() throws Exception {
        mvc.perform(get(ARTIFACTS + "/" + ARTIFACT_B))
                .andExpect(status().isOk())
                .andExpect(content().json(artifactJson(ARTIFACT_B, "rp-b"), JsonCompareMode.STRICT));
    }

    @Test
    void an_artifact_that_is_not_in_the_session_is_not_found() throws Exception {
        mvc.perform(get(ARTIFACTS + "/4267e382-71a9-4c07-bef7-bda97e09c0d2"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("itemNotFound"))
                .andExpect(jsonPath("$.detail", containsString("'4267e382-71a9-4c07-bef7-bda97e09c0d2'")));
    }

    @Test
    void the_artifacts_of_a_session_the_tenant_does_not_have_are_not_found() throws Exception {
        answer(queries, new ListMailboxArtifacts(TENANT, OTHER_SESSION), new ArtifactList(false, List.of()));

        for (String path : List.of("", "/$count", "/" + ARTIFACT_A)) {
            mvc.perform(get("/beta/solutions/backupRestore/exchangeRestoreSessions/" + OTHER_SESSION
                            + "/mailboxRestoreArtifacts" + path))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("RestoreSessionNotFound"));
        }
    }

    @Test
    void the_artifacts_of_a_session_id_that_is_not_a_guid_are_refused() throws Exception {
        mvc.perform(get("/beta/solutions/backupRestore/exchangeRestoreSessions/42/mailboxRestoreArtifacts"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidRestoreSessionId"));
        verifyNoInteractions(queries);
    }
}
