package com.m365backup.restore.app.operations;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.RestoreSessionsApplication;
import com.m365backup.restore.app.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service killed with SIGKILL while clients write loses no write it acknowledged (docs/api.md, Answers that never
 * contradict the store): the service runs as a child process on a PostgreSQL of the test's, is killed mid-load and
 * started again, and every create answered with a session and every artifact answered as added is in the event
 * store and, once the read side has caught up, in the read model; no create was made twice by the clients' retries,
 * and no write answered 503 stored anything.
 *
 * <p>An answer is only ever sent once the write's one commit returned, with {@code synchronous_commit} on: what was
 * answered is on disk before the client reads it, and a kill can only take away writes nobody was told about.
 */
class CrashUnderLoadTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path folder;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void a_service_killed_under_load_loses_no_write_it_acknowledged() throws Exception {
        List<String> restorePoints = IntStream.range(0, 40).mapToObj(i -> "crash-rp-" + i).toList();
        Path catalog = Catalogs.write(folder.resolve("catalog.json"), TestTokens.TENANT, restorePoints);
        int port = freePort();
        GraphHttp http = new GraphHttp(port);
        AcknowledgedWrites writes = new AcknowledgedWrites(() -> http, restorePoints);
        Process first = start(port, catalog, "first");
        Process second = null;
        try {
            awaitReady(http);
            writes.start(6);
            await().atMost(Duration.ofSeconds(60)).until(() -> writes.addedArtifacts.size() > 100);

            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            second = start(port, catalog, "second");
            awaitReady(http);
            int acknowledgedAtRestart = writes.addedArtifacts.size();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> writes.addedArtifacts.size() > acknowledgedAtRestart + 50);
            writes.stop();

            System.out.println(getClass().getSimpleName() + ": " + writes.account());
            StoreAccount store = new StoreAccount(new JdbcTemplate(postgres.getPostgresDatabase()));
            assertThat(writes.unexpected).isEmpty();
            store.assertHolds(writes);
            store.assertShownBy(http, writes);
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroy();
                second.waitFor(60, TimeUnit.SECONDS);
                second.destroyForcibly();
            }
        }
    }

    private Process start(int port, Path catalog, String name) throws IOException {
        return new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Daxoniq.update-checker.disabled=true",
                RestoreSessionsApplication.class.getName(),
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--server.port=" + port, "--management.server.port=0",
                "--restore.catalog.file=file:" + catalog,
                "--restore.security.local-tokens.key-file=" + TestTokens.KEY_FILE.toAbsolutePath())
                .redirectErrorStream(true).redirectOutput(folder.resolve(name + ".log").toFile()).start();
    }

    private static void awaitReady(GraphHttp http) {
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> http.get("/beta/solutions/backupRestore/exchangeRestoreSessions?$top=1").status() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
