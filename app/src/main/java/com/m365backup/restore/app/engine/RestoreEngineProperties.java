package com.m365backup.restore.app.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the engine lets one mailbox restore run before it fails the artifact with {@code UnknownError}.
 *
 * @param restoreTimeout {@code restore.engine.restore-timeout}, default 30m
 */
@ConfigurationProperties("restore.engine")
public record RestoreEngineProperties(@DefaultValue("30m") Duration restoreTimeout) {
}
