package com.m365backup.restore.command.restorepoint;

import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Stands in for the restore point catalog in the slice tests: every restore point exists, protects a mailbox named
 * like itself (so two artifacts of one restore point are two artifacts of one mailbox) and never expires. A test
 * that needs another answer mocks the catalog instead.
 */
@Component
public class UncataloguedRestorePoints implements RestorePointCatalog {

    @Override
    public Optional<RestorePoint> find(String tenantId, String restorePointId) {
        return Optional.of(new RestorePoint(restorePointId, restorePointId, null));
    }
}
