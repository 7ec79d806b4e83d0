package com.m365backup.restore.app.operations;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A database that cannot be reached is 503 {@code ServiceUnavailable} with {@code Retry-After}, in Graph's envelope,
 * for reads and writes alike, and says nothing of the implementation (docs/api.md, Errors). A context of its own, with
 * a pool that gives up on a connection after a second, so that nothing waits long and no other test shares a
 * database that is stopped here.
 */
@IntegrationTest
@TestPropertySource(properties = {"spring.datasource.hikari.connection-timeout=1000",
        "restore.commands.max-retries=1", "spring.lifecycle.timeout-per-shutdown-phase=5s"})
@DirtiesContext
class DatabaseUnavailableTest extends RunningApplicationTest {

    /** Far above the pool's timeout and the command's retry: a request that takes this long hangs. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

    @Test
    void a_read_and_a_write_are_answered_503_with_retry_after_while_postgresql_is_stopped() {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.of(jdbc);
        GraphHttp.Response created = http.post(SESSIONS, "{}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String session = SESSIONS + "/" + created.json().get("id").asText();
        long sessionsBefore = events.sessionsCreated();
        List<String> historyBefore = events.eventTypesOf(created.json().get("id").asText());

        postgres.stop();
        try {
            assertUnavailable(answer(() -> http.get(session)));
            assertUnavailable(answer(() -> http.get(SESSIONS)));
            assertUnavailable(answer(() -> http.post(SESSIONS, "{}")));
            assertUnavailable(answer(() -> http.send("DELETE", session, null, "client-request-id", "c-503")));
        } finally {
            postgres.start();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get(session).status()).isEqualTo(200));
        // Nothing changed: the refused create made no session, the refused DELETE left this one as it was.
        assertThat(events.sessionsCreated()).isEqualTo(sessionsBefore);
        assertThat(events.eventTypesOf(created.json().get("id").asText())).isEqualTo(historyBefore);
    }

    private static GraphHttp.Response answer(Supplier<GraphHttp.Response> request) {
        return assertTimeoutPreemptively(ANSWER_WITHIN, request::get);
    }

    private static void assertUnavailable(GraphHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("10");
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.errorCode()).isEqualTo("ServiceUnavailable");
        assertThat(response.json().at("/error/message").asText())
                .isEqualTo("The service is temporarily unavailable; try again later.");
        assertThat(response.json().at("/error/innerError/request-id").asText())
                .isNotBlank()
                .isEqualTo(response.header("request-id"));
        assertThat(response.json().at("/error/innerError/client-request-id").asText())
                .isEqualTo(response.header("client-request-id"));
        assertThat(response.body()).doesNotContain("Exception", "SQL", "jdbc", "postgres", "org.", "com.", "\tat ");
    }
}
