package com.m365backup.restore.query.readmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a write waits for the read model to show it, and how often it looks at the table meanwhile, in case the
 * projection runs on another node and no local notice arrives.
 *
 * @param awaitTimeout         {@code restore.read-model.await-timeout}, default 10s
 * @param awaitRecheckInterval {@code restore.read-model.await-recheck-interval}, default 100ms
 */
@ConfigurationProperties("restore.read-model")
public record ReadModelProperties(
        @DefaultValue("10s") Duration awaitTimeout,
        @DefaultValue("100ms") Duration awaitRecheckInterval) {
}
