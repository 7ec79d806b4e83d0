package com.m365backup.restore.app.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.m365backup.restore.app.GraphPaths.ROOT;
import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retention (docs/api.md, Retention), with a retention of three seconds and the job every 200 ms: a session that ended
 * leaves every Graph path once the retention has passed, by an event of its own ({@code RestoreSessionRetired}),
 * while the audit still serves its history and past state, marked {@code retired}; a client could not delete it
 * before (403), nor after (404); a draft stays however old.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "restore.simulated-restorer.duration=50ms",
        "restore.retention.terminal-sessions=3s",
        "restore.retention.check-interval=200ms"})
class RetentionTest extends RunningApplicationTest {

    @Test
    void a_session_that_ended_longer_ago_than_the_retention_leaves_every_graph_path_and_stays_in_the_audit() {
        String session = created(catalog.restorePoint("retired-" + UUID.randomUUID()));
        String draft = created(catalog.restorePoint("kept-" + UUID.randomUUID()));
        assertThat(http.post(ROOT + "/restoreSessions/" + session + "/activate", "").status()).isEqualTo(200);
        JsonNode ended = await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get(SESSIONS + "/" + session + "?$expand=mailboxRestoreArtifacts").json(),
                        body -> "completed".equals(body.path("status").asText()));
        assertThat(http.delete(ROOT + "/restoreSessions/" + session).errorCode())
                .isEqualTo("RestoreSessionActionNotAllowed");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get(SESSIONS + "/" + session).status() == 404);

        assertThat(events.eventTypesOf(session)).last().isEqualTo("RestoreSessionRetired");
        assertThat(http.get(ROOT + "/restoreSessions/" + session).errorCode()).isEqualTo("RestoreSessionNotFound");
        assertThat(http.get(SESSIONS + "/" + session + "/mailboxRestoreArtifacts").status()).isEqualTo(404);
        assertThat(http.get(SESSIONS + "?$top=1000").body()).doesNotContain(session);
        assertThat(http.delete(ROOT + "/restoreSessions/" + session).errorCode()).isEqualTo("RestoreSessionNotFound");
        JsonNode history = http.get("/audit/restoreSessions/" + session + "/events").json();
        assertThat(history.get("retired").asBoolean()).isTrue();
        assertThat(history.get("deleted").asBoolean()).isFalse();
        assertThat(history.get("value").get(history.get("value").size() - 1).get("eventType").asText())
                .isEqualTo("restoreSessionRetired");
        JsonNode past = http.get("/audit/restoreSessions/" + session + "?asOf=" + Instant.now()).json();
        assertThat(past.get("retired").asBoolean()).isTrue();
        assertThat(past.get("status").asText()).isEqualTo("completed");
        assertThat(past.get("mailboxRestoreArtifacts")).isEqualTo(ended.get("mailboxRestoreArtifacts"));
        assertThat(http.get(SESSIONS + "/" + draft).status()).as("a draft has not ended").isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from mailbox_restore_artifact where session_id = ?",
                Integer.class, session)).isZero();
    }

    private String created(String restorePoint) {
        GraphHttp.Response created = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "inPlace"}]}"""
                .formatted(restorePoint));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
