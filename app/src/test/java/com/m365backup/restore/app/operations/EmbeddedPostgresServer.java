package com.m365backup.restore.app.operations;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops and starts the embedded PostgreSQL under a running application, with its own {@code pg_ctl}: as zonky does,
 * through {@code unshare -U} where the tests run as root, since PostgreSQL refuses to run as root.
 */
final class EmbeddedPostgresServer {

    private final Path dataDirectory;
    private final Path pgCtl;

    private EmbeddedPostgresServer(Path dataDirectory, Path pgCtl) {
        this.dataDirectory = dataDirectory;
        this.pgCtl = pgCtl;
    }

    /** The server behind {@code jdbc}, found while it runs: its data directory, and its binaries by how it started. */
    static EmbeddedPostgresServer of(JdbcTemplate jdbc) {
        Path dataDirectory = Path.of(jdbc.queryForObject("show data_directory", String.class));
        try {
            // "<path of postgres> "-D" "<data>" "-p" "<port>" ...": the binary's path comes first, unquoted.
            String startedWith = Files.readString(dataDirectory.resolve("postmaster.opts")).strip();
            Path postgres = Path.of(startedWith.split(" ", 2)[0]);
            return new EmbeddedPostgresServer(dataDirectory, postgres.resolveSibling("pg_ctl"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** A fast shutdown: connections are closed, committed data stays. */
    void stop() {
        pgCtl("stop", "-m", "fast");
    }

    /** Starts it again with the options of its last start, which PostgreSQL keeps in {@code postmaster.opts}. */
    void start() {
        // Without a running server, "restart" is a start with the options of the last one (same port, same settings).
        pgCtl("restart");
    }

    private void pgCtl(String action, String... options) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-w", "-t", "60", action));
        command.addAll(List.of(options));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(command + " ended with " + exit);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
