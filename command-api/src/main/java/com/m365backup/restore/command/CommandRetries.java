package com.m365backup.restore.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How often a write that lost the race for a session's next event (another node appended first) is run again,
 * whole, against the session's new state, before the client is asked to retry it (503 with {@code Retry-After}).
 *
 * @param maxRetries      {@code restore.commands.max-retries}, default 3
 * @param retryIntervalMs {@code restore.commands.retry-interval-ms}, default 50: the pause before the first retry,
 *                        growing with each (and spread at random, so that two nodes that collided do not collide
 *                        again in step)
 */
@ConfigurationProperties("restore.commands")
public record CommandRetries(
        @DefaultValue("3") int maxRetries,
        @DefaultValue("50") int retryIntervalMs) {

    public Duration pauseBefore(int retry) {
        long base = (long) retryIntervalMs * retry;
        return Duration.ofMillis(base + (long) (Math.random() * retryIntervalMs));
    }
}
