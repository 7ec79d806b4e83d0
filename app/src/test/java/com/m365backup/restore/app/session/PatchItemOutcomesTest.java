package com.m365backup.restore.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-item outcomes of docs/api.md's PATCH: each item on its own, in request order, seen over HTTP. */
@IntegrationTest
class PatchItemOutcomesTest extends RunningApplicationTest {

    private static final String SESSIONS = "/v1.0/solutions/backupRestore/exchangeRestoreSessions";

    private String sessionId;
    private String firstArtifact;
    private String firstRestorePoint;

    @BeforeEach
    void createSessionWithOneArtifact() {
        firstRestorePoint = catalog.restorePoint("rp-" + UUID.randomUUID());
        GraphHttp.Response created = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}]}"""
                .formatted(firstRestorePoint));
        assertThat(created.status()).isEqualTo(201);
        sessionId = created.json().get("id").asText();
        firstArtifact = created.json().get("mailboxRestoreArtifacts").get(0).get("id").asText();
    }

    @Test
    void adding_a_mailbox_already_in_the_session_fails_that_item_with_409() {
        JsonNode item = onlyItem(patch("""
                {"@contentId": "c-1", "restorePoint": {"@odata.id": "%s"}, "destinationType": "new"}"""
                .formatted(firstRestorePoint)));

        assertFailure(item, "add", 409, "DuplicateArtifactInList");
        assertThat(item.get("@contentId").asText()).isEqualTo("c-1");
        assertThat(artifactIds()).containsExactly(firstArtifact);
    }

    @Test
    void the_second_add_of_one_mailbox_in_the_same_request_fails_as_a_duplicate() {
        JsonNode items = patch("""
                {"restorePoint": {"@odata.id": "%1$s"}, "destinationType": "new"},
                {"restorePoint": {"@id": "https://graph.microsoft.com/beta/solutions/backupRestore/restorePoints/%1$s"},
                 "destinationType": "new"}""".formatted(catalog.restorePoint("rp-twice-" + sessionId)));

        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("status").asText()).isEqualTo("added");
        assertFailure(items.get(1), "add", 409, "DuplicateArtifactInList");
        assertThat(artifactIds()).hasSize(2);
    }

    @Test
    void adding_another_destination_type_fails_that_item_with_400() {
        JsonNode item = onlyItem(patch("""
                {"restorePoint": {"@odata.id": "%s"}, "destinationType": "inPlace"}"""
                .formatted(catalog.restorePoint("rp-other-type-" + sessionId))));

        assertFailure(item, "add", 400, "DifferentRestoreDestinationType");
        assertThat(artifactIds()).containsExactly(firstArtifact);
    }

    @Test
    void another_restore_point_of_a_mailbox_already_in_the_session_fails_as_a_duplicate() {
        String[] sameMailbox = catalog.onMailbox("mailbox-of-" + sessionId, "rp-monday-" + sessionId,
                "rp-tuesday-" + sessionId);

        JsonNode items = patch("""
                {"restorePoint": {"id": "%s"}, "destinationType": "new"},
                {"restorePoint": {"id": "%s"}, "destinationType": "new"}""".formatted(sameMailbox[0], sameMailbox[1]));

        assertThat(items.get(0).get("status").asText()).isEqualTo("added");
        assertFailure(items.get(1), "add", 409, "DuplicateArtifactInList");
        assertThat(artifactIds()).hasSize(2);
    }

    @Test
    void adding_a_restore_point_the_catalog_does_not_hold_fails_that_item_with_400_and_stores_nothing() {
        List<String> before = events.eventTypesOf(sessionId);

        JsonNode item = onlyItem(patch("""
                {"@contentId": "c-2", "restorePoint": {"@odata.id": "rp-never-taken-%s"}, "destinationType": "new"}"""
                .formatted(sessionId)));

        assertFailure(item, "add", 400, "InvalidRestorePoint");
        assertThat(item.get("@contentId").asText()).isEqualTo("c-2");
        assertThat(events.eventTypesOf(sessionId)).isEqualTo(before);
    }

    @Test
    void adding_an_expired_restore_point_fails_that_item_with_400_and_stores_nothing() {
        List<String> before = events.eventTypesOf(sessionId);

        JsonNode item = onlyItem(patch("""
                {"restorePoint": {"@odata.id": "%s"}, "destinationType": "new"}"""
                .formatted(catalog.expiredRestorePoint("rp-expired-" + sessionId))));

        assertFailure(item, "add", 400, "InvalidRestoreTime");
        assertThat(events.eventTypesOf(sessionId)).isEqualTo(before);
    }

    @Test
    void removing_an_artifact_twice_fails_the_second_removal_with_409() {
        JsonNode items = patch("""
                {"@removed": {"reason": "deleted"}, "id": "%1$s"},
                {"@Core.ContentID": "second", "@removed": {"reason": "changed"}, "id": "%1$s"}"""
                .formatted(firstArtifact));

        assertThat(items).hasSize(1);
        assertFailure(items.get(0), "remove", 409, "Invalid");
        assertThat(items.get(0).get("id").asText()).isEqualTo(firstArtifact);
        assertThat(items.get(0).get("@contentId").asText()).isEqualTo("second");
        assertThat(artifactIds()).isEmpty();
    }

    @Test
    void a_request_whose_every_item_fails_is_still_answered_200_and_stores_nothing() {
        List<String> before = events.eventTypesOf(sessionId);

        GraphHttp.Response response = http.patch(SESSIONS + "/" + sessionId, """
                {"mailboxRestoreArtifacts@delta": [
                  {"@Org.OData.Core.V1.ContentID": "only", "@removed": {"reason": "changed"}, "id": "never-there"}]}""");

        assertThat(response.status()).isEqualTo(200);
        assertFailure(onlyItem(response.json().get("mailboxRestoreArtifacts@delta")), "remove", 409, "Invalid");
        assertThat(events.eventTypesOf(sessionId)).isEqualTo(before);
    }

    @Test
    void a_successful_change_moves_the_sessions_last_modified_time_and_count() {
        JsonNode before = http.get(SESSIONS + "/" + sessionId).json();

        patch("""
                {"restorePoint": {"@odata.id": "%s"}, "destinationType": "new"}"""
                .formatted(catalog.restorePoint("rp-count-" + sessionId)));

        JsonNode after = http.get(SESSIONS + "/" + sessionId).json();
        assertThat(after.get("restoreSessionArtifactCount").get("total").asInt()).isEqualTo(2);
        assertThat(after.get("lastModifiedDateTime").asText())
                .isGreaterThan(before.get("lastModifiedDateTime").asText());
        assertThat(after.get("status").asText()).isEqualTo("draft");
    }

    private JsonNode patch(String items) {
        GraphHttp.Response response = http.patch(SESSIONS + "/" + sessionId,
                "{\"mailboxRestoreArtifacts@delta\": [" + items + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("mailboxRestoreArtifacts@delta");
    }

    private List<String> artifactIds() {
        GraphHttp.Response listed = http.get(SESSIONS + "/" + sessionId + "/mailboxRestoreArtifacts");
        assertThat(listed.status()).isEqualTo(200);
        return StreamSupport.stream(listed.json().get("value").spliterator(), false)
                .map(artifact -> artifact.get("id").asText())
                .toList();
    }

    private static JsonNode onlyItem(JsonNode items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static void assertFailure(JsonNode item, String operation, int responseCode, String code) {
        JsonNode failure = item.get("@Core.DataModificationException");
        assertThat(failure).as(item.toString()).isNotNull();
        assertThat(failure.get("failedOperation").asText()).isEqualTo(operation);
        assertThat(failure.get("responseCode").asInt()).isEqualTo(responseCode);
        assertThat(failure.get("info").get("code").asText()).isEqualTo(code);
        assertThat(failure.get("info").get("message").asText()).isNotBlank();
        assertThat(item.get("@contentId").asText()).isNotBlank();
    }
}
