package com.m365backup.restore.audit;

import com.m365backup.restore.GraphHttp;
import com.m365backup.restore.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding the read model from the event store gives back the same tables, row for row. */
@IntegrationTest
class ReadModelReplayTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_replay_rebuilds_the_read_model_row_for_row() {
        GraphHttp http = new GraphHttp(port);
        GraphHttp.Response created = http.post("/solutions/backupRestore/exchangeRestoreSessions", """
                {"mailboxRestoreArtifacts": [
                  {"restorePoint": {"@odata.id": "0a014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "new"},
                  {"restorePoint": {"@odata.id": "0b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "new"}]}""");
        assertThat(created.status()).isEqualTo(201);
        String sessionId = created.json().get("id").asText();
        List<Map<String, Object>> sessionsBefore = rows("restore_session", "id", sessionId);
        List<Map<String, Object>> artifactsBefore = rows("mailbox_restore_artifact", "session_id", sessionId);

        GraphHttp.Response started = http.post("/audit/projections/replay", "");

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.header("Location")).endsWith("/audit/projections/replay");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(http.get("/audit/projections/replay").json().get("state").asText())
                        .isEqualTo("completed"));
        assertThat(http.get("/audit/projections/replay").json().get("eventsReplayed").asLong()).isPositive();
        assertThat(rows("restore_session", "id", sessionId)).isEqualTo(sessionsBefore).hasSize(1);
        assertThat(rows("mailbox_restore_artifact", "session_id", sessionId)).isEqualTo(artifactsBefore).hasSize(2);
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
