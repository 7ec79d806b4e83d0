package com.m365backup.restore.app.engine;

import com.m365backup.restore.app.IntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application with {@link AnyRestorePoint} as the catalog and the restorer steered
 * ({@link RestoreEngineTest.Steered}): restore points named {@code broken-*} fail, {@code held-*} wait until the test
 * lets them go, and activation's limits are small enough to reach. The test classes that carry it share one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import({AnyRestorePoint.InPlaceOfTheCatalog.class, RestoreEngineTest.Steered.class})
@TestPropertySource(properties = {
        "restore.simulated-restorer.duration=50ms",
        "restore.simulated-restorer.failing-restore-points=broken-1,broken-2,broken-3,broken-4,broken-5",
        "restore.activation.max-active-sessions=3",
        "restore.activation.max-mailboxes-in-restore=5"})
@interface BrokenAndHeldRestores {
}
