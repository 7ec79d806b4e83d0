package com.m365backup.restore.app;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application over real HTTP on a real PostgreSQL: the embedded one, started empty for the test run and
 * shared by every test class through Spring's context cache.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Metrics as in production (Prometheus included), so that every test shares this one context.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = RestoreSessionsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"restore.embedded-postgres.ephemeral=true",
                // The key TestTokens signs with.
                "restore.security.local-tokens.key-file=target/test-signing-key.json",
                // A stopped database shows in readiness within seconds rather than Hikari's default 30s.
                "spring.datasource.hikari.connection-timeout=5000"})
public @interface IntegrationTest {
}
