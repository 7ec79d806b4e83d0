package com.m365backup.restore.app.service;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The service's settings that several areas read: the event store, the audit's seeding, the token checks and the
 * start-up log.
 *
 * @param defaultTenantId {@code restore.default-tenant-id}: the tenant of local tokens when none is named, and of
 *                        history written before sessions carried a tenant (application.properties)
 * @param dataDirectory   {@code restore.data-directory}: the folder of the embedded default's data, chosen at start-up
 *                        when not configured (DataDirectory)
 */
@ConfigurationProperties("restore")
public record ServiceSettings(String defaultTenantId, Path dataDirectory) {
}
