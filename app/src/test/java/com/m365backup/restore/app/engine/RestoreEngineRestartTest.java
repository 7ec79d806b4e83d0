package com.m365backup.restore.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.OwnPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine keeps its state in PostgreSQL (docs/api.md, Lifecycle; docs/design.md, Restore engine): stop the service
 * while sessions restore, start a new one on the same database, and every session still runs to its end, each artifact
 * restored exactly once (no artifact is handed to the restorer again once it reported a result).
 */
class RestoreEngineRestartTest {

    /**
     * Three sessions of eight: 24 restores take three rounds of the eight that run side by side (the segments of
     * mailbox-restores), so that stopping after the first result leaves some never started, however fast the
     * machine; with fifteen, the second round, started before the stop and finished during it, could be the last.
     */
    private static final int ARTIFACTS_PER_SESSION = 8;
    private static final int ARTIFACTS = 3 * ARTIFACTS_PER_SESSION;

    /** Outlives both application contexts, as the database does. */
    private static final CountingRestorer RESTORER = new CountingRestorer(new SimulatedMailboxRestorer(
            new SimulatedRestorerProperties(Duration.ofMillis(400), 0, List.of("broken-restart")),
            Clock.systemUTC()));

    @RegisterExtension
    static final OwnPostgres postgres = new OwnPostgres();

    @Configuration(proxyBeanMethods = false)
    static class Watched {

        @Bean
        @Primary
        MailboxRestorer countingRestorer() {
            return RESTORER;
        }
    }

    @Test
    void sessions_stopped_mid_restore_finish_after_a_restart_with_each_artifact_restored_once() {
        List<String> sessions = new ArrayList<>();
        int reportedBeforeStop;
        try (ConfigurableApplicationContext first = start()) {
            GraphHttp http = OwnPostgres.httpOf(first);
            sessions.add(created(http, restorePoints("ok")));
            sessions.add(created(http, withBroken(restorePoints("ok"))));
            sessions.add(created(http, restorePoints("ok")));
            sessions.forEach(session -> assertThat(http.post(
                    "/beta/solutions/backupRestore/restoreSessions/" + session + "/activate", "").status())
                    .isEqualTo(200));
            await().atMost(Duration.ofSeconds(30)).until(() -> RESTORER.reportedResults() > 0);
        }
        reportedBeforeStop = RESTORER.reportedResults();
        int callsBeforeRestart = RESTORER.totalCalls();
        assertThat(reportedBeforeStop).as("stopped mid-restore").isLessThan(ARTIFACTS);

        try (ConfigurableApplicationContext second = start()) {
            GraphHttp http = OwnPostgres.httpOf(second);
            Map<String, JsonNode> ended = sessions.stream().collect(Collectors.toMap(session -> session,
                    session -> awaitEnd(http, session)));

            assertThat(ended.get(sessions.get(0)).get("status").asText()).isEqualTo("completed");
            assertThat(ended.get(sessions.get(1)).get("status").asText()).isEqualTo("completedWithError");
            assertThat(ended.get(sessions.get(2)).get("status").asText()).isEqualTo("completed");
            List<String> artifacts = ended.values().stream()
                    .flatMap(session -> StreamSupport.stream(session.get("mailboxRestoreArtifacts").spliterator(),
                            false))
                    .map(artifact -> artifact.get("id").asText())
                    .toList();
            assertThat(artifacts).hasSize(ARTIFACTS);
            assertThat(RESTORER.totalCalls()).as("the second service restored too").isGreaterThan(callsBeforeRestart);
            assertThat(RESTORER.callsAfterResult()).isEmpty();
            Map<String, Long> outcomes = outcomeEventsPerArtifact(second.getBean(JdbcTemplate.class));
            for (String artifact : artifacts) {
                assertThat(RESTORER.resultsOf(artifact)).as("results of %s", artifact).isEqualTo(1);
                assertThat(RESTORER.callsOf(artifact)).as("calls of %s", artifact).isBetween(1, 2);
                assertThat(outcomes.get(artifact)).as("outcome events of %s", artifact).isEqualTo(1L);
            }
        }
    }

    private static ConfigurableApplicationContext start() {
        return postgres.startService(List.of(Watched.class, AnyRestorePoint.InPlaceOfTheCatalog.class));
    }

    private static List<String> restorePoints(String prefix) {
        return IntStream.range(0, ARTIFACTS_PER_SESSION).mapToObj(i -> prefix + "-" + UUID.randomUUID()).toList();
    }

    private static List<String> withBroken(List<String> restorePoints) {
        List<String> some = new ArrayList<>(restorePoints.subList(1, restorePoints.size()));
        some.add(0, "broken-restart");
        return some;
    }

    private static String created(GraphHttp http, List<String> restorePoints) {
        String artifacts = restorePoints.stream()
                .map(id -> "{\"restorePoint\": {\"id\": \"%s\"}, \"destinationType\": \"new\"}".formatted(id))
                .collect(Collectors.joining(", "));
        GraphHttp.Response created = http.post(SESSIONS, "{\"mailboxRestoreArtifacts\": [" + artifacts + "]}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static JsonNode awaitEnd(GraphHttp http, String session) {
        String path = SESSIONS + "/" + session + "?$expand=mailboxRestoreArtifacts";
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get(path, "Prefer", "include-unknown-enum-members").json(),
                        body -> List.of("completed", "completedWithError", "failed")
                                .contains(body.get("status").asText()));
    }

    /** How many outcome events (succeeded or failed) the event store holds for each artifact. */
    private static Map<String, Long> outcomeEventsPerArtifact(JdbcTemplate jdbc) {
        return jdbc.query("""
                        select convert_from(payload, 'UTF8')::json ->> 'artifactId' as artifact, count(*) as outcomes
                        from domain_event_entry
                        where payload_type in ('com.m365backup.restore.domain.session.ArtifactRestoreSucceeded',
                                               'com.m365backup.restore.domain.session.ArtifactRestoreFailed')
                        group by 1""",
                        (row, rowNumber) -> Map.entry(row.getString("artifact"), row.getLong("outcomes")))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
