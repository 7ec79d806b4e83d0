package com.m365backup.restore.query.readmodel;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wakes the requests waiting for a session's version as soon as this node's projection has committed it, so that a
 * write's answer waits for its own change without polling the table (docs/design.md, The read path).
 */
@Component
class ReadModelProgress {

    private final ConcurrentMap<String, List<Waiter>> waiting = new ConcurrentHashMap<>();

    Waiter waitFor(String sessionId, long version) {
        Waiter waiter = new Waiter(version);
        waiting.compute(sessionId, (id, waiters) -> {
            List<Waiter> all = waiters == null ? new ArrayList<>() : waiters;
            all.add(waiter);
            return all;
        });
        return waiter;
    }

    void stopWaiting(String sessionId, Waiter waiter) {
        waiting.computeIfPresent(sessionId, (id, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }

    /** The read model shows each of these sessions at its version, committed. */
    void shown(Map<String, Long> versions) {
        versions.forEach(this::shown);
    }

    /** The read model shows the session at {@code version}, committed. */
    void shown(String sessionId, long version) {
        waiting.computeIfPresent(sessionId, (id, waiters) -> {
            waiters.stream().filter(waiter -> waiter.version <= version).forEach(Waiter::wake);
            return waiters;
        });
    }

    /** One request waiting for a session to be shown at a version or later; compared by identity. */
    static final class Waiter {

        private final long version;
        private final CompletableFuture<Void> shown = new CompletableFuture<>();

        private Waiter(long version) {
            this.version = version;
        }

        private void wake() {
            shown.complete(null);
        }

        /** Whether the version was shown within the time given. */
        boolean awaitShown(long nanos) throws InterruptedException {
            try {
                shown.get(nanos, TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException notYet) {
                return false;
            } catch (ExecutionException impossible) {
                throw new IllegalStateException("A waiter is only ever completed normally", impossible);
            }
        }
    }
}
