package com.m365backup.restore.app.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param dataDirectory where its data lives across restarts
 * @param port          its TCP port on the loopback interface; 0 picks a free one at each start
 * @param ephemeral     start from an empty data directory and delete it at shutdown (tests)
 */
@ConfigurationProperties("restore.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, int port, boolean ephemeral) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of("data", "postgres");
        }
    }
}
