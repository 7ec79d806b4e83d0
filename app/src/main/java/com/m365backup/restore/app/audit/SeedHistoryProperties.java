package com.m365backup.restore.app.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the {@code seed-history} command writes (docs/performance.md).
 *
 * @param sessions            {@code restore.seed.sessions}: how many draft sessions
 * @param artifactsPerSession {@code restore.seed.artifacts-per-session}: the artifacts of each of them
 */
@ConfigurationProperties("restore.seed")
public record SeedHistoryProperties(@DefaultValue("5000") int sessions, @DefaultValue("19") int artifactsPerSession) {
}
