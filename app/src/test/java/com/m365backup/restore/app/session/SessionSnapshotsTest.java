package com.m365backup.restore.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestCatalog;
import com.m365backup.restore.domain.session.RestoreSession;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static com.m365backup.restore.app.RequestBodies.inPlace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session that is not in memory is read from its latest snapshot and the events after it, not from its whole
 * history (docs/performance.md), and decides exactly as its history says. Here no session is kept in memory at all,
 * and a snapshot is taken every 20 events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"restore.embedded-postgres.ephemeral=true",
                "restore.security.local-tokens.key-file=target/test-signing-key.json",
                "restore.sessions.cache-events=0",
                "restore.sessions.snapshot-every=20"})
class SessionSnapshotsTest extends RunningApplicationTest {

    @Autowired
    EventStore eventStore;

    @Test
    void a_session_read_from_its_snapshot_decides_as_its_whole_history_would() {
        List<String> restorePoints = catalog.restorePoints("rp-snapshot-", 30);
        GraphHttp.Response created = http.post(SESSIONS, inPlace("mailboxRestoreArtifacts", restorePoints));
        assertThat(created.status()).isEqualTo(201);
        String session = created.json().get("id").asText();
        String firstArtifact = created.json().at("/mailboxRestoreArtifacts/0/id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotAt(session) != null);
        assertThat(snapshotAt(session)).isEqualTo(30L);
        // What a load of the session reads now: its snapshot, and nothing before it.
        List<? extends DomainEventMessage<?>> load = eventStore.readEvents(session).asStream().toList();
        assertThat(load).hasSize(1);
        assertThat(load.get(0).getPayload()).isInstanceOf(RestoreSession.class);

        GraphHttp.Response patched = http.patch(SESSIONS + "/" + session, """
                {"mailboxRestoreArtifacts@delta": [
                  {"@removed": {"reason": "changed"}, "id": "%s"},
                  {"restorePoint": {"@odata.id": "%s"}, "destinationType": "inPlace"},
                  {"restorePoint": {"@odata.id": "%s"}, "destinationType": "inPlace"},
                  {"@removed": {"reason": "changed"}, "id": "%s"}]}"""
                .formatted(firstArtifact, restorePoints.get(0), restorePoints.get(1), firstArtifact));

        JsonNode results = patched.json().get("mailboxRestoreArtifacts@delta");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("status").asText()).as("its mailbox was free again").isEqualTo("added");
        assertThat(results.get(1).at("/@Core.DataModificationException/info/code").asText())
                .isEqualTo("DuplicateArtifactInList");
        assertThat(results.get(2).at("/@Core.DataModificationException/info/code").asText()).isEqualTo("Invalid");
        JsonNode shown = http.get(SESSIONS + "/" + session + "?$expand=mailboxRestoreArtifacts").json();
        assertThat(shown.at("/restoreSessionArtifactCount/total").asInt()).isEqualTo(30);
        assertThat(StreamSupport.stream(shown.get("mailboxRestoreArtifacts").spliterator(), false)
                .map(artifact -> artifact.get("id").asText())).doesNotContain(firstArtifact);

        assertThat(eventStore.readEvents(session).asStream().toList()).as("the snapshot and the PATCH's events")
                .hasSize(3);
        List<String> history = events.eventTypesOf(session);
        assertThat(history).hasSize(33);
        JsonNode audited = http.get("/audit/restoreSessions/" + session + "/events").json();
        assertThat(audited.get("value")).as("the audit reads the whole history, not from the snapshot").hasSize(33);
        assertThat(audited.at("/value/0/eventType").asText()).isEqualTo("restoreSessionCreated");
    }

    @Test
    void a_bulk_session_read_from_its_snapshot_keeps_its_request_and_refuses_what_a_bulk_session_refuses() {
        List<String> mailboxes = IntStream.range(0, 12).mapToObj(i -> "mbx-snapshot-bulk-" + UUID.randomUUID())
                .toList();
        mailboxes.forEach(mailbox -> catalog.onMailbox(mailbox, mailbox + "-rp"));
        String session = http.post(SESSIONS, "{}").json().get("id").asText();
        String requests = SESSIONS + "/" + session + "/mailboxRestoreArtifactsBulkAdditionRequests";
        String requestId = http.post(requests, """
                {"mailboxes": [%s], "destinationType": "inPlace", "protectionTimePeriod":
                  {"startDateTime": "2020-01-01T00:00:00Z", "endDateTime": "2040-01-01T00:00:00Z"}}"""
                .formatted(mailboxes.stream().map(mailbox -> "\"" + TestCatalog.email(mailbox) + "\"")
                        .collect(Collectors.joining(", ")))).json().get("id").asText();

        assertThat(http.post("/beta/solutions/backupRestore/restoreSessions/" + session + "/activate", "").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotAt(session) != null);

        assertThat(http.post(requests, """
                {"mailboxes": ["x@contoso.com"], "destinationType": "inPlace", "protectionTimePeriod":
                  {"startDateTime": "2020-01-01T00:00:00Z", "endDateTime": "2040-01-01T00:00:00Z"}}""").errorCode())
                .isEqualTo("RestoreSessionActionNotAllowed");
        assertThat(http.delete(requests + "/" + requestId).status()).as("resolved, as its snapshot remembers")
                .isEqualTo(204);
        assertThat(http.delete(requests + "/" + requestId).errorCode()).isEqualTo("BulkRestoreArtifactsNotFound");
    }

    private Long snapshotAt(String session) {
        return events.snapshotAt(session);
    }
}
