package com.m365backup.restore.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL of one test class's own, with {@code synchronous_commit} on, for the tests that start, stop, kill and
 * restart services on it (register it as a static extension: it starts before the class's {@code @BeforeAll} and stops
 * after its {@code @AfterAll}); and the services themselves, in this JVM, on free ports.
 */
public final class OwnPostgres implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }

    /** The application with these configurations added, on this database, and these arguments besides. */
    public ConfigurableApplicationContext startService(List<Class<?>> configurations, String... arguments) {
        List<Class<?>> sources = new ArrayList<>(List.of(RestoreSessionsApplication.class));
        sources.addAll(configurations);
        List<String> all = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--management.server.port=0",
                "--restore.security.local-tokens.key-file=" + TestTokens.KEY_FILE));
        all.addAll(List.of(arguments));
        // Arguments, not default properties: application.properties would win over those (its fixed ports).
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(all.toArray(String[]::new));
    }

    /** Graph HTTP to a service {@link #startService} started. */
    public static GraphHttp httpOf(ConfigurableApplicationContext service) {
        return new GraphHttp(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }
}
