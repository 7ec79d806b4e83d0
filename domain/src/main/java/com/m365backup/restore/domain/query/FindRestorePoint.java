package com.m365backup.restore.domain.query;

/**
 * Asks the restore point catalog for one restore point of a tenant, its id compared exactly as given (ids are
 * opaque, docs/api.md, Resources: restorePoint); answers an {@code Optional<RestorePointView>} with its protection
 * unit.
 */
public record FindRestorePoint(String tenantId, String restorePointId) {
}
