package com.m365backup.restore.app.operations;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.RestoreSessionsApplication;
import com.m365backup.restore.app.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL restarted while clients write (docs/api.md, Answers that never contradict the store): writes are answered
 * 503 with Retry-After while it is away, and afterwards every acknowledged create and add is stored and shown, no
 * write answered 503 stored anything (one whose commit broke off is settled by the event store first), and the
 * clients' retries of creates made no second session.
 */
class DatabaseRestartUnderLoadTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    static Path folder;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void a_database_restart_under_load_answers_no_stored_write_with_an_error_and_loses_none() throws Exception {
        List<String> restorePoints = IntStream.range(0, 40).mapToObj(i -> "restart-rp-" + i).toList();
        Path catalog = Catalogs.write(folder.resolve("catalog.json"), TestTokens.TENANT, restorePoints);
        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(RestoreSessionsApplication.class)
                // Arguments, not default properties: application.properties would win over those (its fixed ports).
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.hikari.connection-timeout=2000",
                        "--server.port=0", "--management.server.port=0",
                        "--restore.catalog.file=file:" + catalog,
                        "--restore.security.local-tokens.key-file=" + TestTokens.KEY_FILE)) {
            GraphHttp http = new GraphHttp(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
            AcknowledgedWrites writes = new AcknowledgedWrites(() -> http, restorePoints);
            EmbeddedPostgresServer database = EmbeddedPostgresServer.of(jdbc);
            writes.start(6);
            await().atMost(Duration.ofSeconds(60)).until(() -> writes.addedArtifacts.size() > 100);

            database.stop();
            int statusesBefore = writes.statuses.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> writes.statuses.subList(statusesBefore,
                    writes.statuses.size()).contains(503));
            database.start();
            int acknowledgedAfterRestart = writes.addedArtifacts.size();
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> writes.addedArtifacts.size() > acknowledgedAfterRestart + 50);
            writes.stop();

            System.out.println(getClass().getSimpleName() + ": " + writes.account());
            StoreAccount store = new StoreAccount(new JdbcTemplate(postgres.getPostgresDatabase()));
            assertThat(writes.unexpected).isEmpty();
            store.assertHolds(writes);
            store.assertShownBy(http, writes);
        }
    }
}
