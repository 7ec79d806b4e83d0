package com.m365backup.restore.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one write may carry and a session may hold (docs/api.md, Create and PATCH): more artifacts in a create is
 * a 413, more items in a delta PATCH a 400, an add to a full session that item's 400, all
 * {@code RestoreArtifactsLimitBreached}. The session's limit is the aggregate's rule; its commands carry this value.
 *
 * @param maxArtifactsPerCreate  {@code restore.limits.max-artifacts-per-create}, default 50
 * @param maxItemsPerPatch       {@code restore.limits.max-items-per-patch}, default 50
 * @param maxArtifactsPerSession {@code restore.limits.max-artifacts-per-session}, default 1,000
 */
@ConfigurationProperties("restore.limits")
public record RestoreLimits(
        @DefaultValue("50") int maxArtifactsPerCreate,
        @DefaultValue("50") int maxItemsPerPatch,
        @DefaultValue("1000") int maxArtifactsPerSession) {
}
