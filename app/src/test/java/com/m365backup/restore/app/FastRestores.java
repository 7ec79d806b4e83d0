package com.m365backup.restore.app;

import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application as {@link IntegrationTest} runs it, with a simulated restorer that takes 50 ms a mailbox, so
 * that a test can run sessions to their end; the restore points {@link #FAILING} always fail. The test classes that
 * carry it share one application context (and PostgreSQL), as their configuration is the same.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = {
        "restore.simulated-restorer.duration=50ms",
        "restore.simulated-restorer.failing-restore-points=" + FastRestores.FAILING})
public @interface FastRestores {

    /** Restore points whose restore always fails: each test that uses one takes its own. */
    String FAILING = "failing-point-1,failing-point-2,failing-point-3,failing-point-4";
}
