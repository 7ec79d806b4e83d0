package com.m365backup.restore.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** An auditor reads a session's history over HTTP: every change in order, when, in which request. */
@IntegrationTest
class SessionHistoryTest extends RunningApplicationTest {

    private static final String SESSIONS = "/solutions/backupRestore/exchangeRestoreSessions";

    @Test
    void the_history_lists_every_change_in_order_and_a_rejected_item_adds_nothing() throws Exception {
        String sessionId = createSession("0a014d8c-71fe-4d00-a01a-31850bc5b32c");
        String clientRequestId = UUID.randomUUID().toString();
        GraphHttp.Response patched = http.send("PATCH", SESSIONS + "/" + sessionId, """
                {"mailboxRestoreArtifacts@delta": [
                  {"restorePoint": {"@odata.id": "1b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"},
                  {"@removed": {"reason": "changed"}, "id": "4267e382-71a9-4c07-bef7-bda97e09c0d2"}]}""",
                "client-request-id", clientRequestId);
        assertThat(patched.status()).isEqualTo(200);

        GraphHttp.Response history = http.get("/audit/restoreSessions/" + sessionId + "/events");

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(history.json().get("deleted").asBoolean()).isFalse();
        List<JsonNode> entries = entries(history.json());
        assertThat(entries).extracting(entry -> entry.get("eventType").asText())
                .containsExactly("restoreSessionCreated", "mailboxArtifactAdded", "mailboxArtifactAdded");
        assertThat(entries).extracting(entry -> entry.get("sequenceNumber").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("occurredDateTime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            assertThat(entry.get("revision").asInt()).isEqualTo(1);
            assertThat(entry.get("requestId").asText()).isNotBlank();
        });
        JsonNode patchedAdd = entries.get(2);
        assertThat(patchedAdd.get("clientRequestId").asText()).isEqualTo(clientRequestId);
        assertThat(patchedAdd.get("payload").get("restorePointId").asText())
                .isEqualTo("1b014d8c-71fe-4d00-a01a-31850bc5b32c");
        assertThat(patchedAdd.get("payload").get("destinationType").asText()).isEqualTo("inPlace");
        assertThat(entries.get(0).get("payload").get("tenantId").asText()).isNotBlank();
    }

    @Test
    void a_long_history_is_paged_with_a_next_link() {
        String sessionId = createSession("0a014d8c-71fe-4d00-a01a-31850bc5b32c", "0b014d8c-71fe-4d00-a01a-31850bc5b32c");

        GraphHttp.Response first = http.get("/audit/restoreSessions/" + sessionId + "/events?$top=2");
        String next = first.json().get("@odata.nextLink").asText();
        GraphHttp.Response second = http.get(next.substring(next.indexOf("/audit/")));

        assertThat(entries(first.json())).extracting(entry -> entry.get("sequenceNumber").asLong())
                .containsExactly(0L, 1L);
        assertThat(entries(second.json())).extracting(entry -> entry.get("sequenceNumber").asLong())
                .containsExactly(2L);
        assertThat(second.json().has("@odata.nextLink")).isFalse();
    }

    @Test
    void the_history_of_an_unknown_session_is_not_found() {
        GraphHttp.Response response = http.get("/audit/restoreSessions/" + UUID.randomUUID() + "/events");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("RestoreSessionNotFound");
    }

    @Test
    void a_session_id_that_is_not_well_formed_is_refused() {
        GraphHttp.Response response = http.get("/audit/restoreSessions/not-a-guid/events");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("InvalidRestoreSessionId");
    }

    @Test
    void an_unsupported_query_option_is_refused_by_name() {
        String sessionId = createSession("0a014d8c-71fe-4d00-a01a-31850bc5b32c");

        GraphHttp.Response response = http.get("/audit/restoreSessions/" + sessionId + "/events?$filter=x");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").get("message").asText()).contains("$filter");
    }

    private String createSession(String... restorePoints) {
        String artifacts = String.join(",", java.util.Arrays.stream(restorePoints)
                .map(id -> "{\"restorePoint\": {\"@odata.id\": \"" + id + "\"}, \"destinationType\": \"inPlace\"}")
                .toList());
        GraphHttp.Response created = http.post(SESSIONS, "{\"mailboxRestoreArtifacts\": [" + artifacts + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static List<JsonNode> entries(JsonNode page) {
        return StreamSupport.stream(page.get("value").spliterator(), false).toList();
    }
}
