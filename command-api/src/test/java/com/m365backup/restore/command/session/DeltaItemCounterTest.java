package com.m365backup.restore.command.session;

import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.Rejection;
import com.m365backup.restore.domain.session.RemovalReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The PATCH item counter that operators read: one count per item, by outcome and, for failures, by Graph code. */
class DeltaItemCounterTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final RestorePointLink RESTORE_POINT =
            new RestorePointLink("@odata.id", "1b014d8c-71fe-4d00-a01a-31850bc5b32c", "1b014d8c-71fe-4d00-a01a-31850bc5b32c");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeltaItemCounter outcomes = new DeltaItemCounter(registry);

    @Test
    void each_item_is_counted_once_as_added_removed_or_failed_with_its_code() {
        DeltaItem.Add add = new DeltaItem.Add(null, RESTORE_POINT, DestinationType.IN_PLACE);
        DeltaItem.Add unknownRestorePoint = new DeltaItem.Add(null, RESTORE_POINT, DestinationType.IN_PLACE);
        DeltaItem.Remove remove = new DeltaItem.Remove(null, "a-1", RemovalReason.CHANGED);
        DeltaItem.Remove unknownArtifact = new DeltaItem.Remove(null, "a-2", RemovalReason.CHANGED);

        outcomes.count(List.of(add, unknownRestorePoint, remove, unknownArtifact), List.of(
                AddedArtifact.of("a-3", add, NOW),
                FailedItem.of(unknownRestorePoint, GraphRejection.of(Rejection.UNKNOWN_RESTORE_POINT), "unknown"),
                FailedItem.of(unknownArtifact, new GraphRejection(RequestRefused.Kind.CONFLICT, "Invalid"),
                        "unknown")));

        assertThat(count("added", "none")).isEqualTo(1);
        assertThat(count("removed", "none")).isEqualTo(1);
        assertThat(count("failed", "InvalidRestorePoint")).isEqualTo(1);
        assertThat(count("failed", "Invalid")).isEqualTo(1);
        assertThat(registry.find(DeltaItemCounter.METER).counters()).hasSize(4);
    }

    @Test
    void a_patch_of_only_successful_removals_counts_them_all() {
        outcomes.count(List.of(new DeltaItem.Remove(null, "a-1", RemovalReason.DELETED),
                new DeltaItem.Remove(null, "a-2", RemovalReason.CHANGED)), List.of());

        assertThat(count("removed", "none")).isEqualTo(2);
        assertThat(registry.find(DeltaItemCounter.METER).counters()).hasSize(1);
    }

    private double count(String outcome, String code) {
        return registry.get(DeltaItemCounter.METER).tag("outcome", outcome).tag("code", code).counter().count();
    }

}
