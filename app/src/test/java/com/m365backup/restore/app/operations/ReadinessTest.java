package com.m365backup.restore.app.operations;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Readiness follows PostgreSQL: down while it is gone, up again when it is back, without a restart of the service. */
@IntegrationTest
class ReadinessTest {

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readiness_goes_down_while_postgresql_is_stopped_and_up_when_it_is_back() {
        GraphHttp management = new GraphHttp(managementPort);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.of(jdbc);
        awaitReady(management);

        postgres.stop();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                GraphHttp.Response readiness = management.get("/actuator/health/readiness");
                assertThat(readiness.status()).isEqualTo(503);
                assertThat(readiness.json().at("/components/db/status").asText()).isEqualTo("DOWN");
            });
            assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            postgres.start();
        }

        awaitReady(management);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isNotNull();
    }

    private static void awaitReady(GraphHttp management) {
        // The projection backs off while the database is gone (up to a minute between attempts in Axon 4.13).
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            GraphHttp.Response readiness = management.get("/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
            assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        });
    }
}
