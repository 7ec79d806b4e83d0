package com.m365backup.restore.app.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a session that ended stays on the Graph paths, and how the job that retires it runs (docs/api.md,
 * Retention).
 *
 * @param terminalSessions {@code restore.retention.terminal-sessions}: how long after its end a session is retired,
 *                         default 365 days, as Graph documents
 * @param checkInterval    {@code restore.retention.check-interval}: the pause between two runs of the job, default 1h
 * @param batchSize        {@code restore.retention.batch-size}: sessions asked for at a time, default 500
 */
@ConfigurationProperties("restore.retention")
public record RetentionProperties(
        @DefaultValue("365d") Duration terminalSessions,
        @DefaultValue("1h") Duration checkInterval,
        @DefaultValue("500") int batchSize) {
}
