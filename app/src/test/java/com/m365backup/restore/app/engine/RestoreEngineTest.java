package com.m365backup.restore.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.RunningApplicationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session runs to its end over HTTP on PostgreSQL (docs/api.md, Lifecycle): activate, let the engine and the
 * simulated restorer work, and read the outcome back as a Graph client does. Restore points named {@code broken-*}
 * fail (the simulated restorer's list), {@code held-*} wait until the test lets them go.
 */
@BrokenAndHeldRestores
class RestoreEngineTest extends RunningApplicationTest {

    private static final String EXCHANGE_SESSIONS = "/beta/solutions/backupRestore/exchangeRestoreSessions";
    private static final String SESSIONS = "/beta/solutions/backupRestore/restoreSessions";
    private static final String INCLUDE_FAILED = "include-unknown-enum-members";

    @TestConfiguration(proxyBeanMethods = false)
    static class Steered {

        @Bean
        @Primary
        HeldRestorer heldRestorer(SimulatedRestorerProperties properties, Clock clock) {
            return new HeldRestorer(new SimulatedMailboxRestorer(properties, clock));
        }
    }

    @Autowired
    HeldRestorer restorer;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    @Autowired
    ApplicationContext context;

    @Test
    void activation_answers_the_session_activating() {
        String session = created("new", "held-" + UUID.randomUUID());
        String heldPoint = restorePointsOf(session).get(0);

        GraphHttp.Response activated = http.post(SESSIONS + "/" + session + "/activate", "");

        assertThat(activated.status()).isEqualTo(200);
        JsonNode body = activated.json();
        assertThat(body.get("id").asText()).isEqualTo(session);
        assertThat(body.get("@odata.type").asText()).isEqualTo("#microsoft.graph.exchangeRestoreSession");
        // The answer is the read side right after it showed the activation; now and then the engine has already
        // scheduled the (held) artifact by then, and the session is active.
        assertThat(body.get("status").asText()).isIn("activating", "active");
        assertThat(body.has("mailboxRestoreArtifacts")).isFalse();
        assertThat(events.eventTypesOf(session)).contains("RestoreSessionActivated");
        restorer.letGo(heldPoint);
        awaitEnd(session);
    }

    @Test
    void a_session_whose_every_mailbox_is_restored_ends_completed() {
        String session = created("new", "ok-" + UUID.randomUUID(), "ok-" + UUID.randomUUID());

        assertThat(http.post(SESSIONS + "/" + session + "/activate", "").status()).isEqualTo(200);
        JsonNode ended = awaitEnd(session);

        assertThat(ended.get("status").asText()).isEqualTo("completed");
        assertCounts(ended, 2, 2, 0);
        OffsetDateTime completed = OffsetDateTime.parse(ended.get("completedDateTime").asText());
        for (JsonNode artifact : ended.get("mailboxRestoreArtifacts")) {
            assertThat(artifact.get("status").asText()).isEqualTo("succeeded");
            OffsetDateTime start = OffsetDateTime.parse(artifact.get("startDateTime").asText());
            OffsetDateTime end = OffsetDateTime.parse(artifact.get("completionDateTime").asText());
            assertThat(start).isAfterOrEqualTo(OffsetDateTime.parse(artifact.get("createdDateTime").asText()));
            assertThat(end).isAfterOrEqualTo(start).isBeforeOrEqualTo(completed);
            assertThat(artifact.get("restoredFolderId").asText()).isNotBlank();
            assertThat(artifact.get("restoredFolderName").asText()).startsWith("Restored ");
            assertThat(artifact.get("restoredItemCount").asInt()).isPositive();
            assertThat(artifact.get("error").isNull()).isTrue();
        }
        assertThat(events.eventTypesOf(session)).containsExactly(
                "RestoreSessionCreated", "MailboxArtifactAdded", "MailboxArtifactAdded",
                "RestoreSessionActivated", "ArtifactRestoreScheduling", "ArtifactRestoreScheduling",
                "ArtifactRestoreScheduled", "ArtifactRestoreScheduled", "RestoreSessionStarted",
                "ArtifactRestoreStarted", "ArtifactRestoreStarted",
                "ArtifactRestoreSucceeded", "ArtifactRestoreSucceeded", "RestoreSessionEnded");
    }

    @Test
    void a_session_with_a_mailbox_that_fails_ends_completed_with_error() {
        String session = created("inPlace", "ok-" + UUID.randomUUID(), "broken-1", "ok-" + UUID.randomUUID());

        assertThat(http.post(SESSIONS + "/" + session + "/activate", "").status()).isEqualTo(200);
        JsonNode ended = awaitEnd(session);

        assertThat(ended.get("status").asText()).isEqualTo("completedWithError");
        assertThat(ended.get("completedDateTime").isNull()).isFalse();
        assertCounts(ended, 3, 2, 1);
        for (JsonNode artifact : ended.get("mailboxRestoreArtifacts")) {
            boolean broken = artifact.get("restorePoint").get("id").asText().equals("broken-1");
            assertThat(artifact.get("status").asText()).isEqualTo(broken ? "failed" : "succeeded");
            assertThat(artifact.get("completionDateTime").isNull()).isFalse();
            // In place: the mailbox's own folders, no new one.
            assertThat(artifact.get("restoredFolderId").isNull()).isTrue();
            if (broken) {
                assertThat(artifact.get("error").get("code").asText()).isEqualTo("UnknownError");
                assertThat(artifact.get("error").get("message").asText()).startsWith("The restore of the mailbox failed.");
            } else {
                assertThat(artifact.get("restoredItemCount").asInt()).isPositive();
            }
        }
    }

    @Test
    void a_session_whose_every_mailbox_fails_ends_failed_which_older_clients_see_as_unknown_future_value() {
        String session = created("new", "broken-2", "broken-3");

        assertThat(http.post(SESSIONS + "/" + session + "/activate", "").status()).isEqualTo(200);
        JsonNode ended = awaitEnd(session);

        assertThat(ended.get("status").asText()).isEqualTo("failed");
        assertThat(ended.get("completedDateTime").isNull()).isFalse();
        assertCounts(ended, 2, 0, 2);
        assertThat(http.get(EXCHANGE_SESSIONS + "/" + session).json().get("status").asText())
                .isEqualTo("unknownFutureValue");
    }

    @Test
    void a_mailbox_that_another_active_session_restores_fails_as_a_duplicate_request() {
        String mailbox = "held-" + UUID.randomUUID();
        String first = created("new", mailbox);
        String second = created("new", mailbox);
        assertThat(http.post(SESSIONS + "/" + first + "/activate", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(first).equals("active"));

        assertThat(http.post(SESSIONS + "/" + second + "/activate", "").status()).isEqualTo(200);
        JsonNode secondEnded = awaitEnd(second);
        restorer.letGo(mailbox);
        JsonNode firstEnded = awaitEnd(first);

        assertThat(secondEnded.get("status").asText()).isEqualTo("failed");
        JsonNode error = secondEnded.get("mailboxRestoreArtifacts").get(0).get("error");
        assertThat(error.get("code").asText()).isEqualTo("DuplicateArtifactRestoreRequest");
        assertThat(error.get("message").asText()).contains(first);
        assertThat(firstEnded.get("status").asText()).isEqualTo("completed");
    }

    @Test
    void activating_beyond_the_tenants_active_sessions_is_refused_with_500() {
        List<String> held = new ArrayList<>();
        List<String> active = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String session = created("new", "held-" + UUID.randomUUID());
            held.addAll(restorePointsOf(session));
            assertThat(http.post(SESSIONS + "/" + session + "/activate", "").status()).isEqualTo(200);
            active.add(session);
        }
        String oneTooMany = created("new", "ok-" + UUID.randomUUID());

        GraphHttp.Response refused = http.post(SESSIONS + "/" + oneTooMany + "/activate", "");

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.errorCode()).isEqualTo("TooManyActiveRestoreSessions");
        assertThat(status(oneTooMany)).isEqualTo("draft");
        held.forEach(restorer::letGo);
        active.forEach(this::awaitEnd);
    }

    @Test
    void activating_more_mailboxes_than_the_tenant_may_restore_at_once_is_refused() {
        String session = created("new", "ok-" + UUID.randomUUID(), "ok-" + UUID.randomUUID(),
                "ok-" + UUID.randomUUID(), "ok-" + UUID.randomUUID(), "ok-" + UUID.randomUUID(),
                "ok-" + UUID.randomUUID());

        GraphHttp.Response refused = http.post(SESSIONS + "/" + session + "/activate", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("RestoreArtifactsLimitBreached");
        assertThat(status(session)).isEqualTo("draft");
    }

    @Test
    void activating_a_session_that_is_not_a_draft_is_refused_with_403() {
        String session = created("new", "ok-" + UUID.randomUUID());
        assertThat(http.post(SESSIONS + "/" + session + "/activate", "").status()).isEqualTo(200);
        awaitEnd(session);

        GraphHttp.Response refused = http.post("/v1.0/solutions/backupRestore/restoreSessions/" + session
                + "/activate", "");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("RestoreSessionActionNotAllowed");
        assertThat(refused.json().get("error").get("message").asText())
                .isEqualTo("A restore session can only be activated in draft state; this one is completed.");
    }

    @Test
    void activating_a_session_without_artifacts_is_refused_with_400() {
        String session = created("new");

        GraphHttp.Response refused = http.post("/solutions/backupRestore/restoreSessions/" + session
                + "/activate", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("InvalidArtifactRequest");
        assertThat(status(session)).isEqualTo("draft");
    }

    @Test
    void activating_a_session_that_does_not_exist_is_refused_with_404() {
        GraphHttp.Response refused = http.post(SESSIONS + "/" + UUID.randomUUID() + "/activate", "");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.errorCode()).isEqualTo("RestoreSessionNotFound");
    }

    @Test
    void a_deleted_draft_is_gone_from_every_graph_path_but_its_events_stay() {
        String session = created("new", "ok-" + UUID.randomUUID());

        GraphHttp.Response deleted = http.delete(EXCHANGE_SESSIONS + "/" + session);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http.get(EXCHANGE_SESSIONS + "/" + session).status()).isEqualTo(404);
        assertThat(http.get(SESSIONS + "/" + session).status()).isEqualTo(404);
        assertThat(http.get(EXCHANGE_SESSIONS + "/" + session + "/mailboxRestoreArtifacts").status()).isEqualTo(404);
        assertThat(ids(http.get(EXCHANGE_SESSIONS + "?$top=1000").json())).doesNotContain(session);
        assertThat(http.patch(EXCHANGE_SESSIONS + "/" + session, """
                {"mailboxRestoreArtifacts@delta": [{"restorePoint": {"id": "ok-%s"}, "destinationType": "new"}]}"""
                .formatted(UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(http.delete(SESSIONS + "/" + session).status()).isEqualTo(404);
        assertThat(events.eventTypesOf(session))
                .containsExactly("RestoreSessionCreated", "MailboxArtifactAdded", "RestoreSessionDeleted");
    }

    @Test
    void deleting_a_session_that_is_not_a_draft_is_refused_with_403() {
        String session = created("new", "ok-" + UUID.randomUUID());
        assertThat(http.post(SESSIONS + "/" + session + "/activate", "").status()).isEqualTo(200);
        awaitEnd(session);

        GraphHttp.Response refused = http.delete(SESSIONS + "/" + session);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("RestoreSessionActionNotAllowed");
        assertThat(status(session)).isEqualTo("completed");
    }

    @Test
    void replaying_the_projection_rebuilds_an_ended_session_as_it_was_shown() {
        String session = created("new", "ok-" + UUID.randomUUID(), "broken-4");
        assertThat(http.post(SESSIONS + "/" + session + "/activate", "").status()).isEqualTo(200);
        JsonNode ended = awaitEnd(session);
        StreamingEventProcessor projection = processing
                .eventProcessor("restore-session-projection", StreamingEventProcessor.class).orElseThrow();

        projection.shutDown();
        try {
            projection.resetTokens();
        } finally {
            projection.start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(http.get(
                EXCHANGE_SESSIONS + "/" + session + "?$expand=mailboxRestoreArtifacts", "Prefer", INCLUDE_FAILED)
                .json()).isEqualTo(ended));
    }

    @Test
    void the_steps_of_a_restore_delivered_again_change_nothing_in_the_read_model() throws Exception {
        String session = created("new", "ok-" + UUID.randomUUID(), "broken-5");
        assertThat(http.post(SESSIONS + "/" + session + "/activate", "").status()).isEqualTo(200);
        JsonNode ended = awaitEnd(session);

        // As after a claim stolen by another node: the same events reach the projection's handlers once more.
        AnnotationEventHandlerAdapter projection =
                new AnnotationEventHandlerAdapter(context.getBean("restoreSessionProjection"));
        for (EventMessage<?> event : eventStore.readEvents(session, 0).asStream().toList()) {
            projection.handle(event);
        }

        assertThat(http.get(EXCHANGE_SESSIONS + "/" + session + "?$expand=mailboxRestoreArtifacts", "Prefer",
                INCLUDE_FAILED).json()).isEqualTo(ended);
    }

    /** A new session with one artifact per restore point, all of one destination type; answers its id. */
    private String created(String destinationType, String... restorePoints) {
        String artifacts = java.util.Arrays.stream(restorePoints)
                .map(id -> "{\"restorePoint\": {\"id\": \"%s\"}, \"destinationType\": \"%s\"}"
                        .formatted(id, destinationType))
                .collect(Collectors.joining(", "));
        GraphHttp.Response created = http.post(EXCHANGE_SESSIONS,
                "{\"mailboxRestoreArtifacts\": [" + artifacts + "]}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private List<String> restorePointsOf(String session) {
        return StreamSupport.stream(http.get(EXCHANGE_SESSIONS + "/" + session + "/mailboxRestoreArtifacts").json()
                        .get("value").spliterator(), false)
                .map(artifact -> artifact.get("restorePoint").get("id").asText())
                .toList();
    }

    private String status(String session) {
        return http.get(EXCHANGE_SESSIONS + "/" + session, "Prefer", INCLUDE_FAILED).json().get("status").asText();
    }

    /** Waits until the session has ended; answers it with its artifacts, {@code failed} shown as such. */
    private JsonNode awaitEnd(String session) {
        String path = EXCHANGE_SESSIONS + "/" + session + "?$expand=mailboxRestoreArtifacts";
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get(path, "Prefer", INCLUDE_FAILED).json(),
                        body -> List.of("completed", "completedWithError", "failed")
                                .contains(body.get("status").asText()));
    }

    private static void assertCounts(JsonNode session, int total, int completed, int failed) {
        JsonNode count = session.get("restoreSessionArtifactCount");
        assertThat(count.get("total").asInt()).isEqualTo(total);
        assertThat(count.get("completed").asInt()).isEqualTo(completed);
        assertThat(count.get("failed").asInt()).isEqualTo(failed);
        assertThat(count.get("inProgress").asInt()).isZero();
    }

    private static List<String> ids(JsonNode collection) {
        return StreamSupport.stream(collection.get("value").spliterator(), false)
                .map(session -> session.get("id").asText())
                .toList();
    }
}
