package com.m365backup.restore.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.domain.session.MailboxArtifactAdded;
import com.m365backup.restore.domain.session.MailboxArtifactRemoved;
import com.m365backup.restore.domain.session.RestoreSessionCreated;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.Customization;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.skyscreamer.jsonassert.RegularExpressionValueMatcher;
import org.skyscreamer.jsonassert.comparator.CustomComparator;

import java.util.List;
import java.util.stream.StreamSupport;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of the Graph page the project started from, sent as a user would: a session with two artifacts, then
 * the page's PATCH with its four additions and three removals (the first artifact, an id never in the session, the
 * second artifact).
 */
@IntegrationTest
class SourcePageExampleTest extends RunningApplicationTest {

    private static final String UNKNOWN_ARTIFACT = "4267e382-71a9-4c07-bef7-bda97e09c0d2";
    private static final String ISO_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void the_source_pages_patch_adds_four_artifacts_and_reports_the_unknown_removal() throws Exception {
        GraphHttp.Response created = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [
                  {"restorePoint": {"@odata.id": "0a014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"},
                  {"restorePoint": {"@odata.id": "0b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"}
                ]}""");
        assertThat(created.status()).isEqualTo(201);
        String sessionId = created.json().get("id").asText();
        assertThat(created.header("Location")).endsWith(SESSIONS + "/" + sessionId);
        JsonNode artifacts = created.json().get("mailboxRestoreArtifacts");
        String artifactA = artifacts.get(0).get("id").asText();
        String artifactB = artifacts.get(1).get("id").asText();

        GraphHttp.Response patched = http.patch(SESSIONS + "/" + sessionId, """
                {
                  "mailboxRestoreArtifacts@delta": [
                    {"restorePoint": { "@odata.id": "1b014d8c-71fe-4d00-a01a-31850bc5b32c" }, "destinationType": "inPlace"},
                    {"restorePoint": { "@odata.id": "2b014d8c-71fe-4d00-a01a-31850bc5b32" }, "destinationType": "inPlace"},
                    {"restorePoint": { "@odata.id": "3b014d8c-71fe-4d00-a01a-31850bc5b32c" }, "destinationType": "inPlace"},
                    {"restorePoint": { "@odata.id": "4b014d8c-71fe-4d00-a01a-31850bc5b32c" }, "destinationType": "inPlace"},
                    {"@removed": {"reason": "changed"}, "id": "%s"},
                    {"@removed": {"reason": "changed"}, "id": "%s"},
                    {"@removed": {"reason": "changed"}, "id": "%s"}
                  ]
                }""".formatted(artifactA, UNKNOWN_ARTIFACT, artifactB));

        assertThat(patched.status()).isEqualTo(200);
        JSONAssert.assertEquals("""
                {"mailboxRestoreArtifacts@delta": [
                  {"id": "x", "restorePoint": {"@odata.id": "1b014d8c-71fe-4d00-a01a-31850bc5b32c"},
                   "destinationType": "inPlace", "status": "added", "createdDateTime": "x"},
                  {"id": "x", "restorePoint": {"@odata.id": "2b014d8c-71fe-4d00-a01a-31850bc5b32"},
                   "destinationType": "inPlace", "status": "added", "createdDateTime": "x"},
                  {"id": "x", "restorePoint": {"@odata.id": "3b014d8c-71fe-4d00-a01a-31850bc5b32c"},
                   "destinationType": "inPlace", "status": "added", "createdDateTime": "x"},
                  {"id": "x", "restorePoint": {"@odata.id": "4b014d8c-71fe-4d00-a01a-31850bc5b32c"},
                   "destinationType": "inPlace", "status": "added", "createdDateTime": "x"},
                  {"@contentId": "x",
                   "@Core.DataModificationException": {
                     "info": {"code": "Invalid",
                              "message": "The identifier to be removed from the Restore Session does not exist"},
                     "failedOperation": "remove",
                     "responseCode": 409},
                   "id": "%s"}
                ]}""".formatted(UNKNOWN_ARTIFACT), patched.body(), new CustomComparator(JSONCompareMode.STRICT,
                new Customization("mailboxRestoreArtifacts@delta[*].id", (actual, expected) ->
                        "x".equals(expected) ? actual.toString().matches(GUID) : expected.equals(actual)),
                new Customization("mailboxRestoreArtifacts@delta[*].createdDateTime",
                        new RegularExpressionValueMatcher<>(ISO_UTC)),
                new Customization("mailboxRestoreArtifacts@delta[*].@contentId",
                        new RegularExpressionValueMatcher<>(GUID))));

        List<String> addedIds = StreamSupport.stream(patched.json().get("mailboxRestoreArtifacts@delta").spliterator(), false)
                .limit(4).map(item -> item.get("id").asText()).toList();
        GraphHttp.Response listed = http.get(SESSIONS + "/" + sessionId + "/mailboxRestoreArtifacts");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("value")).extracting(artifact -> artifact.get("id").asText())
                .containsExactlyElementsOf(addedIds);
        assertThat(listed.json().get("value")).extracting(artifact -> artifact.get("restorePoint").get("id").asText())
                .containsExactly("1b014d8c-71fe-4d00-a01a-31850bc5b32c", "2b014d8c-71fe-4d00-a01a-31850bc5b32",
                        "3b014d8c-71fe-4d00-a01a-31850bc5b32c", "4b014d8c-71fe-4d00-a01a-31850bc5b32c");

        assertThat(events.eventTypesOf(sessionId)).containsExactly(
                "RestoreSessionCreated", "MailboxArtifactAdded", "MailboxArtifactAdded",
                "MailboxArtifactAdded", "MailboxArtifactAdded", "MailboxArtifactAdded", "MailboxArtifactAdded",
                "MailboxArtifactRemoved", "MailboxArtifactRemoved");
    }
}
