package com.m365backup.restore.app.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The service's own metrics.
 *
 * @param sessionCountsMaxAge {@code restore.metrics.session-counts-max-age}: how old the counts behind
 *                            {@code restore.sessions} may be before a scrape counts again
 */
@ConfigurationProperties("restore.metrics")
public record MetricsProperties(@DefaultValue("10s") Duration sessionCountsMaxAge) {
}
