package com.m365backup.restore.app.audit;

import com.m365backup.restore.app.RestoreSessionsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line modes run as {@code main} runs them (no web server, {@code restore.command} set from the first
 * argument): {@code seed-history} writes history, and {@code replay} rebuilds the read model from it, on one
 * embedded PostgreSQL kept between the two runs.
 */
class CommandLineModesTest {

    @TempDir
    Path data;

    @Test
    void seed_history_then_replay_rebuild_the_read_model_without_serving_http() {
        try (ConfigurableApplicationContext seeded = run("seed-history")) {
            JdbcTemplate jdbc = seeded.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(3 * 3L);
        }
        try (ConfigurableApplicationContext replayed = run("replay")) {
            JdbcTemplate jdbc = replayed.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from restore_session", Long.class)).isEqualTo(3L);
            assertThat(jdbc.queryForObject("select count(*) from mailbox_restore_artifact", Long.class))
                    .isEqualTo(3 * 2L);
        }
    }

    /** As {@code main} runs a mode; the settings as command-line arguments, which win over application.properties. */
    private ConfigurableApplicationContext run(String command) {
        return new SpringApplicationBuilder(RestoreSessionsApplication.class)
                .web(WebApplicationType.NONE)
                .properties("restore.command=" + command)
                .run(command,
                        "--restore.embedded-postgres.data-directory=" + data.resolve("postgres"),
                        "--restore.seed.sessions=3",
                        "--restore.seed.artifacts-per-session=2");
    }
}
