package com.m365backup.restore.query.restorepoint;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The restore point catalog imported at start-up.
 *
 * @param file {@code restore.catalog.file}: a Spring resource location of the catalog's JSON file; unset or empty,
 *             nothing is imported
 */
@ConfigurationProperties("restore.catalog")
public record RestorePointCatalogProperties(String file) {

    public RestorePointCatalogProperties {
        file = file == null ? "" : file;
    }
}
