package com.m365backup.restore.app.operations;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.OwnPostgres;
import com.m365backup.restore.app.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL restarted while clients write (docs/api.md, Answers that never contradict the store): writes are answered
 * 503 with Retry-After while it is away, and afterwards every acknowledged create and add is stored and shown, no
 * write answered 503 stored anything (one whose commit broke off is settled by the event store first), and the
 * clients' retries of creates made no second session.
 */
class DatabaseRestartUnderLoadTest {

    @RegisterExtension
    static final OwnPostgres postgres = new OwnPostgres();

    @TempDir
    static Path folder;

    @Test
    void a_database_restart_under_load_answers_no_stored_write_with_an_error_and_loses_none() throws Exception {
        List<String> restorePoints = IntStream.range(0, 40).mapToObj(i -> "restart-rp-" + i).toList();
        Path catalog = Catalogs.write(folder.resolve("catalog.json"), TestTokens.TENANT, restorePoints);
        JdbcTemplate jdbc = postgres.jdbc();
        try (ConfigurableApplicationContext service = postgres.startService(List.of(),
                "--spring.datasource.hikari.connection-timeout=2000", "--restore.catalog.file=file:" + catalog)) {
            GraphHttp http = OwnPostgres.httpOf(service);
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

            writes.stopAndAssertNoneLost(getClass().getSimpleName(), new StoreAccount(postgres.jdbc()), http);
        }
    }
}
