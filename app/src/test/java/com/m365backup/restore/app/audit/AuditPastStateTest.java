package com.m365backup.restore.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor reads a session as it stood at a past time or version (docs/api.md, Audit): exactly what a Graph GET
 * with its artifacts expanded answered then, rebuilt from the events, and nothing else is changed by asking.
 */
@IntegrationTest
class AuditPastStateTest extends RunningApplicationTest {

    private static final String SESSIONS = "/solutions/backupRestore/exchangeRestoreSessions";
    private static final String EXPANDED = "?$expand=mailboxRestoreArtifacts";
    private static final String FIRST_POINT = "0a014d8c-71fe-4d00-a01a-31850bc5b32c";
    private static final String SECOND_POINT = "1b014d8c-71fe-4d00-a01a-31850bc5b32c";

    @Test
    void the_session_at_each_version_and_time_is_what_the_graph_get_answered_then() {
        String session = created(FIRST_POINT);
        JsonNode afterCreate = graphGet(session);
        Instant createdBy = Instant.now();
        patched(session, """
                {"mailboxRestoreArtifacts@delta": [
                  {"restorePoint": {"@odata.id": "%s"}, "destinationType": "inPlace"}]}""".formatted(SECOND_POINT));
        JsonNode afterAdd = graphGet(session);
        Instant addedBy = Instant.now();
        String firstArtifact = afterCreate.get("mailboxRestoreArtifacts").get(0).get("id").asText();
        patched(session, """
                {"mailboxRestoreArtifacts@delta": [
                  {"@removed": {"reason": "changed"}, "id": "%s"}]}""".formatted(firstArtifact));
        JsonNode afterRemove = graphGet(session);

        assertThat(pastAtVersion(session, 1)).isEqualTo(marked(afterCreate, false));
        assertThat(pastAtVersion(session, 2)).isEqualTo(marked(afterAdd, false));
        assertThat(pastAtVersion(session, 3)).isEqualTo(marked(afterRemove, false));
        assertThat(pastAsOf(session, createdBy)).isEqualTo(marked(afterCreate, false));
        assertThat(pastAsOf(session, addedBy)).isEqualTo(marked(afterAdd, false));
        assertThat(pastAsOf(session, Instant.now())).isEqualTo(marked(afterRemove, false));
        assertThat(graphGet(session)).as("asking for the past leaves the live read model alone")
                .isEqualTo(afterRemove);
    }

    @Test
    void the_first_version_is_the_session_before_its_first_artifact_which_graph_never_showed() {
        String session = created(FIRST_POINT);

        JsonNode first = pastAtVersion(session, 0);

        assertThat(first.get("id").asText()).isEqualTo(session);
        assertThat(first.get("@odata.etag").asText()).isEqualTo("W/\"0\"");
        assertThat(first.get("status").asText()).isEqualTo("draft");
        assertThat(first.get("mailboxRestoreArtifacts")).isEmpty();
        assertThat(first.get("restoreSessionArtifactCount").get("total").asInt()).isZero();
        assertThat(first.get("deleted").asBoolean()).isFalse();
    }

    @Test
    void a_version_or_time_beyond_the_last_event_shows_the_session_as_it_stands_now() {
        String session = created(FIRST_POINT);
        JsonNode now = graphGet(session);

        assertThat(pastAtVersion(session, 1000)).isEqualTo(marked(now, false));
        assertThat(pastAsOf(session, Instant.parse("2999-01-01T00:00:00Z"))).isEqualTo(marked(now, false));
    }

    @Test
    void a_deleted_session_stands_as_it_was_when_deleted_and_is_marked_deleted() {
        String session = created(FIRST_POINT);
        JsonNode beforeDelete = graphGet(session);
        Instant draftBy = Instant.now();
        assertThat(http.delete(SESSIONS + "/" + session).status()).isEqualTo(204);
        List<String> stored = events.eventTypesOf(session);
        assertThat(stored).last().isEqualTo("RestoreSessionDeleted");

        assertThat(pastAtVersion(session, stored.size() - 1)).isEqualTo(marked(beforeDelete, true));
        assertThat(pastAsOf(session, Instant.now())).isEqualTo(marked(beforeDelete, true));
        assertThat(pastAsOf(session, draftBy)).isEqualTo(marked(beforeDelete, false));
        assertThat(http.get("/audit/restoreSessions/" + session + "/events").json().get("deleted").asBoolean())
                .isTrue();
    }

    @Test
    void a_time_before_the_session_existed_is_not_found() {
        Instant before = Instant.now();
        String session = created(FIRST_POINT);

        GraphHttp.Response response = http.get("/audit/restoreSessions/" + session + "?asOf=" + before);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("RestoreSessionNotFound");
        assertThat(response.json().get("error").get("message").asText())
                .startsWith("Restore session '" + session + "' did not exist yet at that time; it was created at ");
    }

    @Test
    void a_version_below_the_first_event_is_not_found() {
        // Histories begin at sequence number 0 when the service writes them; one imported from elsewhere may not.
        String session = UUID.randomUUID().toString();
        storeCreation(session, tenant, 3);

        GraphHttp.Response below = http.get("/audit/restoreSessions/" + session + "?version=2");
        GraphHttp.Response first = http.get("/audit/restoreSessions/" + session + "?version=3");

        assertThat(below.status()).isEqualTo(404);
        assertThat(below.errorCode()).isEqualTo("RestoreSessionNotFound");
        assertThat(below.json().get("error").get("message").asText()).isEqualTo("Restore session '" + session
                + "' did not exist yet at version 2; its first version is 3.");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("@odata.etag").asText()).isEqualTo("W/\"3\"");
    }

    @Test
    void an_unknown_session_is_not_found() {
        String session = UUID.randomUUID().toString();

        GraphHttp.Response response = http.get("/audit/restoreSessions/" + session + "?version=0");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("RestoreSessionNotFound");
        assertThat(response.json().get("error").get("message").asText())
                .isEqualTo("Restore session '" + session + "' was not found.");
    }

    @Test
    void another_tenants_session_is_not_found_as_if_it_did_not_exist() {
        String session = UUID.randomUUID().toString();
        storeCreation(session, UUID.randomUUID().toString(), 0);

        GraphHttp.Response byVersion = http.get("/audit/restoreSessions/" + session + "?version=0");
        GraphHttp.Response byTime = http.get("/audit/restoreSessions/" + session + "?asOf=2999-01-01T00:00:00Z");
        GraphHttp.Response history = http.get("/audit/restoreSessions/" + session + "/events");

        assertThat(byVersion.status()).isEqualTo(404);
        assertThat(byVersion.json().get("error").get("message").asText())
                .isEqualTo("Restore session '" + session + "' was not found.");
        assertThat(byTime.status()).isEqualTo(404);
        assertThat(byTime.errorCode()).isEqualTo(history.errorCode()).isEqualTo("RestoreSessionNotFound");
    }

    @Test
    void a_session_id_that_is_not_well_formed_is_refused() {
        GraphHttp.Response response = http.get("/audit/restoreSessions/not-a-guid?version=0");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("InvalidRestoreSessionId");
    }

    @ParameterizedTest(name = "?{0} is refused naming {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "version=1&asOf=2026-01-31T12:00:00Z | asOf",
            "version=1&asOf=2026-01-31T12:00:00Z | version",
            "version=1&version=2 | version",
            "asOf=2026-01-31T12:00:00Z&asOf=2026-02-01T12:00:00Z | asOf",
            "asOf=%2B1000000-01-31T12:00:00Z | asOf",
            "\"\" | asOf",
            "\"\" | version",
            "asOf=yesterday | asOf",
            "asOf=2026-01-31T12:00:00 | asOf",
            "version=-1 | version",
            "version=one | version",
            "at=2026-01-31T12:00:00Z | option 'at'"})
    void a_missing_doubled_or_malformed_point_is_a_bad_request_naming_the_parameter(String query, String named) {
        String session = created(FIRST_POINT);

        GraphHttp.Response response = http.get("/audit/restoreSessions/" + session + "?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BadRequest");
        assertThat(response.json().get("error").get("message").asText()).contains(named);
    }

    @Test
    void a_time_with_an_offset_is_the_same_instant_in_utc() {
        String session = created(FIRST_POINT);
        JsonNode now = graphGet(session);

        // An unencoded '+' arrives as a space; either way the offset is read.
        GraphHttp.Response encoded = http.get("/audit/restoreSessions/" + session + "?asOf=2999-01-01T02:00:00%2B02:00");
        GraphHttp.Response unencoded = http.get("/audit/restoreSessions/" + session + "?asOf=2999-01-01T02:00:00+02:00");

        assertThat(encoded.json()).isEqualTo(marked(now, false));
        assertThat(unencoded.json()).isEqualTo(marked(now, false));
    }

    private String created(String restorePoint) {
        GraphHttp.Response created = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [
                  {"restorePoint": {"@odata.id": "%s"}, "destinationType": "inPlace"}]}""".formatted(restorePoint));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private void patched(String session, String body) {
        GraphHttp.Response patched = http.patch(SESSIONS + "/" + session, body);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.body()).doesNotContain("DataModificationException");
    }

    private JsonNode graphGet(String session) {
        GraphHttp.Response response = http.get(SESSIONS + "/" + session + EXPANDED);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode pastAtVersion(String session, long version) {
        GraphHttp.Response response = http.get("/audit/restoreSessions/" + session + "?version=" + version);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode pastAsOf(String session, Instant asOf) {
        GraphHttp.Response response = http.get("/audit/restoreSessions/" + session + "?asOf=" + asOf);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode marked(JsonNode graphSession, boolean deleted) {
        return ((ObjectNode) graphSession.deepCopy()).put("deleted", deleted).put("retired", false);
    }

    /** A session's first event written straight into the event store, as an import from another store would. */
    private void storeCreation(String session, String tenantId, long sequence) {
        byte[] payload = """
                {"sessionId":"%s","tenantId":"%s","createdAt":"2026-05-01T10:11:12Z"}""".formatted(session, tenantId)
                .getBytes(StandardCharsets.UTF_8);
        jdbc.update("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, ?, 'RestoreSession', ?, ?, ?, '1', 'com.m365backup.restore.domain.session.RestoreSessionCreated',
                    '2026-05-01T10:11:12.000Z')""",
                session, sequence, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8), payload);
    }
}
