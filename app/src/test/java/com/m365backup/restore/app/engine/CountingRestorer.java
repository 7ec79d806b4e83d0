package com.m365backup.restore.app.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated restorer, watched: how often each artifact was handed to it, which artifacts it reported a result for
 * (a restore or a failure, not an interruption), and every call for an artifact whose result was already reported.
 * Shared by the application contexts of one test, as it outlives each of them.
 */
class CountingRestorer implements MailboxRestorer {

    private final MailboxRestorer simulated;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> results = new ConcurrentHashMap<>();
    private final List<String> callsAfterResult = new CopyOnWriteArrayList<>();

    CountingRestorer(MailboxRestorer simulated) {
        this.simulated = simulated;
    }

    @Override
    public RestoredMailbox restore(MailboxRestore restore) {
        String artifact = restore.artifactId();
        calls.computeIfAbsent(artifact, id -> new AtomicInteger()).incrementAndGet();
        if (results.containsKey(artifact)) {
            callsAfterResult.add(artifact);
        }
        try {
            RestoredMailbox restored = simulated.restore(restore);
            reported(artifact);
            return restored;
        } catch (MailboxRestoreInterrupted interrupted) {
            throw interrupted;
        } catch (RuntimeException failed) {
            reported(artifact);
            throw failed;
        }
    }

    private void reported(String artifact) {
        results.computeIfAbsent(artifact, id -> new AtomicInteger()).incrementAndGet();
    }

    int reportedResults() {
        return results.size();
    }

    int callsOf(String artifact) {
        AtomicInteger count = calls.get(artifact);
        return count == null ? 0 : count.get();
    }

    int resultsOf(String artifact) {
        AtomicInteger count = results.get(artifact);
        return count == null ? 0 : count.get();
    }

    int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    List<String> callsAfterResult() {
        return List.copyOf(callsAfterResult);
    }
}
