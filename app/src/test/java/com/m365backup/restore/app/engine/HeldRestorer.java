package com.m365backup.restore.app.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The simulated restorer, except that a restore point whose id starts with {@code held-} waits until the test lets it
 * go: a session stays active exactly as long as a test needs it.
 */
class HeldRestorer implements MailboxRestorer {

    private final MailboxRestorer simulated;
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

    HeldRestorer(MailboxRestorer simulated) {
        this.simulated = simulated;
    }

    @Override
    public RestoredMailbox restore(MailboxRestore restore) {
        if (restore.restorePointId().startsWith("held-")) {
            try {
                if (!hold(restore.restorePointId()).await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("Nobody let the restore of " + restore.restorePointId() + " go");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new MailboxRestoreInterrupted("Interrupted while held", interrupted);
            }
        }
        return simulated.restore(restore);
    }

    void letGo(String restorePointId) {
        hold(restorePointId).countDown();
    }

    private CountDownLatch hold(String restorePointId) {
        return holds.computeIfAbsent(restorePointId, id -> new CountDownLatch(1));
    }
}
