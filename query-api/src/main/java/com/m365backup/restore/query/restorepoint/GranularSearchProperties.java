package com.m365backup.restore.query.restorepoint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a granular search is kept, so that a session can be created from it by its {@code searchResponseId}
 * (docs/api.md, Granular restore).
 *
 * @param searchRetention {@code restore.granular.search-retention}, default 7 days
 */
@ConfigurationProperties("restore.granular")
public record GranularSearchProperties(@DefaultValue("7d") Duration searchRetention) {
}
