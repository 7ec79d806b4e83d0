package com.m365backup.restore.app.engine;

import com.m365backup.restore.command.restorepoint.RestorePoint;
import com.m365backup.restore.command.restorepoint.RestorePointCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A catalog for the engine's tests: every restore point exists, protects a mailbox named like itself and never
 * expires, so that a test steers the restorer by the ids it picks (or picks mailboxes by name).
 */
public class AnyRestorePoint implements RestorePointCatalog {

    /**
     * This catalog in place of the service's, for a context that imports it or starts with it. Not a
     * {@code @Configuration}: the service's component scan covers the test classes too, and would put it in every
     * context.
     */
    public static class InPlaceOfTheCatalog {

        @Bean
        @Primary
        RestorePointCatalog anyRestorePoint() {
            return new AnyRestorePoint();
        }
    }

    @Override
    public Optional<RestorePoint> find(String tenantId, String restorePointId) {
        return Optional.of(new RestorePoint(restorePointId, restorePointId, null));
    }

    @Override
    public Map<String, RestorePoint> findAll(String tenantId, Collection<String> restorePointIds) {
        return restorePointIds.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), id -> new RestorePoint(id, id, null)));
    }
}
