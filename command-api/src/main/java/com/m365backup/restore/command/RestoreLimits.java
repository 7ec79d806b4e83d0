package com.m365backup.restore.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one write may carry (spec/api.md, Create and PATCH): more artifacts in a create is a 413, more items in a
 * delta PATCH a 400, both {@code RestoreArtifactsLimitBreached}.
 *
 * @param maxArtifactsPerCreate {@code restore.limits.max-artifacts-per-create}, default 50
 * @param maxItemsPerPatch      {@code restore.limits.max-items-per-patch}, default 50
 */
@ConfigurationProperties("restore.limits")
public record RestoreLimits(
        @DefaultValue("50") int maxArtifactsPerCreate,
        @DefaultValue("50") int maxItemsPerPatch) {
}
