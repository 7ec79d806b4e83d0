package com.m365backup.restore.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.MailboxArtifactAdded;
import com.m365backup.restore.domain.session.RestoreSessionCreated;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the read model from the event store gives back the same tables, row for row, and readers see the whole
 * read model all along.
 */
@IntegrationTest
class ReadModelReplayTest extends RunningApplicationTest {

    @Autowired
    EventStore eventStore;

    @Test
    void a_replay_rebuilds_the_read_model_row_for_row() {
        GraphHttp.Response created = http.post("/solutions/backupRestore/exchangeRestoreSessions", """
                {"mailboxRestoreArtifacts": [
                  {"restorePoint": {"@odata.id": "0a014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "new"},
                  {"restorePoint": {"@odata.id": "0b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "new"}]}""");
        assertThat(created.status()).isEqualTo(201);
        String sessionId = created.json().get("id").asText();
        List<Map<String, Object>> sessionsBefore = rows("restore_session", "id", sessionId);
        List<Map<String, Object>> artifactsBefore = rows("mailbox_restore_artifact", "session_id", sessionId);
        // A deleted session's artifacts go with it in the rebuild too, though its copies get their foreign keys
        // (and their cascade) only once they are full.
        String deletedId = http.post("/solutions/backupRestore/exchangeRestoreSessions", """
                {"mailboxRestoreArtifacts": [
                  {"restorePoint": {"@odata.id": "1b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "new"}]}""")
                .json().get("id").asText();
        assertThat(http.delete("/solutions/backupRestore/exchangeRestoreSessions/" + deletedId).status())
                .isEqualTo(204);

        GraphHttp operator = http.as(TestTokens.operator());
        GraphHttp.Response started = operator.post("/audit/projections/replay", "");

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.header("Location")).endsWith("/audit/projections/replay");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(operator.get("/audit/projections/replay").json().get("state").asText())
                        .isEqualTo("completed"));
        assertThat(operator.get("/audit/projections/replay").json().get("eventsReplayed").asLong()).isPositive();
        assertThat(rows("restore_session", "id", sessionId)).isEqualTo(sessionsBefore).hasSize(1);
        assertThat(rows("mailbox_restore_artifact", "session_id", sessionId)).isEqualTo(artifactsBefore).hasSize(2);
        assertThat(rows("restore_session", "id", deletedId)).isEmpty();
        assertThat(rows("mailbox_restore_artifact", "session_id", deletedId)).isEmpty();
        assertThat(jdbc.queryForList("""
                select conrelid::regclass::text from pg_constraint
                where contype = 'f' and connamespace = current_schema()::regnamespace
                  and confrelid = 'restore_session'::regclass
                order by 1""", String.class))
                .as("the rebuilt tables refer to their session as the migrations' do")
                .containsExactly("bulk_addition_request", "mailbox_restore_artifact");
        assertThat(jdbc.queryForList("""
                select indexname from pg_indexes where schemaname = current_schema()
                  and tablename in ('restore_session', 'mailbox_restore_artifact', 'bulk_addition_request')
                order by 1""", String.class))
                .as("the rebuilt tables' indexes have the names the migrations gave them")
                .containsExactly("bulk_addition_request_pkey", "mailbox_restore_artifact_added",
                        "mailbox_restore_artifact_pkey", "restore_session_completed", "restore_session_pkey",
                        "restore_session_tenant_created");
    }

    /**
     * The rebuild is written beside the live read model and takes its place at once (docs/api.md, Audit): every read
     * made while it runs sees every session, as it is.
     */
    @Test
    void every_read_during_a_replay_sees_the_whole_read_model() throws Exception {
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sessions.add(http.post("/solutions/backupRestore/exchangeRestoreSessions", "{}").json().get("id").asText());
        }
        Map<String, JsonNode> before = new HashMap<>();
        sessions.forEach(id -> before.put(id,
                http.get("/solutions/backupRestore/exchangeRestoreSessions/" + id).json()));
        GraphHttp operator = http.as(TestTokens.operator());
        // A history long enough that the rebuild takes a while, whatever ran before this test.
        for (int i = 0; i < 250; i++) {
            appendDraftWithArtifacts(19);
        }
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean replaying = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger readsWhileReplaying = new AtomicInteger();
        List<String> wrong = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (replaying.get()) {
                boolean afterStart = started.get();
                String id = sessions.get(reads.getAndIncrement() % sessions.size());
                GraphHttp.Response read = http.get("/solutions/backupRestore/exchangeRestoreSessions/" + id);
                if (read.status() != 200 || !read.json().equals(before.get(id))) {
                    wrong.add(read.status() + " " + read.body());
                }
                if (afterStart && replaying.get()) {
                    readsWhileReplaying.incrementAndGet();
                }
            }
        });
        reader.start();

        assertThat(operator.post("/audit/projections/replay", "").status()).isEqualTo(202);
        started.set(true);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(operator.get("/audit/projections/replay").json().get("state").asText())
                        .isEqualTo("completed"));
        replaying.set(false);
        reader.join();

        assertThat(readsWhileReplaying.get()).as("reads while it ran").isGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    /** Events as the aggregate writes them, appended straight to the store: a long history made quickly. */
    private void appendDraftWithArtifacts(int artifacts) {
        String sessionId = UUID.randomUUID().toString();
        String tenantId = TestTokens.TENANT;
        MetaData metaData = MetaData.with(CallerMetaData.TENANT_ID, tenantId);
        Instant at = Instant.now();
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>("RestoreSession", sessionId, 0,
                new RestoreSessionCreated(sessionId, tenantId, at), metaData));
        for (int artifact = 1; artifact <= artifacts; artifact++) {
            String restorePoint = "history-" + sessionId + "-" + artifact;
            events.add(new GenericDomainEventMessage<>("RestoreSession", sessionId, artifact,
                    new MailboxArtifactAdded(sessionId, UUID.randomUUID().toString(), restorePoint, restorePoint,
                            null, DestinationType.IN_PLACE, at), metaData));
        }
        eventStore.publish(events);
    }

    /**
     * Rows of this test's session only: other tests share the database, and restores they started may still be
     * changing their own sessions while this one replays.
     */
    private List<Map<String, Object>> rows(String table, String sessionColumn, String sessionId) {
        return jdbc.queryForList("select * from " + table + " where " + sessionColumn + " = ? order by 1, 2",
                sessionId);
    }
}
