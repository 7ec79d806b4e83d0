package com.m365backup.restore.app.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * When the service is killed (kill -9, power loss of the JVM), its PostgreSQL outlives it and still holds the data
 * directory; the next start would wait and fail on the lock file. Stopping that orphan first (a fast, clean shutdown:
 * nothing committed is lost) lets the service come back by itself.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private OrphanedPostgres() {
    }

    static void stopIfRunning(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .ifPresent(OrphanedPostgres::stop);
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle postmaster) {
        log.warn("A PostgreSQL (pid {}) left running by an earlier run holds the data directory; stopping it",
                postmaster.pid());
        try {
            // SIGINT is PostgreSQL's "fast" shutdown: open transactions roll back, committed data is kept.
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
            postmaster.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException failure) {
            log.warn("Could not stop the earlier PostgreSQL (pid {}); starting anyway", postmaster.pid(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
