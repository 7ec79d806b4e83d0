package com.m365backup.restore.app.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How the simulated restorer behaves.
 *
 * @param duration              {@code restore.simulated-restorer.duration}: how long one mailbox takes, default 2s
 * @param failureRate           {@code restore.simulated-restorer.failure-rate}: the share of restores that fail at
 *                              random, 0.0 to 1.0, default 0
 * @param failingRestorePoints  {@code restore.simulated-restorer.failing-restore-points}: restore point ids whose
 *                              restore always fails (deterministic outcomes for tests and demos), default none
 */
@ConfigurationProperties("restore.simulated-restorer")
public record SimulatedRestorerProperties(
        @DefaultValue("2s") Duration duration,
        @DefaultValue("0") double failureRate,
        @DefaultValue List<String> failingRestorePoints) {
}
