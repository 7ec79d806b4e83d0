package com.m365backup.restore.app.engine;

import com.m365backup.restore.domain.session.ArtifactErrorCode;
import com.m365backup.restore.domain.session.ArtifactRestoreStarted;
import com.m365backup.restore.domain.session.CompleteArtifactRestore;
import com.m365backup.restore.domain.session.FailArtifactRestore;
import com.m365backup.restore.domain.session.Rejection;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Restores each artifact in progress through the {@link MailboxRestorer} and records the result as one command:
 * {@link CompleteArtifactRestore}, or {@link FailArtifactRestore} when the restorer throws or runs out of time
 * ({@code UnknownError} unless it names a Graph code). The other artifacts go on either way. A restore interrupted
 * because the service stops ({@link MailboxRestoreInterrupted}) records nothing. How long each restore took goes to
 * {@link RestoreMeters}, once its result is stored.
 *
 * <p>Its own pooled processor, one event per batch: the result's events and the token commit together right after
 * the restorer answers, with the mark that the result is stored ({@link StoredRestoreResults}). A restore delivered
 * again whose result is stored is not handed to the restorer a second time, also not after a restart. A restore
 * interrupted before it answered (the service stopped) is started again.
 */
@Component
@ProcessingGroup(MailboxRestores.PROCESSING_GROUP)
@DisallowReplay
class MailboxRestores {

    static final String PROCESSING_GROUP = "mailbox-restores";

    private static final Logger log = LoggerFactory.getLogger(MailboxRestores.class);

    private final MailboxRestorer restorer;
    private final CommandGateway commandGateway;
    private final ExecutorService restoreThreads;
    private final Duration timeout;
    private final Clock clock;
    private final RestoreMeters meters;
    private final StoredRestoreResults storedResults;

    MailboxRestores(MailboxRestorer restorer, CommandGateway commandGateway, ExecutorService mailboxRestoreThreads,
                    RestoreEngineProperties properties, Clock clock, RestoreMeters meters,
                    StoredRestoreResults storedResults) {
        this.restorer = restorer;
        this.commandGateway = commandGateway;
        this.restoreThreads = mailboxRestoreThreads;
        this.timeout = properties.restoreTimeout();
        this.clock = clock;
        this.meters = meters;
        this.storedResults = storedResults;
    }

    @EventHandler
    void on(ArtifactRestoreStarted event) throws InterruptedException {
        if (storedResults.stored(event.artifactId())) {
            log.info("The restore of artifact {} of restore session {} was delivered again; its result is stored, so"
                    + " it is not restored again", event.artifactId(), event.sessionId());
            return;
        }
        MailboxRestore restore = new MailboxRestore(event.tenantId(), event.sessionId(), event.artifactId(),
                event.restorePointId(), event.mailboxId(), event.destinationType(), event.artifactQuery());
        Object result;
        long started = System.nanoTime();
        // A task of its own, so that a restore given up (time-out, the service stopping) is interrupted, not left running.
        Future<RestoredMailbox> restoring = restoreThreads.submit(() -> restorer.restore(restore));
        try {
            RestoredMailbox restored = restoring.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            result = new CompleteArtifactRestore(event.sessionId(), event.artifactId(), restored.folderId(),
                    restored.folderName(), restored.itemCount(), now());
        } catch (TimeoutException tooLong) {
            restoring.cancel(true);
            result = failure(event, ArtifactErrorCode.UNKNOWN_ERROR, "The restore of the mailbox did not finish"
                    + " within " + spoken(timeout) + " and was given up.");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof MailboxRestoreInterrupted stopping) {
                throw stopping;
            }
            result = failure(event, failed.getCause());
        } catch (InterruptedException stopping) {
            // The service stops: no result, so nothing is recorded and the restore starts again after the restart.
            restoring.cancel(true);
            throw stopping;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // Marked before the command, which holds the session's lock until the batch commits: the mark commits or rolls
        // back with the result all the same, and the session's lock is not held for one more round trip.
        storedResults.markStored(event.sessionId(), event.artifactId());
        try {
            commandGateway.sendAndWait(result);
            meters.artifactRestored(result instanceof CompleteArtifactRestore ? "succeeded" : "failed", took);
        } catch (RestoreSessionRejected rejected) {
            if (rejected.rejection() != Rejection.ARTIFACT_NOT_AT_THAT_STEP) {
                throw rejected;
            }
            log.warn("The result of artifact {} of restore session {} came after its end and was not recorded",
                    event.artifactId(), event.sessionId());
        }
    }

    private FailArtifactRestore failure(ArtifactRestoreStarted event, Throwable cause) {
        if (cause instanceof MailboxRestoreRefused refused) {
            return failure(event, refused.code(), refused.getMessage());
        }
        log.warn("The restore of artifact {} of restore session {} failed", event.artifactId(), event.sessionId(),
                cause);
        String reason = cause == null || cause.getMessage() == null ? "" : " " + cause.getMessage();
        return failure(event, ArtifactErrorCode.UNKNOWN_ERROR, "The restore of the mailbox failed." + reason);
    }

    private FailArtifactRestore failure(ArtifactRestoreStarted event, ArtifactErrorCode code, String message) {
        return new FailArtifactRestore(event.sessionId(), event.artifactId(), code, message, now());
    }

    private static String spoken(Duration duration) {
        if (duration.toMinutes() > 0 && duration.toSecondsPart() == 0 && duration.toMillisPart() == 0) {
            return duration.toMinutes() + " minutes";
        }
        if (duration.toSeconds() > 0 && duration.toMillisPart() == 0) {
            return duration.toSeconds() + " seconds";
        }
        return duration.toMillis() + " milliseconds";
    }

    // PostgreSQL keeps microseconds: a time written now must equal the time read back.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
