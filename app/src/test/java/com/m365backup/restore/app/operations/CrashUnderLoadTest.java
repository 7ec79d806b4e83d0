package com.m365backup.restore.app.operations;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.OwnPostgres;
import com.m365backup.restore.app.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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

    @RegisterExtension
    static final OwnPostgres postgres = new OwnPostgres();

    @TempDir
    Path folder;

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

            writes.stopAndAssertNoneLost(getClass().getSimpleName(), new StoreAccount(postgres.jdbc()), http);
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
        return ServiceProcess.start(folder.resolve(name + ".log"), List.of("-Daxoniq.update-checker.disabled=true"),
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--server.port=" + port, "--management.server.port=0",
                "--restore.catalog.file=file:" + catalog,
                "--restore.security.local-tokens.key-file=" + TestTokens.KEY_FILE.toAbsolutePath());
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
