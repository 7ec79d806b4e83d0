package com.m365backup.restore.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the event store and the read model hold, held against what the clients were told. */
record StoreAccount(JdbcTemplate jdbc) {

    /**
     * Every acknowledged create and add is stored; no create was made twice by a retry; no write answered 503 stored
     * an event; every session's stream is without a gap.
     */
    void assertHolds(AcknowledgedWrites writes) {
        Set<String> sessions = new HashSet<>(jdbc.queryForList("""
                select aggregate_identifier from domain_event_entry
                where payload_type = 'com.m365backup.restore.domain.session.RestoreSessionCreated'""", String.class));
        assertThat(sessions).as("acknowledged creates").containsAll(writes.createdSessions.values());
        List<Map<String, Object>> repeated = jdbc.queryForList("""
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'clientRequestId' as request, count(*) as made
                from domain_event_entry
                where payload_type = 'com.m365backup.restore.domain.session.RestoreSessionCreated'
                group by 1 having count(*) > 1""");
        assertThat(repeated).as("creates made twice by a retry").isEmpty();
        Set<String> added = new HashSet<>(jdbc.queryForList("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'artifactId' from domain_event_entry
                where payload_type = 'com.m365backup.restore.domain.session.MailboxArtifactAdded'""", String.class));
        assertThat(added).as("acknowledged adds").containsAll(writes.addedArtifacts.keySet());
        if (!writes.refusedRequests.isEmpty()) {
            List<String> storedAnyway = jdbc.queryForList("""
                    select convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' from domain_event_entry
                    where convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' = any (?)""", String.class,
                    (Object) writes.refusedRequests.toArray(String[]::new));
            assertThat(storedAnyway).as("writes answered 503 and stored anyway").isEmpty();
        }
        List<String> gaps = jdbc.queryForList("""
                select aggregate_identifier from domain_event_entry
                group by aggregate_identifier having max(sequence_number) + 1 <> count(*)""", String.class);
        assertThat(gaps).as("streams with a gap").isEmpty();
    }

    /** Once the read side has caught up, every acknowledged artifact is shown in its session. */
    void assertShownBy(GraphHttp http, AcknowledgedWrites writes) {
        Map<String, Set<String>> bySession = writes.addedArtifacts.entrySet().stream()
                .collect(Collectors.groupingBy(Map.Entry::getValue,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toSet())));
        bySession.forEach((session, artifacts) -> await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode shown = http.get(SESSIONS + "/" + session + "/mailboxRestoreArtifacts").json();
            Set<String> ids = StreamSupport.stream(shown.get("value").spliterator(), false)
                    .map(artifact -> artifact.get("id").asText())
                    .collect(Collectors.toSet());
            assertThat(ids).as("artifacts shown of session %s", session).containsAll(artifacts);
        }));
    }
}
