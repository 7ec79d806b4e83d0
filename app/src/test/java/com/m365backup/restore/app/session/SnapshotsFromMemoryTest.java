package com.m365backup.restore.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.domain.session.RestoreSession;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.List;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static com.m365backup.restore.app.RequestBodies.inPlace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session this node holds in memory gets its snapshot from memory, on the snapshot thread, once the request that
 * crossed the threshold has committed (docs/performance.md), and a load from that snapshot decides as the session
 * did: here a snapshot every 20 events, sessions kept in memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"restore.embedded-postgres.ephemeral=true",
                "restore.security.local-tokens.key-file=target/test-signing-key.json",
                "restore.sessions.snapshot-every=20"})
class SnapshotsFromMemoryTest extends RunningApplicationTest {

    @Autowired
    EventStore eventStore;

    @Test
    void the_snapshot_is_taken_from_memory_and_holds_what_the_session_held() {
        List<String> restorePoints = catalog.restorePoints("rp-memory-snapshot-", 45);
        GraphHttp.Response created = http.post(SESSIONS, inPlace("mailboxRestoreArtifacts", restorePoints.subList(0, 25)));
        assertThat(created.status()).isEqualTo(201);
        String session = created.json().get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(25).equals(snapshotAt(session)));

        GraphHttp.Response patched = http.patch(SESSIONS + "/" + session,
                inPlace("mailboxRestoreArtifacts@delta", restorePoints.subList(25, 45)));
        assertThat(patched.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(45).equals(snapshotAt(session)));
        // What a load reads now, on a node that does not hold the session: its snapshot, and nothing before it.
        assertThat(eventStore.readEvents(session).asStream().toList()).hasSize(1)
                .allSatisfy(event -> assertThat(event.getPayload()).isInstanceOf(RestoreSession.class));

        // The snapshot holds the session as it stood: a duplicate of its first mailbox is refused from it.
        JsonNode again = http.patch(SESSIONS + "/" + session,
                inPlace("mailboxRestoreArtifacts@delta", restorePoints.subList(0, 1))).json();
        assertThat(again.at("/mailboxRestoreArtifacts@delta/0/@Core.DataModificationException/info/code").asText())
                .isNotBlank();
        assertThat(http.get(SESSIONS + "/" + session).json().at("/restoreSessionArtifactCount/total").asInt())
                .isEqualTo(45);
    }

    @Test
    void a_snapshot_stored_under_the_former_package_name_is_read_as_the_session() {
        List<String> restorePoints = catalog.restorePoints("rp-former-snapshot-", 25);
        GraphHttp.Response created = http.post(SESSIONS, inPlace("mailboxRestoreArtifacts", restorePoints));
        assertThat(created.status()).isEqualTo(201);
        String session = created.json().get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(25).equals(snapshotAt(session)));

        // As the snapshot was stored before the domain moved to com.m365backup.restore.domain.session.
        assertThat(jdbc.update("""
                update snapshot_event_entry set payload_type = 'com.m365backup.restore.session.RestoreSession'
                where aggregate_identifier = ?""", session)).isEqualTo(1);

        assertThat(eventStore.readEvents(session).asStream().toList()).hasSize(1)
                .allSatisfy(event -> assertThat(event.getPayload()).isInstanceOf(RestoreSession.class));
    }

    private Long snapshotAt(String session) {
        return events.snapshotAt(session);
    }
}
