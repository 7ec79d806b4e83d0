package com.m365backup.restore.command.restorepoint;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The restore points a tenant may restore from; an artifact may only name one that is in here. */
public interface RestorePointCatalog {

    /** The restore point with this id (an opaque string, compared as it is), or empty when the tenant has none. */
    Optional<RestorePoint> find(String tenantId, String restorePointId);

    /** Those of the restore points named that the tenant has, by id: one question for all the adds of a write. */
    Map<String, RestorePoint> findAll(String tenantId, Collection<String> restorePointIds);
}
