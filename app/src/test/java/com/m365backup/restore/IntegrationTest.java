package com.m365backup.restore;

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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "restore.embedded-postgres.ephemeral=true")
public @interface IntegrationTest {
}
