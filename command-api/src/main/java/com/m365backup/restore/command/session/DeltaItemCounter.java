package com.m365backup.restore.command.session;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Counts the items of delta PATCHes by outcome ({@code restore.patch.items}, tagged {@code outcome} added, removed or
 * failed, and the failure's Graph {@code code}), so that an operator sees what clients try and what they are refused.
 */
@Component
class DeltaItemCounter {

    static final String METER = "restore.patch.items";
    /** Prometheus wants the same tag keys on every series of a name: successes carry this code. */
    static final String NO_CODE = "none";

    private final MeterRegistry registry;

    DeltaItemCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(List<DeltaItem> items, List<DeltaResult> results) {
        for (DeltaResult result : results) {
            if (result instanceof AddedArtifact) {
                increment("added", NO_CODE, 1);
            } else if (result instanceof FailedItem failed) {
                increment("failed", failed.failure().info().code(), 1);
            }
        }
        // Every item is shown in the answer except a successful removal (docs/api.md, PATCH per-item outcomes).
        increment("removed", NO_CODE, items.size() - results.size());
    }

    private void increment(String outcome, String code, int amount) {
        if (amount > 0) {
            registry.counter(METER, "outcome", outcome, "code", code).increment(amount);
        }
    }
}
