package com.m365backup.restore.app.audit;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * History written in an older shape stays readable: a session created before tenants existed (no revision, no
 * tenantId) is read through the upcaster by the audit, the read model and the aggregate alike.
 */
@IntegrationTest
class HistoryBeforeTenantsTest extends RunningApplicationTest {

    @Test
    void a_session_stored_before_tenants_is_read_in_the_tenant_the_service_then_served() {
        String sessionId = UUID.randomUUID().toString();
        storeAsTheFirstVersionDid(sessionId);

        GraphHttp.Response history = http.get("/audit/restoreSessions/" + sessionId + "/events");

        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().get("value").get(0).get("payload").get("tenantId").asText()).isEqualTo(tenant);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.get("/solutions/backupRestore/exchangeRestoreSessions/" + sessionId).status())
                        .isEqualTo(200));
        GraphHttp.Response patched = http.patch("/solutions/backupRestore/exchangeRestoreSessions/" + sessionId, """
                {"mailboxRestoreArtifacts@delta": [
                  {"restorePoint": {"@odata.id": "1b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"}]}""");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("mailboxRestoreArtifacts@delta").get(0).get("status").asText()).isEqualTo("added");
    }

    private void storeAsTheFirstVersionDid(String sessionId) {
        byte[] payload = """
                {"sessionId":"%s","createdAt":"2024-05-01T10:11:12Z"}""".formatted(sessionId)
                .getBytes(StandardCharsets.UTF_8);
        jdbc.update("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, 0, 'RestoreSession', ?, ?, ?, null, 'com.m365backup.restore.session.RestoreSessionCreated',
                    '2024-05-01T10:11:12.000Z')""",
                sessionId, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8), payload);
    }
}
