package com.m365backup.restore.app.engine;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restore that runs shows in Prometheus' scrape (docs/operations.md): the artifacts that ended by outcome and code,
 * how long each mailbox took, how long the session took from its activation, and the sessions by status. The same
 * context as {@link RestoreEngineTest}: {@code broken-*} restore points fail.
 */
@BrokenAndHeldRestores
class RestoreMetricsTest extends RunningApplicationTest {

    private static final String EXCHANGE_SESSIONS = "/beta/solutions/backupRestore/exchangeRestoreSessions";
    private static final String SESSIONS = "/beta/solutions/backupRestore/restoreSessions";
    private static final String SUCCEEDED = "restore_artifacts_total{code=\"none\",outcome=\"succeeded\"}";
    private static final String FAILED = "restore_artifacts_total{code=\"UnknownError\",outcome=\"failed\"}";
    private static final String RESTORES = "restore_artifact_duration_seconds_count{outcome=\"succeeded\"}";
    private static final String FAILED_RESTORES = "restore_artifact_duration_seconds_count{outcome=\"failed\"}";
    private static final String SESSION_ENDS =
            "restore_session_duration_seconds_count{status=\"completedWithError\"}";
    private static final String ENDED_SESSIONS = "restore_sessions{status=\"completedWithError\"}";

    @LocalManagementPort
    int managementPort;

    private GraphHttp management;

    @BeforeEach
    void connect() {
        management = new GraphHttp(managementPort);
    }

    @Test
    void a_restore_shows_its_artifacts_its_durations_and_the_session_counts_in_prometheus() {
        String before = scrape();
        String session = created("ok-" + UUID.randomUUID(), "broken-1");

        assertThat(http.post(SESSIONS + "/" + session + "/activate", "").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = scrape();
            assertThat(value(after, SUCCEEDED) - value(before, SUCCEEDED)).isEqualTo(1.0);
            assertThat(value(after, FAILED) - value(before, FAILED)).isEqualTo(1.0);
            assertThat(value(after, RESTORES) - value(before, RESTORES)).isEqualTo(1.0);
            assertThat(value(after, FAILED_RESTORES) - value(before, FAILED_RESTORES)).isEqualTo(1.0);
            assertThat(value(after, SESSION_ENDS) - value(before, SESSION_ENDS)).isEqualTo(1.0);
            assertThat(ours(after)).containsPattern("(?m)^restore_session_duration_seconds_bucket\\{"
                    + "status=\"completedWithError\",le=\"[^\"]+\"} ");
            assertThat(ours(after)).containsPattern("(?m)^restore_artifact_duration_seconds_bucket\\{"
                    + "outcome=\"succeeded\",le=\"[^\"]+\"} ");
            // A grouped count of the read model, at most 10 s old.
            assertThat(value(after, ENDED_SESSIONS)).isGreaterThanOrEqualTo(1.0);
        });
        assertThat(ours(scrape())).containsPattern("(?m)^restore_sessions\\{status=\"draft\"} ");
    }

    private String created(String... restorePoints) {
        List<String> artifacts = java.util.Arrays.stream(restorePoints)
                .map(id -> "{\"restorePoint\": {\"id\": \"%s\"}, \"destinationType\": \"new\"}".formatted(id))
                .toList();
        GraphHttp.Response created = http.post(EXCHANGE_SESSIONS,
                "{\"mailboxRestoreArtifacts\": [" + String.join(", ", artifacts) + "]}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private String scrape() {
        return management.get("/actuator/prometheus").body();
    }

    /** The service's own series of a scrape: what a failed assertion shows. */
    private static String ours(String scrape) {
        return scrape.lines().filter(line -> line.startsWith("restore_")).collect(Collectors.joining("\n"));
    }

    /** A series' value in a scrape; 0 while it is not there yet. */
    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0.0;
    }
}
