package com.m365backup.restore.command.restorepoint;

import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /** Asks {@link #find} for each, so that a test stubbing {@code find} on a spy of this catalog answers both. */
    @Override
    public Map<String, RestorePoint> findAll(String tenantId, Collection<String> restorePointIds) {
        Map<String, RestorePoint> found = new HashMap<>();
        restorePointIds.forEach(id -> find(tenantId, id).ifPresent(restorePoint -> found.put(id, restorePoint)));
        return found;
    }
}
