package com.m365backup.restore.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.domain.session.MailboxArtifactAdded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request-level error row of docs/api.md's PATCH section: the documented status and code, in Graph's error
 * envelope, and nothing changed (the session's events are the same afterwards).
 */
@IntegrationTest
class PatchRequestErrorsTest extends RunningApplicationTest {

    private static final String SESSIONS = "/solutions/backupRestore/exchangeRestoreSessions";
    private static final String ADD = """
            {"restorePoint": {"@odata.id": "%s"}, "destinationType": "inPlace"}""";

    private String sessionId;

    @BeforeEach
    void createSession() {
        GraphHttp.Response created = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [%s]}""".formatted(ADD.formatted(
                catalog.restorePoint("rp-" + UUID.randomUUID()))));
        assertThat(created.status()).isEqualTo(201);
        sessionId = created.json().get("id").asText();
    }

    static Stream<Arguments> malformedBodies() {
        String fiftyOneAdds = IntStream.range(0, 51).mapToObj(i -> ADD.formatted("rp-many-" + i))
                .collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of("not JSON", "{\"mailboxRestoreArtifacts@delta\": [", 400, "InvalidPatchRequest"),
                Arguments.of("JSON with comments", """
                        {"mailboxRestoreArtifacts@delta": [
                          {"restorePoint": {"@odata.id": "1b014d8c"}, //Create a new mailbox restore artifact
                           "destinationType": "inPlace"}]}""", 400, "InvalidPatchRequest"),
                Arguments.of("not an object", "[]", 400, "InvalidPatchRequest"),
                Arguments.of("an unexpected property", """
                        {"mailboxRestoreArtifacts@delta": [%s], "status": "active"}""".formatted(ADD.formatted("x")),
                        400, "InvalidPatchRequest"),
                Arguments.of("@delta missing", "{}", 400, "InvalidPatchRequest"),
                Arguments.of("@delta not an array", """
                        {"mailboxRestoreArtifacts@delta": {}}""", 400, "InvalidPatchRequest"),
                Arguments.of("an empty array", """
                        {"mailboxRestoreArtifacts@delta": []}""", 400, "InvalidArtifactRequest"),
                Arguments.of("51 items", """
                        {"mailboxRestoreArtifacts@delta": [%s]}""".formatted(fiftyOneAdds),
                        400, "RestoreArtifactsLimitBreached"),
                Arguments.of("an item that is neither add nor remove", """
                        {"mailboxRestoreArtifacts@delta": [{"destinationType": "inPlace"}]}""",
                        400, "InvalidPatchRequest"),
                Arguments.of("an item with an id but no @removed", """
                        {"mailboxRestoreArtifacts@delta": [{"id": "a-1"}]}""", 400, "InvalidPatchRequest"),
                Arguments.of("an unknown removal reason", """
                        {"mailboxRestoreArtifacts@delta": [{"@removed": {"reason": "gone"}, "id": "a-1"}]}""",
                        400, "InvalidPatchRequest"),
                Arguments.of("an unknown destination type", """
                        {"mailboxRestoreArtifacts@delta": [
                          {"restorePoint": {"@odata.id": "rp-1"}, "destinationType": "elsewhere"}]}""",
                        400, "InvalidPatchRequest"),
                Arguments.of("the delta twice, the last one a valid add (a duplicate key is no JSON to guess at)", """
                        {"mailboxRestoreArtifacts@delta": [],
                         "mailboxRestoreArtifacts@delta": [%s]}""".formatted(
                        ADD.formatted("1b014d8c-71fe-4d00-a01a-31850bc5b32c")), 400, "InvalidPatchRequest"),
                Arguments.of("a duplicate key inside an item", """
                        {"mailboxRestoreArtifacts@delta": [
                          {"restorePoint": {"@odata.id": "rp-1"}, "destinationType": "new", "destinationType": "inPlace"}]}""",
                        400, "InvalidPatchRequest"),
                Arguments.of("a destination type in another case (Graph's enums are case-sensitive)", """
                        {"mailboxRestoreArtifacts@delta": [
                          {"restorePoint": {"@odata.id": "1b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "INPLACE"}]}""",
                        400, "InvalidPatchRequest"),
                Arguments.of("a removal reason in another case", """
                        {"mailboxRestoreArtifacts@delta": [{"@removed": {"reason": "Changed"}, "id": "a-1"}]}""",
                        400, "InvalidPatchRequest"),
                Arguments.of("a valid item after an invalid one", """
                        {"mailboxRestoreArtifacts@delta": [%s, {"id": "a-1"}]}""".formatted(ADD.formatted("rp-ok")),
                        400, "InvalidPatchRequest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void a_malformed_request_is_refused_whole_and_changes_nothing(String description, String body, int status,
                                                                  String code) {
        List<String> before = events.eventTypesOf(sessionId);

        GraphHttp.Response response = http.patch(SESSIONS + "/" + sessionId, body);

        assertGraphError(response, status, code);
        assertThat(events.eventTypesOf(sessionId)).isEqualTo(before);
    }

    @Test
    void a_body_that_is_not_json_by_content_type_is_unsupported_and_changes_nothing() {
        List<String> before = events.eventTypesOf(sessionId);

        GraphHttp.Response response = http.patch(SESSIONS + "/" + sessionId,
                "{\"mailboxRestoreArtifacts@delta\": [" + ADD.formatted("rp-text") + "]}", "text/plain");

        assertGraphError(response, 415, "UnsupportedMediaType");
        assertThat(events.eventTypesOf(sessionId)).isEqualTo(before);
    }

    @Test
    void a_session_unknown_to_the_tenant_is_not_found_and_nothing_is_stored() {
        String unknown = UUID.randomUUID().toString();
        long before = events.requestEventCount();

        GraphHttp.Response response = http.patch(SESSIONS + "/" + unknown,
                "{\"mailboxRestoreArtifacts@delta\": [" + ADD.formatted("rp-unknown-session") + "]}");

        assertGraphError(response, 404, "RestoreSessionNotFound");
        assertThat(events.eventTypesOf(unknown)).isEmpty();
        assertThat(events.requestEventCount()).isEqualTo(before);
    }

    @Test
    void a_session_id_that_is_not_well_formed_is_refused() {
        long before = events.requestEventCount();

        GraphHttp.Response response = http.patch(SESSIONS + "/not-a-session-id",
                "{\"mailboxRestoreArtifacts@delta\": [" + ADD.formatted("rp-bad-id") + "]}");

        assertGraphError(response, 400, "InvalidRestoreSessionId");
        assertThat(events.requestEventCount()).isEqualTo(before);
    }

    @Test
    void a_session_that_is_no_longer_a_draft_refuses_the_whole_patch_and_keeps_its_artifacts() {
        GraphHttp.Response activated = http.post("/solutions/backupRestore/restoreSessions/" + sessionId + "/activate", "");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);

        GraphHttp.Response response = http.patch(SESSIONS + "/" + sessionId, """
                {"mailboxRestoreArtifacts@delta": [
                  {"restorePoint": {"@odata.id": "1b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"}]}""");

        assertGraphError(response, 403, "RestoreSessionActionNotAllowed");
        // The restore engine goes on recording its own progress; no artifact was added or removed.
        assertThat(events.eventTypesOf(sessionId))
                .filteredOn(type -> type.startsWith("MailboxArtifact"))
                .containsExactly("MailboxArtifactAdded");
    }

    @Test
    void a_session_that_is_no_longer_a_draft_refuses_the_whole_patch_whose_first_item_names_an_unknown_restore_point() {
        assertRefusedWholeOnceActivated(ADD.formatted("rp-never-catalogued-" + UUID.randomUUID()));
    }

    @Test
    void a_session_that_is_no_longer_a_draft_refuses_the_whole_patch_whose_first_item_names_an_expired_restore_point() {
        assertRefusedWholeOnceActivated(ADD.formatted(
                catalog.expiredRestorePoint("rp-expired-" + UUID.randomUUID())));
    }

    @Test
    void a_session_that_is_no_longer_a_draft_refuses_the_whole_patch_whose_first_item_removes_an_unknown_artifact() {
        assertRefusedWholeOnceActivated("""
                {"@removed": {"reason": "changed"}, "id": "%s"}""".formatted(UUID.randomUUID()));
    }

    /**
     * Whatever its first item, a PATCH on a session that left draft is refused whole (docs/api.md, PATCH request-level
     * checks): the session's state decides before any item is looked at, and neither the event store nor the read
     * model shows a change. A valid add follows the first item, so a request taken item by item would change
     * something.
     */
    private void assertRefusedWholeOnceActivated(String firstItem) {
        GraphHttp.Response activated = http.post("/solutions/backupRestore/restoreSessions/" + sessionId + "/activate", "");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        String validAdd = ADD.formatted(catalog.restorePoint("rp-" + UUID.randomUUID()));
        List<String> artifactEventsBefore = artifactEvents();
        JsonNode sessionBefore = http.get(SESSIONS + "/" + sessionId).json();
        JsonNode artifactsBefore = http.get(SESSIONS + "/" + sessionId + "/mailboxRestoreArtifacts").json();

        GraphHttp.Response response = http.patch(SESSIONS + "/" + sessionId, """
                {"mailboxRestoreArtifacts@delta": [%s, %s]}""".formatted(firstItem, validAdd));

        assertGraphError(response, 403, "RestoreSessionActionNotAllowed");
        // The restore engine goes on recording its own progress; no artifact was added or removed.
        assertThat(artifactEvents()).isEqualTo(artifactEventsBefore);
        JsonNode sessionAfter = http.get(SESSIONS + "/" + sessionId).json();
        assertThat(sessionAfter.get("lastModifiedDateTime")).isEqualTo(sessionBefore.get("lastModifiedDateTime"));
        assertThat(sessionAfter.at("/restoreSessionArtifactCount/total"))
                .isEqualTo(sessionBefore.at("/restoreSessionArtifactCount/total"));
        assertThat(artifactIds(http.get(SESSIONS + "/" + sessionId + "/mailboxRestoreArtifacts").json()))
                .isEqualTo(artifactIds(artifactsBefore));
    }

    private List<String> artifactEvents() {
        return events.eventTypesOf(sessionId).stream().filter(type -> type.startsWith("MailboxArtifact")).toList();
    }

    private static List<String> artifactIds(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.get("value").forEach(artifact -> ids.add(artifact.get("id").asText()));
        return ids;
    }

    private static void assertGraphError(GraphHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.errorCode()).as(response.body()).isEqualTo(code);
        assertThat(response.json().path("error").path("message").asText()).isNotBlank()
                .doesNotContain("Exception", "com.m365backup", "org.springframework", "jackson");
        assertThat(response.json().path("error").path("innerError").path("request-id").asText())
                .isEqualTo(response.header("request-id"));
        assertThat(response.header("client-request-id")).isNotBlank();
    }
}
