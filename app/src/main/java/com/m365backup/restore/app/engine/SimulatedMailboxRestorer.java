package com.m365backup.restore.app.engine;

import com.m365backup.restore.domain.session.DestinationType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stands in for Exchange so that the whole lifecycle runs on one machine: each restore takes the configured time, and
 * fails when its restore point is on the configured list or, at the configured rate, at random. A restore into a new
 * folder names the folder after the time of the restore; an in-place restore names none. A granular restore restores
 * the messages its query finds in the unit's {@link SyntheticMailbox}, as many as the search counted.
 */
class SimulatedMailboxRestorer implements MailboxRestorer {

    private static final DateTimeFormatter FOLDER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss").withZone(ZoneOffset.UTC);
    private static final int MAX_ITEMS = 5000;

    private final SimulatedRestorerProperties properties;
    private final Clock clock;

    SimulatedMailboxRestorer(SimulatedRestorerProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RestoredMailbox restore(MailboxRestore restore) {
        try {
            // Simulated work; the engine's time-out and shutdown interrupt it.
            Thread.sleep(properties.duration().toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MailboxRestoreInterrupted("The simulated restore of mailbox " + restore.mailboxId()
                    + " was interrupted.", interrupted);
        }
        if (properties.failingRestorePoints().contains(restore.restorePointId())
                || ThreadLocalRandom.current().nextDouble() < properties.failureRate()) {
            throw new IllegalStateException("The mailbox store did not accept the restored items of mailbox "
                    + restore.mailboxId() + " (simulated failure).");
        }
        // The same artifact always restores the same number of items: outcomes stay comparable across runs.
        int items = restore.query() != null ? SyntheticMailbox.of(restore.mailboxId()).count(restore.query())
                : Math.floorMod(restore.artifactId().hashCode(), MAX_ITEMS) + 1;
        if (restore.destinationType() == DestinationType.IN_PLACE) {
            return new RestoredMailbox(null, null, items);
        }
        String folderId = UUID.nameUUIDFromBytes(restore.artifactId().getBytes(StandardCharsets.UTF_8)).toString();
        return new RestoredMailbox(folderId, "Restored " + FOLDER_TIME.format(clock.instant()), items);
    }
}
