package com.m365backup.restore.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** What the management port shows an operator (docs/operations.md), and what it keeps to itself. */
@IntegrationTest
class ManagementEndpointsTest extends RunningApplicationTest {

    private static final Pattern PATCH_ITEMS = Pattern.compile("(?m)^restore_patch_items_total\\{([^}]*)} (\\S+)$");

    @LocalManagementPort
    int managementPort;

    private GraphHttp api;
    private GraphHttp management;

    @BeforeEach
    void connect() {
        api = new GraphHttp(port);
        management = new GraphHttp(managementPort);
    }

    @Test
    void prometheus_counts_the_items_of_a_patch_by_outcome_and_code() {
        String sessionId = api.post(SESSIONS, "{}").json().get("id").asText();
        Map<String, Double> before = patchItemCounts();

        GraphHttp.Response patched = api.patch(SESSIONS + "/" + sessionId, """
                {"mailboxRestoreArtifacts@delta": [
                  {"@removed": {"reason": "changed"}, "id": "4267e382-71a9-4c07-bef7-bda97e09c0d2"},
                  {"@removed": {"reason": "deleted"}, "id": "5267e382-71a9-4c07-bef7-bda97e09c0d2"}]}""");

        assertThat(patched.status()).isEqualTo(200);
        Map<String, Double> after = patchItemCounts();
        String unknownId = "code=\"Invalid\",outcome=\"failed\"";
        assertThat(after.get(unknownId) - before.getOrDefault(unknownId, 0.0)).isEqualTo(2.0);
    }

    @Test
    void prometheus_shows_the_http_server_and_axon_metrics() {
        api.post(SESSIONS, "{}");

        String scrape = management.get("/actuator/prometheus").body();

        assertThat(scrape).contains("http_server_requests_seconds_count{")
                .contains("uri=\"/beta/solutions/backupRestore/exchangeRestoreSessions\"")
                .containsPattern("(?m)^commandBus_successCounter_total\\{payloadType=\"CreateRestoreSession\"} ")
                .containsPattern("(?m)^eventProcessor_latency\\{.*processorName=\"restore-session-projection\".*} ");
    }

    @Test
    void info_names_the_version_the_build_time_and_the_commit_when_built_from_git() throws Exception {
        JsonNode info = management.get("/actuator/info").json();

        assertThat(info.at("/build/version").asText()).as(info.toString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.at("/build/time").asText()).isNotBlank();
        // A build without git (a source archive) has no git.properties and no commit: the build must not fail.
        Properties git = new Properties();
        try (InputStream file = getClass().getResourceAsStream("/git.properties")) {
            if (file != null) {
                git.load(file);
                assertThat(info.at("/git/commit/id").asText()).isEqualTo(git.getProperty("git.commit.id.abbrev"));
                assertThat(info.at("/git/branch").asText()).isEqualTo(git.getProperty("git.branch"));
            } else {
                assertThat(info.has("git")).isFalse();
            }
        }
    }

    @Test
    void liveness_and_readiness_are_probes_of_their_own() {
        assertThat(management.get("/actuator/health/liveness").json().get("status").asText()).isEqualTo("UP");
        GraphHttp.Response readiness = management.get("/actuator/health/readiness");

        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().get("components").fieldNames()).as(readiness.body())
                .toIterable().containsExactlyInAnyOrder("readinessState", "db", "eventProcessors");
        assertThat(readiness.json().at("/components/eventProcessors/details/processors/restore-session-projection"
                + "/running").asBoolean()).isTrue();
        assertThat(readiness.json().at("/components/eventProcessors/details/processors/restore-session-projection"
                + "/behind").isNumber()).as(readiness.body()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"env", "configprops", "heapdump", "beans", "loggers", "threaddump", "shutdown"})
    void nothing_sensitive_is_exposed(String endpoint) {
        assertThat(management.get("/actuator/" + endpoint).status()).isEqualTo(404);
    }

    @Test
    void actuator_is_not_served_on_the_api_port() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(api.get("/actuator/health").status()).isEqualTo(404);
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(404);
    }

    private Map<String, Double> patchItemCounts() {
        Map<String, Double> counts = new TreeMap<>();
        Matcher series = PATCH_ITEMS.matcher(management.get("/actuator/prometheus").body());
        while (series.find()) {
            counts.put(series.group(1), Double.parseDouble(series.group(2)));
        }
        return counts;
    }
}
