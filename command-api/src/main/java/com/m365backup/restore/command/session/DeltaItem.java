package com.m365backup.restore.command.session;

import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.RemovalReason;

/** One item of a delta PATCH, read and found well formed: an artifact to add, or one to remove. */
sealed interface DeltaItem permits DeltaItem.Add, DeltaItem.Remove {

    /** The client's correlation id ({@code @contentId} or one of its aliases), or null when it sent none. */
    String contentId();

    /** The item's operation as Graph names it in a {@code failedOperation}. */
    String operation();

    /** {@code {"restorePoint": {...}, "destinationType": ...}}. */
    record Add(String contentId, RestorePointLink restorePoint, DestinationType destinationType) implements DeltaItem {
        @Override
        public String operation() {
            return "add";
        }
    }

    /** {@code {"@removed": {"reason": ...}, "id": ...}}. */
    record Remove(String contentId, String artifactId, RemovalReason reason) implements DeltaItem {
        @Override
        public String operation() {
            return "remove";
        }
    }
}
