package com.m365backup.restore.app.operations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A first start on an empty data folder, as a newcomer's: nothing at WARN or above, none of the libraries' chatter
 * (initdb's progress, segment claims, adverts, an XStream made for nothing), and one line at the end that says where
 * the service answers, how to get a token and where its data is. In a process of its own, as a newcomer starts it.
 */
class CleanStartTest {

    @TempDir
    Path folder;

    @Test
    void a_first_start_is_quiet_and_ends_with_the_ready_line() throws Exception {
        Path data = folder.resolve("data");
        Path log = folder.resolve("service.log");
        Process service = ServiceProcess.start(log, List.of(),
                "--restore.data-directory=" + data, "--server.port=0", "--management.server.port=0");
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> read(log).contains("Ready on "));
        } finally {
            service.destroy();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        String output = read(log);
        List<String> loud = output.lines().filter(line -> line.matches("^\\S+\\s+(WARN|ERROR) .*")).toList();
        assertThat(loud).as(output).isEmpty();
        assertThat(output).doesNotContain("XStream", "AxonIQ Console", "initdb", "claimed the token for segment",
                "convention-based annotation attribute overrides", "SpringDoc");
        String ready = output.lines().filter(line -> line.contains("Ready on ")).findFirst().orElseThrow();
        assertThat(ready).containsPattern("Ready on http://localhost:\\d+; Swagger UI at http://localhost:\\d+"
                        + "/swagger-ui.html; token: .+token.*; data in ")
                .endsWith("data in " + data);
        assertThat(Files.exists(data.resolve("postgres").resolve("PG_VERSION"))).isTrue();
        assertThat(Files.exists(data.resolve("local-signing-key.json"))).isTrue();
        // Up to the ready line: Spring Boot's banner and start, Tomcat, Flyway's migrations, a line each of our own.
        assertThat(output.substring(0, output.indexOf("Ready on ")).lines().count()).as(output).isLessThan(60);
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
