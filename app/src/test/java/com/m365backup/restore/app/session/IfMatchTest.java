package com.m365backup.restore.app.session;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.domain.session.AddMailboxArtifact;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.MailboxArtifactAdded;
import com.m365backup.restore.domain.session.NewMailboxArtifact;
import com.m365backup.restore.domain.session.RestoreSessionCreated;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Concurrency at the HTTP level: every session carries its version as {@code @odata.etag} and {@code ETag}, and a
 * write whose {@code If-Match} names an older version is refused with 412 and changes nothing.
 */
@IntegrationTest
class IfMatchTest extends RunningApplicationTest {

    private static final String ALL_SESSIONS = "/beta/solutions/backupRestore/restoreSessions";
    private static final String PROJECTION = "restore-session-projection";

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    EventProcessingConfiguration processing;

    private String sessionId;
    private String etag;

    @BeforeEach
    void aSessionReadOnce() {
        GraphHttp.Response created = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}]}"""
                .formatted(catalog.restorePoint("rp-etag-" + UUID.randomUUID())));
        assertThat(created.status()).isEqualTo(201);
        sessionId = created.json().get("id").asText();
        etag = created.json().get("@odata.etag").asText();
        assertThat(created.header("ETag")).isEqualTo(etag);
    }

    @Test
    void a_read_session_carries_the_same_etag_in_its_body_and_header() {
        GraphHttp.Response read = http.get(SESSIONS + "/" + sessionId);

        assertThat(read.header("ETag")).isEqualTo(etag);
        assertThat(read.json().get("@odata.etag").asText()).isEqualTo(etag);
    }

    @Test
    void a_patch_with_the_current_etag_changes_the_session_and_its_etag() {
        GraphHttp.Response patched = http.send("PATCH", SESSIONS + "/" + sessionId, add(), "If-Match", etag);

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(http.get(SESSIONS + "/" + sessionId).header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void a_patch_with_a_stale_etag_is_refused_with_412_and_changes_nothing() {
        changeSession();
        List<String> before = events.eventTypesOf(sessionId);

        GraphHttp.Response refused = http.send("PATCH", SESSIONS + "/" + sessionId, add(), "If-Match", etag);

        assertThat(refused.status()).as(refused.body()).isEqualTo(412);
        assertThat(refused.errorCode()).isEqualTo("PreconditionFailed");
        assertThat(events.eventTypesOf(sessionId)).isEqualTo(before);
    }

    @Test
    void activating_or_deleting_with_a_stale_etag_is_refused_with_412_and_changes_nothing() {
        changeSession();
        List<String> before = events.eventTypesOf(sessionId);

        GraphHttp.Response activate = http.send("POST", ALL_SESSIONS + "/" + sessionId + "/activate", "",
                "If-Match", etag);
        GraphHttp.Response delete = http.send("DELETE", ALL_SESSIONS + "/" + sessionId, null, "If-Match", etag);

        assertThat(activate.status()).as(activate.body()).isEqualTo(412);
        assertThat(activate.errorCode()).isEqualTo("PreconditionFailed");
        assertThat(delete.status()).as(delete.body()).isEqualTo(412);
        assertThat(delete.errorCode()).isEqualTo("PreconditionFailed");
        assertThat(events.eventTypesOf(sessionId)).isEqualTo(before);
        assertThat(http.get(SESSIONS + "/" + sessionId).json().get("status").asText()).isEqualTo("draft");
    }

    @Test
    void deleting_with_the_current_etag_deletes_the_session() {
        String current = http.get(SESSIONS + "/" + sessionId).header("ETag");

        GraphHttp.Response deleted = http.send("DELETE", ALL_SESSIONS + "/" + sessionId, null, "If-Match", current);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(http.get(SESSIONS + "/" + sessionId).status()).isEqualTo(404);
    }

    @Test
    void the_etag_is_the_sequence_number_of_the_sessions_last_event() {
        List<String> stored = events.eventTypesOf(sessionId);

        assertThat(stored).containsExactly("RestoreSessionCreated", "MailboxArtifactAdded");
        assertThat(etag).isEqualTo("W/\"" + (stored.size() - 1) + "\"");
    }

    /**
     * The session decides, not the read model: another node's write (here a command sent straight to the session
     * while the projection is paused) leaves the read model showing the old etag as current, and a client that sends
     * that etag is still refused, on every write, and nothing changes.
     */
    @Test
    void a_stale_etag_is_refused_with_412_even_while_the_read_model_still_shows_it_as_current() {
        StreamingEventProcessor projection = processing
                .eventProcessor(PROJECTION, StreamingEventProcessor.class).orElseThrow();
        projection.shutDown();
        try {
            String restorePoint = catalog.restorePoint("rp-etag-elsewhere-" + UUID.randomUUID());
            long version = commandGateway.<Number>sendAndWait(new AddMailboxArtifact(sessionId, tenant,
                    new NewMailboxArtifact(UUID.randomUUID().toString(), restorePoint, "mailbox-of-" + restorePoint,
                            null, DestinationType.NEW), Instant.now())).longValue();
            List<String> before = events.eventTypesOf(sessionId);
            assertThat(version).isEqualTo(2);
            assertThat(http.get(SESSIONS + "/" + sessionId).header("ETag")).as("the read model is behind")
                    .isEqualTo(etag);

            GraphHttp.Response patch = http.send("PATCH", SESSIONS + "/" + sessionId, add(), "If-Match", etag);
            GraphHttp.Response activate = http.send("POST", ALL_SESSIONS + "/" + sessionId + "/activate", "",
                    "If-Match", etag);
            GraphHttp.Response delete = http.send("DELETE", ALL_SESSIONS + "/" + sessionId, null, "If-Match", etag);

            for (GraphHttp.Response refused : List.of(patch, activate, delete)) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(412);
                assertThat(refused.errorCode()).isEqualTo("PreconditionFailed");
                assertThat(refused.json().at("/error/message").asText()).isEqualTo(
                        "The restore session has changed since it was read; its etag is now W/\"2\". Read it again"
                                + " and retry.");
                assertThat(refused.json().at("/error/innerError/request-id").asText())
                        .isEqualTo(refused.header("request-id"));
            }
            assertThat(events.eventTypesOf(sessionId)).isEqualTo(before);
        } finally {
            projection.start();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            GraphHttp.Response read = http.get(SESSIONS + "/" + sessionId);
            assertThat(read.header("ETag")).isEqualTo("W/\"2\"");
            assertThat(read.json().get("status").asText()).isEqualTo("draft");
            assertThat(read.json().at("/restoreSessionArtifactCount/total").asInt()).isEqualTo(2);
        });
    }

    private void changeSession() {
        assertThat(http.patch(SESSIONS + "/" + sessionId, add()).status()).isEqualTo(200);
    }

    private String add() {
        return """
                {"mailboxRestoreArtifacts@delta": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}]}"""
                .formatted(catalog.restorePoint("rp-etag-more-" + UUID.randomUUID()));
    }
}
